import type { ComponentChildren } from 'preact';
import {
  A,
  ErrorSummary,
  Heading,
  Notice,
  P,
  Paragraphs,
  PostForm,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  type FormState,
} from '../../../platform/views/components.js';
import type { Crumb } from '../../../platform/views/layout.js';
import type { PageContext } from '../../../platform/views/page-context.js';
import { CrisisHelp, DeskLayout, ReportLink, withLinks } from '../shared/layout.js';
import { deskPath, type Region } from '../shared/region.js';
import {
  GROUP_DESCRIPTION_MAX_LENGTH,
  GROUP_FOR_WHOM_MAX_LENGTH,
  GROUP_NAME_MAX_LENGTH,
  MEETING_DESCRIPTION_MAX_LENGTH,
  MEETING_LINK_MAX_LENGTH,
  MEETING_PLACE_MAX_LENGTH,
  MEETING_TIME_ZONE,
  utcToAmsterdam,
} from './peer-support.schemas.js';
import { canManage, canSeeOnlineLinks, groupPath, meetingPath, type Group, type GroupSummary, type Meeting, type Viewer } from './peer-support.service.js';

export type { FormState };

function listPath(regionSlug: string): string {
  return deskPath(regionSlug, '/lotgenoten');
}

function listCrumb(ctx: PageContext, region: Region): Crumb {
  return { href: listPath(region.slug), label: ctx.t('desk.section.peerSupport') };
}

/** The long Dutch (or English) date of a meeting, in Amsterdam: "woensdag 15 juli 2026". */
function meetingDate(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: MEETING_TIME_ZONE,
  }).format(new Date(iso));
}

function meetingWhen(ctx: PageContext, meeting: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  return ctx.t('desk.peerSupport.meetingWhen', {
    date: meetingDate(ctx, meeting.startsAt),
    start: utcToAmsterdam(meeting.startsAt).time,
    end: utcToAmsterdam(meeting.endsAt).time,
  });
}

/** Crisis help sits calmly at the top of every peer-support page, beside the content on wide screens. */
function PeerSupportPage(props: { ctx: PageContext; region: Region; title: string; trail?: readonly Crumb[]; lead?: ComponentChildren; children: ComponentChildren }) {
  return (
    <DeskLayout ctx={props.ctx} region={props.region} title={props.title} section="peerSupport" trail={props.trail}>
      <Heading>{props.title}</Heading>
      {props.lead}
      <div class="mmm-peer-support">
        <div class="mmm-peer-support__help">
          <CrisisHelp ctx={props.ctx} />
        </div>
        <div class="mmm-peer-support__main">{props.children}</div>
      </div>
    </DeskLayout>
  );
}

function StatusNotice({ ctx, status }: { ctx: PageContext; status: Group['status'] }) {
  if (status === 'published') return null;
  return <Notice kind="warning">{ctx.t(status === 'pending' ? 'desk.peerSupport.statusNotice.pending' : 'desk.peerSupport.statusNotice.hidden')}</Notice>;
}

function GroupFacts({ ctx, group }: { ctx: PageContext; group: GroupSummary }) {
  const { t } = ctx;
  return (
    <dl class="mmm-peer-group__facts">
      <dt>{t('desk.peerSupport.forWhom')}</dt>
      <dd>{group.forWhom}</dd>
      <dt>{t('desk.peerSupport.nextMeeting')}</dt>
      <dd>
        {group.nextStartsAt ? <time dateTime={group.nextStartsAt}>{`${meetingDate(ctx, group.nextStartsAt)}, ${utcToAmsterdam(group.nextStartsAt).time}`}</time> : t('desk.peerSupport.noNextMeeting')}
      </dd>
      {group.organisationName ? (
        <>
          <dt>{t('desk.peerSupport.organisedBy')}</dt>
          <dd>{group.organisationName}</dd>
        </>
      ) : null}
    </dl>
  );
}

