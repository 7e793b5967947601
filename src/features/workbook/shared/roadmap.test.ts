import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { h } from 'preact';
import { render } from 'preact-render-to-string';
import {
  DOMAINS,
  HORIZONS,
  buildRoadmap,
  columnOf,
  dayNumber,
  isOverdue,
  milestoneState,
  progress,
  type RoadmapMilestone,
} from './roadmap.js';
import { RoadmapSvg, RoadmapTable, formatDay, progressText, termText, truncateTitle } from './roadmap.views.js';

const TODAY = '2026-01-15';

function milestone(over: Partial<RoadmapMilestone> = {}): RoadmapMilestone {
  return {
    id: 'm1',
    title: 'Mijlpaal',
    domain: 'werk',
    dueDate: null,
    horizon: '5-jaar',
    position: 0,
    reachedAt: null,
    actions: { total: 0, done: 0, stopped: 0 },
    ownerIds: [],
    statuses: [],
    ...over,
  };
}

/** A dated milestone `days` calendar days after TODAY. */
function inDays(days: number, over: Partial<RoadmapMilestone> = {}): RoadmapMilestone {
  const date = new Date(Date.UTC(2026, 0, 15 + days)).toISOString().slice(0, 10);
  return milestone({ dueDate: date, horizon: null, ...over });
}

describe('roadmap columns', () => {
  test('a milestone with a horizon stays in that column, whatever today is', () => {
    for (const horizon of HORIZONS) assert.equal(columnOf(milestone({ horizon }), TODAY), horizon);
  });

  test('dates up to 92 days ahead, and past dates, are "nu"', () => {
    assert.equal(inDays(92).dueDate, '2026-04-17', 'the helper counts calendar days');
    assert.equal(columnOf(inDays(92), TODAY), 'nu');
    assert.equal(columnOf(inDays(93), TODAY), '1-jaar');
    assert.equal(columnOf(inDays(0), TODAY), 'nu', 'today itself');
    assert.equal(columnOf(inDays(-1), TODAY), 'nu', 'yesterday');
    assert.equal(columnOf(inDays(-4000), TODAY), 'nu', 'long ago');
  });

  test('one year is 366 days, then 5, 10 and 20 years', () => {
    assert.equal(columnOf(inDays(366), TODAY), '1-jaar');
    assert.equal(columnOf(inDays(367), TODAY), '5-jaar');
    assert.equal(columnOf(milestone({ dueDate: '2031-01-15', horizon: null }), TODAY), '5-jaar', 'same day five years on');
    assert.equal(columnOf(milestone({ dueDate: '2031-01-20', horizon: null }), TODAY), '10-jaar');
    assert.equal(columnOf(milestone({ dueDate: '2036-01-15', horizon: null }), TODAY), '10-jaar', 'same day ten years on');
    assert.equal(columnOf(milestone({ dueDate: '2036-01-20', horizon: null }), TODAY), '20-jaar');
    assert.equal(columnOf(milestone({ dueDate: '2099-12-31', horizon: null }), TODAY), '20-jaar', 'beyond 20 years is still the last dated column');
  });

  test('days are calendar days, unaffected by summer time', () => {
    // 28 March to 28 June 2026 crosses the Dutch switch to summer time: still exactly 92 days.
    assert.equal(columnOf(milestone({ dueDate: '2026-06-28', horizon: null }), '2026-03-28'), 'nu');
    assert.equal(columnOf(milestone({ dueDate: '2026-06-29', horizon: null }), '2026-03-28'), '1-jaar');
    assert.equal((dayNumber('2026-03-30') ?? 0) - (dayNumber('2026-03-29') ?? 0), 1);
  });

  test('an invalid date never throws: it goes to "nu" and is never overdue', () => {
    for (const dueDate of ['', 'morgen', '2026-02-30', '2026-13-01', '15-01-2026', '2026-1-5', '2026-01-15T00:00:00Z']) {
      const m = milestone({ dueDate, horizon: null });
      assert.equal(columnOf(m, TODAY), 'nu', dueDate);
      assert.equal(isOverdue(m, TODAY), false, dueDate);
      assert.equal(dayNumber(dueDate), null, dueDate);
    }
    assert.equal(columnOf(inDays(400), 'gisteren'), 'nu', 'a bad "today" does not throw either');
    assert.equal(columnOf(milestone({ dueDate: null, horizon: null }), TODAY), 'doorlopend', 'neither date nor horizon');
    const roadmap = buildRoadmap([milestone({ id: 'x', dueDate: 'nooit', horizon: null })], TODAY);
    assert.equal(roadmap.rows[1]!.cells[0]!.milestones[0]!.id, 'x');
  });

});

