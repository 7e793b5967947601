// The data every output of a case consultation renders from: the poster, the report (both as a
// print page and as a PDF) and the CSV of recommendations. It does not know where the data comes
// from: the read-only example below builds it from the Zeeland report in the content pack, a team's
// consultation builds it from its database. Everything here is plain, readonly data and pure
// functions, so the renderers stay pure functions of a ConsultationOutput.

import { toCsv } from '../../../platform/formats/csv.js';
import type { Book } from '../../book/book.service.js';
import { caseOutputsNl } from './outputs.messages.js';
import { ADDRESSEES, PERSONA_FIELDS, type Addressee, type PersonaField } from '../case-consultation.schemas.js';

// One list of addressees and persona fields for the whole feature.
export { ADDRESSEES, PERSONA_FIELDS, type Addressee, type PersonaField };

const nl = caseOutputsNl;

/** Dutch labels of the persona fields (the texts live in the messages file). */
export const PERSONA_FIELD_LABELS: Readonly<Record<PersonaField, string>> = {
  age: nl['caseOutputs.persona.age'],
  gender: nl['caseOutputs.persona.gender'],
  nationality: nl['caseOutputs.persona.nationality'],
  livingSituation: nl['caseOutputs.persona.livingSituation'],
  income: nl['caseOutputs.persona.income'],
  diagnosis: nl['caseOutputs.persona.diagnosis'],
  workHistory: nl['caseOutputs.persona.workHistory'],
  distanceToLabourMarket: nl['caseOutputs.persona.distanceToLabourMarket'],
  organisations: nl['caseOutputs.persona.organisations'],
  treatment: nl['caseOutputs.persona.treatment'],
  particulars: nl['caseOutputs.persona.particulars'],
};

/** A recommendation as it was written down while discussing one case. */
export interface CaseRecommendation {
  readonly addressee: Addressee;
  readonly text: string;
}

/** One discussed case. */
export interface OutputCase {
  /** 1, 2, 3 … in the order the cases were discussed. */
  readonly number: number;
  /** How the team names the case ("Casus 1"). */
  readonly title: string;
  /** The meeting it was discussed in, e.g. "Bijeenkomst 1, 3 maart 2020"; null if not known. */
  readonly meetingLabel: string | null;
  /** Every field present; an empty string where the team filled in nothing. */
  readonly persona: Readonly<Record<PersonaField, string>>;
  /** The question the person who brought in the case asked the team. */
  readonly question: string;
  /** Bottlenecks or core problems the team named (step 4); may be empty. */
  readonly bottlenecks: readonly string[];
  /** The recommendations written down for this case, in the order they were given. */
  readonly recommendations: readonly CaseRecommendation[];
}

/** Where a unique recommendation came from: one of the wordings it was merged from. */
export interface OriginalWording {
  /** The case it was written down for; null when it was added outside a case discussion. */
  readonly caseNumber: number | null;
  readonly text: string;
}

/** One unique recommendation after duplicates were merged. */
export interface OutputRecommendation {
  /** 1 … N, numbered per addressee in ADDRESSEES order. */
  readonly number: number;
  readonly addressee: Addressee;
  readonly text: string;
  /** The cases it came from, ascending; empty when that is not known. */
  readonly caseNumbers: readonly number[];
  /** The original wordings it was merged from, with the case number; empty when not kept. */
  readonly originals: readonly OriginalWording[];
}

/** One recommendation in the approved top list. */
export interface OutputTopItem {
  /**
   * 1 = most important, when the team ranked the list. null when the top is a set without ranking
   * (the Zeeland report: the ten were chosen and approved, not put in order of importance).
   */
  readonly rank: number | null;
  readonly recommendationNumber: number;
  readonly addressee: Addressee;
  readonly text: string;
  /** The average of the members' ranks, if the team ranked digitally; null otherwise. */
  readonly averageRank: number | null;
}

export interface OutputStep {
  readonly number: number;
  readonly title: string;
  readonly minutes: number;
  /** What to do in the step; "—" or "" when the method gives no instruction. */
  readonly instruction: string;
}

