import { installMessages } from './platform/i18n/i18n.js';
import type { Dictionary } from './platform/i18n/message-keys.js';
import { accountsEn, accountsNl } from './features/accounts/accounts.messages.js';
import { adminEn, adminNl } from './features/admin/admin.messages.js';
import { agendaEn, agendaNl } from './features/workbook/agenda/agenda.messages.js';
import { bookEn, bookNl } from './features/book/book.messages.js';
import { caseConsultationEn, caseConsultationNl } from './features/case-consultation/case-consultation.messages.js';
import { caseMeetingsEn, caseMeetingsNl } from './features/case-consultation/meetings/meetings.messages.js';
import { caseOutputsEn, caseOutputsNl } from './features/case-consultation/outputs/outputs.messages.js';
import { caseRankingEn, caseRankingNl } from './features/case-consultation/recommendations/ranking.messages.js';
import { commonEn, commonNl } from './platform/i18n/common.messages.js';
import { deskEmployersEn, deskEmployersNl } from './features/desk/employers/employers.messages.js';
import { deskEn, deskNl } from './features/desk/desk.messages.js';
import { deskModerationEn, deskModerationNl } from './features/desk/queue/queue.messages.js';
import { deskPeerSupportEn, deskPeerSupportNl } from './features/desk/peer-support/peer-support.messages.js';
import { deskQuestionsEn, deskQuestionsNl } from './features/desk/questions/questions.messages.js';
import { deskSchemesEn, deskSchemesNl } from './features/desk/schemes/schemes.messages.js';
import { deskSocialMapEn, deskSocialMapNl } from './features/desk/social-map/social-map.messages.js';
import { homeEn, homeNl } from './features/home/home.messages.js';
import { regionsEn, regionsNl } from './features/regions/regions.messages.js';
import { remindersEn, remindersNl } from './features/workbook/reminders/reminders.messages.js';
import { searchEn, searchNl } from './features/search/search.messages.js';
import { searchViewsEn, searchViewsNl } from './platform/search/search-views.messages.js';
import { setupEn, setupNl } from './features/setup/setup.messages.js';
import { teamsEn, teamsNl } from './features/teams/teams.messages.js';
import { workbookEn, workbookNl } from './features/workbook/workbook.messages.js';

// Dutch is the source language; every feature keeps its texts beside its code and they meet here. Typed as a
// Dictionary, so a feature whose texts are not spread in here is a type error, not a missing label at run time.
export const nl: Dictionary = { ...commonNl, ...accountsNl, ...adminNl, ...agendaNl, ...bookNl, ...caseConsultationNl, ...caseMeetingsNl, ...caseOutputsNl, ...caseRankingNl, ...deskEmployersNl, ...deskModerationNl, ...deskNl, ...deskPeerSupportNl, ...deskQuestionsNl, ...deskSchemesNl, ...deskSocialMapNl, ...homeNl, ...regionsNl, ...remindersNl, ...searchNl, ...searchViewsNl, ...setupNl, ...teamsNl, ...workbookNl };
export const en: Dictionary = { ...commonEn, ...accountsEn, ...adminEn, ...agendaEn, ...bookEn, ...caseConsultationEn, ...caseMeetingsEn, ...caseOutputsEn, ...caseRankingEn, ...deskEmployersEn, ...deskModerationEn, ...deskEn, ...deskPeerSupportEn, ...deskQuestionsEn, ...deskSchemesEn, ...deskSocialMapEn, ...homeEn, ...regionsEn, ...remindersEn, ...searchEn, ...searchViewsEn, ...setupEn, ...teamsEn, ...workbookEn };

installMessages({ nl, en });
