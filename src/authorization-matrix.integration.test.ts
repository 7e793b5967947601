import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { describe, test } from 'node:test';
import { testApp, type TestApp } from './testing/test-app.js';
import type { Response, TestClient } from './testing/test-client.js';
import { testDatabaseKinds } from './testing/test-databases.js';
import { enableTwoFactor, firstAdministrator, registeredPerson } from './testing/scenario.js';
import { hashToken } from './platform/auth/tokens.js';
import { accessTokenFor } from './features/desk/questions/questions.service.js';

type Role = 'anonymous' | 'member' | 'facilitator' | 'coordinator' | 'administrator';
const ROLES: readonly Role[] = ['anonymous', 'member', 'facilitator', 'coordinator', 'administrator'];
const SIGNED_IN: readonly Role[] = ['member', 'facilitator', 'coordinator', 'administrator'];
const EVERYONE = ROLES;
const NOBODY: readonly Role[] = [];

/**
 * Who may use each foundation route. A new route must be added here, so that its access rule is a
 * conscious decision that this test then enforces.
 */
const EXPECTED: Record<string, readonly Role[]> = {
  'GET /static/:file': EVERYONE,
  'GET /': EVERYONE,
  'GET /toegankelijkheid': EVERYONE,
  'POST /taal': EVERYONE,
  'GET /gezond': EVERYONE,
  'GET /installatie': EVERYONE,
  'POST /installatie': EVERYONE,
  'GET /account/registreren': EVERYONE,
  'POST /account/registreren': EVERYONE,
  'GET /account/registreren/verstuurd': EVERYONE,
  'GET /account/bevestigen': EVERYONE,
  'POST /account/bevestigen': EVERYONE,
  'GET /account/inloggen': EVERYONE,
  'POST /account/inloggen': EVERYONE,
  'GET /account/inloggen/code': NOBODY,
  'POST /account/inloggen/code': NOBODY,
  'POST /account/uitloggen': SIGNED_IN,
  'GET /account/wachtwoord-vergeten': EVERYONE,
  'POST /account/wachtwoord-vergeten': EVERYONE,
  'GET /account/wachtwoord-vergeten/verstuurd': EVERYONE,
  'GET /account/wachtwoord-herstellen': EVERYONE,
  'POST /account/wachtwoord-herstellen': EVERYONE,
  'GET /account': SIGNED_IN,
  'POST /account/profiel': SIGNED_IN,
  'GET /account/wachtwoord': SIGNED_IN,
  'POST /account/wachtwoord': SIGNED_IN,
  'GET /account/e-mailadres': SIGNED_IN,
  'POST /account/e-mailadres': SIGNED_IN,
  'GET /account/e-mailadres/bevestigen': EVERYONE,
  'POST /account/e-mailadres/bevestigen': EVERYONE,
  'GET /account/sessies': SIGNED_IN,
  'POST /account/sessies/elders-uitloggen': SIGNED_IN,
  'POST /account/sessies/:idHash/beeindigen': SIGNED_IN,
  'GET /account/tweestapsverificatie': SIGNED_IN,
  'POST /account/tweestapsverificatie/starten': SIGNED_IN,
  'POST /account/tweestapsverificatie/bevestigen': SIGNED_IN,
  'POST /account/tweestapsverificatie/herstelcodes': SIGNED_IN,
  // Administrators and coordinators must keep two-factor authentication on.
  'POST /account/tweestapsverificatie/uitzetten': ['member', 'facilitator'],
  'GET /account/verwijderen': SIGNED_IN,
  'POST /account/verwijderen': SIGNED_IN,
  // The book and its search are for everyone, without an account.
  'GET /boek': EVERYONE,
  'GET /boek/inhoud': EVERYONE,
  'GET /boek/afdrukken': EVERYONE,
  'GET /boek/verhalen': EVERYONE,
  'GET /boek/dromen': EVERYONE,
  'GET /boek/werkboek': EVERYONE,
  'GET /boek/bronnen': EVERYONE,
  'GET /boek/beroepen': EVERYONE,
  'GET /boek/praktijkvoorbeelden': EVERYONE,
  'GET /boek/leermomenten': EVERYONE,
  'GET /boek/werkproces-in-keten': EVERYONE,
  'GET /boek/vocabulaire': EVERYONE,
  'GET /boek/feedbackregels': EVERYONE,
  'GET /boek/routekaart': EVERYONE,
  'GET /boek/routekaart-acties': EVERYONE,
  'GET /boek/zeeland': EVERYONE,
  'GET /boek/zeeland/casussen': EVERYONE,
  'GET /boek/zeeland/aanbevelingen': EVERYONE,
  'GET /boek/zeeland/top-10': EVERYONE,
  'GET /boek/zeeland/stappenplan': EVERYONE,
  'GET /boek/documenten': EVERYONE,
  'GET /boek/verantwoording': EVERYONE,
  'GET /boek/hoofdstukken/:slug': EVERYONE,
  'GET /boek/verhalen/:slug': EVERYONE,
  'GET /boek/dromen/:slug': EVERYONE,
  'GET /boek/werkboek/:slug': EVERYONE,
  'GET /boek/bronnen/:slug': EVERYONE,
  'GET /boek/beroepen/:slug': EVERYONE,
  'GET /boek/zeeland/casussen/:slug': EVERYONE,
  'GET /boek/zeeland/aanbevelingen/:slug': EVERYONE,
  'GET /boek/documenten/:slug': EVERYONE,
  'GET /boek/zeeland/:slug': EVERYONE,
  'GET /zoeken': EVERYONE,
  'GET /regios': EVERYONE,
  'GET /regios/:slug': EVERYONE,
  'GET /teams': SIGNED_IN,
  'GET /teams/nieuw': SIGNED_IN,
  'POST /teams/nieuw': SIGNED_IN,
  'GET /teams/:teamId': ['member', 'facilitator'],
  'POST /teams/:teamId/verlaten': ['member', 'facilitator'],
  'POST /teams/:teamId/leden/:userId/verwijderen': ['facilitator'],
  'POST /teams/:teamId/leden/:userId/rol': ['facilitator'],
  'POST /teams/:teamId/uitnodigingen': ['facilitator'],
  'POST /teams/:teamId/uitnodigingslink': ['facilitator'],
  'POST /teams/:teamId/uitnodigingen/:invitationId/intrekken': ['facilitator'],
  'GET /teams/uitnodiging/:token': EVERYONE,
  'POST /teams/uitnodiging/:token': SIGNED_IN,
  // Workbooks: the dashboard for anyone signed in; a workbook only for its members (here: the team's).
  'GET /werkboek': SIGNED_IN,
  'GET /werkboek/nieuw': SIGNED_IN,
  'POST /werkboek/nieuw': SIGNED_IN,
  'POST /werkboek/uitnodigingen/:invitationId': SIGNED_IN,
  'GET /werkboek/mijn-acties': SIGNED_IN,
  'GET /werkboek/herinneringen': SIGNED_IN,
  'POST /werkboek/herinneringen': SIGNED_IN,
  'GET /werkboek/:workspaceId': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/uitnodigen': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/uitnodigingen/:invitationId/intrekken': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/leden/:userId/verwijderen': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/verwijderen': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/stap/:step': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/stap/:step': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/stap/:step/geschiedenis/:fieldKey': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/agenda': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/droom-kiezen': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/droom-kiezen': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/mijlpalen/nieuw': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/nieuw': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/mijlpalen/:milestoneId': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/verwijderen': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/bereikt': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/niet-bereikt': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/omhoog': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/omlaag': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/reacties': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/mijlpalen/:milestoneId/acties/nieuw': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/mijlpalen/:milestoneId/acties/nieuw': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/acties/nieuw': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/acties/:actionId': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/acties/:actionId': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/acties/:actionId/verwijderen': ['member', 'facilitator'],
  'POST /werkboek/:workspaceId/acties/:actionId/reacties': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/export/acties.csv': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/export/agenda.ics': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/export/werkboek.json': ['member', 'facilitator'],
  'GET /werkboek/:workspaceId/afdrukken': ['member', 'facilitator'],
  // Only the author deletes a comment; the world's comment is by a bystander member.
  'POST /werkboek/:workspaceId/reacties/:commentId/verwijderen': NOBODY,
  // Case consultation: the overview for everyone; a team's consultation only for its members, cases only with two-factor authentication.
  'GET /casusoverleg': EVERYONE,
  'GET /casusoverleg/teams/:teamId': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/aanzetten': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/thema': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/casussen/nieuw': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/casussen': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/casussen/:caseId': ['member', 'facilitator'],
  // The case was brought in by the member: the member and the facilitator may change or delete it.
  'GET /casusoverleg/teams/:teamId/casussen/:caseId/bewerken': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/casussen/:caseId': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/casussen/:caseId/verwijderen': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/casussen/:caseId/verwijderen': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/toegangslog': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/poster': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/poster.pdf': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/verslag': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/verslag.pdf': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/aanbevelingen.csv': ['member', 'facilitator'],
  // Meetings: members take part, the facilitator runs them; the world's contribution is the bystander's, so a member may not remove it.
  'GET /casusoverleg/teams/:teamId/bijeenkomsten': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/bijeenkomsten/nieuw': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/stand': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/live': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/start': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/volgende': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/vorige': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/verlengen': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/afsluiten': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/bijdragen': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/bijdragen/:contributionId/consensus': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/bijdragen/:contributionId/verwijderen': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/aanbevelingen': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/terugblik': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/terugblik/:recommendationId': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/aanbevelingen': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/aanbevelingen/:recommendationId/geschiedenis': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/aanbevelingen/samenvoegen': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/aanbevelingen/groepen/:groupId/splitsen': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/rangorde': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/rangorde': ['facilitator'],
  'GET /casusoverleg/teams/:teamId/rangorde/:roundId': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/rangorde/:roundId/mijn-rangorde': ['member', 'facilitator'],
  'GET /casusoverleg/teams/:teamId/rangorde/:roundId/uitslag': ['member', 'facilitator'],
  'POST /casusoverleg/teams/:teamId/rangorde/:roundId/sluiten': ['facilitator'],
  'POST /casusoverleg/teams/:teamId/rangorde/:roundId/vaststellen': ['facilitator'],
  // The Zeeland example is public, like the report in the book.
  'GET /casusoverleg/voorbeeld': EVERYONE,
  'GET /casusoverleg/voorbeeld/casussen/:caseNumber': EVERYONE,
  'GET /casusoverleg/voorbeeld/poster': EVERYONE,
  'GET /casusoverleg/voorbeeld/poster.pdf': EVERYONE,
  'GET /casusoverleg/voorbeeld/verslag': EVERYONE,
  'GET /casusoverleg/voorbeeld/verslag.pdf': EVERYONE,
  'GET /casusoverleg/voorbeeld/aanbevelingen.csv': EVERYONE,
  // Peer support: groups are public, joining needs an account, the organiser (the member here) and the coordinator manage.
  'GET /loket/:slug/lotgenoten': EVERYONE,
  'GET /loket/:slug/lotgenoten/nieuw': SIGNED_IN,
  'POST /loket/:slug/lotgenoten/nieuw': SIGNED_IN,
  'GET /loket/:slug/lotgenoten/:peerGroupId': EVERYONE,
  'GET /loket/:slug/lotgenoten/:peerGroupId/agenda.ics': EVERYONE,
  'POST /loket/:slug/lotgenoten/:peerGroupId/aanmelden': SIGNED_IN,
  'POST /loket/:slug/lotgenoten/:peerGroupId/afmelden': SIGNED_IN,
  'GET /loket/:slug/lotgenoten/:peerGroupId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/lotgenoten/:peerGroupId/bewerken': ['member', 'coordinator'],
  'GET /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/nieuw': ['member', 'coordinator'],
  'POST /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/nieuw': ['member', 'coordinator'],
  'GET /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/bewerken': ['member', 'coordinator'],
  'GET /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/verwijderen': ['member', 'coordinator'],
  'POST /loket/:slug/lotgenoten/:peerGroupId/bijeenkomsten/:peerMeetingId/verwijderen': ['member', 'coordinator'],
  // Questions: anyone asks without an account and reads the answer through the private link; the coordinator routes,
  // the representative of the organisation it went to (the member here) answers.
  'GET /loket/:slug/vraag': EVERYONE,
  'POST /loket/:slug/vraag': EVERYONE,
  'GET /loket/:slug/vraag/verstuurd': EVERYONE,
  'GET /loket/:slug/vraag/bekijken/:accessToken': EVERYONE,
  'POST /loket/:slug/vraag/bekijken/:accessToken/toestemming': EVERYONE,
  'POST /loket/:slug/vraag/bekijken/:accessToken/verwijderen': EVERYONE,
  'GET /loket/:slug/vragen': EVERYONE,
  'GET /loket/:slug/vragen/:faqId': EVERYONE,
  'GET /loket/:slug/beheer/vragen': ['coordinator'],
  'GET /loket/:slug/beheer/vragen/:questionId': ['coordinator'],
  'POST /loket/:slug/beheer/vragen/:questionId/doorsturen': ['coordinator'],
  'POST /loket/:slug/beheer/vragen/:questionId/verbergen': ['coordinator'],
  'POST /loket/:slug/beheer/vragen/:questionId/publiceren': ['coordinator'],
  'POST /loket/:slug/beheer/veelgestelde-vragen/:faqId/verbergen': ['coordinator'],
  'GET /loket/:slug/mijn-vragen': SIGNED_IN,
  'GET /loket/:slug/vragen/:questionId/beantwoorden': ['member', 'coordinator'],
  'POST /loket/:slug/vragen/:questionId/beantwoorden': ['member', 'coordinator'],
  // Open employers and vacancies: the register is public; the employer's member (the facilitator here) and the coordinator maintain.
  'GET /loket/:slug/werkgevers': EVERYONE,
  'GET /loket/:slug/werkgevers/aanmelden': SIGNED_IN,
  'POST /loket/:slug/werkgevers/aanmelden': SIGNED_IN,
  'GET /loket/:slug/werkgevers/:employerId': EVERYONE,
  'GET /loket/:slug/werkgevers/:employerId/badge.svg': EVERYONE,
  'GET /loket/:slug/werkgevers/:employerId/controle': EVERYONE,
  'GET /loket/:slug/werkgevers/:employerId/bewerken': ['facilitator', 'coordinator'],
  'POST /loket/:slug/werkgevers/:employerId/bewerken': ['facilitator', 'coordinator'],
  'GET /loket/:slug/werkgevers/:employerId/intrekken': ['facilitator', 'coordinator'],
  'POST /loket/:slug/werkgevers/:employerId/intrekken': ['facilitator', 'coordinator'],
  'GET /loket/:slug/werkgevers/:employerId/opnieuw-aanmelden': ['facilitator', 'coordinator'],
  'POST /loket/:slug/werkgevers/:employerId/opnieuw-aanmelden': ['facilitator', 'coordinator'],
  'GET /loket/:slug/beheer/werkgevers/:employerId': ['coordinator'],
  'POST /loket/:slug/beheer/werkgevers/:employerId/verifieren': ['coordinator'],
  'POST /loket/:slug/beheer/werkgevers/:employerId/afwijzen': ['coordinator'],
  'GET /loket/:slug/vacatures': EVERYONE,
  'GET /loket/:slug/vacatures/:vacancyId': EVERYONE,
  'GET /loket/:slug/werkgevers/:employerId/vacatures/nieuw': ['facilitator', 'coordinator'],
  'POST /loket/:slug/werkgevers/:employerId/vacatures/nieuw': ['facilitator', 'coordinator'],
  'GET /loket/:slug/vacatures/:vacancyId/bewerken': ['facilitator', 'coordinator'],
  'POST /loket/:slug/vacatures/:vacancyId/bewerken': ['facilitator', 'coordinator'],
  'GET /loket/:slug/vacatures/:vacancyId/verwijderen': ['facilitator', 'coordinator'],
  'POST /loket/:slug/vacatures/:vacancyId/verwijderen': ['facilitator', 'coordinator'],
  // The social map: public pages, export and API; the representative (the member here) and the coordinator maintain.
  'GET /loket/:slug/sociale-kaart': EVERYONE,
  'GET /loket/:slug/sociale-kaart.json': EVERYONE,
  'GET /loket/:slug/organisaties/:organisationId': EVERYONE,
  'GET /loket/:slug/diensten/:serviceId': EVERYONE,
  'GET /loket/:slug/api/services': EVERYONE,
  'GET /loket/:slug/api/services/:serviceId': EVERYONE,
  'GET /loket/:slug/api/organizations': EVERYONE,
  'GET /loket/:slug/api/organizations/:organisationId': EVERYONE,
  'GET /loket/:slug/organisaties/aanmelden': SIGNED_IN,
  'POST /loket/:slug/organisaties/aanmelden': SIGNED_IN,
  'GET /loket/:slug/organisaties/:organisationId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/bewerken': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/diensten/nieuw': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/diensten/nieuw': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/diensten/:serviceId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/diensten/:serviceId/bewerken': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/locaties/nieuw': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/locaties/nieuw': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/locaties/:locationId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/locaties/:locationId/bewerken': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/contacten/nieuw': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/contacten/nieuw': ['member', 'coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/contacten/:contactId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/contacten/:contactId/bewerken': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/diensten/:serviceId/verwijderen': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/locaties/:locationId/verwijderen': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/contacten/:contactId/verwijderen': ['member', 'coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/publiceren': ['coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/verbergen': ['coordinator'],
  'GET /loket/:slug/organisaties/:organisationId/vertegenwoordigers': ['coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/vertegenwoordigers': ['coordinator'],
  'POST /loket/:slug/organisaties/:organisationId/vertegenwoordigers/:userId/verwijderen': ['coordinator'],
  'GET /loket/:slug/beheer/sociale-kaart': ['coordinator'],
  'GET /loket/:slug/beheer/sociale-kaart/importeren': ['coordinator'],
  'POST /loket/:slug/beheer/sociale-kaart/importeren': ['coordinator'],
  // Scheme pages and the glossary: public reading (the national glossary too, for the book's links); coordinators write.
  'GET /loket/woordenlijst': EVERYONE,
  'GET /loket/woordenlijst/:termSlug': EVERYONE,
  'GET /loket/:slug/regelingen': EVERYONE,
  'GET /loket/:slug/regelingen/:pageSlug': EVERYONE,
  'GET /loket/:slug/woordenlijst': EVERYONE,
  'GET /loket/:slug/woordenlijst/:termSlug': EVERYONE,
  'GET /loket/:slug/regelingen/nieuw': ['coordinator'],
  'POST /loket/:slug/regelingen/nieuw': ['coordinator'],
  'GET /loket/:slug/regelingen/:pageSlug/bewerken': ['coordinator'],
  'POST /loket/:slug/regelingen/:pageSlug/bewerken': ['coordinator'],
  'GET /loket/:slug/regelingen/:pageSlug/verwijderen': ['coordinator'],
  'POST /loket/:slug/regelingen/:pageSlug/verwijderen': ['coordinator'],
  'GET /loket/:slug/woordenlijst/nieuw': ['coordinator'],
  'POST /loket/:slug/woordenlijst/nieuw': ['coordinator'],
  'GET /loket/:slug/woordenlijst/:termSlug/bewerken': ['coordinator'],
  'POST /loket/:slug/woordenlijst/:termSlug/bewerken': ['coordinator'],
  'GET /loket/:slug/woordenlijst/:termSlug/verwijderen': ['coordinator'],
  'POST /loket/:slug/woordenlijst/:termSlug/verwijderen': ['coordinator'],
  // The desk's home, search and reports are for everyone; the queue only for the region's coordinator.
  'GET /loket': EVERYONE,
  'GET /loket/kies': EVERYONE,
  'GET /loket/:slug': EVERYONE,
  'GET /loket/:slug/zoeken': EVERYONE,
  'GET /loket/:slug/melden': EVERYONE,
  'POST /loket/:slug/melden': EVERYONE,
  'GET /loket/:slug/melden/bedankt': EVERYONE,
  'GET /loket/:slug/beheer': ['coordinator'],
  'GET /loket/:slug/beheer/hulpmiddelen': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/organisaties/:organisationId/publiceren': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/organisaties/:organisationId/verbergen': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/vacatures/:vacancyId/bekeken': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/vacatures/:vacancyId/verbergen': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/lotgenoten/:peerGroupId/publiceren': ['coordinator'],
  'POST /loket/:slug/beheer/wachtrij/lotgenoten/:peerGroupId/verbergen': ['coordinator'],
  'GET /loket/:slug/beheer/meldingen/:reportId': ['coordinator'],
  'POST /loket/:slug/beheer/meldingen/:reportId': ['coordinator'],
  'GET /beheer': ['administrator'],
  'GET /beheer/gebruikers': ['administrator'],
  'GET /beheer/gebruikers/:userId': ['administrator'],
  'POST /beheer/gebruikers/:userId/uitschakelen': ['administrator'],
  'POST /beheer/gebruikers/:userId/inschakelen': ['administrator'],
  'POST /beheer/gebruikers/:userId/beheerder': ['administrator'],
  'GET /beheer/regios': ['administrator'],
  'GET /beheer/regios/:slug': ['administrator'],
  'POST /beheer/regios/:slug/coordinatoren': ['administrator'],
  'POST /beheer/regios/:slug/coordinatoren/:userId/verwijderen': ['administrator'],
  'GET /beheer/auditlog': ['administrator'],
  'GET /beheer/postvak': ['administrator'],
  'GET /beheer/postvak/:mailId': ['administrator'],
};

interface World {
  readonly t: TestApp;
  readonly clients: Record<Role, TestClient>;
  readonly params: Record<string, string>;
}

/** One installation with a person in each role, a team, a bystander member and open invitations. */
async function buildWorld(t: TestApp): Promise<World> {
  const admin = await firstAdministrator(t);
  const facilitator = await registeredPerson(t, { name: 'Fien Begeleider' });
  const member = await registeredPerson(t, { name: 'Mo Lid' });
  const bystander = await registeredPerson(t, { name: 'Bas Omstander' });
  const coordinator = await registeredPerson(t, { name: 'Cor Coördinator' });

  const created = await facilitator.client.post('/teams/nieuw', { name: 'Team Zeeland', regionSlug: 'zeeland', purpose: 'Samen werken aan werk.' });
  const teamId = /\/teams\/([^/?]+)/.exec(created.location ?? '')?.[1];
  assert.ok(teamId, `team not created: ${created.status}`);
  const link = await facilitator.client.post(`/teams/${teamId}/uitnodigingslink`, { linkRole: 'member' });
  const token = /\/teams\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(link.body)?.[1];
  assert.ok(token, 'no invitation link shown');
  for (const person of [member, bystander]) assert.equal((await person.client.post(`/teams/uitnodiging/${token}`)).status, 303);
  await facilitator.client.post(`/teams/${teamId}/uitnodigingen`, { email: 'later@example.org', role: 'member' });
  const invitation = await t.deps.db.kysely.selectFrom('team_invitations').select('id').where('email', '=', 'later@example.org').executeTakeFirstOrThrow();

  const appointed = await admin.client.post('/beheer/regios/zeeland/coordinatoren', { email: coordinator.email });
  assert.equal(appointed.status, 303, appointed.body.slice(0, 300));
  await enableTwoFactor(t, coordinator);

  // A team workbook with a milestone, an action and a comment by the bystander.
  await facilitator.client.get('/werkboek/nieuw');
  const workbook = await facilitator.client.post('/werkboek/nieuw', { kind: 'team', name: 'Agenda Team Zeeland', teamId });
  const workspaceId = /^\/werkboek\/([^/]+)\//.exec(workbook.location ?? '')?.[1];
  assert.ok(workspaceId, `workbook not created: ${workbook.status}`);
  const now = new Date().toISOString();
  const db = t.deps.db.kysely;
  const milestoneId = crypto.randomUUID();
  const actionId = crypto.randomUUID();
  const commentId = crypto.randomUUID();
  const item = { workspace_id: workspaceId, description: '', position: 1, version: 1, created_by: facilitator.id, created_at: now, updated_by: facilitator.id, updated_at: now };
  await db
    .insertInto('agenda_milestones')
    .values({ ...item, id: milestoneId, title: 'Werkgevers kennen de mogelijkheden', domain: 'werk', due_date: null, horizon: '1-jaar', celebration_plan: '', reached_at: null, celebration_note: null, source_dream: null })
    .execute();
  await db
    .insertInto('agenda_actions')
    .values({ ...item, id: actionId, milestone_id: milestoneId, title: 'Rondje langs werkgevers', owner_id: member.id, due_date: null, status: 'gepland', support: '', headwind: '' })
    .execute();
  await db.insertInto('agenda_comments').values({ id: commentId, workspace_id: workspaceId, subject_kind: 'milestone', subject_id: milestoneId, author_id: bystander.id, body: 'Mooi plan.', created_at: now }).execute();

  // Case consultation switched on, both team members with two-factor authentication, a case brought in by the member.
  await enableTwoFactor(t, facilitator);
  await enableTwoFactor(t, member);
  await db.insertInto('case_consultations').values({ team_id: teamId, theme: 'GGZ en arbeid', enabled_by: facilitator.id, enabled_at: now }).execute();
  const caseId = crypto.randomUUID();
  const persona = { age: '50', gender: 'man', nationality: '', living_situation: '', income: '', diagnosis: '', work_history: '', distance_to_labour_market: '', organisations: '', treatment: '', particulars: '' };
  await db
    .insertInto('cases')
    .values({ id: caseId, team_id: teamId, number: 1, title: 'Man van 50', ...persona, question: 'Welk werk past?', brought_by: member.id, identifying_confirmed_at: null, created_at: now, updated_at: now, version: 1 })
    .execute();

  // A held meeting on that case with a contribution and a recommendation, and an open ranking round over it.
  const meetingId = crypto.randomUUID();
  await db
    .insertInto('case_meetings')
    .values({ id: meetingId, team_id: teamId, case_id: caseId, number: 1, planned_on: null, status: 'running', current_step: 6, step_started_at: now, step_extra_minutes: 0, started_at: now, finished_at: null, created_by: facilitator.id, created_at: now, version: 1 })
    .execute();
  const contributionId = crypto.randomUUID();
  await db
    .insertInto('case_contributions')
    .values({ id: contributionId, meeting_id: meetingId, step: 4, kind: 'coreProblem', addressee: null, text: 'Geen vast aanspreekpunt', owner: null, consensus: 0, author_id: bystander.id, created_at: now })
    .execute();
  const groupId = crypto.randomUUID();
  const recommendationId = crypto.randomUUID();
  await db.insertInto('case_recommendation_groups').values({ id: groupId, team_id: teamId, addressee: 'persoon', text: 'Zoek een maatje.', merged_by: facilitator.id, merged_at: now, created_at: now }).execute();
  await db
    .insertInto('case_recommendations')
    .values({ id: recommendationId, team_id: teamId, meeting_id: meetingId, case_id: caseId, group_id: groupId, addressee: 'persoon', text: 'Zoek een maatje.', author_id: member.id, created_at: now, updated_by: member.id, updated_at: now, version: 1 })
    .execute();
  await db
    .insertInto('case_recommendation_revisions')
    .values({ id: crypto.randomUUID(), recommendation_id: recommendationId, version: 1, addressee: 'persoon', text: 'Zoek een maatje.', change_kind: 'opgesteld', reviewed_in: null, changed_by: member.id, changed_at: now })
    .execute();
  const roundId = crypto.randomUUID();
  await db
    .insertInto('case_ranking_rounds')
    .values({ id: roundId, team_id: teamId, status: 'open', top_n: 1, opened_by: facilitator.id, opened_at: now, closed_by: null, closed_at: null, missing_members: null, approved_by: null, approved_by_name: null, approved_at: null, approved_order: null })
    .execute();
  await db.insertInto('case_ranking_items').values({ round_id: roundId, group_id: groupId, position: 1, addressee: 'persoon', text: 'Zoek een maatje.' }).execute();

  // The Zeeland desk: an organisation represented by the member, a verified employer of the facilitator with a vacancy,
  // a question routed to the organisation, an FAQ, a peer-support group organised by the member with a meeting, an open report.
  const edited = { created_by: coordinator.id, created_at: now, updated_by: coordinator.id, updated_at: now, version: 1 };
  const organisationId = crypto.randomUUID();
  await db
    .insertInto('desk_organisations')
    .values({ ...edited, id: organisationId, region_slug: 'zeeland', name: 'Werkplein Zeeland', alternate_name: null, description: 'Werk en inkomen.', email: null, website: null, kind: 'gemeente', status: 'published' })
    .execute();
  await db.insertInto('desk_organisation_representatives').values({ organisation_id: organisationId, user_id: member.id, appointed_by: coordinator.id, appointed_at: now }).execute();
  const serviceId = crypto.randomUUID();
  await db
    .insertInto('desk_services')
    .values({ ...edited, id: serviceId, organisation_id: organisationId, name: 'Werkfit traject', description: 'Samen werken aan werk.', for_whom: 'Iedereen met een uitkering.', how_to_apply: 'Bel ons.', cost: 'Gratis', email: null, website: null, status: 'active' })
    .execute();
  const locationId = crypto.randomUUID();
  await db
    .insertInto('desk_locations')
    .values({ id: locationId, organisation_id: organisationId, location_type: 'physical', name: 'Kantoor Middelburg', description: null, address: 'Stationsplein 1', postal_code: '4331 AA', city: 'Middelburg', url: null, latitude: null, longitude: null })
    .execute();
  const contactId = crypto.randomUUID();
  await db.insertInto('desk_contacts').values({ id: contactId, organisation_id: organisationId, service_id: null, name: 'Balie', title: null, email: 'balie@example.org' }).execute();
  const employerId = crypto.randomUUID();
  await db
    .insertInto('desk_employers')
    .values({
      ...edited,
      id: employerId,
      region_slug: 'zeeland',
      name: 'Bakkerij De Zeeuwse Bol',
      description: 'Een bakkerij.',
      offers_adjustments: 'Aangepaste uren.',
      offers_guidance: 'Een vaste collega als maatje.',
      offers_trial_placements: '',
      contact_name: 'Fien',
      contact_email: 'bakkerij@example.org',
      contact_phone: null,
      website: null,
      city: 'Goes',
      status: 'verified',
      pledged_at: now,
      verified_by: coordinator.id,
      verified_at: now,
      rejection_reason: null,
      withdrawn_at: null,
    })
    .execute();
  await db.insertInto('desk_employer_members').values({ employer_id: employerId, user_id: facilitator.id, added_at: now }).execute();
  const vacancyId = crypto.randomUUID();
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('desk_vacancies')
    .values({
      ...edited,
      id: vacancyId,
      region_slug: 'zeeland',
      employer_id: employerId,
      title: 'Hulp in de bakkerij',
      what_you_do: 'Je helpt met brood bakken.',
      hours: '16 uur per week',
      hours_per_week: 16,
      place: 'Goes',
      help_available: 'Een vaste collega helpt je.',
      what_we_ask: '',
      contact: 'Bel Fien.',
      contact_email: null,
      contact_phone: null,
      expires_on: inAMonth,
      status: 'published',
      reviewed_by: null,
      reviewed_at: null,
    })
    .execute();
  const questionId = crypto.randomUUID();
  const accessToken = accessTokenFor(t.deps, questionId);
  await db
    .insertInto('desk_questions')
    .values({
      id: questionId,
      region_slug: 'zeeland',
      body: 'Waar kan ik terecht voor hulp bij werk?',
      asker_email: null,
      access_token_hash: hashToken(accessToken),
      consent_to_publish: 1,
      looked_like_crisis: 0,
      status: 'routed',
      organisation_id: organisationId,
      routed_by: coordinator.id,
      routed_at: now,
      routing_note: null,
      email_deleted_at: null,
      created_at: now,
    })
    .execute();
  const faqId = crypto.randomUUID();
  await db
    .insertInto('desk_faqs')
    .values({ ...edited, id: faqId, region_slug: 'zeeland', question_id: null, question: 'Mag ik werken met een uitkering?', answer: 'Vaak wel. Vraag het na.', answered_by: 'Werkplein Zeeland', status: 'published' })
    .execute();
  const peerGroupId = crypto.randomUUID();
  await db
    .insertInto('desk_groups')
    .values({ ...edited, id: peerGroupId, region_slug: 'zeeland', organisation_id: null, name: 'Werk en herstel Goes', description: 'Praten over werk.', for_whom: 'Iedereen.', contact_email: 'groep@example.org', status: 'published' })
    .execute();
  await db.insertInto('desk_group_organisers').values({ group_id: peerGroupId, user_id: member.id, added_at: now }).execute();
  const peerMeetingId = crypto.randomUUID();
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  await db
    .insertInto('desk_group_meetings')
    .values({ id: peerMeetingId, group_id: peerGroupId, starts_at: nextWeek.toISOString(), ends_at: new Date(nextWeek.getTime() + 3_600_000).toISOString(), place: 'Bibliotheek Goes', online_url: null, description: 'Kennismaken.', created_by: member.id, created_at: now, updated_at: now, sequence: 0 })
    .execute();
  const reportId = crypto.randomUUID();
  await db
    .insertInto('desk_reports')
    .values({ id: reportId, region_slug: 'zeeland', item_kind: 'organisation', item_id: organisationId, item_title: 'Werkplein Zeeland', reason: 'verouderd', details: '', status: 'open', created_at: now, handled_by: null, handled_at: null, outcome: null })
    .execute();

  return {
    t,
    clients: { anonymous: t.client(), member: member.client, facilitator: facilitator.client, coordinator: coordinator.client, administrator: admin.client },
    params: { caseId, caseNumber: '2', meetingId, contributionId, groupId, recommendationId, roundId, workspaceId, milestoneId, actionId, commentId, step: 'verdiepen', fieldKey: '1.1.1', teamId, userId: bystander.id, invitationId: invitation.id, token, slug: 'zeeland', idHash: 'f'.repeat(64), mailId: 'bestaat-niet', file: 'app.css',
      organisationId, serviceId, locationId, contactId, employerId, vacancyId, questionId, accessToken, faqId, pageSlug: 'wia', termSlug: 'uwv', peerGroupId, peerMeetingId, reportId },
  };
}

/** The event stream of a meeting never ends for someone let in; asked for an unknown meeting it answers 404 before streaming. */
const PARAM_OVERRIDES: Record<string, Record<string, string>> = {
  '/casusoverleg/teams/:teamId/bijeenkomsten/:meetingId/live': { meetingId: 'onbekend-meetingId' },
};

/** Pages that need a query to show what they are about: the report form names the item it is about. */
const QUERIES: Record<string, string> = {
  '/loket/:slug/melden': '?soort=organisation&id=:organisationId',
};

function concrete(url: string, params: Record<string, string>): string {
  params = { ...params, ...PARAM_OVERRIDES[url] };
  return (url + (QUERIES[url] ?? '')).replace(/:(\w+)/g, (_, name: string) => params[name] ?? `onbekend-${name}`);
}

function denied(response: Response): boolean {
  return response.status === 403 || (response.status === 303 && (response.location ?? '').startsWith('/account/inloggen?terug='));
}

async function outcome(world: World, role: Role, method: string, url: string): Promise<'allowed' | 'denied'> {
  const client = world.clients[role];
  const path = concrete(url, world.params);
  const response = method === 'GET' ? await client.get(path) : await client.post(path, {});
  assert.notEqual(response.status, 500, `${role} ${method} ${path} gave 500`);
  assert.ok(!(response.location ?? '').startsWith('/account/tweestapsverificatie?verplicht'), `${role} was sent to 2FA set-up`);
  return denied(response) ? 'denied' : 'allowed';
}

for (const kind of testDatabaseKinds()) {
  describe(`authorisation matrix (${kind.name})`, () => {
    test('every route of the foundation has an expected access rule', async (ctx) => {
      const t = await testApp(ctx, kind);
      const registered = t.app.routeCatalogue.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
      assert.deepEqual(registered.filter((r) => !(r in EXPECTED)), [], 'routes without an entry in EXPECTED');
      assert.deepEqual(Object.keys(EXPECTED).filter((r) => !registered.includes(r)), [], 'entries for routes that no longer exist');
    });

    test('pages (GET): each role is let in or kept out as expected', async (ctx) => {
      const t = await testApp(ctx, kind);
      const world = await buildWorld(t);
      const mismatches: string[] = [];
      for (const [route, allowed] of Object.entries(EXPECTED)) {
        const [method, url] = route.split(' ') as [string, string];
        if (method !== 'GET') continue;
        for (const role of ROLES) {
          const got = await outcome(world, role, method, url);
          const want = allowed.includes(role) ? 'allowed' : 'denied';
          if (got !== want) mismatches.push(`${role} ${route}: ${got}, expected ${want}`);
        }
      }
      assert.deepEqual(mismatches, []);
    });

    // State changes run in a fresh installation per route, so that one role's action cannot change another's outcome.
    for (const [route, allowed] of Object.entries(EXPECTED)) {
      const [method, url] = route.split(' ') as [string, string];
      if (method !== 'POST') continue;
      test(`${route}: allowed for ${allowed.join(', ') || 'nobody here'}`, async (ctx) => {
        const t = await testApp(ctx, kind);
        const world = await buildWorld(t);
        const mismatches: string[] = [];
        // Anonymous first and the most powerful last, so a permitted action cannot lock out a later role.
        for (const role of ROLES) {
          const got = await outcome(world, role, method, url);
          const want = allowed.includes(role) ? 'allowed' : 'denied';
          if (got !== want) mismatches.push(`${role}: ${got}, expected ${want}`);
        }
        assert.deepEqual(mismatches, []);
      });
    }
  });
}