describe('roadmap state', () => {
  test('overdue: dated, not reached, date before today', () => {
    assert.equal(isOverdue(inDays(-1), TODAY), true);
    assert.equal(isOverdue(inDays(0), TODAY), false, 'due today is not late yet');
    assert.equal(isOverdue(inDays(5), TODAY), false);
    assert.equal(isOverdue(inDays(-1, { reachedAt: '2026-01-10T10:00:00.000Z' }), TODAY), false, 'reached late is not overdue');
    assert.equal(isOverdue(milestone({ horizon: 'nu' }), TODAY), false, 'a horizon has no deadline');
  });

  test('progress counts done actions among those not stopped', () => {
    assert.equal(progress(milestone({ actions: { total: 5, done: 3, stopped: 0 } })), 0.6);
    assert.equal(progress(milestone({ actions: { total: 5, done: 3, stopped: 1 } })), 0.75);
    assert.equal(progress(milestone({ actions: { total: 2, done: 0, stopped: 2 } })), 0, 'all stopped');
    assert.equal(progress(milestone({ actions: { total: 0, done: 0, stopped: 0 } })), 0, 'no actions');
    assert.equal(progress(milestone({ actions: { total: 4, done: 1, stopped: 0 }, reachedAt: '2026-01-01T00:00:00Z' })), 1, 'reached');
    assert.equal(progress(milestone({ reachedAt: '2026-01-01T00:00:00Z' })), 1, 'reached without actions');
  });

  test('state: reached before overdue before started', () => {
    assert.equal(milestoneState(inDays(-3, { reachedAt: '2026-01-01T00:00:00Z' }), TODAY), 'reached');
    assert.equal(milestoneState(inDays(-3, { statuses: ['bezig'] }), TODAY), 'overdue');
    assert.equal(milestoneState(milestone({ statuses: ['idee', 'bezig'] }), TODAY), 'in-progress');
    assert.equal(milestoneState(milestone({ actions: { total: 2, done: 1, stopped: 0 }, statuses: ['gedaan', 'gepland'] }), TODAY), 'in-progress');
    assert.equal(milestoneState(milestone({ statuses: ['idee', 'gepland', 'gestopt'] }), TODAY), 'not-started');
  });
});

