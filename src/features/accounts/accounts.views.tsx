import type { Region } from '../regions/regions.service.js';
import type { Profession } from '../professions/professions.service.js';
import {
  A,
  ActionButton,
  ErrorSummary,
  formatDateTime,
  Heading,
  Notice,
  P,
  PostForm,
  RadioGroup,
  SelectField,
  SubmitButton,
  Table,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import { PROFILE_TYPES } from './accounts.schemas.js';

export type { FormState } from '../../platform/views/components.js';

const accountCrumbs = (ctx: PageContext) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/account', label: ctx.t('accounts.overview.title') },
];

function ProfileFields({ ctx, state, professions, regions }: { ctx: PageContext; state: FormState; professions: readonly Profession[]; regions: readonly Region[] }) {
  const { t } = ctx;
  return (
    <>
      <TextField name="name" label={t('accounts.field.name')} hint={t('accounts.field.name.hint')} autocomplete="name" required {...state} />
      <RadioGroup
        name="profileType"
        label={t('accounts.field.profileType')}
        hint={t('accounts.field.profileType.hint')}
        options={PROFILE_TYPES.map((p) => ({ value: p, label: t(`accounts.profile.${p}`) }))}
        {...state}
      />
      <SelectField
        name="professionSlug"
        label={`${t('accounts.field.profession')} ${t('form.optional')}`}
        hint={t('accounts.field.profession.hint')}
        emptyLabel={t('accounts.field.noProfession')}
        options={professions.map((p) => ({ value: p.slug, label: p.name }))}
        {...state}
      />
      <SelectField
        name="homeRegionSlug"
        label={`${t('accounts.field.homeRegion')} ${t('form.optional')}`}
        hint={t('accounts.field.homeRegion.hint')}
        emptyLabel={t('accounts.field.noRegion')}
        options={regions.map((r) => ({ value: r.slug, label: r.name }))}
        {...state}
      />
    </>
  );
}