/** Everything the poster, the report and the CSV show. */
export interface ConsultationOutput {
  /** The title of the poster and the report. */
  readonly title: string;
  readonly teamName: string;
  /** The theme or goal the team works on (step 7 relates each case to it). */
  readonly theme: string;
  /** Who made it, when and with whom, as a paragraph; null if nothing to say. */
  readonly about: string | null;
  readonly method: {
    readonly intro: string | null;
    readonly steps: readonly OutputStep[];
  };
  /** The headings of the four groups of recommendations, as the team names them. */
  readonly addresseeTitles: Readonly<Record<Addressee, string>>;
  readonly cases: readonly OutputCase[];
  /** The unique recommendations, ordered by number. */
  readonly recommendations: readonly OutputRecommendation[];
  readonly top: {
    readonly intro: string | null;
    /**
     * Ordered by rank, or for a set without ranking in the order of its source; empty while the team
     * has not approved a top list.
     */
    readonly items: readonly OutputTopItem[];
    readonly approvedBy: string | null;
    /** ISO date or date-time of the approval; null if not known. */
    readonly approvedAt: string | null;
  };
  /** Whose work this is, to print with every output; null for a team's own consultation. */
  readonly attribution: string | null;
  /** ISO date-time the output was made; also the PDFs' creation date. */
  readonly generatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers the renderers share
// ---------------------------------------------------------------------------------------------

/** A case's recommendations grouped per addressee, in ADDRESSEES order, leaving out empty groups. */
export function caseRecommendationsByAddressee(c: OutputCase): { addressee: Addressee; texts: string[] }[] {
  return ADDRESSEES.map((addressee) => ({ addressee, texts: c.recommendations.filter((r) => r.addressee === addressee).map((r) => r.text) })).filter(
    (g) => g.texts.length > 0,
  );
}

/** The unique recommendations grouped per addressee, in ADDRESSEES order, leaving out empty groups. */
export function recommendationsByAddressee(output: ConsultationOutput): { addressee: Addressee; recommendations: OutputRecommendation[] }[] {
  return ADDRESSEES.map((addressee) => ({
    addressee,
    recommendations: output.recommendations.filter((r) => r.addressee === addressee),
  })).filter((g) => g.recommendations.length > 0);
}

/** Recommendation number → its place in the top list; empty for a top list without ranking. */
export function topRanks(output: ConsultationOutput): ReadonlyMap<number, number> {
  return new Map(output.top.items.flatMap((i) => (i.rank === null ? [] : [[i.recommendationNumber, i.rank] as const])));
}

/** Whether the top list is a ranking (false for a set shown in its source's order, or no list). */
export function topIsRanked(output: ConsultationOutput): boolean {
  return output.top.items.length > 0 && output.top.items.every((i) => i.rank !== null);
}

/** The numbers of the recommendations in the top list, ranked or not. */
export function topNumbers(output: ConsultationOutput): ReadonlySet<number> {
  return new Set(output.top.items.map((i) => i.recommendationNumber));
}

/** Total minutes of the step plan. */
export function methodMinutes(output: ConsultationOutput): number {
  return output.method.steps.reduce((sum, s) => sum + s.minutes, 0);
}

/**
 * The first sentence of a text: up to the first ". ", "! " or "? " that is not part of a common
 * abbreviation. The poster sets it in bold above the rest, as the report's summary words each
 * recommendation in one line.
 */
export function splitFirstSentence(text: string): { first: string; rest: string } {
  const trimmed = text.trim();
  const pattern = /[.!?](?=\s+[\p{Lu}\d‘'"“(])/gu;
  for (const m of trimmed.matchAll(pattern)) {
    const before = trimmed.slice(0, m.index);
    // "bijv.", "o.a.", "e.d.", "ca." and single letters do not end a sentence.
    if (/(?:^|[\s(])(?:\p{L}|bijv|bv|o\.a|e\.d|ca|nr|m\.b\.t|z\.s\.m|i\.p\.v|t\.a\.v)$/iu.test(before)) continue;
    return { first: trimmed.slice(0, m.index + 1), rest: trimmed.slice(m.index + 1).trim() };
  }
  return { first: trimmed, rest: '' };
}

function firstSentenceOf(value: string): string {
  return splitFirstSentence(value).first.replace(/[.!?]$/, '');
}

function capitalise(value: string): string {
  return value.charAt(0).toLocaleUpperCase('nl-NL') + value.slice(1);
}

/**
 * A short description of the persona for the poster, two or three lines: who (gender, age,
 * nationality), how the person lives, the income and the distance to the labour market, each
 * cut to its first sentence. Empty fields are left out.
 */
export function personaSummary(c: OutputCase): string {
  const p = c.persona;
  const who = [p.gender, p.age, p.nationality].map(firstSentenceOf).filter((v) => v !== '');
  const parts = [
    who.length > 0 ? capitalise(who.join(', ')) : '',
    capitalise(firstSentenceOf(p.livingSituation)),
    capitalise(firstSentenceOf(p.income)),
    firstSentenceOf(p.distanceToLabourMarket) !== ''
      ? `${nl['caseOutputs.summary.distance']}: ${firstSentenceOf(p.distanceToLabourMarket).toLocaleLowerCase('nl-NL')}`
      : '',
  ].filter((v) => v !== '');
  return parts.map((v) => `${v}.`).join(' ');
}

// ---------------------------------------------------------------------------------------------
// CSV of all recommendations
// ---------------------------------------------------------------------------------------------

/** Column headers of the recommendations CSV, in order, for a ranked top list (a team's own). */
export const RECOMMENDATIONS_CSV_HEADER: readonly string[] = [
  nl['caseOutputs.csv.number'],
  nl['caseOutputs.csv.addressee'],
  nl['caseOutputs.csv.recommendation'],
  nl['caseOutputs.csv.cases'],
  nl['caseOutputs.csv.topRank'],
  nl['caseOutputs.csv.originals'],
];

/** The same columns when the top list is a set without ranking: only whether it is in the top. */
export const RECOMMENDATIONS_CSV_HEADER_UNRANKED: readonly string[] = RECOMMENDATIONS_CSV_HEADER.map((h) =>
  h === nl['caseOutputs.csv.topRank'] ? nl['caseOutputs.csv.inTop'] : h,
);

/**
 * All unique recommendations with their provenance, for spreadsheets: semicolon separated, UTF-8
 * with BOM, cells that would start a formula neutralised (toCsv). The original wordings go into one
 * cell, one per line, each preceded by its case ("Casus 2: …"). A ranked top list gives each
 * recommendation's place; a top list without ranking only says "ja" for the ones in it.
 */
export function recommendationsCsv(output: ConsultationOutput): string {
  const ranked = topIsRanked(output);
  const ranks = topRanks(output);
  const inTop = topNumbers(output);
  const rows = output.recommendations.map((r) => [
    r.number,
    output.addresseeTitles[r.addressee],
    r.text,
    r.caseNumbers.join(', '),
    ranked ? (ranks.get(r.number) ?? null) : inTop.has(r.number) ? nl['caseOutputs.csv.yes'] : null,
    r.originals
      .map((o) => `${o.caseNumber === null ? nl['caseOutputs.csv.noCase'] : nl['caseOutputs.csv.case'].replace('{number}', String(o.caseNumber))}: ${o.text}`)
      .join('\n'),
  ]);
  return toCsv(ranked || inTop.size === 0 ? RECOMMENDATIONS_CSV_HEADER : RECOMMENDATIONS_CSV_HEADER_UNRANKED, rows);
}

// ---------------------------------------------------------------------------------------------
// The read-only example: the Zeeland expert team's report
// ---------------------------------------------------------------------------------------------

/** The example's files are dated in the month the report appeared, so they are the same on every run. */
export const EXAMPLE_GENERATED_AT = '2020-06-01T10:00:00.000Z';

const ZEELAND_DOCUMENT = '004_374b4e83ced6813a.txt';

/**
 * The consultation of the Expertteam GGZ en arbeid Zeeland as an output: its six cases with the
 * recommendations per case, the fifty unique recommendations and the approved top 10, all from the
 * content pack as they stand in the report. The report does not say which cases each unique
 * recommendation came from; the content pack links every case's recommendation to one of the fifty
 * (with notes where that was a judgement call), and those case wordings are the originals here. The
 * report's top 10 is a set it does not rank, so its items have no rank and keep the report's order.
 */
export function exampleConsultation(book: Book, generatedAt: string = EXAMPLE_GENERATED_AT): ConsultationOutput {
  const z = book.pack.zeeland;
  const source = book.pack.documents.attribution.find((a) => a.document === ZEELAND_DOCUMENT);
  // "Expertteam GGZ en arbeid Zeeland (project …), gecoördineerd vanuit …" → the team's name.
  const teamName = source?.publisher.split(/\s*[(,]/)[0]?.trim() || nl['caseOutputs.example.teamName'];
  const year = /\b(\d{4})\b/.exec(source?.date ?? '')?.[1] ?? generatedAt.slice(0, 4);
  const addresseeTitles = Object.fromEntries(
    ADDRESSEES.map((a) => [a, z.addressees.find((x) => x.key === a)?.title ?? a]),
  ) as Record<Addressee, string>;
  const cases = [...z.cases].sort((a, b) => a.number - b.number);
  const recommendations = [...z.recommendations]
    .sort((a, b) => a.number - b.number)
    .map(
      (r): OutputRecommendation => ({
        number: r.number,
        addressee: r.addressee,
        text: r.text,
        caseNumbers: [...new Set(r.cases)].sort((a, b) => a - b),
        originals: cases.flatMap((c) => c.recommendations.filter((x) => x.unique === r.number).map((x) => ({ caseNumber: c.number, text: x.text }))),
      }),
    );
  const byNumber = new Map(recommendations.map((r) => [r.number, r]));
  return {
    title: z.title,
    teamName,
    theme: nl['caseOutputs.example.theme'],
    about: z.about,
    method: {
      intro: z.stepPlan.intro ?? null,
      steps: z.stepPlan.steps.map((s) => ({ number: s.number, title: s.title, minutes: s.minutes, instruction: s.instruction })),
    },
    addresseeTitles,
    cases: cases.map(
        (c): OutputCase => ({
          number: c.number,
          title: nl['caseOutputs.caseTitle'].replace('{number}', String(c.number)),
          meetingLabel: c.title,
          persona: { ...c.persona },
          question: c.question,
          bottlenecks: [...c.bottlenecks],
          recommendations: c.recommendations.map((r) => ({ addressee: r.addressee, text: r.text })),
        }),
      ),
    recommendations,
    top: {
      intro: z.top10.intro,
      items: z.top10.ranking.map((n) => {
        const r = byNumber.get(n);
        if (!r) throw new Error(`De top 10 van het rapport noemt aanbeveling ${n}, die niet bestaat`);
        return { rank: null, recommendationNumber: n, addressee: r.addressee, text: r.text, averageRank: null };
      }),
      approvedBy: teamName,
      approvedAt: null,
    },
    attribution: `${teamName} (${year})`,
    generatedAt,
  };
}