function GroupList({ ctx, region, groups, memberOf, showStatus }: { ctx: PageContext; region: Region; groups: readonly GroupSummary[]; memberOf: ReadonlySet<string>; showStatus: boolean }) {
  const { t } = ctx;
  return (
    <ul class="mmm-peer-groups">
      {groups.map((group) => (
        <li key={group.id} class="mmm-peer-groups__item">
          <h3 class="utrecht-heading-3">
            <A href={groupPath(region.slug, group.id)}>{group.name}</A>
          </h3>
          {showStatus ? <p class="utrecht-paragraph mmm-peer-group__status">{t(`desk.peerSupport.status.${group.status}`)}</p> : null}
          {memberOf.has(group.id) ? <p class="utrecht-paragraph mmm-peer-group__member">{t('desk.peerSupport.youAreMember')}</p> : null}
          <GroupFacts ctx={ctx} group={group} />
        </li>
      ))}
    </ul>
  );
}

export function GroupListPage(props: {
  ctx: PageContext;
  region: Region;
  groups: readonly GroupSummary[];
  notPublished: readonly GroupSummary[];
  memberOf: ReadonlySet<string>;
}) {
  const { ctx, region } = props;
  const { t } = ctx;
  return (
    <PeerSupportPage ctx={ctx} region={region} title={t('desk.peerSupport.title', { region: region.name })} lead={<p class="utrecht-paragraph mmm-intro">{t('desk.peerSupport.intro')}</p>}>
      <P>{t('desk.peerSupport.introPrivacy')}</P>
      <h2 class="utrecht-heading-2">{t('desk.peerSupport.groupsHeading')}</h2>
      {props.groups.length === 0 ? <P>{t('desk.peerSupport.empty')}</P> : <GroupList ctx={ctx} region={region} groups={props.groups} memberOf={props.memberOf} showStatus={false} />}
      <P>
        <A href={listPath(region.slug) + '/nieuw'}>{t('desk.peerSupport.propose')}</A>
      </P>
      {props.notPublished.length > 0 ? (
        <section aria-labelledby="niet-openbaar">
          <h2 id="niet-openbaar" class="utrecht-heading-2">
            {t('desk.peerSupport.notPublicHeading')}
          </h2>
          <P>{t('desk.peerSupport.notPublicIntro')}</P>
          <GroupList ctx={ctx} region={region} groups={props.notPublished} memberOf={props.memberOf} showStatus />
        </section>
      ) : null}
    </PeerSupportPage>
  );
}

function MeetingItem({ ctx, region, group, meeting, viewer }: { ctx: PageContext; region: Region; group: Group; meeting: Meeting; viewer: Viewer }) {
  const { t } = ctx;
  // Names the meeting in the link texts, with its time so that two meetings on one day stay apart.
  const date = `${meetingDate(ctx, meeting.startsAt)}, ${utcToAmsterdam(meeting.startsAt).time}`;
  return (
    <li class="mmm-peer-meetings__item">
      <h3 class="utrecht-heading-3">
        <time dateTime={meeting.startsAt}>{meetingWhen(ctx, meeting)}</time>
      </h3>
      {meeting.place ? (
        <P>
          {t('desk.peerSupport.place')}: {meeting.place}
        </P>
      ) : null}
      {meeting.onlineUrl ? (
        canSeeOnlineLinks(viewer) ? (
          <P>
            {t('desk.peerSupport.online')}:{' '}
            <a class="utrecht-link" href={meeting.onlineUrl} rel="noopener noreferrer">
              {t('desk.peerSupport.onlineLink')}
            </a>
          </P>
        ) : (
          <P>{t('desk.peerSupport.onlineMembersOnly')}</P>
        )
      ) : null}
      {meeting.description ? <Paragraphs text={meeting.description} /> : null}
      {canManage(viewer) ? (
        <ul class="mmm-peer-meetings__actions">
          <li>
            <A href={meetingPath(region.slug, group.id, meeting.id, '/bewerken')}>{t('desk.peerSupport.editMeeting', { date })}</A>
          </li>
          <li>
            <A href={meetingPath(region.slug, group.id, meeting.id, '/verwijderen')}>{t('desk.peerSupport.deleteMeeting', { date })}</A>
          </li>
        </ul>
      ) : null}
    </li>
  );
}

