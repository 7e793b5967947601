// The texts, installed as the app does, because these tests read its Dutch messages.
import '../../../messages.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { theBook } from '../../book/book.content.js';
import {
  ADDRESSEES,
  PERSONA_FIELDS,
  PERSONA_FIELD_LABELS,
  RECOMMENDATIONS_CSV_HEADER,
  RECOMMENDATIONS_CSV_HEADER_UNRANKED,
  exampleConsultation,
  personaSummary,
  recommendationsCsv,
  splitFirstSentence,
  type Addressee,
  type ConsultationOutput,
  type OutputCase,
  type PersonaField,
  topIsRanked,
} from './outputs.model.js';
import { POSTER_PAGE, REPORT_PAGE, pdfText, posterPdf, reportPdf } from './pdf.js';

const BOM = '\uFEFF';

/** The rows of a CSV as toCsv writes it: `;` between cells, quoted cells may hold `;`, `"` and line breaks. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// A consultation of a chosen size
// ---------------------------------------------------------------------------------------------

const TITLES: Record<Addressee, string> = {
  persoon: 'Persoon zelf',
  omgeving: 'Naasten, hulpverleners, begeleiding en omgeving',
  uitvoeringsinstantie: 'Sociale dienst en UWV',
  overkoepelend: 'Overkoepelende aanbevelingen',
};

function persona(n: number): Record<PersonaField, string> {
  return Object.fromEntries(PERSONA_FIELDS.map((f) => [f, `${PERSONA_FIELD_LABELS[f]} van persona ${n}.`])) as Record<PersonaField, string>;
}

/** Words that make a text of about `length` characters. */
function words(seed: string, length: number): string {
  const base = `${seed} zorg voor een vaste contactpersoon die meedenkt over werk, scholing en inkomen `;
  let text = '';
  while (text.length < length) text += base;
  // The seed again at the end, to find out that nothing was cut.
  return `${text.slice(0, length).trimEnd()} (einde ${seed})`;
}

function sized(options: { cases: number; recommendationsPerCase: number; length: number; unique?: number; top?: number }): ConsultationOutput {
  const cases: OutputCase[] = Array.from({ length: options.cases }, (_, i) => ({
    number: i + 1,
    title: `Casus ${i + 1}`,
    meetingLabel: `Bijeenkomst ${i + 1}, ${i + 3} maart 2024`,
    persona: persona(i + 1),
    question: `Hoe vindt persona ${i + 1} werk dat past bij haar mogelijkheden?`,
    bottlenecks: [`Knelpunt A van casus ${i + 1}.`, `Knelpunt B van casus ${i + 1}.`],
    recommendations: Array.from({ length: options.recommendationsPerCase }, (_, j) => ({
      addressee: ADDRESSEES[j % 4]!,
      text: words(`C${i + 1}R${j + 1}`, options.length),
    })),
  }));
  const uniqueCount = options.unique ?? options.cases * options.recommendationsPerCase;
  const recommendations = Array.from({ length: uniqueCount }, (_, k) => ({
    number: k + 1,
    addressee: ADDRESSEES[Math.floor((k * 4) / uniqueCount)]!,
    text: words(`U${k + 1}`, options.length),
    caseNumbers: [1 + (k % Math.max(options.cases, 1))],
    originals: [{ caseNumber: 1 + (k % Math.max(options.cases, 1)), text: `Oorspronkelijk ${k + 1}` }],
  }));
  const top = Math.min(options.top ?? 10, recommendations.length);
  return {
    title: 'Casusoverleg werk en herstel',
    teamName: 'Team Noord',
    theme: 'Werk en herstel',
    about: 'Een team van vijf mensen.',
    method: {
      intro: 'Elke bijeenkomst volgt hetzelfde stappenplan.',
      steps: [5, 10, 5, 10, 10, 15, 5, 10].map((minutes, i) => ({ number: i + 1, title: `Stap ${i + 1}`, minutes, instruction: i % 2 === 0 ? '—' : 'Doorvragen' })),
    },
    addresseeTitles: TITLES,
    cases,
    recommendations,
    top: {
      intro: 'De tien met de hoogste gemiddelde plaats.',
      items: recommendations.slice(0, top).map((r, i) => ({ rank: i + 1, recommendationNumber: r.number, addressee: r.addressee, text: r.text, averageRank: 1 + i * 0.5 })),
      approvedBy: 'Team Noord',
      approvedAt: '2024-05-01',
    },
    attribution: null,
    generatedAt: '2024-05-02T08:00:00.000Z',
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a PDF back
// ---------------------------------------------------------------------------------------------

function pdfInfo(pdf: Buffer): { pages: number; mediaBoxes: number[][] } {
  const raw = pdf.toString('latin1');
  const count = /\/Type \/Pages\s*\/Count (\d+)/.exec(raw);
  const mediaBoxes = [...raw.matchAll(/\/MediaBox \[([\d.\s]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
  return { pages: count ? Number(count[1]) : -1, mediaBoxes };
}

// Node's TextDecoder treats windows-1252 as Latin-1, so the 0x80–0x9F range is mapped here.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function windows1252(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80]! : String.fromCharCode(b))).join('');
}

/** The text of an uncompressed PDF's pages: pdfkit writes each line as hex strings in a TJ array. */
function pdfPlainText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  return [...raw.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\] TJ/g)]
    .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => windows1252(Buffer.from(h[1]!, 'hex'))).join(''))
    .join('\n');
}

