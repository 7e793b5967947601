// Measures how long the poster and report PDFs of a case consultation take to make (10 cases, 50
// unique recommendations, an approved top 10), beside rendering the same poster as an HTML page in
// the same run. Prints p50/p99 per kind and the ratio to the HTML baseline.
import '../../src/messages.js';
import { performance } from 'node:perf_hooks';
import { render } from 'preact-render-to-string';
import { theBook } from '../../src/features/book/book.content.js';
import { exampleConsultation, type ConsultationOutput, type OutputCase } from '../../src/features/case-consultation/outputs/outputs.model.js';
import { posterPdf, reportPdf } from '../../src/features/case-consultation/outputs/pdf.js';
import { PosterPrintPage } from '../../src/features/case-consultation/outputs/print.js';
import { translator } from '../../src/platform/i18n/i18n.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);

/** The Zeeland example grown to ten cases, each with five of the fifty unique recommendations. */
function tenCases(): ConsultationOutput {
  const example = exampleConsultation(theBook());
  const cases: OutputCase[] = Array.from({ length: 10 }, (_, i) => {
    const base = example.cases[i % example.cases.length]!;
    const recommendations = example.recommendations.slice(i * 5, i * 5 + 5).map((r) => ({ addressee: r.addressee, text: r.text }));
    return { ...base, number: i + 1, title: `Bijeenkomst ${i + 1}`, bottlenecks: ['Geen vast aanspreekpunt', 'Angst om de uitkering kwijt te raken'], recommendations };
  });
  return { ...example, cases };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(name: string, work: () => unknown): Promise<{ name: string; p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, p50: percentile(times, 50), p99: percentile(times, 99) };
}

const output = tenCases();
const ctx = { t: translator('nl'), locale: 'nl' as const, principal: null, currentPath: '/', csrfToken: 'x', flash: null, siteName: 'Werkplaats Mensen met Mogelijkheden' };
const links = { home: { href: '/', label: 'Casusoverleg' }, poster: '/p', posterPdf: '/p.pdf', report: '/v', reportPdf: '/v.pdf', csv: '/a.csv' };

const baseline = await measure('HTML poster page (baseline)', () => render(PosterPrintPage({ ctx, output, links })));
const results = [baseline, await measure('poster PDF (A3)', () => posterPdf(output)), await measure('report PDF (A4)', () => reportPdf(output))];
const poster = await posterPdf(output);
console.log(`Case consultation outputs: ${output.cases.length} cases, ${output.recommendations.length} unique recommendations, top ${output.top.items.length}; ${ROUNDS} rounds each`);
console.log(`poster PDF size ${(poster.length / 1024).toFixed(0)} kB`);
for (const r of results) {
  console.log(`${r.name.padEnd(30)} p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  (${(r.p50 / baseline.p50).toFixed(1)}× baseline p50)`);
}
