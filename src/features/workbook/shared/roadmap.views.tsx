import {
  DOMAIN_LABELS,
  HORIZON_LABELS,
  MILESTONE_STATE_LABELS,
  dayNumber,
  milestoneState,
  progress,
  type Roadmap,
  type RoadmapMilestone,
} from './roadmap.js';

// Built once: constructing a DateTimeFormat costs far more than formatting with it.
const DAY_FORMAT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
// A moment (reachedAt) is shown as the day it was in the Netherlands, not in UTC.
const MOMENT_FORMAT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** 'YYYY-MM-DD' as a Dutch date ("12 maart 2027"); anything else comes back unchanged, so a bad value stays visible. */
export function formatDay(iso: string): string {
  const day = dayNumber(iso);
  return day === null ? iso : DAY_FORMAT.format(new Date(day * 86_400_000));
}

function formatMoment(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : MOMENT_FORMAT.format(date);
}

/** The due date in Dutch, or the horizon's label. */
export function termText(m: RoadmapMilestone): string {
  if (m.horizon !== null) return HORIZON_LABELS[m.horizon] ?? m.horizon;
  if (m.dueDate !== null) return formatDay(m.dueDate);
  return HORIZON_LABELS.doorlopend;
}

/** "3 van 5 acties gedaan", or "Bereikt op 4 mei 2026". */
export function progressText(m: RoadmapMilestone): string {
  if (m.reachedAt !== null) {
    const day = formatMoment(m.reachedAt);
    return day === null ? 'Bereikt' : `Bereikt op ${day}`;
  }
  const { total, done, stopped } = m.actions;
  if (total <= 0) return 'Nog geen acties';
  const counted = total - stopped;
  if (counted <= 0) return stopped === 1 ? 'De enige actie is gestopt' : `Alle ${stopped} acties zijn gestopt`;
  const stoppedNote = stopped > 0 ? ` (${stopped} gestopt)` : '';
  return `${done} van ${counted} ${counted === 1 ? 'actie' : 'acties'} gedaan${stoppedNote}`;
}

/** Cuts a title to at most `max` characters with "…"; counts code points so an emoji is never split in half. */
export function truncateTitle(title: string, max = 28): string {
  const chars = Array.from(title.trim());
  if (chars.length <= max) return chars.join('');
  let cut = chars.slice(0, max - 1);
  // Prefer ending on a whole word, unless that throws away more than half the room.
  const space = cut.lastIndexOf(' ');
  if (chars[max - 1] !== ' ' && space > max / 2) cut = cut.slice(0, space);
  return `${cut.join('').trimEnd()}…`;
}

/** Splits a label over lines of at most about `max` characters, at spaces. */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && Array.from(last).length + 1 + Array.from(word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

// Geometry in viewBox units. About 1000 wide, so on a desktop column the picture is drawn near
// 1:1 and 12- to 14-unit text stays readable; it still scales down with width="100%".
const LABEL_W = 120;
const COL_W = 150;
const HEAD_H = 40;
const ROW_PAD = 8;
const CARD_W = COL_W - 8;
const CARD_H = 68;
const CARD_GAP = 6;
const LABEL_LINE_H = 17;
const LABEL_CHARS = 14;
// What fits on one line of a card at font-size 12, even in a wide fallback font such as DejaVu Sans;
// two lines hold a 28-character title.
const TITLE_LINE_CHARS = 16;

// Fallback colours as presentation attributes: the CSS classes override them, but without the
// stylesheet (print preview, a failed load) SVG would otherwise paint black text on black boxes.
// Every text pair here is at least 4.5:1.
const INK = '#1f2a30';
const INK_SOFT = '#44525a';
const PAPER = '#fffdf8';
const SAND = '#f6efe2';
const RULE = '#c9c2b4';
const FILL = { plain: '#ffffff', reached: '#e8f5eb', overdue: '#fdecee' } as const;
const STROKE = { plain: '#0d5c63', reached: '#1c6b32', overdue: '#a3111a' } as const;
const META = { plain: INK_SOFT, reached: '#1c6b32', overdue: '#a3111a' } as const;

/** The card title: at most 28 characters over at most two lines. */
export function cardTitleLines(title: string): string[] {
  const words = truncateTitle(title)
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => {
      const chars = Array.from(word);
      const parts: string[] = [];
      for (let i = 0; i < chars.length; i += TITLE_LINE_CHARS) parts.push(chars.slice(i, i + TITLE_LINE_CHARS).join(''));
      return parts;
    });
  const lines = wrapWords(words.join(' '), TITLE_LINE_CHARS);
  if (lines.length <= 2) return lines;
  const second = Array.from(lines[1]!);
  return [lines[0]!, `${second.slice(0, TITLE_LINE_CHARS - 1).join('').trimEnd()}…`];
}