describe('buildRoadmap', () => {
  test('always four domain rows and six columns, even when empty', () => {
    const roadmap = buildRoadmap([], TODAY);
    assert.deepEqual(
      roadmap.rows.map((r) => r.domain),
      [...DOMAINS],
    );
    assert.deepEqual(roadmap.columns, [...HORIZONS]);
    for (const row of roadmap.rows) {
      assert.deepEqual(
        row.cells.map((c) => c.horizon),
        [...HORIZONS],
      );
      assert.ok(row.cells.every((c) => c.milestones.length === 0));
    }
    assert.equal(roadmap.total, 0);
    assert.equal(roadmap.shown, 0);
  });

  test('within a cell: dated first by date, then position, then title in Dutch order', () => {
    const cell = [
      milestone({ id: 'undated-b', horizon: 'nu', position: 2, title: 'B' }),
      milestone({ id: 'undated-ij', horizon: 'nu', position: 1, title: 'IJsbaan' }),
      milestone({ id: 'undated-a', horizon: 'nu', position: 1, title: 'Appel' }),
      milestone({ id: 'undated-z', horizon: 'nu', position: 1, title: 'Zee' }),
      inDays(30, { id: 'dated-later', position: 0 }),
      inDays(10, { id: 'dated-soon-2', position: 2 }),
      inDays(10, { id: 'dated-soon-1', position: 1 }),
      inDays(-2, { id: 'dated-past', position: 9 }),
    ];
    const roadmap = buildRoadmap(cell, TODAY);
    const nu = roadmap.rows[1]!.cells[0]!;
    assert.equal(nu.horizon, 'nu');
    assert.deepEqual(
      nu.milestones.map((m) => m.id),
      ['dated-past', 'dated-soon-1', 'dated-soon-2', 'dated-later', 'undated-a', 'undated-ij', 'undated-z', 'undated-b'],
    );
    assert.equal(roadmap.shown, 8);
  });

  test('milestones land in their domain row and column', () => {
    const roadmap = buildRoadmap(
      [milestone({ id: 'z', domain: 'zorg', horizon: '10-jaar' }), milestone({ id: 'p', domain: 'professionals', horizon: 'doorlopend' })],
      TODAY,
    );
    assert.equal(roadmap.rows[0]!.cells[3]!.milestones[0]!.id, 'z');
    assert.equal(roadmap.rows[3]!.cells[5]!.milestones[0]!.id, 'p');
  });

  test('filters on owner and on action status, alone and together', () => {
    const all = [
      milestone({ id: 'a', ownerIds: ['u1', 'u2'], statuses: ['bezig', 'idee'] }),
      milestone({ id: 'b', ownerIds: ['u2'], statuses: ['gedaan'] }),
      milestone({ id: 'c', ownerIds: [], statuses: [] }),
    ];
    const ids = (filter: Parameters<typeof buildRoadmap>[2]) =>
      buildRoadmap(all, TODAY, filter)
        .rows.flatMap((r) => r.cells.flatMap((c) => c.milestones.map((m) => m.id)))
        .sort();
    assert.deepEqual(ids({}), ['a', 'b', 'c']);
    assert.deepEqual(ids({ ownerId: 'u1' }), ['a']);
    assert.deepEqual(ids({ ownerId: 'u2' }), ['a', 'b']);
    assert.deepEqual(ids({ status: 'gedaan' }), ['b']);
    assert.deepEqual(ids({ status: 'bezig', ownerId: 'u2' }), ['a']);
    assert.deepEqual(ids({ status: 'gestopt' }), []);
    assert.deepEqual(ids({ ownerId: '', status: '' }), ['a', 'b', 'c'], 'an empty choice is no filter');
    const filtered = buildRoadmap(all, TODAY, { ownerId: 'u1' });
    assert.equal(filtered.total, 3);
    assert.equal(filtered.shown, 1);
  });
});

describe('roadmap texts', () => {
  test('Dutch dates, terms and progress', () => {
    assert.equal(formatDay('2027-03-12'), '12 maart 2027');
    assert.equal(formatDay('2026-02-30'), '2026-02-30', 'a bad date is shown as it is');
    assert.equal(termText(milestone({ horizon: '10-jaar' })), 'Binnen 10 jaar');
    assert.equal(termText(milestone({ horizon: null, dueDate: '2027-03-12' })), '12 maart 2027');
    assert.equal(progressText(milestone({ actions: { total: 5, done: 3, stopped: 0 } })), '3 van 5 acties gedaan');
    assert.equal(progressText(milestone({ actions: { total: 5, done: 3, stopped: 1 } })), '3 van 4 acties gedaan (1 gestopt)');
    assert.equal(progressText(milestone({ actions: { total: 1, done: 0, stopped: 0 } })), '0 van 1 actie gedaan');
    assert.equal(progressText(milestone()), 'Nog geen acties');
    // 23:30 UTC on 3 May is already 4 May in the Netherlands.
    assert.equal(progressText(milestone({ reachedAt: '2026-05-03T23:30:00.000Z' })), 'Bereikt op 4 mei 2026');
    assert.equal(progressText(milestone({ reachedAt: 'ooit' })), 'Bereikt');
  });

  test('titles are cut to 28 characters with an ellipsis', () => {
    assert.equal(truncateTitle('Kort'), 'Kort');
    assert.equal(truncateTitle('x'.repeat(28)), 'x'.repeat(28));
    const cut = truncateTitle('Iedereen met een psychische kwetsbaarheid heeft werk');
    assert.equal(Array.from(cut).length <= 28, true);
    assert.equal(cut, 'Iedereen met een psychische…', 'ends on a whole word');
    assert.equal(truncateTitle('Arbeidsmarktregioinformatievoorziening'), 'Arbeidsmarktregioinformatie…', 'one long word is cut inside');
    assert.equal(Array.from(truncateTitle('😀'.repeat(40))).length, 28, 'emoji are not split');
  });
});