function Membership({ ctx, region, group, viewer }: { ctx: PageContext; region: Region; group: Group; viewer: Viewer }) {
  const { t } = ctx;
  const path = groupPath(region.slug, group.id);
  let body: ComponentChildren;
  if (!viewer.signedIn) {
    body = (
      <P>
        {withLinks(t('desk.peerSupport.loginToJoinText'), {
          login: <A href={`/account/inloggen?terug=${encodeURIComponent(path)}`}>{t('desk.peerSupport.loginToJoin')}</A>,
          register: <A href="/account/registreren">{t('desk.peerSupport.register')}</A>,
        })}
      </P>
    );
  } else if (viewer.isMember) {
    body = (
      <>
        <p class="utrecht-paragraph mmm-peer-group__member">
          <strong>{t('desk.peerSupport.youAreMember')}</strong>
        </p>
        <P>{t('desk.peerSupport.memberText')}</P>
        <PostForm ctx={ctx} action={`${path}/afmelden`} class="mmm-inline-form">
          <SubmitButton secondary>{t('desk.peerSupport.leave')}</SubmitButton>
        </PostForm>
      </>
    );
  } else if (group.status === 'published') {
    body = (
      <>
        <P>{t('desk.peerSupport.joinText')}</P>
        <PostForm ctx={ctx} action={`${path}/aanmelden`} class="mmm-inline-form">
          <SubmitButton>{t('desk.peerSupport.join')}</SubmitButton>
        </PostForm>
      </>
    );
  } else {
    return null;
  }
  return (
    <section aria-labelledby="meedoen">
      <h2 id="meedoen" class="utrecht-heading-2">
        {t('desk.peerSupport.membership')}
      </h2>
      {body}
    </section>
  );
}

export function GroupPage(props: {
  ctx: PageContext;
  region: Region;
  group: Group;
  viewer: Viewer;
  upcoming: readonly Meeting[];
  pastCount: number;
  /** Only for organisers and the coordinator. */
  memberCount: number | null;
}) {
  const { ctx, region, group, viewer } = props;
  const { t } = ctx;
  const path = groupPath(region.slug, group.id);
  return (
    <PeerSupportPage ctx={ctx} region={region} title={group.name} trail={[listCrumb(ctx, region)]} lead={<StatusNotice ctx={ctx} status={group.status} />}>
      <h2 class="utrecht-heading-2">{t('desk.peerSupport.about')}</h2>
      <Paragraphs text={group.description} />
      <h3 class="utrecht-heading-3">{t('desk.peerSupport.forWhom')}</h3>
      <Paragraphs text={group.forWhom} />
      {group.organisationName ? (
        <P>
          {t('desk.peerSupport.organisedBy')}: {group.organisationName}
        </P>
      ) : null}
      <h3 class="utrecht-heading-3">{t('desk.peerSupport.contact')}</h3>
      <P>{withLinks(t('desk.peerSupport.contactText'), { email: <A href={`mailto:${group.contactEmail}`}>{group.contactEmail}</A> })}</P>

      <Membership ctx={ctx} region={region} group={group} viewer={viewer} />

      <section aria-labelledby="bijeenkomsten">
        <h2 id="bijeenkomsten" class="utrecht-heading-2">
          {t('desk.peerSupport.meetings')}
        </h2>
        {props.upcoming.length === 0 ? (
          <P>{t('desk.peerSupport.noMeetings')}</P>
        ) : (
          <ul class="mmm-peer-meetings">
            {props.upcoming.map((meeting) => (
              <MeetingItem key={meeting.id} ctx={ctx} region={region} group={group} meeting={meeting} viewer={viewer} />
            ))}
          </ul>
        )}
        {props.pastCount > 0 ? <P>{t('desk.peerSupport.pastCount', { count: props.pastCount })}</P> : null}
        {group.status === 'published' ? (
          <>
            <P>
              <A href={`${path}/agenda.ics`}>{t('desk.peerSupport.calendar')}</A>
            </P>
            <p class="utrecht-paragraph mmm-hint">{t('desk.peerSupport.calendarHint')}</p>
          </>
        ) : null}
      </section>

      {canManage(viewer) ? (
        <section aria-labelledby="organisatoren" class="mmm-peer-manage">
          <h2 id="organisatoren" class="utrecht-heading-2">
            {t('desk.peerSupport.manage')}
          </h2>
          {props.memberCount !== null ? <P>{t('desk.peerSupport.memberCount', { count: props.memberCount })}</P> : null}
          <ul class="utrecht-unordered-list">
            <li>
              <A href={`${path}/bewerken`}>{t('desk.peerSupport.editGroup')}</A>
            </li>
            <li>
              <A href={`${path}/bijeenkomsten/nieuw`}>{t('desk.peerSupport.addMeeting')}</A>
            </li>
          </ul>
        </section>
      ) : null}

      {group.status === 'published' ? <ReportLink ctx={ctx} region={region} kind="group" id={group.id} /> : null}
    </PeerSupportPage>
  );
}