function rowHeight(cards: number, labelLines: number): number {
  const n = Math.max(1, cards);
  return Math.max(2 * ROW_PAD + n * CARD_H + (n - 1) * CARD_GAP, 2 * ROW_PAD + labelLines * LABEL_LINE_H + 4);
}

/** A short progress line that fits a card. */
function cardProgress(m: RoadmapMilestone): string {
  const { total, done, stopped } = m.actions;
  if (total <= 0) return 'Nog geen acties';
  const counted = total - stopped;
  return counted <= 0 ? 'Acties gestopt' : `${done} van ${counted} ${counted === 1 ? 'actie' : 'acties'}`;
}

function Card({ m, today, x, y }: { m: RoadmapMilestone; today: string; x: number; y: number }) {
  const state = milestoneState(m, today);
  const kind = state === 'reached' ? 'reached' : state === 'overdue' ? 'overdue' : 'plain';
  // The state is also said in words and a sign, so colour is never the only cue.
  const meta = kind === 'reached' ? '✓ Bereikt' : kind === 'overdue' ? '! Te laat' : m.dueDate !== null ? termText(m) : cardProgress(m);
  const track = CARD_W - 16;
  return (
    <g class={`mmm-roadmap__card${kind === 'plain' ? '' : ` mmm-roadmap__card--${kind}`}`} transform={`translate(${x} ${y})`}>
      {/* A tooltip with everything for mouse users; the table says it to everyone. */}
      <title>{[m.title, MILESTONE_STATE_LABELS[state], termText(m), progressText(m)].join(' – ')}</title>
      <rect
        class="mmm-roadmap__card-box"
        width={CARD_W}
        height={CARD_H}
        rx="6"
        fill={FILL[kind]}
        stroke={STROKE[kind]}
        stroke-width={kind === 'overdue' ? 2.5 : 1.5}
      />
      <text class="mmm-roadmap__card-title" x="8" y="18" font-size="12" font-weight="600" fill={INK}>
        {cardTitleLines(m.title).map((line, i) => (
          <tspan key={i} x="8" dy={i === 0 ? 0 : 16}>
            {line}
          </tspan>
        ))}
      </text>
      <text class="mmm-roadmap__card-meta" x="8" y="52" font-size="12" fill={META[kind]}>
        {meta}
      </text>
      <rect class="mmm-roadmap__bar-track" x="8" y="58" width={track} height="4" rx="2" fill="#d8cfbf" />
      <rect class="mmm-roadmap__bar" x="8" y="58" width={Math.round(track * progress(m))} height="4" rx="2" fill={STROKE[kind]} />
    </g>
  );
}

/**
 * The roadmap as a timeline picture. It is one image to assistive technology (role="img"), so it
 * holds no links: a keyboard user would land on links a screen reader cannot announce. The table
 * below it carries the same data and the links. `milestoneHref` is accepted for symmetry with
 * RoadmapTable and not used.
 */