export function RegisterPage({ ctx, state, professions, regions }: { ctx: PageContext; state: FormState; professions: readonly Profession[]; regions: readonly Region[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.register.title')}>
      <Heading>{t('accounts.register.title')}</Heading>
      <P>{t('accounts.register.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/registreren">
        <ProfileFields ctx={ctx} state={state} professions={professions} regions={regions} />
        <TextField name="email" type="email" label={t('accounts.field.email')} autocomplete="email" required {...state} />
        <TextField
          name="password"
          type="password"
          label={t('accounts.field.password')}
          hint={t('accounts.field.password.hint')}
          autocomplete="new-password"
          required
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.register.submit')}</SubmitButton>
        </div>
      </PostForm>
      <P>
        {t('accounts.register.haveAccount')} <A href="/account/inloggen">{t('nav.login')}</A>
      </P>
    </Layout>
  );
}

export function MessagePage({ ctx, title, body, note }: { ctx: PageContext; title: string; body: string; note?: string }) {
  return (
    <Layout ctx={ctx} title={title}>
      <Heading>{title}</Heading>
      <P>{body}</P>
      {note ? <P>{note}</P> : null}
    </Layout>
  );
}

/** A link from an e-mail opens this page; the state change happens only when the button is pressed (never on GET). */
export function ConfirmTokenPage({
  ctx,
  title,
  body,
  action,
  token,
  submit,
  problem,
}: {
  ctx: PageContext;
  title: string;
  body: string;
  action: string;
  token: string;
  submit: string;
  problem?: string;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <Heading>{title}</Heading>
      {problem ? (
        <Notice kind="error">{problem}</Notice>
      ) : (
        <>
          <P>{body}</P>
          <PostForm ctx={ctx} action={action}>
            <input type="hidden" name="token" value={token} />
            <SubmitButton>{submit}</SubmitButton>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function LoginPage({ ctx, state, returnTo }: { ctx: PageContext; state: FormState; returnTo: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.login.title')}>
      <Heading>{t('accounts.login.title')}</Heading>
      {state.formError ? <Notice kind="error">{state.formError}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/inloggen">
        <input type="hidden" name="terug" value={returnTo} />
        <TextField name="email" type="email" label={t('accounts.field.email')} autocomplete="username" required {...state} />
        <TextField name="password" type="password" label={t('accounts.field.password')} autocomplete="current-password" required {...state} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.login.submit')}</SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href="/account/wachtwoord-vergeten">{t('accounts.login.forgot')}</A>
      </P>
      <P>
        {t('accounts.login.noAccount')} <A href="/account/registreren">{t('nav.register')}</A>
      </P>
    </Layout>
  );
}

export function SecondFactorPage({ ctx, state, returnTo }: { ctx: PageContext; state: FormState; returnTo: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.login.code.title')}>
      <Heading>{t('accounts.login.code.title')}</Heading>
      <P>{t('accounts.login.code.intro')}</P>
      {state.formError ? <Notice kind="error">{state.formError}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/inloggen/code">
        <input type="hidden" name="terug" value={returnTo} />
        <TextField name="code" label={t('accounts.field.loginCode')} hint={t('accounts.field.loginCode.hint')} autocomplete="one-time-code" required {...state} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.login.code.submit')}</SubmitButton>
        </div>
      </PostForm>
      <P>{t('accounts.login.code.lost')}</P>
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.forgot.title')}>
      <Heading>{t('accounts.forgot.title')}</Heading>
      <P>{t('accounts.forgot.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/wachtwoord-vergeten">
        <TextField name="email" type="email" label={t('accounts.field.email')} autocomplete="email" required {...state} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.forgot.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, state, token, problem }: { ctx: PageContext; state: FormState; token: string; problem?: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.reset.title')}>
      <Heading>{t('accounts.reset.title')}</Heading>
      {problem ? (
        <>
          <Notice kind="error">{problem}</Notice>
          <P>
            <A href="/account/wachtwoord-vergeten">{t('accounts.reset.newLink')}</A>
          </P>
        </>
      ) : (
        <>
          <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
          <PostForm ctx={ctx} action="/account/wachtwoord-herstellen">
            <input type="hidden" name="token" value={token} />
            <TextField
              name="password"
              type="password"
              label={t('accounts.field.newPassword')}
              hint={t('accounts.field.password.hint')}
              autocomplete="new-password"
              required
              {...state}
            />
            <div class="mmm-form-actions">
              <SubmitButton>{t('accounts.reset.submit')}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
    </Layout>
  );
}

export function AccountOverviewPage({
  ctx,
  state,
  email,
  twoFactorEnabled,
  professions,
  regions,
}: {
  ctx: PageContext;
  state: FormState;
  email: string;
  twoFactorEnabled: boolean;
  professions: readonly Profession[];
  regions: readonly Region[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.overview.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('accounts.overview.title')}</Heading>
      <h2 class="utrecht-heading-2">{t('accounts.overview.profile')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/profiel">
        <ProfileFields ctx={ctx} state={state} professions={professions} regions={regions} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('form.save')}</SubmitButton>
        </div>
      </PostForm>
      <h2 class="utrecht-heading-2">{t('accounts.overview.security')}</h2>
      <P>{t('accounts.overview.emailIs', { email })}</P>
      <P>{twoFactorEnabled ? t('accounts.overview.twoFactorOn') : t('accounts.overview.twoFactorOff')}</P>
      <ul class="utrecht-unordered-list">
        <li>
          <A href="/account/wachtwoord">{t('accounts.overview.changePassword')}</A>
        </li>
        <li>
          <A href="/account/e-mailadres">{t('accounts.overview.changeEmail')}</A>
        </li>
        <li>
          <A href="/account/sessies">{t('accounts.overview.sessions')}</A>
        </li>
        <li>
          <A href="/account/tweestapsverificatie">{t('accounts.overview.twoFactor')}</A>
        </li>
        <li>
          <A href="/account/verwijderen">{t('accounts.overview.delete')}</A>
        </li>
      </ul>
    </Layout>
  );
}

export function ChangePasswordPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.password.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.password.title')}</Heading>
      <P>{t('accounts.password.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/wachtwoord">
        <TextField
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          hint={t('accounts.field.currentPassword.hint')}
          autocomplete="current-password"
          required
          {...state}
        />
        <TextField
          name="password"
          type="password"
          label={t('accounts.field.newPassword')}
          hint={t('accounts.field.password.hint')}
          autocomplete="new-password"
          required
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.password.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}

export function ChangeEmailPage({ ctx, state, currentEmail }: { ctx: PageContext; state: FormState; currentEmail: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.email.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.email.title')}</Heading>
      <P>{t('accounts.overview.emailIs', { email: currentEmail })}</P>
      <P>{t('accounts.email.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/e-mailadres">
        <TextField name="email" type="email" label={t('accounts.field.newEmail')} autocomplete="email" required {...state} />
        <TextField
          name="currentPassword"
          type="password"
          label={t('accounts.field.currentPassword')}
          hint={t('accounts.field.currentPassword.hint')}
          autocomplete="current-password"
          required
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.email.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}

export interface SessionView {
  readonly idHash: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
  readonly current: boolean;
}

function describeDevice(userAgent: string | null, fallback: string): string {
  if (!userAgent) return fallback;
  const browser = /Firefox\/|Edg\/|Chrome\/|Safari\//.exec(userAgent)?.[0]?.replace('/', '') ?? '';
  const system = /Windows|Android|iPhone|iPad|Mac OS X|Linux/.exec(userAgent)?.[0] ?? '';
  const label = [browser === 'Edg' ? 'Edge' : browser, system].filter(Boolean).join(' op ');
  return label || userAgent.slice(0, 60);
}

export function SessionsPage({ ctx, sessions }: { ctx: PageContext; sessions: readonly SessionView[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.sessions.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.sessions.title')}</Heading>
      <P>{t('accounts.sessions.intro')}</P>
      <Table
        head={[t('accounts.sessions.device'), t('accounts.sessions.since'), t('accounts.sessions.lastSeen'), t('accounts.sessions.address'), t('accounts.sessions.action')]}
      >
        {sessions.map((s) => {
          const device = describeDevice(s.userAgent, t('accounts.sessions.unknownDevice'));
          return (
            <tr key={s.idHash}>
              <td>{device}</td>
              <td>{formatDateTime(s.createdAt, locale)}</td>
              <td>{formatDateTime(s.lastSeenAt, locale)}</td>
              <td>{s.ip ?? ''}</td>
              <td>
                {s.current ? (
                  <span class="mmm-badge">{t('accounts.sessions.current')}</span>
                ) : (
                  <ActionButton ctx={ctx} action={`/account/sessies/${s.idHash}/beeindigen`} label={t('accounts.sessions.endLabel', { device })}>
                    {t('accounts.sessions.end')}
                  </ActionButton>
                )}
              </td>
            </tr>
          );
        })}
      </Table>
      {sessions.length > 1 ? (
        <PostForm ctx={ctx} action="/account/sessies/elders-uitloggen">
          <SubmitButton>{t('accounts.sessions.endOthers')}</SubmitButton>
        </PostForm>
      ) : null}
    </Layout>
  );
}

export function TwoFactorPage({
  ctx,
  state,
  required,
  enabled,
  mayDisable,
  enrolment,
  remainingCodes,
}: {
  ctx: PageContext;
  state: FormState;
  required: boolean;
  enabled: boolean;
  mayDisable: boolean;
  enrolment: { secret: string; qrDataUrl: string } | null;
  remainingCodes: number;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.twoFactor.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.twoFactor.title')}</Heading>
      {required && !enabled ? <Notice kind="warning">{t('accounts.twoFactor.required')}</Notice> : null}
      <P>{t('accounts.twoFactor.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      {enabled ? (
        <>
          <Notice kind="ok">{t('accounts.twoFactor.enabled')}</Notice>
          <P>{t('accounts.twoFactor.codes.remaining', { count: remainingCodes })}</P>
          <h2 class="utrecht-heading-2">{t('accounts.twoFactor.codes.regenerate')}</h2>
          <P>{t('accounts.twoFactor.codes.regenerateIntro')}</P>
          <PostForm ctx={ctx} action="/account/tweestapsverificatie/herstelcodes">
            <TextField name="code" label={t('accounts.field.code')} hint={t('accounts.field.code.hint')} inputMode="numeric" autocomplete="one-time-code" required values={{}} errors={state.errors} />
            <SubmitButton secondary>{t('accounts.twoFactor.codes.regenerate')}</SubmitButton>
          </PostForm>
          <h2 class="utrecht-heading-2">{t('accounts.twoFactor.disable')}</h2>
          {mayDisable ? (
            <PostForm ctx={ctx} action="/account/tweestapsverificatie/uitzetten">
              <TextField name="currentPassword" type="password" label={t('accounts.field.currentPassword')} autocomplete="current-password" required {...state} />
              <TextField name="disableCode" label={t('accounts.field.code')} inputMode="numeric" autocomplete="one-time-code" required {...state} />
              <SubmitButton secondary>{t('accounts.twoFactor.disable')}</SubmitButton>
            </PostForm>
          ) : (
            <P>{t('accounts.twoFactor.cannotDisable')}</P>
          )}
        </>
      ) : enrolment ? (
        <>
          <P>{t('accounts.twoFactor.step1')}</P>
          <P>{t('accounts.twoFactor.step2')}</P>
          <img class="mmm-qr" src={enrolment.qrDataUrl} alt={t('accounts.twoFactor.qrAlt')} width={224} height={224} />
          <P>
            {t('accounts.twoFactor.manual')} <code class="mmm-code" data-testid="totp-secret">{enrolment.secret}</code>
          </P>
          <P>{t('accounts.twoFactor.step3')}</P>
          <PostForm ctx={ctx} action="/account/tweestapsverificatie/bevestigen">
            <TextField name="code" label={t('accounts.field.code')} hint={t('accounts.field.code.hint')} inputMode="numeric" autocomplete="one-time-code" required {...state} />
            <SubmitButton>{t('accounts.twoFactor.confirm')}</SubmitButton>
          </PostForm>
        </>
      ) : (
        <PostForm ctx={ctx} action="/account/tweestapsverificatie/starten">
          <SubmitButton>{t('accounts.twoFactor.start')}</SubmitButton>
        </PostForm>
      )}
    </Layout>
  );
}

export function RecoveryCodesPage({ ctx, codes }: { ctx: PageContext; codes: readonly string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accounts.twoFactor.codes.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.twoFactor.codes.title')}</Heading>
      <Notice kind="ok">{t('accounts.twoFactor.enabled')}</Notice>
      <P>{t('accounts.twoFactor.codes.body')}</P>
      <ul class="mmm-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <P>
        <A href="/account">{t('accounts.twoFactor.codes.done')}</A>
      </P>
    </Layout>
  );
}

export function DeleteAccountPage({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const error = state.errors?.confirm;
  return (
    <Layout ctx={ctx} title={t('accounts.delete.title')} breadcrumbs={accountCrumbs(ctx)}>
      <Heading>{t('accounts.delete.title')}</Heading>
      <Notice kind="warning">{t('accounts.delete.intro')}</Notice>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/account/verwijderen">
        <TextField name="currentPassword" type="password" label={t('accounts.field.currentPassword')} autocomplete="current-password" required {...state} />
        <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
          {error ? (
            <div class="utrecht-form-field-error-message" id="veld-confirm-fout">
              {error}
            </div>
          ) : null}
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id="veld-confirm"
            name="confirm"
            value="ja"
            checked={state.values?.confirm === 'ja'}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'veld-confirm-fout' : undefined}
          />{' '}
          <label class="utrecht-form-label utrecht-form-label--checkbox" for="veld-confirm">
            {t('accounts.field.confirmDelete')}
          </label>
        </div>
        <div class="mmm-form-actions">
          <SubmitButton>{t('accounts.delete.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}