function assertSize(pdf: Buffer, size: { width: number; height: number }): void {
  const { mediaBoxes } = pdfInfo(pdf);
  assert.ok(mediaBoxes.length > 0, 'no MediaBox');
  for (const box of mediaBoxes) assert.deepEqual(box, [0, 0, size.width, size.height]);
}

// ---------------------------------------------------------------------------------------------

describe('the example consultation (Zeeland)', () => {
  const output = exampleConsultation(theBook());

  test('has the six cases, the fifty recommendations and the top 10 in the report’s order', () => {
    assert.equal(output.cases.length, 6);
    assert.deepEqual(
      output.cases.map((c) => c.number),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(output.recommendations.length, 50);
    assert.deepEqual(
      output.recommendations.map((r) => r.number),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.equal(output.top.items.length, 10);
    assert.deepEqual(
      output.top.items.map((i) => i.recommendationNumber),
      theBook().pack.zeeland.top10.ranking,
    );
    // The report chose and approved ten; it did not rank them, so the example gives no ranks.
    assert.ok(output.top.items.every((i) => i.rank === null));
    assert.equal(topIsRanked(output), false);
    for (const item of output.top.items) {
      const r = output.recommendations.find((x) => x.number === item.recommendationNumber)!;
      assert.equal(item.text, r.text);
      assert.equal(item.addressee, r.addressee);
    }
  });

  test('names the team, the method and where it comes from', () => {
    assert.equal(output.teamName, 'Expertteam GGZ en arbeid Zeeland');
    assert.equal(output.attribution, 'Expertteam GGZ en arbeid Zeeland (2020)');
    assert.equal(output.title, theBook().pack.zeeland.title);
    assert.deepEqual(
      output.method.steps.map((s) => s.minutes),
      [5, 10, 5, 10, 10, 15, 5, 10],
    );
    assert.equal(output.addresseeTitles.persoon, 'Persoon zelf');
    assert.equal(output.cases[0]!.meetingLabel, 'Bijeenkomst 1');
    assert.equal(output.cases[0]!.persona.age, '50 jaar.');
  });

  test('keeps every recommendation per case with its addressee', () => {
    const pack = theBook().pack.zeeland;
    for (const c of output.cases) {
      const source = pack.cases.find((x) => x.number === c.number)!;
      assert.deepEqual(
        c.recommendations,
        source.recommendations.map((r) => ({ addressee: r.addressee, text: r.text })),
      );
    }
  });

  test('links each of the fifty to its cases, with the wordings of those cases as the originals', () => {
    const pack = theBook().pack.zeeland;
    for (const r of output.recommendations) {
      assert.ok(r.caseNumbers.length >= 1, `recommendation ${r.number} has a case`);
      assert.ok(r.originals.length >= 1, `recommendation ${r.number} has an original wording`);
      assert.deepEqual([...new Set(r.originals.map((o) => o.caseNumber))], r.caseNumbers, `recommendation ${r.number}: originals per case`);
    }
    // Every wording of every case is the original of exactly one of the fifty.
    assert.equal(
      output.recommendations.flatMap((r) => r.originals).length,
      pack.cases.flatMap((c) => c.recommendations).length,
    );
    const ten = output.recommendations.find((r) => r.number === 10)!;
    assert.deepEqual(ten.originals, [{ caseNumber: 6, text: pack.cases.find((c) => c.number === 6)!.recommendations[2]!.text }]);
  });

  test('a persona summary is short and starts with who the person is', () => {
    const summary = personaSummary(output.cases[0]!);
    assert.match(summary, /^Man, 50 jaar, Nederlands\. /);
    assert.match(summary, /Afstand tot werk: groot\.$/);
    assert.ok(summary.length < 200, summary);
  });
});

describe('splitting off the first sentence', () => {
  test('ends at a full stop followed by a capital, not at an abbreviation', () => {
    assert.deepEqual(splitFirstSentence('Neem deel aan peersupport. Dit kan online.'), { first: 'Neem deel aan peersupport.', rest: 'Dit kan online.' });
    assert.deepEqual(splitFirstSentence('Zet o.a. ervaringsdeskundigen in. Zo werkt het.'), { first: 'Zet o.a. ervaringsdeskundigen in.', rest: 'Zo werkt het.' });
    assert.deepEqual(splitFirstSentence('Geloof en heb vertrouwen in iemands werkwens!'), { first: 'Geloof en heb vertrouwen in iemands werkwens!', rest: '' });
  });
});

describe('the recommendations CSV', () => {
  test('of the example has one row per recommendation with its cases, its original wordings and whether it is in the top 10', () => {
    const csv = recommendationsCsv(exampleConsultation(theBook()));
    assert.ok(csv.startsWith(BOM));
    assert.ok(csv.endsWith('\r\n'));
    const [header, ...rows] = parseCsv(csv);
    // The report's top 10 is no ranking: the column says whether, not which place.
    assert.deepEqual(header, ['nummer', 'geadresseerde', 'aanbeveling', 'casussen', 'in-top-10', 'oorspronkelijke formuleringen']);
    assert.deepEqual(RECOMMENDATIONS_CSV_HEADER_UNRANKED, header);
    assert.equal(rows.length, 50);
    const top = new Set(theBook().pack.zeeland.top10.ranking.map(String));
    for (const row of rows) {
      assert.equal(row.length, 6, `row ${row[0]}`);
      const [number, , , cases, inTop, originals] = row as [string, string, string, string, string, string];
      assert.match(cases, /^[1-6](, [1-6])*$/, `cases of ${number}`);
      assert.notEqual(originals.trim(), '', `originals of ${number}`);
      for (const line of originals.split('\n')) assert.match(line, /^Casus [1-6]: \S/, `originals of ${number}`);
      assert.equal(inTop, top.has(number) ? 'ja' : '', `top of ${number}`);
    }
    assert.deepEqual(rows[0]!.slice(0, 5), ['1', 'Persoon zelf', theBook().pack.zeeland.recommendations[0]!.text, '1, 2, 6', 'ja']);
    assert.match(rows[0]![5]!, /^Casus 1: Zoek contact met anderen mensen/);
    assert.doesNotMatch(csv, /top-10-plaats|plaats \d/);
  });

  test('of a team that ranked its top list gives each recommendation its place', () => {
    const csv = recommendationsCsv(sized({ cases: 2, recommendationsPerCase: 2, length: 20, unique: 4, top: 2 }));
    const [header, ...rows] = parseCsv(csv);
    assert.deepEqual(header, [...RECOMMENDATIONS_CSV_HEADER]);
    assert.deepEqual(RECOMMENDATIONS_CSV_HEADER, ['nummer', 'geadresseerde', 'aanbeveling', 'casussen', 'top-10-plaats', 'oorspronkelijke formuleringen']);
    assert.deepEqual(rows.map((r) => r[4]), ['1', '2', '', '']);
  });

  test('quotes separators, quotes and line breaks, and neutralises formulas', () => {
    const base = sized({ cases: 2, recommendationsPerCase: 1, length: 40, unique: 2, top: 1 });
    const output: ConsultationOutput = {
      ...base,
      recommendations: [
        { number: 1, addressee: 'persoon', text: '=HYPERLINK("http://x")', caseNumbers: [1, 2], originals: [{ caseNumber: 1, text: 'Eerst; zo' }, { caseNumber: null, text: 'Later "anders"' }] },
        { number: 2, addressee: 'omgeving', text: 'Twee\nregels', caseNumbers: [], originals: [] },
      ],
    };
    const csv = recommendationsCsv(output);
    const body = csv.slice(1);
    assert.ok(body.includes(`1;Persoon zelf;"'=HYPERLINK(""http://x"")";1, 2;1;"Casus 1: Eerst; zo\nZonder casus: Later ""anders"""\r\n`), body);
    assert.ok(body.includes('2;Naasten, hulpverleners, begeleiding en omgeving;"Twee\nregels";;;\r\n'), body);
  });
});

describe('the PDFs', () => {
  const example = exampleConsultation(theBook());

  test('the poster is A3 landscape, tagged, with its title and the top 10 in the text', async () => {
    const pdf = await posterPdf(example, { compress: false });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assertSize(pdf, POSTER_PAGE);
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/Lang \(nl-NL\)/);
    assert.match(raw, /\/StructTreeRoot/);
    assert.match(raw, /\/DisplayDocTitle true/);
    const text = pdfPlainText(pdf);
    assert.ok(text.includes('Top 10 aanbevelingen'), 'band title');
    assert.ok(text.includes('in de volgorde van het rapport (geen rangorde)'), 'the top 10 is said to be no ranking');
    assert.ok(text.includes('Ontwikkel een gezamenlijke training'), 'first of the top 10');
    assert.ok(text.includes('Casus 6'), 'last case');
    assert.ok(text.includes('Wees reëel over de mogelijkheden die je hebt en'), 'Dutch letters survive');
    assert.ok(text.includes('‘werk-PGB’'), 'typographic quotes survive');
    assert.ok(text.includes(`Pagina 1 van ${pdfInfo(pdf).pages}`));
  });

  test('the report is A4 portrait with numbered pages and every recommendation', async () => {
    const pdf = await reportPdf(example, { compress: false });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assertSize(pdf, REPORT_PAGE);
    const { pages } = pdfInfo(pdf);
    assert.ok(pages >= 10, `${pages} pages`);
    const text = pdfPlainText(pdf);
    assert.ok(text.includes(`Pagina ${pages} van ${pages}`));
    assert.ok(text.includes('Stappenplan: 8 stappen in 70 minuten'));
    assert.ok(text.includes('Alle aanbevelingen per geadresseerde'));
    for (const n of [1, 25, 50]) assert.ok(text.includes(`${n}.`), `recommendation ${n}`);
    assert.ok(text.includes('Bron: Expertteam GGZ en arbeid Zeeland (2020)'));
    // The top 10 of the report is a set: no places, and said so.
    assert.ok(text.includes('In de top 10'));
    assert.doesNotMatch(text, /plaats \d/, 'no place in the top 10');
    assert.ok(text.replace(/\s+/g, ' ').includes('in de volgorde van het rapport (geen rangorde)'));
    assert.ok(text.includes('uit casussen 1, 2, 6'), 'the cases of recommendation 1');
  });

  test('a team’s ranked top list keeps its places in the PDFs', async () => {
    const small = sized({ cases: 2, recommendationsPerCase: 2, length: 40, top: 3 });
    const text = pdfPlainText(await reportPdf(small, { compress: false }));
    assert.ok(text.includes('Top 10, plaats 1'));
    assert.ok(!text.includes('geen rangorde'));
  });

  test('a small consultation fits the poster on one page and the report on six', async () => {
    const small = sized({ cases: 2, recommendationsPerCase: 2, length: 80, top: 3 });
    const poster = await posterPdf(small);
    assert.equal(pdfInfo(poster).pages, 1);
    assertSize(poster, POSTER_PAGE);
    // Title page, method, one page per case, all recommendations, the top list.
    const report = await reportPdf(small);
    assert.equal(pdfInfo(report).pages, 6);
    assertSize(report, REPORT_PAGE);
  });

  test('text that does not fit flows on to further pages rather than being cut', async () => {
    const large = sized({ cases: 10, recommendationsPerCase: 5, length: 400, unique: 50 });
    const pdf = await posterPdf(large, { compress: false });
    const { pages } = pdfInfo(pdf);
    assert.ok(pages > 1, `${pages} pages`);
    const text = pdfPlainText(pdf).replace(/\s+/g, ' ');
    // Every recommendation of every case is there up to its last words.
    for (const c of large.cases) for (let j = 1; j <= 5; j++) assert.ok(text.includes(`(einde C${c.number}R${j})`), `C${c.number}R${j}`);
    for (let k = 1; k <= 10; k++) assert.ok(text.includes(`(einde U${k})`), `top ${k}`);
    assert.ok(text.includes(`Pagina ${pages} van ${pages}`));
  });

  test('the same output gives the same bytes', async () => {
    const a = await posterPdf(example);
    const b = await posterPdf(example);
    assert.ok(a.equals(b));
    const c = await reportPdf(example);
    const d = await reportPdf(example);
    assert.ok(c.equals(d));
  });

  test('characters the PDF fonts cannot show do not break the file', async () => {
    assert.equal(pdfText('café – “ja” … € 5 → ≥ ş 😀 中'), 'café – “ja” … € 5 -> >= s ? ?');
    const base = sized({ cases: 1, recommendationsPerCase: 1, length: 40, top: 1 });
    const odd: ConsultationOutput = { ...base, title: 'Werk → kans 😀 中文 Łódź', cases: [{ ...base.cases[0]!, question: 'Vraag\u0007 met\tbel en 👩‍👩‍👧' }] };
    const pdf = await posterPdf(odd, { compress: false });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdfPlainText(pdf).includes('Werk -> kans ? ?? Lódz'));
  });

  test('empty parts are said, not left out silently', async () => {
    const base = sized({ cases: 0, recommendationsPerCase: 0, length: 10, unique: 0 });
    const pdf = await reportPdf({ ...base, top: { intro: null, items: [], approvedBy: null, approvedAt: null } }, { compress: false });
    const text = pdfPlainText(pdf);
    assert.ok(text.includes('Er zijn nog geen casussen besproken.'));
    assert.ok(text.includes('Het team heeft nog geen top 10 gekozen.'));
    const poster = await posterPdf({ ...base, top: { intro: null, items: [], approvedBy: null, approvedAt: null } });
    assert.equal(pdfInfo(poster).pages, 1);
  });
});
