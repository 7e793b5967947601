import { A, Heading, P, PostForm, SubmitButton } from '../../../platform/views/components.js';
import { Layout } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';

/** The form field; a checkbox sends it only when ticked. */
export const REMINDERS_FIELD = 'herinneringen';
export const REMINDERS_ON = 'aan';

export function ReminderSettingsPage({ ctx, enabled }: { ctx: PageContext; enabled: boolean }) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('reminders.title')}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        { href: '/werkboek', label: t('workbook.title') },
      ]}
    >
      <Heading>{t('reminders.title')}</Heading>
      <P>{t('reminders.prefs.intro')}</P>
      <PostForm ctx={ctx} action="/werkboek/herinneringen">
        <fieldset class="utrecht-form-fieldset" aria-describedby="veld-herinneringen-uitleg">
          <legend class="utrecht-form-fieldset__legend">{t('reminders.prefs.legend')}</legend>
          <div class="utrecht-form-field-description" id="veld-herinneringen-uitleg">
            {t('reminders.prefs.hint')}
          </div>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input
              class="utrecht-checkbox utrecht-checkbox--html-input"
              type="checkbox"
              id="veld-herinneringen"
              name={REMINDERS_FIELD}
              value={REMINDERS_ON}
              checked={enabled}
            />{' '}
            <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-herinneringen">
              {t('reminders.prefs.field')}
            </label>
          </div>
        </fieldset>
        <div class="mmm-form-actions">
          <SubmitButton>{t('reminders.prefs.submit')}</SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href="/werkboek">{t('reminders.prefs.back')}</A>
      </P>
    </Layout>
  );
}