describe('roadmap views', () => {
  const milestones = [
    milestone({ id: 'm-1', title: 'Werkgevers <kennen> de IPS-aanpak', dueDate: '2026-03-12', horizon: null, actions: { total: 5, done: 3, stopped: 0 } }),
    inDays(-10, { id: 'm-2', title: 'Een heel lange titel van een mijlpaal die niet past', domain: 'zorg' }),
    milestone({ id: 'm-3', title: 'Bereikt', domain: 'mensen', horizon: 'nu', reachedAt: '2026-01-02T09:00:00Z' }),
  ];
  const roadmap = buildRoadmap(milestones, TODAY);
  const href = (id: string) => `/agenda/mijlpalen/${id}`;

  test('the table has a caption, column headers, links, Dutch dates and a row per empty domain', () => {
    const html = render(h(RoadmapTable, { roadmap, today: TODAY, milestoneHref: href }));
    assert.match(html, /<table class="utrecht-table[^"]*">/);
    assert.match(html, /<caption[^>]*>Mijlpalen per domein<\/caption>/);
    for (const col of ['Domein', 'Mijlpaal', 'Termijn', 'Voortgang', 'Status']) assert.ok(html.includes(`scope="col">${col}</th>`), col);
    assert.ok(html.includes('<a class="utrecht-link" href="/agenda/mijlpalen/m-1">Werkgevers &lt;kennen> de IPS-aanpak</a>'), 'link, escaped');
    assert.ok(html.includes('12 maart 2026'));
    assert.ok(html.includes('3 van 5 acties gedaan'));
    assert.ok(html.includes('Bereikt op 2 januari 2026'));
    assert.ok(html.includes('Te laat'));
    assert.ok(html.includes('Nog geen mijlpalen'), 'professionals has none');
    assert.equal(html.match(/scope="rowgroup"/g)?.length, 4, 'every domain heads its group');
  });

  test('a filtered table says how many it shows', () => {
    const html = render(h(RoadmapTable, { roadmap: buildRoadmap(milestones, TODAY, { ownerId: 'niemand' }), today: TODAY, milestoneHref: href }));
    assert.ok(html.includes('(0 van 3 getoond)'));
    assert.ok(html.includes('Geen mijlpalen bij dit filter'));
  });

  test('the picture is one labelled image without links, and never uses inline styles', () => {
    const svg = render(h(RoadmapSvg, { roadmap, today: TODAY, milestoneHref: href }));
    assert.match(svg, /^<svg [^>]*role="img"/);
    assert.match(svg, /aria-labelledby="routekaart-titel routekaart-uitleg"/);
    assert.match(svg, /<title id="routekaart-titel">[^<]+<\/title>/);
    assert.match(svg, /<desc id="routekaart-uitleg">[^<]*Dezelfde gegevens staan in de tabel hieronder\.<\/desc>/);
    assert.match(svg, /width="100%"/);
    assert.match(svg, /viewBox="0 0 \d+ \d+"/);
    assert.ok(!/<a[\s>]/.test(svg), 'no links a keyboard could reach but a screen reader not announce');
    assert.ok(!/tabindex/i.test(svg));
    assert.ok(svg.includes('mmm-roadmap__card--reached') && svg.includes('✓ Bereikt'));
    assert.ok(svg.includes('mmm-roadmap__card--overdue') && svg.includes('Te laat'));
    assert.ok(svg.includes('>Een heel lange</tspan>') && svg.includes('>titel van…</tspan>'), 'truncated on the card');
    const table = render(h(RoadmapTable, { roadmap, today: TODAY, milestoneHref: href }));
    assert.ok(!/style=/i.test(svg + table), 'the Content-Security-Policy forbids inline styles');
  });

  test('each row is as tall as its fullest cell', () => {
    const height = (ms: RoadmapMilestone[]) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(render(h(RoadmapSvg, { roadmap: buildRoadmap(ms, TODAY), today: TODAY })))![1]);
    const one = height([milestone({ id: 'a' })]);
    const three = height([milestone({ id: 'a' }), milestone({ id: 'b' }), milestone({ id: 'c' })]);
    const spread = height([milestone({ id: 'a' }), milestone({ id: 'b', horizon: 'nu' }), milestone({ id: 'c', horizon: '1-jaar' })]);
    assert.ok(three > one, 'three in one cell make the row taller');
    assert.equal(spread, one, 'three in different cells do not');
    assert.ok(height([]) > 0);
  });
});
