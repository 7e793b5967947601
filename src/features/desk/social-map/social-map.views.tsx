import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n/message-keys.js';
import {
  A,
  ActionButton,
  CsrfField,
  ErrorSummary,
  formatDateTime,
  Heading,
  Notice,
  P,
  Paragraphs,
  PostForm,
  SelectField,
  SubmitButton,
  Table,
  TextAreaField,
  TextField,
  type FormState,
  type FormValues,
} from '../../../platform/views/components.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { DeskLayout, ReportLink, withLinks } from '../shared/layout.js';
import {
  formatImportProblem,
  LIMITS,
  LOCATION_TYPES,
  SERVICE_STATUSES,
  telHref,
  WEEKDAYS,
  type ContactRow,
  type ImportCounts,
  type ImportProblem,
  type LocationRow,
  type PhoneRow,
  type ScheduleRow,
  type ServiceData,
  type SocialMapIndex,
  type Weekday,
} from './hsds.js';
import { deskPath, ORGANISATION_KINDS, type Region } from '../shared/region.js';
import { DAY_CHOICES, MAX_SCHEDULE_ROWS, PHONE_ROWS, SCHEDULE_ROWS, WORKDAYS } from './social-map.schemas.js';
import type { Organisation, OrganisationDetail, OrganisationList, OrganisationStatus } from './social-map.service.js';

export type { FormState };

// Paths

export const socialMapPath = (slug: string) => deskPath(slug, '/sociale-kaart');
export const organisationPath = (slug: string, id: string, rest = '') => deskPath(slug, `/organisaties/${encodeURIComponent(id)}${rest}`);
export const servicePath = (slug: string, id: string) => deskPath(slug, `/diensten/${encodeURIComponent(id)}`);
export const managePath = (slug: string) => deskPath(slug, '/beheer/sociale-kaart');
export const importPath = (slug: string) => deskPath(slug, '/beheer/sociale-kaart/importeren');
export const exportPath = (slug: string) => deskPath(slug, '/sociale-kaart.json');
export const proposePath = (slug: string) => deskPath(slug, '/organisaties/aanmelden');

// Labels

export function kindLabel(ctx: PageContext, kind: string): string {
  return (ORGANISATION_KINDS as readonly string[]).includes(kind) ? ctx.t(`desk.socialMap.kind.${kind}` as MessageKey) : kind;
}

const SERVICE_STATUS_KEYS: Record<ServiceData['status'], MessageKey> = {
  active: 'desk.socialMap.serviceStatus.active',
  inactive: 'desk.socialMap.serviceStatus.inactive',
  defunct: 'desk.socialMap.serviceStatus.defunct',
  'temporarily closed': 'desk.socialMap.serviceStatus.temporarilyClosed',
};

function statusLabel(ctx: PageContext, status: OrganisationStatus): string {
  return ctx.t(`desk.socialMap.status.${status}`);
}

export function dayLabel(ctx: PageContext, byday: string): string {
  if (byday === WORKDAYS) return ctx.t('desk.socialMap.day.workdays');
  const parts = byday.split(',');
  if (parts.every((p) => (WEEKDAYS as readonly string[]).includes(p))) return parts.map((p) => ctx.t(`desk.socialMap.day.${p as Weekday}`)).join(', ');
  return ctx.t('desk.socialMap.day.other', { value: byday });
}

// Building blocks

function TextOrNothing({ text }: { text: string | null }) {
  return text ? <Paragraphs text={text} /> : null;
}

function PhoneList({ phones }: { phones: readonly PhoneRow[] }) {
  if (phones.length === 0) return null;
  return (
    <ul class="utrecht-unordered-list mmm-phone-list">
      {phones.map((p) => (
        <li key={p.id}>
          <a class="utrecht-link" href={telHref(p.number)}>
            {p.number.replace(/ /g, '\u00a0').replace(/-/g, '\u2011')}
          </a>
          {p.description ? ` (${p.description})` : null}
        </li>
      ))}
    </ul>
  );
}

function Hours({ ctx, schedules }: { ctx: PageContext; schedules: readonly ScheduleRow[] }) {
  if (schedules.length === 0) return null;
  const times = schedules.filter((s) => s.byday || s.opens_at || s.closes_at);
  const notes = schedules.filter((s) => s.description).map((s) => s.description ?? '');
  return (
    <>
      {times.length > 0 ? (
        <ul class="utrecht-unordered-list mmm-hours">
          {times.map((s) => (
            <li key={s.id}>
              {s.byday ? `${dayLabel(ctx, s.byday)}: ` : null}
              {s.opens_at && s.closes_at ? ctx.t('desk.socialMap.hours.time', { opens: s.opens_at, closes: s.closes_at }) : (s.opens_at ?? s.closes_at ?? '')}
            </li>
          ))}
        </ul>
      ) : null}
      {notes.map((note, i) => (
        <p class="utrecht-paragraph" key={i}>
          {note}
        </p>
      ))}
    </>
  );
}

function schedulesOf(index: SocialMapIndex, kind: ScheduleRow['owner_kind'], id: string): ScheduleRow[] {
  return index.schedulesByOwner.get(`${kind}:${id}`) ?? [];
}

function phonesOf(index: SocialMapIndex, kind: PhoneRow['owner_kind'], id: string): PhoneRow[] {
  return index.phonesByOwner.get(`${kind}:${id}`) ?? [];
}