type OrganisationOption = { readonly id: string; readonly name: string };

/** The proposal form (`group` undefined) or the edit form of a group. */
export function GroupFormPage(props: { ctx: PageContext; region: Region; group?: Group; organisations: readonly OrganisationOption[]; state: FormState }) {
  const { ctx, region, group, state } = props;
  const { t } = ctx;
  const title = group ? t('desk.peerSupport.form.editTitle', { name: group.name }) : t('desk.peerSupport.form.newTitle');
  const action = group ? groupPath(region.slug, group.id, '/bewerken') : `${listPath(region.slug)}/nieuw`;
  const trail = group ? [listCrumb(ctx, region), { href: groupPath(region.slug, group.id), label: group.name }] : [listCrumb(ctx, region)];
  const options = props.organisations.map((o) => ({ value: o.id, label: o.name }));
  // A group may keep an organisation that is no longer published; it stays in the list as the current choice.
  if (group?.organisationId && !options.some((o) => o.value === group.organisationId)) {
    options.push({ value: group.organisationId, label: group.organisationName ?? group.organisationId });
  }
  return (
    <PeerSupportPage ctx={ctx} region={region} title={title} trail={trail} lead={group ? null : <P>{t('desk.peerSupport.form.newIntro')}</P>}>
      {state.formError ? <Notice kind="warning">{state.formError}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        {group ? <input type="hidden" name="version" value={state.values?.version ?? String(group.version)} /> : null}
        <TextField name="name" label={t('desk.peerSupport.field.name')} maxLength={GROUP_NAME_MAX_LENGTH} required {...state} />
        <TextAreaField
          name="description"
          label={t('desk.peerSupport.field.description')}
          hint={t('desk.peerSupport.field.description.hint')}
          rows={6}
          maxLength={GROUP_DESCRIPTION_MAX_LENGTH}
          required
          {...state}
        />
        <TextAreaField
          name="forWhom"
          label={t('desk.peerSupport.field.forWhom')}
          hint={t('desk.peerSupport.field.forWhom.hint')}
          rows={3}
          maxLength={GROUP_FOR_WHOM_MAX_LENGTH}
          required
          {...state}
        />
        <TextField
          name="contactEmail"
          type="email"
          autocomplete="email"
          label={t('desk.peerSupport.field.contactEmail')}
          hint={t('desk.peerSupport.field.contactEmail.hint')}
          maxLength={254}
          required
          {...state}
        />
        <SelectField
          name="organisationId"
          label={`${t('desk.peerSupport.field.organisation')} ${t('form.optional')}`}
          hint={t('desk.peerSupport.field.organisation.hint')}
          emptyLabel={t('desk.peerSupport.field.noOrganisation')}
          options={options}
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{group ? t('form.save') : t('desk.peerSupport.form.submitNew')}</SubmitButton>
        </div>
      </PostForm>
      {group ? (
        <P>
          <A href={groupPath(region.slug, group.id)}>{t('desk.peerSupport.back')}</A>
        </P>
      ) : null}
    </PeerSupportPage>
  );
}

/** What the meeting form shows for a stored meeting: Amsterdam date and times. */
export function meetingFormValues(meeting: Meeting): Record<string, string> {
  const start = utcToAmsterdam(meeting.startsAt);
  return {
    date: start.date,
    startTime: start.time,
    endTime: utcToAmsterdam(meeting.endsAt).time,
    place: meeting.place ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
    description: meeting.description,
    sequence: String(meeting.sequence),
  };
}

/** The form for a new meeting (`meetingId` undefined) or for changing one. */
export function MeetingFormPage(props: { ctx: PageContext; region: Region; group: Group; meetingId?: string; state: FormState }) {
  const { ctx, region, group, meetingId, state } = props;
  const { t } = ctx;
  const title = t(meetingId ? 'desk.peerSupport.meeting.editTitle' : 'desk.peerSupport.meeting.newTitle', { name: group.name });
  const action = meetingId ? meetingPath(region.slug, group.id, meetingId, '/bewerken') : groupPath(region.slug, group.id, '/bijeenkomsten/nieuw');
  return (
    <PeerSupportPage
      ctx={ctx}
      region={region}
      title={title}
      trail={[listCrumb(ctx, region), { href: groupPath(region.slug, group.id), label: group.name }]}
      lead={<P>{t('desk.peerSupport.meeting.intro')}</P>}
    >
      {state.formError ? <Notice kind="warning">{state.formError}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action={action}>
        {meetingId ? <input type="hidden" name="sequence" value={state.values?.sequence ?? ''} /> : null}
        <TextField name="date" type="date" label={t('desk.peerSupport.field.date')} required {...state} />
        <TextField name="startTime" label={t('desk.peerSupport.field.startTime')} hint={t('desk.peerSupport.field.time.hint')} maxLength={5} inputClass="mmm-input-time" required {...state} />
        <TextField name="endTime" label={t('desk.peerSupport.field.endTime')} hint={t('desk.peerSupport.field.time.hint')} maxLength={5} inputClass="mmm-input-time" required {...state} />
        <TextField name="place" label={t('desk.peerSupport.field.place')} hint={t('desk.peerSupport.field.place.hint')} maxLength={MEETING_PLACE_MAX_LENGTH} {...state} />
        <TextField
          name="onlineUrl"
          type="url"
          label={t('desk.peerSupport.field.onlineUrl')}
          hint={t('desk.peerSupport.field.onlineUrl.hint')}
          maxLength={MEETING_LINK_MAX_LENGTH}
          {...state}
        />
        <TextAreaField
          name="description"
          label={`${t('desk.peerSupport.field.meetingDescription')} ${t('form.optional')}`}
          rows={4}
          maxLength={MEETING_DESCRIPTION_MAX_LENGTH}
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.peerSupport.meeting.submit')}</SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href={groupPath(region.slug, group.id)}>{t('desk.peerSupport.back')}</A>
      </P>
    </PeerSupportPage>
  );
}

export function DeleteMeetingPage({ ctx, region, group, meeting }: { ctx: PageContext; region: Region; group: Group; meeting: Meeting }) {
  const { t } = ctx;
  return (
    <PeerSupportPage
      ctx={ctx}
      region={region}
      title={t('desk.peerSupport.meeting.deleteTitle')}
      trail={[listCrumb(ctx, region), { href: groupPath(region.slug, group.id), label: group.name }]}
    >
      <P>{t('desk.peerSupport.meeting.deleteQuestion', { when: meetingWhen(ctx, meeting) })}</P>
      <PostForm ctx={ctx} action={meetingPath(region.slug, group.id, meeting.id, '/verwijderen')}>
        <div class="mmm-form-actions">
          <SubmitButton>{t('desk.peerSupport.meeting.deleteConfirm')}</SubmitButton>
        </div>
      </PostForm>
      <P>
        <A href={groupPath(region.slug, group.id)}>{t('desk.peerSupport.back')}</A>
      </P>
    </PeerSupportPage>
  );
}
