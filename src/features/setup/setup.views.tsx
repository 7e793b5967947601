import { ErrorSummary, Heading, P, PostForm, SubmitButton, TextField } from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { FormState } from '../../platform/views/components.js';

export function SetupPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.title')}>
      <Heading>{t('setup.title')}</Heading>
      <P>{t('setup.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/installatie">
        <TextField name="token" label={t('setup.field.token')} hint={t('setup.field.token.hint')} autocomplete="off" required {...state} />
        <TextField name="name" label={t('accounts.field.name')} autocomplete="name" required {...state} />
        <TextField name="email" type="email" label={t('accounts.field.email')} autocomplete="email" required {...state} />
        <TextField name="password" type="password" label={t('accounts.field.password')} hint={t('accounts.field.password.hint')} autocomplete="new-password" required {...state} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('setup.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}