function Address({ location }: { location: LocationRow }) {
  const lines = [location.address, [location.postal_code, location.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l));
  if (lines.length === 0) return null;
  return (
    <p class="utrecht-paragraph">
      {lines.map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </p>
  );
}

function LocationBlock({
  ctx,
  index,
  location,
  headingLevel,
  extraSchedules = [],
  editHref,
}: {
  ctx: PageContext;
  index: SocialMapIndex;
  location: LocationRow;
  headingLevel: 3 | 4;
  extraSchedules?: readonly ScheduleRow[];
  editHref?: string;
}) {
  const { t } = ctx;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const title = location.name ?? location.city ?? t('desk.socialMap.org.unnamedLocation');
  const hours = [...schedulesOf(index, 'location', location.id), ...extraSchedules];
  return (
    <section class="mmm-location">
      <H class={headingLevel === 3 ? 'utrecht-heading-3' : 'utrecht-heading-4'}>{title}</H>
      <p class="utrecht-paragraph mmm-meta">{t(`desk.socialMap.locationType.${location.location_type}`)}</p>
      <Address location={location} />
      {location.url ? (
        <p class="utrecht-paragraph">
          {t('desk.socialMap.location.online')}: <A href={location.url}>{location.url}</A>
        </p>
      ) : null}
      <TextOrNothing text={location.description} />
      {hours.length > 0 ? (
        <>
          <p class="utrecht-paragraph mmm-label">{t('desk.socialMap.location.hours')}</p>
          <Hours ctx={ctx} schedules={hours} />
        </>
      ) : null}
      <PhoneList phones={phonesOf(index, 'location', location.id)} />
      {editHref ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={editHref} aria-label={t('desk.socialMap.org.editItemLabel', { name: title })}>
            {t('desk.socialMap.org.editItem')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

function ContactBlock({ ctx, index, contact, editHref, serviceName }: { ctx: PageContext; index: SocialMapIndex; contact: ContactRow; editHref?: string; serviceName?: string }) {
  const { t } = ctx;
  const title = contact.name ?? contact.title ?? t('desk.socialMap.org.unnamedContact');
  return (
    <li class="mmm-contact">
      <strong>{title}</strong>
      {contact.name && contact.title ? `, ${contact.title}` : null}
      {serviceName ? ` (${t('desk.socialMap.contact.forService', { service: serviceName })})` : null}
      {contact.email ? (
        <>
          <br />
          <a class="utrecht-link" href={`mailto:${contact.email}`}>
            {contact.email}
          </a>
        </>
      ) : null}
      <PhoneList phones={phonesOf(index, 'contact', contact.id)} />
      {editHref ? (
        <a class="utrecht-link" href={editHref} aria-label={t('desk.socialMap.org.editItemLabel', { name: title })}>
          {t('desk.socialMap.org.editItem')}
        </a>
      ) : null}
    </li>
  );
}

function ServiceFacts({ ctx, service, headingLevel }: { ctx: PageContext; service: ServiceData; headingLevel: 2 | 3 | 4 }) {
  const { t } = ctx;
  const H = `h${headingLevel}` as 'h2';
  const cls = `utrecht-heading-${headingLevel}`;
  return (
    <>
      {service.status !== 'active' ? (
        <Notice kind="warning">
          <P>{t('desk.socialMap.service.status', { status: t(SERVICE_STATUS_KEYS[service.status]) })}</P>
        </Notice>
      ) : null}
      {service.for_whom ? (
        <>
          <H class={cls}>{t('desk.socialMap.service.forWhom')}</H>
          <Paragraphs text={service.for_whom} />
        </>
      ) : null}
      {service.how_to_apply ? (
        <>
          <H class={cls}>{t('desk.socialMap.service.howToApply')}</H>
          <Paragraphs text={service.how_to_apply} />
        </>
      ) : null}
      {service.cost ? (
        <>
          <H class={cls}>{t('desk.socialMap.service.cost')}</H>
          <Paragraphs text={service.cost} />
        </>
      ) : null}
    </>
  );
}

function ContactFacts({ ctx, email, website, phones }: { ctx: PageContext; email: string | null; website: string | null; phones: readonly PhoneRow[] }) {
  const { t } = ctx;
  if (!email && !website && phones.length === 0) return null;
  return (
    <dl class="mmm-facts">
      {email ? (
        <>
          <dt>{t('desk.socialMap.org.email')}</dt>
          <dd>
            <a class="utrecht-link" href={`mailto:${email}`}>
              {email}
            </a>
          </dd>
        </>
      ) : null}
      {website ? (
        <>
          <dt>{t('desk.socialMap.org.website')}</dt>
          <dd>
            <A href={website}>{website}</A>
          </dd>
        </>
      ) : null}
      {phones.length > 0 ? (
        <>
          <dt>{t('desk.socialMap.org.phone')}</dt>
          <dd>
            <PhoneList phones={phones} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function StatusNotice({ ctx, status }: { ctx: PageContext; status: OrganisationStatus }) {
  if (status === 'published') return null;
  return (
    <Notice kind="warning">
      <P>{ctx.t(status === 'pending' ? 'desk.socialMap.org.pendingNotice' : 'desk.socialMap.org.hiddenNotice')}</P>
    </Notice>
  );
}

// The list

export interface ListQuery {
  readonly q: string;
  readonly kind?: string;
}

function listHref(slug: string, query: ListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kind) params.set('soort', query.kind);
  if (page > 1) params.set('pagina', String(page));
  const qs = params.toString();
  return `${socialMapPath(slug)}${qs ? `?${qs}` : ''}`;
}

export function SocialMapListPage({
  ctx,
  region,
  list,
  query,
  canManage,
}: {
  ctx: PageContext;
  region: Region;
  list: OrganisationList;
  query: ListQuery;
  canManage: boolean;
}) {
  const { t } = ctx;
  const title = t('desk.socialMap.list.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap">
      <Heading>{title}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('desk.socialMap.list.intro', { region: region.name })}</p>
      <form method="get" action={socialMapPath(region.slug)} class="mmm-form mmm-filter-form" role="search" aria-label={t('desk.socialMap.list.filters')}>
        <TextField name="q" type="search" label={t('desk.socialMap.list.q')} hint={t('desk.socialMap.list.q.hint')} maxLength={200} values={{ q: query.q }} />
        <SelectField
          name="soort"
          label={t('desk.socialMap.list.kind')}
          emptyLabel={t('desk.socialMap.list.allKinds')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
          values={{ soort: query.kind ?? '' }}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.socialMap.list.submit')}</SubmitButton>
        </div>
      </form>
      <h2 class="utrecht-heading-2" id="resultaten">
        {list.total === 1 ? t('desk.socialMap.list.countOne') : t('desk.socialMap.list.count', { count: list.total })}
      </h2>
      {list.items.length === 0 ? (
        <P>{t('desk.socialMap.list.empty')}</P>
      ) : (
        <ul class="mmm-card-list">
          {list.items.map((o) => (
            <li class="mmm-card" key={o.id}>
              <h3 class="utrecht-heading-3">
                <A href={organisationPath(region.slug, o.id)}>{o.name}</A>
              </h3>
              <p class="utrecht-paragraph mmm-meta">{kindLabel(ctx, o.kind)}</p>
              <p class="utrecht-paragraph">{summary(o.description)}</p>
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <nav class="mmm-pagination" aria-label={t('desk.socialMap.list.pagination')}>
          <p class="utrecht-paragraph">{t('desk.socialMap.list.page', { page: list.page, pages: list.pages })}</p>
          <ul class="mmm-pagination__list">
            {list.page > 1 ? (
              <li>
                <A href={listHref(region.slug, query, list.page - 1)}>{t('desk.socialMap.list.previous')}</A>
              </li>
            ) : null}
            {list.page < list.pages ? (
              <li>
                <A href={listHref(region.slug, query, list.page + 1)}>{t('desk.socialMap.list.next')}</A>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <ul class="utrecht-unordered-list mmm-links">
        <li>
          <A href={proposePath(region.slug)}>{t('desk.socialMap.list.propose')}</A>
        </li>
        <li>
          <A href={exportPath(region.slug)}>{t('desk.socialMap.list.export')}</A>
        </li>
        {canManage ? (
          <li>
            <A href={managePath(region.slug)}>{t('desk.socialMap.list.manage')}</A>
          </li>
        ) : null}
      </ul>
    </DeskLayout>
  );
}

function summary(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

// One organisation

const mapCrumb = (ctx: PageContext, region: Region) => ({ href: socialMapPath(region.slug), label: ctx.t('desk.socialMap.list.title') });

export function OrganisationPage({ ctx, region, detail }: { ctx: PageContext; region: Region; detail: OrganisationDetail }) {
  const { t } = ctx;
  const { organisation: o, index, access } = detail;
  const base = organisationPath(region.slug, o.id);
  const services = index.servicesByOrg.get(o.id) ?? [];
  const locations = index.locationsByOrg.get(o.id) ?? [];
  const contacts = index.contactsByOrg.get(o.id) ?? [];
  const serviceNames = new Map(services.map((s) => [s.id, s.name]));
  return (
    <DeskLayout ctx={ctx} region={region} title={o.name} section="socialMap" trail={[mapCrumb(ctx, region)]}>
      <Heading>{o.name}</Heading>
      <StatusNotice ctx={ctx} status={o.status} />
      <p class="utrecht-paragraph mmm-meta">
        {t('desk.socialMap.org.kind', { kind: kindLabel(ctx, o.kind) })}
        {o.alternate_name ? ` · ${t('desk.socialMap.org.alternateName', { name: o.alternate_name })}` : null}
      </p>
      <Paragraphs text={o.description} />
      <ContactFacts ctx={ctx} email={o.email} website={o.website} phones={phonesOf(index, 'organisation', o.id)} />

      <h2 class="utrecht-heading-2">{t('desk.socialMap.org.services')}</h2>
      {services.length === 0 ? <P>{t('desk.socialMap.org.noServices')}</P> : null}
      {services.map((s) => (
        <section class="mmm-service" key={s.id}>
          <h3 class="utrecht-heading-3">
            <A href={servicePath(region.slug, s.id)}>{s.name}</A>
          </h3>
          <Paragraphs text={s.description} />
          <ServiceFacts ctx={ctx} service={s} headingLevel={4} />
        </section>
      ))}

      {locations.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.socialMap.org.locations')}</h2>
          {locations.map((l) => (
            <LocationBlock
              key={l.id}
              ctx={ctx}
              index={index}
              location={l}
              headingLevel={3}
              editHref={access.canEdit ? `${base}/locaties/${encodeURIComponent(l.id)}/bewerken` : undefined}
            />
          ))}
        </>
      ) : null}

      {contacts.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.socialMap.org.contacts')}</h2>
          <ul class="mmm-contact-list">
            {contacts.map((c) => (
              <ContactBlock
                key={c.id}
                ctx={ctx}
                index={index}
                contact={c}
                serviceName={c.service_id ? serviceNames.get(c.service_id) : undefined}
                editHref={access.canEdit ? `${base}/contacten/${encodeURIComponent(c.id)}/bewerken` : undefined}
              />
            ))}
          </ul>
        </>
      ) : null}

      {access.canEdit ? (
        <section class="mmm-manage-box" aria-labelledby="bijhouden">
          <h2 class="utrecht-heading-2" id="bijhouden">
            {t('desk.socialMap.org.manage')}
          </h2>
          <ul class="utrecht-unordered-list">
            <li>
              <A href={`${base}/bewerken`}>{t('desk.socialMap.org.edit')}</A>
            </li>
            <li>
              <A href={`${base}/diensten/nieuw`}>{t('desk.socialMap.org.addService')}</A>
            </li>
            {services.map((s) => (
              <li key={s.id}>
                <a class="utrecht-link" href={`${base}/diensten/${encodeURIComponent(s.id)}/bewerken`}>
                  {t('desk.socialMap.org.editItemLabel', { name: s.name })}
                </a>
              </li>
            ))}
            <li>
              <A href={`${base}/locaties/nieuw`}>{t('desk.socialMap.org.addLocation')}</A>
            </li>
            <li>
              <A href={`${base}/contacten/nieuw`}>{t('desk.socialMap.org.addContact')}</A>
            </li>
            {access.isCoordinator ? (
              <li>
                <A href={`${base}/vertegenwoordigers`}>{t('desk.socialMap.org.representatives')}</A>
              </li>
            ) : null}
          </ul>
          {access.isCoordinator ? (
            <div class="mmm-actions-row">
              {o.status !== 'published' ? (
                <ActionButton ctx={ctx} action={`${base}/publiceren`} label={t('desk.socialMap.org.publishLabel', { name: o.name })} secondary={false}>
                  {t('desk.socialMap.org.publish')}
                </ActionButton>
              ) : null}
              {o.status !== 'hidden' ? (
                <ActionButton ctx={ctx} action={`${base}/verbergen`} label={t('desk.socialMap.org.hideLabel', { name: o.name })}>
                  {t('desk.socialMap.org.hide')}
                </ActionButton>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      {o.status === 'published' ? <ReportLink ctx={ctx} region={region} kind="organisation" id={o.id} /> : null}
    </DeskLayout>
  );
}

// One service

export function ServicePage({ ctx, region, detail }: { ctx: PageContext; region: Region; detail: OrganisationDetail & { service: ServiceData } }) {
  const { t } = ctx;
  const { organisation: o, index, service: s, access } = detail;
  const places = (index.salByService.get(s.id) ?? []).flatMap((sal) => {
    const location = index.locationsById.get(sal.location_id);
    return location ? [{ sal, location }] : [];
  });
  const contacts = (index.contactsByOrg.get(o.id) ?? []).filter((c) => c.service_id === s.id);
  const hours = schedulesOf(index, 'service', s.id);
  return (
    <DeskLayout
      ctx={ctx}
      region={region}
      title={s.name}
      section="socialMap"
      trail={[mapCrumb(ctx, region), { href: organisationPath(region.slug, o.id), label: o.name }]}
    >
      <Heading>{s.name}</Heading>
      <StatusNotice ctx={ctx} status={o.status} />
      <p class="utrecht-paragraph mmm-meta">
        {withLinks(t('desk.socialMap.service.by'), { organisation: <A href={organisationPath(region.slug, o.id)}>{o.name}</A> })}
      </p>
      <Paragraphs text={s.description} />
      <ServiceFacts ctx={ctx} service={s} headingLevel={2} />

      <h2 class="utrecht-heading-2">{t('desk.socialMap.service.where')}</h2>
      {places.length === 0 ? <P>{t('desk.socialMap.service.nowhere')}</P> : null}
      {places.map(({ sal, location }) => (
        <LocationBlock key={sal.id} ctx={ctx} index={index} location={location} headingLevel={3} extraSchedules={schedulesOf(index, 'service_at_location', sal.id)} />
      ))}

      {hours.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('desk.socialMap.service.when')}</h2>
          <Hours ctx={ctx} schedules={hours} />
        </>
      ) : null}

      <h2 class="utrecht-heading-2">{t('desk.socialMap.service.contact')}</h2>
      <ContactFacts ctx={ctx} email={s.email ?? o.email} website={s.website ?? o.website} phones={[...phonesOf(index, 'service', s.id), ...phonesOf(index, 'organisation', o.id)]} />
      {contacts.length > 0 ? (
        <ul class="mmm-contact-list">
          {contacts.map((c) => (
            <ContactBlock key={c.id} ctx={ctx} index={index} contact={c} />
          ))}
        </ul>
      ) : null}
      {access.canEdit ? (
        <P>
          <A href={organisationPath(region.slug, o.id, `/diensten/${encodeURIComponent(s.id)}/bewerken`)}>{t('desk.socialMap.org.editItemLabel', { name: s.name })}</A>
        </P>
      ) : null}
      {o.status === 'published' ? <ReportLink ctx={ctx} region={region} kind="service" id={s.id} /> : null}
    </DeskLayout>
  );
}

// Forms

function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

function Actions({ children }: { children: ComponentChildren }) {
  return <div class="mmm-form-actions">{children}</div>;
}

function ConflictNotice({ ctx, saved }: { ctx: PageContext; saved: readonly { label: string; value: string | null }[] }) {
  return (
    <Notice kind="warning">
      <P>{ctx.t('desk.socialMap.conflict')}</P>
      <p class="utrecht-paragraph mmm-label">{ctx.t('desk.socialMap.conflict.saved')}</p>
      <dl class="mmm-facts">
        {saved.map((s) => (
          <>
            <dt>{s.label}</dt>
            <dd>{s.value ?? '—'}</dd>
          </>
        ))}
      </dl>
    </Notice>
  );
}

function PhoneFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const rows = Array.from({ length: PHONE_ROWS }, (_, i) => i + 1);
  return (
    <fieldset class="utrecht-form-fieldset mmm-fieldset">
      <legend class="utrecht-form-fieldset__legend">{t('desk.socialMap.phones.legend')}</legend>
      {rows.map((n) => (
        <div class="mmm-field-row" key={n}>
          <TextField name={`phone${n}`} type="text" inputMode="tel" autocomplete="off" label={t('desk.socialMap.field.phone', { n })} maxLength={LIMITS.phone} {...state} />
          <TextField
            name={`phoneLabel${n}`}
            label={t('desk.socialMap.field.phoneLabel', { n })}
            hint={n === 1 ? t('desk.socialMap.field.phoneLabel.hint') : undefined}
            maxLength={LIMITS.short}
            {...state}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** How many rows the opening-hours form shows for these values. */
export function scheduleRowCount(values: FormValues | undefined): number {
  let last = 0;
  for (let i = 1; i <= MAX_SCHEDULE_ROWS; i++) if (values?.[`day${i}`] || values?.[`opens${i}`] || values?.[`closes${i}`]) last = i;
  return Math.min(MAX_SCHEDULE_ROWS, Math.max(SCHEDULE_ROWS, last));
}

function ScheduleFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  const count = scheduleRowCount(state.values);
  const rows = Array.from({ length: count }, (_, i) => i + 1);
  return (
    <fieldset class="utrecht-form-fieldset mmm-fieldset" aria-describedby="openingstijden-uitleg">
      <legend class="utrecht-form-fieldset__legend">{t('desk.socialMap.hours.legend')}</legend>
      <div class="utrecht-form-field-description" id="openingstijden-uitleg">
        {t('desk.socialMap.hours.hint')}
      </div>
      {rows.map((n) => {
        const current = state.values?.[`day${n}`] ?? '';
        const choices: string[] = [...DAY_CHOICES];
        if (current !== '' && !choices.includes(current)) choices.push(current);
        return (
          <div class="mmm-field-row mmm-hours-row" key={n}>
            <SelectField
              name={`day${n}`}
              label={t('desk.socialMap.hours.day', { n })}
              emptyLabel={t('desk.socialMap.hours.noDay')}
              options={choices.map((c) => ({ value: c, label: dayLabel(ctx, c) }))}
              {...state}
            />
            <TextField name={`opens${n}`} label={t('desk.socialMap.hours.opens', { n })} inputMode="numeric" maxLength={5} inputClass="mmm-input-time" {...state} />
            <TextField name={`closes${n}`} label={t('desk.socialMap.hours.closes', { n })} inputMode="numeric" maxLength={5} inputClass="mmm-input-time" {...state} />
          </div>
        );
      })}
      <TextField name="hoursNote" label={`${t('desk.socialMap.hours.note')} ${t('form.optional')}`} hint={t('desk.socialMap.hours.note.hint')} maxLength={LIMITS.text} {...state} />
    </fieldset>
  );
}

/** Form values of existing opening hours: one row per time, the notes together. */
export function scheduleValues(schedules: readonly ScheduleRow[]): Record<string, string> {
  const values: Record<string, string> = {};
  let n = 0;
  const notes: string[] = [];
  for (const s of schedules) {
    if (s.description) notes.push(s.description);
    if ((s.byday || s.opens_at || s.closes_at) && n < MAX_SCHEDULE_ROWS) {
      n++;
      values[`day${n}`] = s.byday ?? '';
      values[`opens${n}`] = s.opens_at ?? '';
      values[`closes${n}`] = s.closes_at ?? '';
    }
  }
  if (notes.length > 0) values.hoursNote = notes.join(' ');
  return values;
}

export function phoneValues(phones: readonly PhoneRow[]): Record<string, string> {
  const values: Record<string, string> = {};
  phones.slice(0, PHONE_ROWS).forEach((p, i) => {
    values[`phone${i + 1}`] = p.number;
    values[`phoneLabel${i + 1}`] = p.description ?? '';
  });
  return values;
}

function OrganisationFields({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <TextField name="name" label={t('desk.socialMap.field.name')} maxLength={LIMITS.name} required {...state} />
      <TextField name="alternateName" label={`${t('desk.socialMap.field.alternateName')} ${t('form.optional')}`} maxLength={LIMITS.name} {...state} />
      <TextAreaField
        name="description"
        label={t('desk.socialMap.field.description')}
        hint={t('desk.socialMap.field.description.hint')}
        rows={6}
        maxLength={LIMITS.description}
        required
        {...state}
      />
      <SelectField
        name="kind"
        label={t('desk.socialMap.field.kind')}
        emptyLabel={t('form.choose')}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
        required
        {...state}
      />
      <TextField name="email" type="email" autocomplete="off" label={`${t('desk.socialMap.field.email')} ${t('form.optional')}`} maxLength={LIMITS.email} {...state} />
      <TextField
        name="website"
        type="url"
        label={`${t('desk.socialMap.field.website')} ${t('form.optional')}`}
        hint={t('desk.socialMap.field.website.hint')}
        maxLength={LIMITS.url}
        {...state}
      />
    </>
  );
}

export function ProposePage({ ctx, region, state, isCoordinator }: { ctx: PageContext; region: Region; state: FormState; isCoordinator: boolean }) {
  const { t } = ctx;
  const title = t('desk.socialMap.propose.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={[mapCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      <P>{t('desk.socialMap.propose.intro')}</P>
      {isCoordinator ? <P>{t('desk.socialMap.propose.introCoordinator')}</P> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={proposePath(region.slug)}>
        <OrganisationFields ctx={ctx} state={state} />
        <Actions>
          <SubmitButton>{t('desk.socialMap.propose.submit')}</SubmitButton>
        </Actions>
      </PostForm>
    </DeskLayout>
  );
}

const orgTrail = (ctx: PageContext, region: Region, organisation: Organisation) => [
  mapCrumb(ctx, region),
  { href: organisationPath(region.slug, organisation.id), label: organisation.name },
];

export function EditOrganisationPage({
  ctx,
  region,
  organisation,
  state,
  version,
  conflict,
}: {
  ctx: PageContext;
  region: Region;
  organisation: Organisation;
  state: FormState;
  version: number;
  conflict?: Organisation;
}) {
  const { t } = ctx;
  const title = t('desk.socialMap.edit.title', { name: organisation.name });
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={orgTrail(ctx, region, organisation)}>
      <Heading>{title}</Heading>
      {conflict ? (
        <ConflictNotice
          ctx={ctx}
          saved={[
            { label: t('desk.socialMap.field.name'), value: conflict.name },
            { label: t('desk.socialMap.field.description'), value: conflict.description },
            { label: t('desk.socialMap.field.email'), value: conflict.email },
            { label: t('desk.socialMap.field.website'), value: conflict.website },
          ]}
        />
      ) : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={organisationPath(region.slug, organisation.id, '/bewerken')}>
        <Hidden name="version" value={String(version)} />
        <OrganisationFields ctx={ctx} state={state} />
        <PhoneFields ctx={ctx} state={state} />
        <Actions>
          <SubmitButton>{t('form.save')}</SubmitButton>
          <A href={organisationPath(region.slug, organisation.id)}>{t('form.cancel')}</A>
        </Actions>
      </PostForm>
    </DeskLayout>
  );
}

export function organisationValues(o: Organisation, phones: readonly PhoneRow[]): Record<string, string> {
  return {
    name: o.name,
    alternateName: o.alternate_name ?? '',
    description: o.description,
    kind: o.kind,
    email: o.email ?? '',
    website: o.website ?? '',
    ...phoneValues(phones),
  };
}

function DeleteForm({ ctx, action, label }: { ctx: PageContext; action: string; label: string }) {
  return (
    <section class="mmm-danger-zone" aria-labelledby="verwijderen">
      <h2 class="utrecht-heading-2" id="verwijderen">
        {ctx.t('desk.socialMap.delete.heading')}
      </h2>
      <P>{ctx.t('desk.socialMap.delete.hint')}</P>
      <PostForm ctx={ctx} action={action} class="mmm-inline-form">
        <SubmitButton secondary>{label}</SubmitButton>
      </PostForm>
    </section>
  );
}

export function ServiceFormPage({
  ctx,
  region,
  organisation,
  locations,
  service,
  state,
  conflict,
}: {
  ctx: PageContext;
  region: Region;
  organisation: Organisation;
  locations: readonly LocationRow[];
  service?: { id: string; name: string; version: number };
  state: FormState;
  conflict?: ServiceData;
}) {
  const { t } = ctx;
  const title = service ? t('desk.socialMap.service.editTitle', { name: service.name }) : t('desk.socialMap.service.newTitle', { name: organisation.name });
  const base = organisationPath(region.slug, organisation.id);
  const action = service ? `${base}/diensten/${encodeURIComponent(service.id)}/bewerken` : `${base}/diensten/nieuw`;
  const chosen = new Set(Object.entries(state.values ?? {}).flatMap(([k, v]) => (/^where\d+$/.test(k) && v ? [v] : [])));
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={orgTrail(ctx, region, organisation)}>
      <Heading>{title}</Heading>
      {conflict ? (
        <ConflictNotice
          ctx={ctx}
          saved={[
            { label: t('desk.socialMap.field.serviceName'), value: conflict.name },
            { label: t('desk.socialMap.field.serviceDescription'), value: conflict.description },
            { label: t('desk.socialMap.field.forWhom'), value: conflict.for_whom },
            { label: t('desk.socialMap.field.howToApply'), value: conflict.how_to_apply },
            { label: t('desk.socialMap.field.cost'), value: conflict.cost },
          ]}
        />
      ) : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        {service ? <Hidden name="version" value={String(service.version)} /> : null}
        <TextField name="name" label={t('desk.socialMap.field.serviceName')} maxLength={LIMITS.name} required {...state} />
        <TextAreaField name="description" label={t('desk.socialMap.field.serviceDescription')} rows={5} maxLength={LIMITS.description} required {...state} />
        <TextAreaField name="forWhom" label={`${t('desk.socialMap.field.forWhom')} ${t('form.optional')}`} rows={3} maxLength={LIMITS.text} {...state} />
        <TextAreaField name="howToApply" label={`${t('desk.socialMap.field.howToApply')} ${t('form.optional')}`} rows={3} maxLength={LIMITS.text} {...state} />
        <TextAreaField
          name="cost"
          label={`${t('desk.socialMap.field.cost')} ${t('form.optional')}`}
          hint={t('desk.socialMap.field.cost.hint')}
          rows={2}
          maxLength={LIMITS.text}
          {...state}
        />
        <TextField name="email" type="email" autocomplete="off" label={`${t('desk.socialMap.field.email')} ${t('form.optional')}`} maxLength={LIMITS.email} {...state} />
        <TextField
          name="website"
          type="url"
          label={`${t('desk.socialMap.field.website')} ${t('form.optional')}`}
          hint={t('desk.socialMap.field.website.hint')}
          maxLength={LIMITS.url}
          {...state}
        />
        <SelectField
          name="status"
          label={t('desk.socialMap.field.serviceStatus')}
          options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(SERVICE_STATUS_KEYS[s]) }))}
          {...state}
        />
        <fieldset class="utrecht-form-fieldset mmm-fieldset">
          <legend class="utrecht-form-fieldset__legend">{t('desk.socialMap.field.where')}</legend>
          {locations.length === 0 ? <P>{t('desk.socialMap.field.where.none')}</P> : null}
          {locations.map((l, i) => (
            <div class="utrecht-form-field utrecht-form-field--checkbox" key={l.id}>
              <input
                class="utrecht-checkbox utrecht-checkbox--html-input"
                type="checkbox"
                id={`veld-where${i + 1}`}
                name={`where${i + 1}`}
                value={l.id}
                checked={chosen.has(l.id)}
              />
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={`veld-where${i + 1}`}>
                {[l.name, l.address, l.city].filter(Boolean).join(', ') || t(`desk.socialMap.locationType.${l.location_type}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <ScheduleFields ctx={ctx} state={state} />
        <Actions>
          <SubmitButton>{t('form.save')}</SubmitButton>
          <A href={organisationPath(region.slug, organisation.id)}>{t('form.cancel')}</A>
        </Actions>
      </PostForm>
      {service ? <DeleteForm ctx={ctx} action={`${base}/diensten/${encodeURIComponent(service.id)}/verwijderen`} label={t('desk.socialMap.delete.service')} /> : null}
    </DeskLayout>
  );
}

export function serviceValues(s: ServiceData, schedules: readonly ScheduleRow[], locationIds: readonly string[], locations: readonly LocationRow[]): Record<string, string> {
  const values: Record<string, string> = {
    name: s.name,
    description: s.description,
    forWhom: s.for_whom,
    howToApply: s.how_to_apply,
    cost: s.cost,
    email: s.email ?? '',
    website: s.website ?? '',
    status: s.status,
    ...scheduleValues(schedules),
  };
  locations.forEach((l, i) => {
    if (locationIds.includes(l.id)) values[`where${i + 1}`] = l.id;
  });
  return values;
}

export function LocationFormPage({
  ctx,
  region,
  organisation,
  locationId,
  state,
}: {
  ctx: PageContext;
  region: Region;
  organisation: Organisation;
  locationId?: string;
  state: FormState;
}) {
  const { t } = ctx;
  const title = locationId ? t('desk.socialMap.location.editTitle', { name: organisation.name }) : t('desk.socialMap.location.newTitle', { name: organisation.name });
  const base = organisationPath(region.slug, organisation.id);
  const action = locationId ? `${base}/locaties/${encodeURIComponent(locationId)}/bewerken` : `${base}/locaties/nieuw`;
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={orgTrail(ctx, region, organisation)}>
      <Heading>{title}</Heading>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        <SelectField
          name="locationType"
          label={t('desk.socialMap.field.locationType')}
          options={LOCATION_TYPES.map((l) => ({ value: l, label: t(`desk.socialMap.locationType.${l}`) }))}
          {...state}
        />
        <TextField name="name" label={`${t('desk.socialMap.field.locationName')} ${t('form.optional')}`} maxLength={LIMITS.short} {...state} />
        <TextField name="address" autocomplete="off" label={t('desk.socialMap.field.address')} maxLength={LIMITS.short} {...state} />
        <TextField name="postalCode" autocomplete="off" label={t('desk.socialMap.field.postalCode')} maxLength={10} inputClass="mmm-input-short" {...state} />
        <TextField name="city" autocomplete="off" label={t('desk.socialMap.field.city')} maxLength={LIMITS.short} {...state} />
        <TextField name="url" type="url" label={t('desk.socialMap.field.url')} hint={t('desk.socialMap.field.website.hint')} maxLength={LIMITS.url} {...state} />
        <TextAreaField
          name="description"
          label={`${t('desk.socialMap.field.locationDescription')} ${t('form.optional')}`}
          hint={t('desk.socialMap.field.locationDescription.hint')}
          rows={3}
          maxLength={LIMITS.text}
          {...state}
        />
        <ScheduleFields ctx={ctx} state={state} />
        <Actions>
          <SubmitButton>{t('form.save')}</SubmitButton>
          <A href={organisationPath(region.slug, organisation.id)}>{t('form.cancel')}</A>
        </Actions>
      </PostForm>
      {locationId ? <DeleteForm ctx={ctx} action={`${base}/locaties/${encodeURIComponent(locationId)}/verwijderen`} label={t('desk.socialMap.delete.location')} /> : null}
    </DeskLayout>
  );
}

export function locationValues(l: LocationRow, schedules: readonly ScheduleRow[]): Record<string, string> {
  return {
    locationType: l.location_type,
    name: l.name ?? '',
    description: l.description ?? '',
    address: l.address ?? '',
    postalCode: l.postal_code ?? '',
    city: l.city ?? '',
    url: l.url ?? '',
    ...scheduleValues(schedules),
  };
}

export function ContactFormPage({
  ctx,
  region,
  organisation,
  services,
  contactId,
  state,
}: {
  ctx: PageContext;
  region: Region;
  organisation: Organisation;
  services: readonly ServiceData[];
  contactId?: string;
  state: FormState;
}) {
  const { t } = ctx;
  const title = contactId ? t('desk.socialMap.contact.editTitle', { name: organisation.name }) : t('desk.socialMap.contact.newTitle', { name: organisation.name });
  const base = organisationPath(region.slug, organisation.id);
  const action = contactId ? `${base}/contacten/${encodeURIComponent(contactId)}/bewerken` : `${base}/contacten/nieuw`;
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={orgTrail(ctx, region, organisation)}>
      <Heading>{title}</Heading>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        <TextField name="name" autocomplete="off" label={t('desk.socialMap.field.contactName')} maxLength={LIMITS.short} {...state} />
        <TextField name="title" label={t('desk.socialMap.field.contactTitle')} maxLength={LIMITS.short} {...state} />
        <TextField name="email" type="email" autocomplete="off" label={`${t('desk.socialMap.field.email')} ${t('form.optional')}`} maxLength={LIMITS.email} {...state} />
        <SelectField
          name="serviceId"
          label={t('desk.socialMap.field.contactService')}
          emptyLabel={t('desk.socialMap.field.contactService.all')}
          options={services.map((s) => ({ value: s.id, label: s.name }))}
          {...state}
        />
        <PhoneFields ctx={ctx} state={state} />
        <Actions>
          <SubmitButton>{t('form.save')}</SubmitButton>
          <A href={organisationPath(region.slug, organisation.id)}>{t('form.cancel')}</A>
        </Actions>
      </PostForm>
      {contactId ? <DeleteForm ctx={ctx} action={`${base}/contacten/${encodeURIComponent(contactId)}/verwijderen`} label={t('desk.socialMap.delete.contact')} /> : null}
    </DeskLayout>
  );
}

export function contactValues(c: ContactRow, phones: readonly PhoneRow[]): Record<string, string> {
  return { name: c.name ?? '', title: c.title ?? '', email: c.email ?? '', serviceId: c.service_id ?? '', ...phoneValues(phones) };
}

// Representatives

export interface RepresentativeView {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly appointed_at: string;
}

export function RepresentativesPage({
  ctx,
  region,
  organisation,
  representatives,
  state,
}: {
  ctx: PageContext;
  region: Region;
  organisation: Organisation;
  representatives: readonly RepresentativeView[];
  state: FormState;
}) {
  const { t } = ctx;
  const title = t('desk.socialMap.rep.title', { name: organisation.name });
  const base = organisationPath(region.slug, organisation.id, '/vertegenwoordigers');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="socialMap" trail={orgTrail(ctx, region, organisation)}>
      <Heading>{title}</Heading>
      <P>{t('desk.socialMap.rep.intro')}</P>
      {representatives.length === 0 ? (
        <P>{t('desk.socialMap.rep.none')}</P>
      ) : (
        <Table
          caption={t('desk.socialMap.rep.caption')}
          head={[t('desk.socialMap.rep.name'), t('desk.socialMap.rep.email'), t('desk.socialMap.rep.since'), t('desk.socialMap.rep.action')]}
        >
          {representatives.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{r.email}</td>
              <td>{formatDateTime(r.appointed_at, ctx.locale)}</td>
              <td>
                <ActionButton ctx={ctx} action={`${base}/${encodeURIComponent(r.id)}/verwijderen`} label={t('desk.socialMap.rep.removeLabel', { name: r.name })}>
                  {t('desk.socialMap.rep.remove')}
                </ActionButton>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2 class="utrecht-heading-2">{t('desk.socialMap.rep.add')}</h2>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={base}>
        <TextField name="email" type="email" autocomplete="off" label={t('desk.socialMap.rep.emailField')} maxLength={LIMITS.email} required {...state} />
        <Actions>
          <SubmitButton>{t('desk.socialMap.rep.submit')}</SubmitButton>
        </Actions>
      </PostForm>
      <P>
        <A href={organisationPath(region.slug, organisation.id)}>{t('desk.socialMap.back', { name: organisation.name })}</A>
      </P>
    </DeskLayout>
  );
}

// The coordinator's overview and the import

export function ManagePage({ ctx, region, organisations }: { ctx: PageContext; region: Region; organisations: readonly Organisation[] }) {
  const { t } = ctx;
  const title = t('desk.socialMap.manage.title');
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage" trail={[mapCrumb(ctx, region)]}>
      <Heading>{title}</Heading>
      <P>{t('desk.socialMap.manage.intro')}</P>
      <ul class="utrecht-unordered-list mmm-links">
        <li>
          <A href={proposePath(region.slug)}>{t('desk.socialMap.manage.new')}</A>
        </li>
        <li>
          <A href={importPath(region.slug)}>{t('desk.socialMap.manage.import')}</A>
        </li>
        <li>
          <A href={exportPath(region.slug)}>{t('desk.socialMap.manage.export')}</A>
        </li>
      </ul>
      {organisations.length === 0 ? (
        <P>{t('desk.socialMap.manage.empty')}</P>
      ) : (
        <Table caption={t('desk.socialMap.manage.caption')} head={[t('desk.socialMap.manage.name'), t('desk.socialMap.manage.kind'), t('desk.socialMap.manage.status')]}>
          {organisations.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <A href={organisationPath(region.slug, o.id)}>{o.name}</A>
              </th>
              <td>{kindLabel(ctx, o.kind)}</td>
              <td>{statusLabel(ctx, o.status)}</td>
            </tr>
          ))}
        </Table>
      )}
    </DeskLayout>
  );
}

export interface LastImport {
  readonly at: string;
  readonly counts: ImportCounts;
  readonly created: number;
  readonly updated: number;
}

const COUNT_KEYS: readonly (keyof ImportCounts)[] = ['organisations', 'services', 'locations', 'contacts', 'phones', 'schedules', 'serviceAtLocations'];
export const MAX_PROBLEMS_SHOWN = 200;

export function ImportPage({
  ctx,
  region,
  state,
  problems = [],
  last,
}: {
  ctx: PageContext;
  region: Region;
  state: FormState;
  problems?: readonly ImportProblem[];
  last?: LastImport;
}) {
  const { t } = ctx;
  const title = t('desk.socialMap.import.title');
  const fileError = state.errors?.bestand;
  return (
    <DeskLayout ctx={ctx} region={region} title={title} section="manage" trail={[mapCrumb(ctx, region), { href: managePath(region.slug), label: t('desk.socialMap.manage.title') }]}>
      <Heading>{title}</Heading>
      <P>{t('desk.socialMap.import.intro')}</P>
      <P>{t('desk.socialMap.import.format', { kinds: ORGANISATION_KINDS.join(', ') })}</P>
      {last ? (
        <section class="mmm-import-summary" aria-labelledby="laatste-import">
          <h2 class="utrecht-heading-2" id="laatste-import">
            {t('desk.socialMap.import.last', { date: formatDateTime(last.at, ctx.locale) })}
          </h2>
          <ul class="utrecht-unordered-list" data-testid="import-summary">
            <li>{t('desk.socialMap.import.created', { count: last.created })}</li>
            <li>{t('desk.socialMap.import.updated', { count: last.updated })}</li>
            {COUNT_KEYS.map((k) => (
              <li key={k}>{t(`desk.socialMap.import.count.${k}`, { count: last.counts[k] ?? 0 })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {problems.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--error mmm-error-summary" role="alert" aria-labelledby="importproblemen">
          <h2 class="utrecht-heading-2" id="importproblemen">
            {t('desk.socialMap.import.problems.title')}
          </h2>
          <ul class="utrecht-unordered-list" data-testid="import-problems">
            {problems.slice(0, MAX_PROBLEMS_SHOWN).map((p, i) => (
              <li key={i}>{formatImportProblem(t, p)}</li>
            ))}
          </ul>
          {problems.length > MAX_PROBLEMS_SHOWN ? <P>{t('desk.socialMap.import.problems.more', { count: problems.length - MAX_PROBLEMS_SHOWN })}</P> : null}
        </div>
      ) : (
        <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      )}
      <form method="post" action={importPath(region.slug)} enctype="multipart/form-data" class="mmm-form" noValidate>
        <CsrfField ctx={ctx} />
        <div class={`utrecht-form-field utrecht-form-field--text${fileError ? ' utrecht-form-field--invalid' : ''}`}>
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="veld-bestand">
              {t('desk.socialMap.import.file')}
            </label>
          </div>
          <div class="utrecht-form-field-description" id="veld-bestand-uitleg">
            {t('desk.socialMap.import.file.hint')}
          </div>
          {fileError ? (
            <div class="utrecht-form-field-error-message" id="veld-bestand-fout">
              {fileError}
            </div>
          ) : null}
          <div class="utrecht-form-field__input">
            <input
              class="mmm-file-input"
              type="file"
              id="veld-bestand"
              name="bestand"
              accept=".json,application/json"
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'veld-bestand-uitleg veld-bestand-fout' : 'veld-bestand-uitleg'}
            />
          </div>
        </div>
        <TextAreaField name="tekst" label={t('desk.socialMap.import.text')} rows={12} {...state} />
        <Actions>
          <SubmitButton>{t('desk.socialMap.import.submit')}</SubmitButton>
        </Actions>
      </form>
    </DeskLayout>
  );
}