export function RoadmapSvg({
  roadmap,
  today,
  idPrefix = 'routekaart',
}: {
  roadmap: Roadmap;
  today: string;
  milestoneHref?: (id: string) => string;
  /** Makes the title and description ids unique when a page shows more than one roadmap. */
  idPrefix?: string;
}) {
  let top = HEAD_H;
  const rows = roadmap.rows.map((row, r) => {
    const labelLines = wrapWords(DOMAIN_LABELS[row.domain] ?? row.domain, LABEL_CHARS);
    const fullest = Math.max(0, ...row.cells.map((c) => c.milestones.length));
    const height = rowHeight(fullest, labelLines.length);
    const y = top;
    top += height;
    return { row, r, labelLines, y, height };
  });
  const width = LABEL_W + roadmap.columns.length * COL_W;
  const height = top;
  const filtered = roadmap.shown < roadmap.total;
  const count = `${roadmap.shown} ${roadmap.shown === 1 ? 'mijlpaal' : 'mijlpalen'}${filtered ? ` (van ${roadmap.total}, gefilterd)` : ''}`;
  const first = roadmap.columns[0];
  const last = roadmap.columns[roadmap.columns.length - 1];
  const span = first && last ? `, van ${HORIZON_LABELS[first]} tot ${HORIZON_LABELS[last]}` : '';
  const titleId = `${idPrefix}-titel`;
  const descId = `${idPrefix}-uitleg`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="mmm-roadmap__svg"
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>Routekaart: mijlpalen per domein en termijn</title>
      <desc id={descId}>{`Tijdlijn met ${count} in ${rows.length} domeinen${span}. Dezelfde gegevens staan in de tabel hieronder.`}</desc>
      {/* Backgrounds and rules first, so no line is drawn across a card or a label. */}
      <rect class="mmm-roadmap__head" x="0" y="0" width={width} height={HEAD_H} fill={PAPER} />
      {rows.map(({ row, r, y, height: rowH }) => (
        <rect
          class={`mmm-roadmap__band${r % 2 === 1 ? ' mmm-roadmap__band--alt' : ''}`}
          key={row.domain}
          x="0"
          y={y}
          width={width}
          height={rowH}
          fill={r % 2 === 1 ? PAPER : SAND}
        />
      ))}
      {rows.map(({ row, y }) => (
        <line class="mmm-roadmap__rule" key={row.domain} x1="0" y1={y} x2={width} y2={y} stroke={RULE} stroke-width="1" />
      ))}
      {roadmap.columns.map((horizon, i) => (
        <line
          class="mmm-roadmap__rule"
          key={horizon}
          x1={LABEL_W + i * COL_W}
          y1="0"
          x2={LABEL_W + i * COL_W}
          y2={height}
          stroke={RULE}
          stroke-width="1"
        />
      ))}
      {roadmap.columns.map((horizon, i) => (
        <text
          class="mmm-roadmap__column-label"
          key={horizon}
          x={LABEL_W + i * COL_W + COL_W / 2}
          y={HEAD_H / 2 + 5}
          text-anchor="middle"
          font-size="14"
          font-weight="700"
          fill={INK}
        >
          {HORIZON_LABELS[horizon]}
        </text>
      ))}
      {rows.map(({ row, labelLines, y }) => (
        <g class="mmm-roadmap__row" key={row.domain}>
          <text class="mmm-roadmap__domain-label" x="8" y={y + ROW_PAD + 14} font-size="13" font-weight="700" fill={INK}>
            {labelLines.map((line, i) => (
              <tspan key={i} x="8" dy={i === 0 ? 0 : LABEL_LINE_H}>
                {line}
              </tspan>
            ))}
          </text>
          {row.cells.every((c) => c.milestones.length === 0) ? (
            <text class="mmm-roadmap__empty" x={LABEL_W + 8} y={y + ROW_PAD + 14} font-size="12" fill={INK_SOFT}>
              {filtered ? 'Geen bij dit filter' : 'Nog geen mijlpalen'}
            </text>
          ) : null}
          {row.cells.map((cell, c) =>
            cell.milestones.map((m, k) => (
              <Card key={m.id} m={m} today={today} x={LABEL_W + c * COL_W + 4} y={y + ROW_PAD + k * (CARD_H + CARD_GAP)} />
            )),
          )}
        </g>
      ))}
    </svg>
  );
}

/** The same data as the picture, as a table: the version for screen readers, keyboards and small screens. */
export function RoadmapTable({
  roadmap,
  today,
  milestoneHref,
  caption = 'Mijlpalen per domein',
}: {
  roadmap: Roadmap;
  today: string;
  milestoneHref: (id: string) => string;
  caption?: string;
}) {
  const filtered = roadmap.shown < roadmap.total;
  return (
    <div class="mmm-table-scroll">
      <table class="utrecht-table mmm-table mmm-roadmap-table">
        <caption class="utrecht-table__caption">
          {filtered ? `${caption} (${roadmap.shown} van ${roadmap.total} getoond)` : caption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {['Domein', 'Mijlpaal', 'Termijn', 'Voortgang', 'Status'].map((h) => (
              <th class="utrecht-table__header-cell" scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {roadmap.rows.map((row) => {
          const label = DOMAIN_LABELS[row.domain] ?? row.domain;
          // Column order first, so the table reads in the same order as the picture.
          const milestones = row.cells.flatMap((c) => c.milestones);
          if (milestones.length === 0) {
            return (
              <tbody class="utrecht-table__body" key={row.domain}>
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="rowgroup">
                    {label}
                  </th>
                  <td class="utrecht-table__cell mmm-muted" colSpan={4}>
                    {filtered ? 'Geen mijlpalen bij dit filter' : 'Nog geen mijlpalen'}
                  </td>
                </tr>
              </tbody>
            );
          }
          return (
            <tbody class="utrecht-table__body" key={row.domain}>
              {milestones.map((m, i) => {
                const state = milestoneState(m, today);
                return (
                  <tr class="utrecht-table__row" key={m.id}>
                    {i === 0 ? (
                      <th class="utrecht-table__header-cell" scope="rowgroup" rowSpan={milestones.length}>
                        {label}
                      </th>
                    ) : null}
                    <th class="utrecht-table__header-cell" scope="row">
                      <a class="utrecht-link" href={milestoneHref(m.id)}>
                        {m.title}
                      </a>
                    </th>
                    <td class="utrecht-table__cell mmm-roadmap-table__term">{termText(m)}</td>
                    <td class="utrecht-table__cell">{progressText(m)}</td>
                    <td class="utrecht-table__cell">
                      <span class={`mmm-roadmap-status mmm-roadmap-status--${state}`}>{MILESTONE_STATE_LABELS[state]}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
