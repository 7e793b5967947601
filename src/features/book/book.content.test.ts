import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { theBook } from './book.content.js';

const book = theBook();
const { pack } = book;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every string anywhere in the pack, with where it is. */
function allStrings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => allStrings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => allStrings(v, `${at}.${k}`));
  return [];
}

describe('the content pack', () => {
  test('has the 12 chapters with numbered sections, in the book’s two parts', () => {
    assert.deepEqual(pack.chapters.chapters.map((c) => c.number), range(1, 12));
    assert.deepEqual(pack.chapters.parts.map((p) => p.chapters), [range(2, 5), range(6, 11)]);
    for (const c of pack.chapters.chapters) {
      assert.ok(c.sections.length >= 2, `chapter ${c.number} has sections`);
      for (const s of c.sections) assert.ok(s.number.startsWith(`${c.number}.`), `${s.number} belongs to chapter ${c.number}`);
      assert.equal(new Set(c.sections.map((s) => s.number)).size, c.sections.length, `unique section numbers in ${c.number}`);
    }
    assert.match(pack.chapters.readingGuide.body, /klikken van de basis naar een verhaal, een droom, een werkinstructie of een referentie/);
  });

  test('has the 16 stories with name, teller, region, title, quote and text', () => {
    assert.deepEqual(pack.stories.map((s) => s.number), range(1, 16));
    assert.deepEqual(new Set(pack.stories.map((s) => s.kind)), new Set(['persoon', 'werkgever']));
    for (const s of pack.stories) assert.ok(s.body.length > 500 && s.quote.length > 10 && s.region && s.title, s.name);
    assert.equal(pack.stories.find((s) => s.slug === 'jamy')?.title, 'Mijn nieuwe ik');
  });

  test('has the 13 dreams with region, domain, summary, milestones with timeframe, actions and statements', () => {
    assert.deepEqual(pack.dreams.map((d) => d.number), range(1, 13));
    for (const d of pack.dreams) {
      assert.ok(d.milestones.length >= 3, `dream ${d.number} milestones`);
      assert.ok(d.milestones.every((m) => m.timeframe.trim() !== ''), `dream ${d.number} timeframes`);
      assert.ok(d.milestones.flatMap((m) => m.actions).length >= 3, `dream ${d.number} actions`);
    }
    assert.ok(pack.dreams.filter((d) => d.statements.length > 0).length >= 4, 'statements of chapters 7 and 8');
    assert.equal(pack.dreams.find((d) => d.number === 13)?.region.includes('Rotterdam'), true);
  });

  test('gives a dream the domain the book names for it, and none to dream 7, for which it names none', () => {
    assert.equal(pack.dreams.find((d) => d.number === 7)?.domain, null);
    assert.deepEqual(pack.dreams.filter((d) => d.domain === null).map((d) => d.number), [7]);
    assert.equal(pack.dreams.find((d) => d.number === 4)?.domain, 'Werk');
    assert.equal(pack.dreams.find((d) => d.number === 9)?.domain, 'Zorg en Werk');
  });

  test('has workbook instructions 1.1 to 9.2 with their questions as separate items, the questionnaire and three ways of use', () => {
    const numbers = ['1.1', '1.2', '1.3', '2', '3', '4', '5.1', '5.2', '6.1', '6.2', '7.1', '7.2', '8.1', '8.2', '9.1', '9.2'];
    assert.deepEqual(pack.workbook.instructions.map((i) => i.number), numbers);
    const questions = (n: string) => pack.workbook.instructions.find((i) => i.number === n)!.questions;
    assert.equal(questions('1.1').filter((q) => /^\d+$/.test(q.key)).length, 8, 'the 8 questions of instruction 1.1');
    assert.ok(questions('1.1').some((q) => q.key === 'samenvatting'));
    assert.deepEqual(questions('1.2').map((q) => q.text.slice(0, 16)), ['Ik kan dit goed', 'Ik doe dit graag', 'Dit heb ik nodig', 'Hier geloof ik i', 'Hierin wil ik gr', 'Vanuit die overt'].map((s) => questions('1.2').find((q) => q.text.startsWith(s))!.text.slice(0, 16)));
    assert.equal(questions('1.2').length, 6);
    assert.equal(questions('2').length, 7, 'the seven prompts of instruction 2');
    for (const i of pack.workbook.instructions) assert.equal(new Set(i.questions.map((q) => q.key)).size, i.questions.length, `unique keys in ${i.number}`);
    assert.deepEqual(pack.workbook.modes.map((m) => m.key), ['alleen', 'met-een-mens', 'met-professionals']);
    assert.ok(pack.workbook.questionnaire.groups.flatMap((g) => g.questions).length >= 20);
  });

  test('has the 76 numbered sources with their full reference', () => {
    assert.deepEqual(pack.sources.map((s) => s.number), range(1, 76));
    for (const s of pack.sources) assert.ok(s.reference.length >= 12 && !/^\d/.test(s.reference), `source ${s.number}`);
    assert.match(pack.sources.find((s) => s.number === 14)!.reference, /Bevindingen na 30 maanden/, 'a reference joined across a page break');
  });

  test('has good practices per region, learning moments per domain and the evidence sections', () => {
    assert.ok(new Set(pack.practice.goodPractices.map((g) => g.region)).size >= 4);
    assert.deepEqual(pack.practice.learningMoments.map((l) => l.domain).sort(), ['Individu', 'Werk(plek)', 'Zorg']);
    const evidence = pack.chapters.chapters.flatMap((c) => c.sections).filter((s) => /evidence/i.test(s.title));
    assert.ok(evidence.length >= 5, `evidence sections: ${evidence.map((s) => s.number).join(', ')}`);
  });

  test('has the beroepenindex: 20 professions, 21 associations and 2 knowledge institutes', () => {
    const index = pack.professionIndex;
    assert.equal(index.professions.length, 20);
    assert.deepEqual(index.professions.map((p) => p.order), range(1, 20));
    assert.equal(index.associations.length, 21);
    assert.equal(index.knowledgeInstitutes.length, 2);
    assert.ok(index.professions.filter((p) => p.members).length >= 14, 'member counts where given');
    assert.ok(index.professions.filter((p) => p.goal).length >= 10, 'goals where given');
    assert.equal(index.professions.find((p) => p.slug === 'arbeidsdeskundige')?.members, '2700 leden');
  });

  test('has the werkproces-in-keten table, the vocabulary, feedback rules and the Routekaart tables', () => {
    const { chainOfWork, vocabulary, feedbackRules, roadmapMilestones, roadmapActions } = pack.tables;
    assert.equal(chainOfWork.phases.length, 6);
    const slugs = new Set(pack.professionIndex.professions.map((p) => p.slug));
    for (const phase of chainOfWork.phases) {
      assert.ok(phase.professionals.length > 0 && phase.ageRange && phase.goalAndVision, phase.key);
      for (const p of phase.professionals) assert.ok(p.profession === null || slugs.has(p.profession), p.name);
    }
    assert.ok(vocabulary.entries.some((e) => /beperking/i.test(e.usual) && /mogelijkhe/i.test(e.appreciative)), 'beperkingen → mogelijkheden');
    assert.ok(feedbackRules.giving.length >= 4);
    assert.ok(roadmapMilestones.tables.length >= 2 && roadmapActions.tables.length >= 2);
    for (const table of [...roadmapMilestones.tables, ...roadmapActions.tables]) {
      for (const row of table.rows) assert.equal(row.length, table.columns.length, `${table.title}: every row has every column`);
    }
  });

  test('has the Zeeland report: method, 6 cases, 50 recommendations, top 10 and the timed 8-step plan', () => {
    const z = pack.zeeland;
    assert.ok(z.sections.some((s) => s.slug === 'werkwijze'));
    assert.deepEqual(z.cases.map((c) => c.number), range(1, 6));
    for (const c of z.cases) {
      assert.ok(Object.values(c.persona).every((v) => v.trim() !== ''), `persona of case ${c.number}`);
      assert.ok(c.question.length > 10);
      assert.ok(new Set(c.recommendations.map((r) => r.addressee)).size >= 3, `addressees of case ${c.number}`);
    }
    assert.deepEqual(z.recommendations.map((r) => r.number), range(1, 50));
    assert.deepEqual(new Set(z.recommendations.map((r) => r.addressee)), new Set(['persoon', 'omgeving', 'uitvoeringsinstantie', 'overkoepelend']));
    assert.equal(new Set(z.top10.ranking).size, 10);
    assert.deepEqual(z.stepPlan.steps.map((s) => s.minutes), [5, 10, 5, 10, 10, 15, 5, 10]);
  });

  test('links every recommendation of a case to exactly one of the fifty, and each of the fifty to its cases', () => {
    const z = pack.zeeland;
    const numbers = new Set(z.recommendations.map((r) => r.number));
    const casesOf = new Map<number, Set<number>>();
    for (const c of z.cases) {
      for (const r of c.recommendations) {
        assert.ok(numbers.has(r.unique), `case ${c.number}: “${r.text.slice(0, 40)}” links to ${r.unique}`);
        if (!casesOf.has(r.unique)) casesOf.set(r.unique, new Set());
        casesOf.get(r.unique)!.add(c.number);
      }
    }
    assert.equal(z.cases.flatMap((c) => c.recommendations).length, 106, 'all 106 recommendations of chapters 2 to 7');
    for (const r of z.recommendations) {
      assert.ok(r.cases.length >= 1, `recommendation ${r.number} has a case`);
      assert.deepEqual(r.cases, [...(casesOf.get(r.number) ?? [])].sort((a, b) => a - b), `recommendation ${r.number}: its cases are the ones that link to it`);
    }
    // Word for word the same: peer support from case 1, the crisis card of case 6, the adoption of case 3.
    assert.deepEqual(z.recommendations.find((r) => r.number === 10)?.cases, [6]);
    assert.deepEqual(z.recommendations.find((r) => r.number === 45)?.cases, [3]);
    assert.ok(z.recommendations.find((r) => r.number === 1)!.cases.includes(1));
    // The judgement calls are written down: the reader sees why, in the content and on the page.
    assert.match(z.linkNotes, /zegt niet uit welke casus/);
    assert.match(z.recommendations.find((r) => r.number === 44)!.linkNote ?? '', /sticker/);
    assert.match(z.recommendations.find((r) => r.number === 47)!.linkNote ?? '', /koptelefoon/);
    // A note names the case wording it is about.
    for (const r of z.recommendations.filter((x) => x.linkNote)) assert.match(r.linkNote!, /[Cc]asus [1-6]/, `note of recommendation ${r.number}`);
  });

  test('has the summary (000), the article (001) and the project plan (002) as items, and an attribution of all five documents', () => {
    assert.deepEqual(pack.documents.documents.map((d) => d.provenance.document).sort(), ['000_a4e73e7aa678ec45.txt', '001_495e3df131850e1c.txt', '002_cccd235afb538119.txt']);
    for (const d of pack.documents.documents) assert.ok(d.body.length > 5000, d.slug);
    assert.deepEqual(pack.documents.attribution.map((a) => a.document).sort(), ['000', '001', '002', '003', '004'].map((n) => pack.documents.attribution.find((a) => a.document.startsWith(n))!.document));
    assert.match(pack.documents.attribution.find((a) => a.document.startsWith('003'))!.date, /2014/);
    assert.match(pack.documents.attribution.find((a) => a.document.startsWith('004'))!.date, /2020/);
  });

  test('is clean: no page headers, navigation words, link stubs, HTML or broken hyphenation', () => {
    const problems: string[] = [];
    const rules: [RegExp, string][] = [
      [/^\s*Deel \*{0,2}[12]\*{0,2} (Zelf|Samen)( of samen)? aan de slag\s*$/m, 'part header'],
      [/^\s*Hoofdstuk \*{0,2}\d+\*{0,2} [A-Z][a-z]+\s*$/m, 'chapter header'],
      [/\b(Verhaal|Droom) \d+ vervolg\b/, 'continuation marker'],
      [/^\s*Alle (verhalen|dromen)\s*$/m, 'navigation word'],
      [/\[Open link\.?\]|\]\(#\)/, 'link stub'],
      [/<\/?(p|li|ul|br|span|div)\b/i, 'HTML tag'],
      [/[a-zë]-\n[a-z]/, 'hyphenation across lines'],
      [/\n\s*\d{1,3}\s*\n/, 'page number on its own line'],
    ];
    for (const [at, text] of allStrings(pack)) {
      if (text.length < 40) continue;
      for (const [rule, name] of rules) if (rule.test(text)) problems.push(`${name} at ${at}: ${rule.exec(text)![0].slice(0, 40)}`);
    }
    assert.deepEqual(problems, []);
  });

  test('gives every item a stable address and provenance', () => {
    for (const item of book.items.values()) {
      assert.match(item.url, /^\/boek(\/[a-z0-9-]+)*$/, item.ref);
      if (item.type !== 'page') assert.ok(item.provenance, `${item.ref} has provenance`);
    }
  });
});

describe('links in the book', () => {
  test('every internal reference resolves', () => {
    assert.deepEqual(book.unresolved, []);
  });

  test('every item can be reached from the reading guide (no orphans)', () => {
    const seen = new Set(['pagina:leeswijzer']);
    const queue = ['pagina:leeswijzer'];
    while (queue.length > 0) {
      for (const next of book.linksOf(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    assert.deepEqual([...book.items.keys()].filter((ref) => !seen.has(ref)), []);
  });

  test('plain mentions become links both ways', () => {
    // Chapter 3 names "Droom 3" in its text: the dream is then mentioned in chapter 3.
    assert.ok(book.linksOf('hoofdstuk:3').includes('droom:3'));
    assert.ok(book.mentionedIn('droom:3').some((i) => i.ref === 'hoofdstuk:3'));
    // Workbook instructions named in a chapter, and professions named by name.
    assert.ok(book.mentionedIn('instructie:1.1').some((i) => i.ref === 'hoofdstuk:2'));
    assert.ok(book.mentionedIn('beroep:jobcoach').length >= 3);
    assert.ok(book.mentionedIn('bron:1').length >= 1, 'a source mentioned by an explicit link');
  });

  test('previous and next follow the reading order from the guide through the chapters', () => {
    assert.equal(book.neighbours('hoofdstuk:2').previous?.ref, 'hoofdstuk:1');
    assert.equal(book.neighbours('hoofdstuk:2').next?.ref, 'hoofdstuk:3');
    assert.equal(book.neighbours('pagina:leeswijzer').previous, undefined);
  });
});
