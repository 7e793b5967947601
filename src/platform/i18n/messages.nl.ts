import { accountsNl } from '../../features/accounts/accounts.messages.js';
import { adminNl } from '../../features/admin/admin.messages.js';
import { homeNl } from '../../features/home/home.messages.js';
import { regionsNl } from '../../features/regions/regions.messages.js';
import { setupNl } from '../../features/setup/setup.messages.js';
import { bookNl } from '../../features/book/book.messages.js';
import { searchNl } from '../../features/search/search.messages.js';
import { teamsNl } from '../../features/teams/teams.messages.js';
import { workbookNl } from '../../features/workbook/workbook.messages.js';
import { agendaNl } from '../../features/agenda/agenda.messages.js';
import { remindersNl } from '../../features/agenda/agenda.reminders-messages.js';
import { caseConsultationNl } from '../../features/case-consultation/case-consultation.messages.js';
import { caseOutputsNl } from '../../features/case-consultation/case-consultation.outputs-messages.js';
import { deskNl } from '../../features/desk/desk.messages.js';
import { deskSocialMapNl } from '../../features/desk/desk.social-map-messages.js';
import { deskEmployersNl } from '../../features/desk/desk.employers-messages.js';
import { deskQuestionsNl } from '../../features/desk/desk.questions-messages.js';
import { deskSchemesNl } from '../../features/desk/desk.schemes-messages.js';
import { deskPeerSupportNl } from '../../features/desk/desk.peer-support-messages.js';
import { deskModerationNl } from '../../features/desk/desk.moderation-messages.js';
import { caseMeetingsNl } from '../../features/case-consultation/case-consultation.meetings-messages.js';
import { caseRankingNl } from '../../features/case-consultation/case-consultation.ranking-messages.js';
import { commonNl } from './common.messages.js';

// Dutch is the source language; every feature keeps its texts beside its code and they meet here.
export const nl = { ...commonNl, ...homeNl, ...accountsNl, ...setupNl, ...regionsNl, ...teamsNl, ...bookNl, ...searchNl, ...adminNl, ...workbookNl, ...agendaNl, ...remindersNl, ...caseConsultationNl, ...caseMeetingsNl, ...caseRankingNl, ...caseOutputsNl, ...deskNl, ...deskSocialMapNl, ...deskEmployersNl, ...deskQuestionsNl, ...deskSchemesNl, ...deskPeerSupportNl, ...deskModerationNl };

export type MessageKey = keyof typeof nl;
