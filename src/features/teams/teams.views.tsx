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
  TextAreaField,
  TextField,
  type FormValues,
  type FormState,
  Paragraphs,
} from '../../platform/views/components.js';
import { Layout } from '../../platform/views/layout.js';
import type { PageContext } from '../../platform/views/page-context.js';
import type { Region } from '../regions/regions.service.js';
import { TEAM_NAME_MAX_LENGTH, TEAM_PURPOSE_MAX_LENGTH, TEAM_ROLES, type TeamRole } from './teams.schemas.js';
import type { CreatedInviteLink, Invitation, InvitationPreview, Team, TeamMember, TeamOfUser } from './teams.service.js';

export type { FormState } from '../../platform/views/components.js';

const teamsCrumbs = (ctx: PageContext) => [
  { href: '/', label: ctx.t('nav.home') },
  { href: '/teams', label: ctx.t('teams.title') },
];

function roleLabel(ctx: PageContext, role: TeamRole): string {
  return ctx.t(`teams.role.${role}`);
}

function roleOptions(ctx: PageContext) {
  return TEAM_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }));
}


export function TeamsListPage({ ctx, teams }: { ctx: PageContext; teams: readonly TeamOfUser[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('teams.title')} breadcrumbs={[{ href: '/', label: t('nav.home') }]}>
      <Heading>{t('teams.title')}</Heading>
      <p class="utrecht-paragraph mmm-intro">{t('teams.list.intro')}</p>
      {teams.length === 0 ? (
        <P>{t('teams.list.empty')}</P>
      ) : (
        <Table caption={t('teams.list.caption')} head={[t('teams.list.name'), t('teams.list.region'), t('teams.list.yourRole'), t('teams.list.memberCount')]}>
              {teams.map((team) => (
                <tr key={team.id}>
                  <th scope="row">
                    <A href={`/teams/${team.id}`}>{team.name}</A>
                  </th>
                  <td>{team.regionName ?? t('teams.noRegion')}</td>
                  <td>{roleLabel(ctx, team.role)}</td>
                  <td>{team.memberCount}</td>
                </tr>
              ))}
        </Table>
      )}
      <P>
        <A href="/teams/nieuw">{t('teams.list.create')}</A>
      </P>
    </Layout>
  );
}

export function NewTeamPage({ ctx, state, regions }: { ctx: PageContext; state: FormState; regions: readonly Region[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('teams.create.title')} breadcrumbs={teamsCrumbs(ctx)}>
      <Heading>{t('teams.create.title')}</Heading>
      <P>{t('teams.create.intro')}</P>
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <PostForm ctx={ctx} action="/teams/nieuw">
        <TextField name="name" label={t('teams.field.name')} hint={t('teams.field.name.hint')} maxLength={TEAM_NAME_MAX_LENGTH} required {...state} />
        <SelectField
          name="regionSlug"
          label={`${t('teams.field.region')} ${t('form.optional')}`}
          hint={t('teams.field.region.hint')}
          emptyLabel={t('teams.noRegion')}
          options={regions.map((r) => ({ value: r.slug, label: r.name }))}
          {...state}
        />
        <TextAreaField
          name="purpose"
          label={t('teams.field.purpose')}
          hint={t('teams.field.purpose.hint')}
          rows={6}
          maxLength={TEAM_PURPOSE_MAX_LENGTH}
          required
          {...state}
        />
        <div class="mmm-form-actions">
          <SubmitButton>{t('teams.create.submit')}</SubmitButton>
        </div>
      </PostForm>
    </Layout>
  );
}

function MemberActions({ ctx, teamId, member, isSelf }: { ctx: PageContext; teamId: string; member: TeamMember; isSelf: boolean }) {
  const { t } = ctx;
  const newRole: TeamRole = member.role === 'facilitator' ? 'member' : 'facilitator';
  const base = `/teams/${teamId}/leden/${member.userId}`;
  return (
    <div class="mmm-actions-row">
      <ActionButton
        ctx={ctx}
        action={`${base}/rol`}
        name="role"
        value={newRole}
        label={t(newRole === 'facilitator' ? 'teams.member.makeFacilitatorLabel' : 'teams.member.makeMemberLabel', { name: member.name })}
      >
        {t(newRole === 'facilitator' ? 'teams.member.makeFacilitator' : 'teams.member.makeMember')}
      </ActionButton>
      {isSelf ? null : (
        <ActionButton ctx={ctx} action={`${base}/verwijderen`} label={t('teams.member.removeLabel', { name: member.name })}>
          {t('teams.member.remove')}
        </ActionButton>
      )}
    </div>
  );
}

