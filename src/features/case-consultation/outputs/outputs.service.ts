import type { Queryable } from '../../../platform/db/database.js';
import type { Translate } from '../../../platform/i18n/i18n.js';
import type { Book } from '../../book/book.service.js';
import type { Team } from '../../teams/teams.service.js';
import { listContributions, listMeetings, type Meeting } from '../meetings/meetings.service.js';
import type { ConsultationOutput, OutputCase, OutputRecommendation, OutputTopItem } from './outputs.model.js';
import { approvedTop, uniqueRecommendations } from '../recommendations/recommendations.service.js';
import { ADDRESSEE_LABELS, ADDRESSEES, PERSONA_FIELDS } from '../case-consultation.schemas.js';
import { listCases, listRecommendations, type Case, type Consultation } from '../case-consultation.service.js';

const MEETING_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function meetingLabel(meeting: Meeting): string {
  const day = meeting.plannedOn ?? meeting.startedAt?.slice(0, 10) ?? null;
  const date = day ? MEETING_DAY.format(new Date(`${day}T12:00:00Z`)) : null;
  return date ? `Bijeenkomst ${meeting.number}, ${date}` : `Bijeenkomst ${meeting.number}`;
}

/** The core problems of a case's meetings: those the team agreed on, or all named when none was marked. */
async function bottlenecksOf(db: Queryable, meetings: readonly Meeting[]): Promise<string[]> {
  const named = (await Promise.all(meetings.map((m) => listContributions(db, m.id)))).flat().filter((c) => c.kind === 'coreProblem');
  const agreed = named.filter((c) => c.consensus);
  return (agreed.length > 0 ? agreed : named).map((c) => c.text);
}

/**
 * Everything a team's poster, report and CSV show, read from its cases, meetings, recommendations and
 * approved ranking. Unique recommendations are numbered 1…N in addressee order, as the Zeeland report does.
 */
export async function teamOutput(
  db: Queryable,
  input: { team: Pick<Team, 'id' | 'name'>; consultation: Consultation; book: Book; t: Translate; now: Date },
): Promise<{ output: ConsultationOutput; cases: Case[] }> {
  const { team, consultation, book, t } = input;
  const [cases, meetings, recommendations, unique, top] = await Promise.all([
    listCases(db, team.id),
    listMeetings(db, team.id),
    listRecommendations(db, team.id),
    uniqueRecommendations(db, team.id),
    approvedTop(db, team.id),
  ]);

  const outputCases: OutputCase[] = [];
  for (const c of cases) {
    const ofCase = meetings.filter((m) => m.caseId === c.id);
    outputCases.push({
      number: c.number,
      title: c.title,
      meetingLabel: ofCase.length > 0 ? ofCase.map(meetingLabel).join('; ') : null,
      persona: Object.fromEntries(PERSONA_FIELDS.map((f) => [f, c[f]])) as OutputCase['persona'],
      question: c.question,
      bottlenecks: await bottlenecksOf(db, ofCase),
      recommendations: recommendations.filter((r) => r.caseId === c.id).map((r) => ({ addressee: r.addressee, text: r.text })),
    });
  }

  const numberOfGroup = new Map<string, number>();
  const outputRecommendations: OutputRecommendation[] = unique.map((u, index) => {
    numberOfGroup.set(u.groupId, index + 1);
    return {
      number: index + 1,
      addressee: u.addressee,
      text: u.text,
      caseNumbers: [...new Set(u.members.map((m) => m.caseNumber))].sort((a, b) => a - b),
      originals: u.merged ? u.members.map((m) => ({ caseNumber: m.caseNumber, text: m.originalText })) : [],
    };
  });

  const topItems: OutputTopItem[] = (top?.items ?? []).flatMap((item) => {
    const recommendationNumber = numberOfGroup.get(item.groupId);
    // A recommendation split or removed after the approval is no longer one of the unique ones.
    if (recommendationNumber === undefined) return [];
    return [{ rank: item.rank, recommendationNumber, addressee: item.addressee, text: item.text, averageRank: item.averageRank }];
  });

  const stepPlan = book.pack.zeeland.stepPlan;
  const output: ConsultationOutput = {
    title: t('caseConsultation.outputs.title', { team: team.name }),
    teamName: team.name,
    theme: consultation.theme,
    about: null,
    method: {
      intro: stepPlan.intro ?? null,
      steps: stepPlan.steps.map((s) => ({ number: s.number, title: s.title, minutes: s.minutes, instruction: s.instruction })),
    },
    addresseeTitles: Object.fromEntries(ADDRESSEES.map((a) => [a, t(ADDRESSEE_LABELS[a])])) as ConsultationOutput['addresseeTitles'],
    cases: outputCases,
    recommendations: outputRecommendations,
    top: {
      intro: null,
      items: topItems,
      approvedBy: top && top.approvedByName ? top.approvedByName : null,
      approvedAt: top && top.approvedAt ? top.approvedAt : null,
    },
    attribution: null,
    generatedAt: input.now.toISOString(),
  };
  return { output, cases };
}
