import type { ComponentChildren } from 'preact';
import type { OutboxItem } from '../../platform/mail/mailer.js';
import { isMessageKey } from '../../platform/i18n/i18n.js';
import {
  A,
  ActionButton,
  ErrorSummary,
  formatDateTime,
  Heading,
  Notice,
  P,
  PostForm,
  SelectField,
  SubmitButton,
  Table,
  TextField,
  type FormState,
} from '../../platform/views/components.js';
import { Layout, type Crumb } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { User } from '../../platform/auth/users.js';
import type { Coordinator, Region } from '../regions/regions.service.js';
import type { AuditLine } from './admin.service.js';

const adminCrumbs = (ctx: PageContext, ...more: Crumb[]): Crumb[] => [{ href: '/', label: ctx.t('nav.home') }, { href: '/beheer', label: ctx.t('admin.title') }, ...more];

// Dashboard

export function AdminHomePage({ ctx, hasOutbox }: { ctx: PageContext; hasOutbox: boolean }) {
  const { t } = ctx;
  const sections = [
    { href: '/beheer/gebruikers', title: t('admin.users.title'), body: t('admin.home.users'), link: t('admin.home.usersLink') },
    { href: '/beheer/regios', title: t('admin.regions.title'), body: t('admin.home.regions'), link: t('admin.home.regionsLink') },
    { href: '/beheer/auditlog', title: t('admin.audit.title'), body: t('admin.home.audit'), link: t('admin.home.auditLink') },
    ...(hasOutbox ? [{ href: '/beheer/postvak', title: t('admin.outbox.title'), body: t('admin.home.outbox'), link: t('admin.home.outboxLink') }] : []),
  ];
  return (
    <Layout ctx={ctx} title={t('admin.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('admin.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('admin.home.intro')}</p>
      <ul class="mmm-cards">
        {sections.map((s) => (
          <li class="mmm-card" key={s.href}>
            <h2 class="utrecht-heading-2">{s.title}</h2>
            <P>{s.body}</P>
            <A href={s.href}>{s.link}</A>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

// People

export function UsersPage({ ctx, query, users, limited }: { ctx: PageContext; query: string; users: readonly User[]; limited: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.users.title')} breadcrumbs={adminCrumbs(ctx)}>
      <Heading>{t('admin.users.title')}</Heading>
      <P>{t('admin.users.intro')}</P>
      {/* Searching changes nothing, so this form uses GET and needs no CSRF token. */}
      <form method="get" action="/beheer/gebruikers" class="mmm-search" role="search">
        <TextField name="q" type="search" label={t('admin.users.search')} values={{ q: query }} maxLength={100} />
        <div class="mmm-form-actions">
          <SubmitButton>{t('admin.users.searchSubmit')}</SubmitButton>
        </div>
      </form>
      {users.length === 0 ? (
        <P>{t('admin.users.none')}</P>
      ) : (
        <>
          <P>{limited ? t('admin.users.limited', { count: users.length }) : t('admin.users.count', { count: users.length })}</P>
          <Table
            head={[
              t('admin.users.col.name'),
              t('admin.users.col.email'),
              t('admin.users.col.profile'),
              t('admin.users.col.admin'),
              t('admin.users.col.disabled'),
              t('admin.users.col.twoFactor'),
            ]}
          >
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <A href={`/beheer/gebruikers/${u.id}`}>{u.name}</A>
                </td>
                <td>{u.email}</td>
                <td>{t(`accounts.profile.${u.profileType}`)}</td>
                <td>{u.isAdmin ? t('admin.yes') : t('admin.no')}</td>
                <td>{u.disabled ? t('admin.yes') : t('admin.no')}</td>
                <td>{u.twoFactorEnabled ? t('admin.on') : t('admin.off')}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </Layout>
  );
}

export function UserPage({
  ctx,
  user,
  regions,
  isSelf,
  problem,
}: {
  ctx: PageContext;
  user: User;
  regions: readonly Region[];
  isSelf: boolean;
  /** A refused action, shown above everything else. */
  problem?: string;
}) {
  const { t, locale } = ctx;
  const base = `/beheer/gebruikers/${user.id}`;
  const facts: Array<[string, ComponentChildren]> = [
    [t('admin.user.email'), user.email],
    [t('admin.user.profile'), t(`accounts.profile.${user.profileType}`)],
    [t('admin.user.created'), formatDateTime(user.createdAt, locale)],
    [t('admin.user.verified'), user.emailVerified ? t('admin.yes') : t('admin.no')],
    [t('admin.user.status'), user.disabled ? t('admin.user.statusDisabled') : t('admin.user.statusActive')],
    [t('admin.user.admin'), user.isAdmin ? t('admin.yes') : t('admin.no')],
    [t('admin.user.twoFactor'), user.twoFactorEnabled ? t('admin.on') : t('admin.off')],
  ];
  return (
    <Layout ctx={ctx} title={user.name} breadcrumbs={adminCrumbs(ctx, { href: '/beheer/gebruikers', label: t('admin.users.title') })}>
      <Heading>{user.name}</Heading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <h2 class="utrecht-heading-2">{t('admin.user.details')}</h2>
      <div class="mmm-table-wrap">
        <table class="utrecht-table mmm-table">
          <tbody>
            {facts.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">{t('admin.user.regions')}</h2>
      {regions.length === 0 ? (
        <P>{t('admin.user.noRegions')}</P>
      ) : (
        <ul class="utrecht-unordered-list">
          {regions.map((r) => (
            <li key={r.slug}>
              <A href={`/beheer/regios/${r.slug}`}>{r.name}</A>
            </li>
          ))}
        </ul>
      )}
      <h2 class="utrecht-heading-2">{t('admin.user.access')}</h2>
      {isSelf ? (
        <P>{t('admin.user.own')}</P>
      ) : (
        <>
          {user.disabled ? (
            <>
              <P>{t('admin.user.enableIntro', { name: user.name })}</P>
              <ActionButton ctx={ctx} action={`${base}/inschakelen`} label={t('admin.user.enableLabel', { name: user.name })} secondary={false}>
                {t('admin.user.enable')}
              </ActionButton>
            </>
          ) : (
            <>
              <P>{t('admin.user.disableIntro', { name: user.name })}</P>
              <ActionButton ctx={ctx} action={`${base}/uitschakelen`} label={t('admin.user.disableLabel', { name: user.name })}>
                {t('admin.user.disable')}
              </ActionButton>
            </>
          )}
          {user.isAdmin ? (
            <>
              <P>{t('admin.user.revokeIntro', { name: user.name })}</P>
              <ActionButton ctx={ctx} action={`${base}/beheerder`} name="beheerder" value="nee" label={t('admin.user.revokeLabel', { name: user.name })}>
                {t('admin.user.revoke')}
              </ActionButton>
            </>
          ) : (
            <>
              <P>{t('admin.user.grantIntro', { name: user.name })}</P>
              <ActionButton ctx={ctx} action={`${base}/beheerder`} name="beheerder" value="ja" label={t('admin.user.grantLabel', { name: user.name })}>
                {t('admin.user.grant')}
              </ActionButton>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

// Regional coordinators

export function RegionsAdminPage({ ctx, regions, coordinators }: { ctx: PageContext; regions: readonly Region[]; coordinators: readonly Coordinator[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.regions.title')} breadcrumbs={adminCrumbs(ctx)}>
      <Heading>{t('admin.regions.title')}</Heading>
      <P>{t('admin.regions.intro')}</P>
      <Table head={[t('admin.regions.col.region'), t('admin.regions.col.coordinators'), t('admin.regions.col.action')]}>
        {regions.map((r) => {
          const here = coordinators.filter((c) => c.regionSlug === r.slug);
          return (
            <tr key={r.slug}>
              <td>{r.name}</td>
              <td>
                {here.length === 0 ? (
                  <span class="mmm-muted">{t('admin.regions.nobody')}</span>
                ) : (
                  <ul class="utrecht-unordered-list">
                    {here.map((c) => (
                      <li key={c.userId}>
                        <A href={`/beheer/gebruikers/${c.userId}`}>{c.name}</A>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <a class="utrecht-link" href={`/beheer/regios/${r.slug}`} aria-label={t('admin.regions.manageLabel', { region: r.name })}>
                  {t('admin.regions.manage')}
                </a>
              </td>
            </tr>
          );
        })}
      </Table>
    </Layout>
  );
}

export function RegionAdminPage({ ctx, region, coordinators, state }: { ctx: PageContext; region: Region; coordinators: readonly Coordinator[]; state: FormState }) {
  const { t, locale } = ctx;
  const base = `/beheer/regios/${region.slug}/coordinatoren`;
  return (
    <Layout ctx={ctx} title={region.name} breadcrumbs={adminCrumbs(ctx, { href: '/beheer/regios', label: t('admin.regions.title') })}>
      <Heading>{region.name}</Heading>
      <h2 class="utrecht-heading-2">{t('admin.region.current')}</h2>
      {coordinators.length === 0 ? (
        <P>{t('admin.region.none')}</P>
      ) : (
        <Table head={[t('admin.users.col.name'), t('admin.users.col.email'), t('admin.region.since'), t('admin.regions.col.action')]}>
          {coordinators.map((c) => (
            <tr key={c.userId}>
              <td>
                <A href={`/beheer/gebruikers/${c.userId}`}>{c.name}</A>
              </td>
              <td>{c.email}</td>
              <td>{formatDateTime(c.appointedAt, locale)}</td>
              <td>
                <ActionButton ctx={ctx} action={`${base}/${c.userId}/verwijderen`} label={t('admin.region.removeLabel', { name: c.name, region: region.name })}>
                  {t('admin.region.remove')}
                </ActionButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2 class="utrecht-heading-2">{t('admin.region.appoint')}</h2>
      <P>{t('admin.region.appointIntro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={base}>
        <TextField name="email" type="email" label={t('admin.region.email')} hint={t('admin.region.emailHint')} autocomplete="off" required {...state} />
        <div class="mmm-form-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-label={t('admin.region.appointLabel', { region: region.name })}>
            {t('admin.region.appointSubmit')}
          </button>
        </div>
      </PostForm>
    </Layout>
  );
}

// Audit log

/** Times in the audit log are shown in UTC, to the second, so they can be compared with server logs. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

export function eventLabel(ctx: PageContext, event: string): string {
  const key = `admin.event.${event}`;
  return isMessageKey(key) ? ctx.t(key) : event;
}

function auditLink(event: string, before: string): string {
  const params = new URLSearchParams();
  if (event) params.set('gebeurtenis', event);
  if (before) params.set('voor', before);
  const query = params.toString();
  return query ? `/beheer/auditlog?${query}` : '/beheer/auditlog';
}

function Who({ ctx, id, name }: { ctx: PageContext; id: string | null; name: string | null }) {
  if (!id) return <span class="mmm-muted">{ctx.t('admin.audit.nobody')}</span>;
  if (name) return <A href={`/beheer/gebruikers/${id}`}>{name}</A>;
  return <code class="mmm-code">{id}</code>;
}

function detailText(detail: string | null): string | null {
  if (!detail) return null;
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === 'object') {
      return Object.entries(parsed as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
  } catch {
    // Not JSON: show it as it is.
  }
  return detail;
}

export function AuditLogPage({
  ctx,
  lines,
  events,
  event,
  before,
  olderThan,
}: {
  ctx: PageContext;
  lines: readonly AuditLine[];
  events: readonly string[];
  event: string;
  before: string;
  olderThan: string | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.audit.title')} breadcrumbs={adminCrumbs(ctx)}>
      <Heading>{t('admin.audit.title')}</Heading>
      <P>{t('admin.audit.intro')}</P>
      <form method="get" action="/beheer/auditlog" class="mmm-search">
        <SelectField
          name="gebeurtenis"
          label={t('admin.audit.filter')}
          emptyLabel={t('admin.audit.filterAll')}
          options={events.map((e) => ({ value: e, label: eventLabel(ctx, e) }))}
          values={{ gebeurtenis: event }}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('admin.audit.filterSubmit')}</SubmitButton>
        </div>
      </form>
      {before ? <P>{t('admin.audit.olderThan', { time: formatUtc(before) })}</P> : null}
      {lines.length === 0 ? (
        <P>{t('admin.audit.none')}</P>
      ) : (
        <Table head={[t('admin.audit.col.when'), t('admin.audit.col.who'), t('admin.audit.col.event'), t('admin.audit.col.target'), t('admin.audit.col.ip')]}>
          {lines.map((l) => {
            const detail = detailText(l.detail);
            return (
              <tr key={l.id}>
                <td>
                  <time dateTime={l.occurredAt}>{formatUtc(l.occurredAt)}</time>
                </td>
                <td>
                  <Who ctx={ctx} id={l.actorId} name={l.actorName} />
                </td>
                <td>{eventLabel(ctx, l.event)}</td>
                <td>
                  {l.target ? l.targetName ? <A href={`/beheer/gebruikers/${l.target}`}>{l.targetName}</A> : <code class="mmm-code">{l.target}</code> : null}
                  {detail ? (
                    <>
                      {l.target ? <br /> : null}
                      <span class="mmm-muted">{detail}</span>
                    </>
                  ) : null}
                </td>
                <td>{l.ip ?? ''}</td>
              </tr>
            );
          })}
        </Table>
      )}
      <nav class="mmm-actions-row" aria-label={t('admin.audit.paging')}>
        {before ? <A href={auditLink(event, '')}>{t('admin.audit.newest')}</A> : null}
        {olderThan ? <A href={auditLink(event, olderThan)}>{t('admin.audit.older')}</A> : null}
      </nav>
    </Layout>
  );
}

// Outbox

export function OutboxPage({ ctx, items, total }: { ctx: PageContext; items: readonly OutboxItem[] | null; total: number }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.outbox.title')} breadcrumbs={adminCrumbs(ctx)}>
      <Heading>{t('admin.outbox.title')}</Heading>
      {items === null ? (
        <P>{t('admin.outbox.smtp')}</P>
      ) : (
        <>
          <P>{t('admin.outbox.intro')}</P>
          <Notice kind="warning">{t('admin.outbox.privacy')}</Notice>
          {items.length === 0 ? (
            <P>{t('admin.outbox.empty')}</P>
          ) : (
            <>
              {total > items.length ? <P>{t('admin.outbox.limited', { count: items.length, total })}</P> : null}
              <Table head={[t('admin.outbox.col.time'), t('admin.outbox.col.to'), t('admin.outbox.col.subject')]}>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td>{formatDateTime(m.createdAt, locale)}</td>
                    <td>{m.to}</td>
                    <td>
                      <A href={`/beheer/postvak/${m.id}`}>{m.subject}</A>
                    </td>
                  </tr>
                ))}
              </Table>
            </>
          )}
        </>
      )}
    </Layout>
  );
}

const LINK = /https?:\/\/[^\s<>"']+/g;

/** Mail text with its web addresses as links; everything else stays text (and is escaped when rendered). */
export function linkify(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    // A full stop or bracket right after an address belongs to the sentence, not to the link.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <a class="utrecht-link" href={url} key={start}>
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function OutboxMailPage({ ctx, mail }: { ctx: PageContext; mail: OutboxItem }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.outbox.mail')} breadcrumbs={adminCrumbs(ctx, { href: '/beheer/postvak', label: t('admin.outbox.title') })}>
      <Heading>{mail.subject}</Heading>
      <div class="mmm-table-wrap">
        <table class="utrecht-table mmm-table">
          <tbody>
            <tr>
              <th scope="row">{t('admin.outbox.col.from')}</th>
              <td>{mail.from}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.outbox.col.to')}</th>
              <td>{mail.to}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.outbox.col.time')}</th>
              <td>{formatDateTime(mail.createdAt, locale)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <h2 class="utrecht-heading-2">{t('admin.outbox.text')}</h2>
      <div class="mmm-mail" data-testid="mail-text">
        {linkify(mail.text)}
      </div>
    </Layout>
  );
}
