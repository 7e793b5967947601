import { accountsEn } from '../../features/accounts/accounts.messages.js';
import { adminEn } from '../../features/admin/admin.messages.js';
import { homeEn } from '../../features/home/home.messages.js';
import { regionsEn } from '../../features/regions/regions.messages.js';
import { setupEn } from '../../features/setup/setup.messages.js';
import { bookEn } from '../../features/book/book.messages.js';
import { searchEn } from '../../features/search/search.messages.js';
import { teamsEn } from '../../features/teams/teams.messages.js';
import { workbookEn } from '../../features/workbook/workbook.messages.js';
import { agendaEn } from '../../features/agenda/agenda.messages.js';
import { remindersEn } from '../../features/agenda/agenda.reminders-messages.js';
import { caseConsultationEn } from '../../features/case-consultation/case-consultation.messages.js';
import { caseOutputsEn } from '../../features/case-consultation/case-consultation.outputs-messages.js';
import { caseMeetingsEn } from '../../features/case-consultation/case-consultation.meetings-messages.js';
import { caseRankingEn } from '../../features/case-consultation/case-consultation.ranking-messages.js';
import { commonEn } from './common.messages.js';
import type { MessageKey } from './messages.nl.js';

export const en: Record<MessageKey, string> = { ...commonEn, ...homeEn, ...accountsEn, ...setupEn, ...regionsEn, ...teamsEn, ...bookEn, ...searchEn, ...adminEn, ...workbookEn, ...agendaEn, ...remindersEn, ...caseConsultationEn, ...caseMeetingsEn, ...caseRankingEn, ...caseOutputsEn };
