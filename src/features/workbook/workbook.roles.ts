import type { Book } from '../book/book.service.js';

export interface ChainPhase {
  readonly key: string;
  readonly title: string;
  readonly professionals: readonly { readonly name: string; readonly profession: string | null }[];
}

export interface CoverageMember {
  readonly name: string;
  readonly professionSlug: string | null;
}

export interface RoleCoverage {
  readonly phase: ChainPhase;
  /** Expected professions someone in the team has, with who. */
  readonly present: readonly { readonly name: string; readonly profession: string | null; readonly members: readonly string[] }[];
  /** Expected professions nobody in the team has: who to invite next. */
  readonly missing: readonly { readonly name: string; readonly profession: string | null }[];
  /** Members whose profession the table does not expect in this phase: they add something the chain did not plan for. */
  readonly beyondTable: readonly CoverageMember[];
}

/**
 * Compares the team with the professions the "werkproces in keten" table expects in one life phase.
 * A table entry without a beroepenindex slug (e.g. "Begeleider") can only be matched by a member
 * who names no profession, so it is reported as missing unless nobody can tell.
 */
export function roleCoverage(phase: ChainPhase, members: readonly CoverageMember[]): RoleCoverage {
  const present: { name: string; profession: string | null; members: string[] }[] = [];
  const missing: { name: string; profession: string | null }[] = [];
  const expectedSlugs = new Set<string>();
  for (const expected of phase.professionals) {
    if (expected.profession) expectedSlugs.add(expected.profession);
    const who = expected.profession ? members.filter((m) => m.professionSlug === expected.profession).map((m) => m.name) : [];
    if (who.length > 0) present.push({ name: expected.name, profession: expected.profession, members: who });
    else missing.push({ name: expected.name, profession: expected.profession });
  }
  const beyondTable = members.filter((m) => !m.professionSlug || !expectedSlugs.has(m.professionSlug));
  return { phase, present, missing, beyondTable };
}

export function chainPhases(book: Book): readonly ChainPhase[] {
  return book.pack.tables.chainOfWork.phases;
}