function MembersTable({ ctx, team, members, viewerId, canManage }: { ctx: PageContext; team: Team; members: readonly TeamMember[]; viewerId: string; canManage: boolean }) {
  const { t } = ctx;
  const head = [t('teams.page.memberName'), t('teams.page.memberProfile'), t('teams.page.memberProfession'), t('teams.page.memberRole')];
  return (
    <Table caption={t('teams.page.membersCaption')} head={canManage ? [...head, t('teams.page.memberActions')] : head}>
      {members.map((m) => (
        <tr key={m.userId}>
          <th scope="row">
            {m.name}
            {m.userId === viewerId ? ` ${t('teams.page.you')}` : ''}
          </th>
          <td>{t(`accounts.profile.${m.profileType}`)}</td>
          <td>{m.professionName ?? t('teams.page.noProfession')}</td>
          <td>{roleLabel(ctx, m.role)}</td>
          {canManage ? (
            <td>
              <MemberActions ctx={ctx} teamId={team.id} member={m} isSelf={m.userId === viewerId} />
            </td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}

function InvitationsTable({ ctx, team, invitations }: { ctx: PageContext; team: Team; invitations: readonly Invitation[] }) {
  const { t, locale } = ctx;
  if (invitations.length === 0) return <P>{t('teams.invitations.none')}</P>;
  return (
    <Table
      caption={t('teams.invitations.caption')}
      head={[t('teams.invitations.for'), t('teams.invitations.role'), t('teams.invitations.expires'), t('teams.invitations.action')]}
    >
      {invitations.map((inv) => {
        const date = formatDateTime(inv.expiresAt, locale);
        const label = inv.email ? t('teams.invitations.revokeEmailLabel', { email: inv.email }) : t('teams.invitations.revokeLinkLabel', { date });
        return (
          <tr key={inv.id}>
            <th scope="row">{inv.email ?? t('teams.invitations.linkForAnyone')}</th>
            <td>{roleLabel(ctx, inv.role)}</td>
            <td>{date}</td>
            <td>
              <ActionButton ctx={ctx} action={`/teams/${team.id}/uitnodigingen/${inv.id}/intrekken`} label={label}>
                {t('teams.invitations.revoke')}
              </ActionButton>
            </td>
          </tr>
        );
      })}
    </Table>
  );
}

export interface TeamPageProps {
  readonly ctx: PageContext;
  readonly team: Team;
  readonly members: readonly TeamMember[];
  readonly viewerId: string;
  readonly viewerRole: TeamRole;
  /** Open invitations; only given to facilitators. */
  readonly invitations: readonly Invitation[];
  /** Values and errors of the invitation forms after a failed submit. */
  readonly state: FormState;
  /** A refusal that concerns the whole page (e.g. the last facilitator trying to leave). */
  readonly problem?: string;
}

export function TeamPage({ ctx, team, members, viewerId, viewerRole, invitations, state, problem }: TeamPageProps) {
  const { t } = ctx;
  const canManage = viewerRole === 'facilitator';
  const values: FormValues = { role: 'member', linkRole: 'member', ...state.values };
  return (
    <Layout ctx={ctx} title={team.name} breadcrumbs={teamsCrumbs(ctx)}>
      <Heading>{team.name}</Heading>
      {problem ? <Notice kind="error">{problem}</Notice> : null}
      <ErrorSummary ctx={ctx} errors={state.errors ?? {}} />
      <P>
        {t('teams.page.region')}: {team.regionName ?? t('teams.noRegion')}
      </P>
      <h2 class="utrecht-heading-2">{t('teams.page.purpose')}</h2>
      <Paragraphs text={team.purpose} />

      <h2 class="utrecht-heading-2">{t('teams.page.members')}</h2>
      <P>{t('teams.role.explain')}</P>
      <MembersTable ctx={ctx} team={team} members={members} viewerId={viewerId} canManage={canManage} />

      {canManage ? (
        <>
          <h2 class="utrecht-heading-2">{t('teams.invite.title')}</h2>
          <h3 class="utrecht-heading-3">{t('teams.invite.byEmail')}</h3>
          <PostForm ctx={ctx} action={`/teams/${team.id}/uitnodigingen`}>
            <TextField name="email" type="email" label={t('teams.field.email')} hint={t('teams.field.email.hint')} autocomplete="off" required values={values} errors={state.errors} />
            <RadioGroup name="role" label={t('teams.field.role')} options={roleOptions(ctx)} values={values} errors={state.errors} />
            <div class="mmm-form-actions">
              <SubmitButton>{t('teams.invite.submit')}</SubmitButton>
            </div>
          </PostForm>
          <h3 class="utrecht-heading-3">{t('teams.inviteLink.title')}</h3>
          <P>{t('teams.inviteLink.intro')}</P>
          <PostForm ctx={ctx} action={`/teams/${team.id}/uitnodigingslink`}>
            <RadioGroup name="linkRole" label={t('teams.field.linkRole')} options={roleOptions(ctx)} values={values} errors={state.errors} />
            <div class="mmm-form-actions">
              <SubmitButton secondary>{t('teams.inviteLink.submit')}</SubmitButton>
            </div>
          </PostForm>
          <h2 class="utrecht-heading-2">{t('teams.invitations.title')}</h2>
          <InvitationsTable ctx={ctx} team={team} invitations={invitations} />
        </>
      ) : (
        <P>{t('teams.page.askFacilitator')}</P>
      )}

      <h2 class="utrecht-heading-2">{t('teams.leave.title')}</h2>
      <P>{t('teams.leave.intro')}</P>
      <PostForm ctx={ctx} action={`/teams/${team.id}/verlaten`}>
        <SubmitButton secondary>{t('teams.leave.submit')}</SubmitButton>
      </PostForm>
    </Layout>
  );
}

/** Shown once, straight after a facilitator made a shareable link: only its hash is stored. */
export function InviteLinkCreatedPage({ ctx, team, link }: { ctx: PageContext; team: Team; link: CreatedInviteLink }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('teams.inviteLink.created.title')} breadcrumbs={[...teamsCrumbs(ctx), { href: `/teams/${team.id}`, label: team.name }]}>
      <Heading>{t('teams.inviteLink.created.title')}</Heading>
      <P>{t('teams.inviteLink.created.intro')}</P>
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="veld-uitnodigingslink">
            {t('teams.inviteLink.created.field')}
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <input
            class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only utrecht-textbox--url"
            id="veld-uitnodigingslink"
            type="url"
            value={link.url}
            readOnly
            data-testid="invite-link"
          />
        </div>
      </div>
      <P>
        <code class="mmm-code">{link.url}</code>
      </P>
      <P>{t('teams.inviteLink.created.role', { role: roleLabel(ctx, link.role).toLowerCase() })}</P>
      <P>{t('teams.inviteLink.created.expires', { date: formatDateTime(link.expiresAt, locale) })}</P>
      <P>
        <A href={`/teams/${team.id}`}>{t('teams.inviteLink.created.back')}</A>
      </P>
    </Layout>
  );
}

export type InvitationView =
  | { readonly kind: 'problem'; readonly message: string }
  | { readonly kind: 'alreadyMember'; readonly invitation: InvitationPreview }
  | { readonly kind: 'accept'; readonly invitation: InvitationPreview; readonly token: string }
  | { readonly kind: 'loginFirst'; readonly invitation: InvitationPreview; readonly returnTo: string };

/** Opened from an invitation link; joining happens only when the button is pressed (never on GET). */
export function InvitationPage({ ctx, view }: { ctx: PageContext; view: InvitationView }) {
  const { t, locale } = ctx;
  const title = t('teams.invitation.title');
  if (view.kind === 'problem') {
    return (
      <Layout ctx={ctx} title={title}>
        <Heading>{title}</Heading>
        <Notice kind="error">{view.message}</Notice>
        <P>{ctx.principal ? <A href="/teams">{t('teams.title')}</A> : <A href="/">{t('error.backHome')}</A>}</P>
      </Layout>
    );
  }
  const { invitation } = view;
  const body = t('teams.invitation.body', { team: invitation.teamName, role: roleLabel(ctx, invitation.role).toLowerCase() });
  return (
    <Layout ctx={ctx} title={title}>
      <Heading>{title}</Heading>
      {view.kind === 'alreadyMember' ? (
        <>
          <P>{t('teams.invitation.alreadyMember')}</P>
          <P>
            <A href={`/teams/${invitation.teamId}`}>{t('teams.invitation.toTeam')}</A>
          </P>
        </>
      ) : (
        <>
          <P>{body}</P>
          <P>{t('teams.invitation.expires', { date: formatDateTime(invitation.expiresAt, locale) })}</P>
          {view.kind === 'accept' ? (
            <PostForm ctx={ctx} action={`/teams/uitnodiging/${view.token}`}>
              <SubmitButton>{t('teams.invitation.accept')}</SubmitButton>
            </PostForm>
          ) : (
            <>
              <P>{t('teams.invitation.loginFirst')}</P>
              <P>
                <A href={`/account/inloggen?terug=${encodeURIComponent(view.returnTo)}`}>{t('teams.invitation.login')}</A>
              </P>
              <P>
                {t('teams.invitation.noAccount')} <A href={`/account/registreren?terug=${encodeURIComponent(view.returnTo)}`}>{t('teams.invitation.register')}</A>
              </P>
              <P>{t('teams.invitation.registerAfter')}</P>
            </>
          )}
        </>
      )}
    </Layout>
  );
}
