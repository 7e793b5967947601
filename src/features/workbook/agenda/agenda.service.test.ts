// The texts, installed as the app does, because these tests read its Dutch messages.
import '../../../messages.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseForm } from '../../../platform/http/forms.js';
import { theBook } from '../../book/book.content.js';
import { actionFormSchema, addDays, milestoneFormSchema, timeframeKindOf } from './agenda.schemas.js';
import {
  defaultDomainForDream,
  diffSnapshots,
  dreamChoices,
  dueDateProblem,
  groupMyActions,
  horizonForYears,
  horizonFromTimeframe,
  ownerProblem,
  parseDay,
  titleFromText,
  type MyAction,
} from './agenda.service.js';

const TODAY = '2026-03-12';

describe('due dates', () => {
  test('accepts the date picker format and the Dutch way of typing a date', () => {
    assert.equal(parseDay('2027-12-31'), '2027-12-31');
    assert.equal(parseDay('31-12-2027'), '2027-12-31');
    assert.equal(parseDay(' 1/2/2027 '), '2027-02-01');
    assert.equal(parseDay('1.2.2027'), '2027-02-01');
  });

  test('refuses what is no real date', () => {
    for (const bad of ['2027-02-30', '30-02-2027', '2027-13-01', 'morgen', '12 maart', '2027-1-1x', '0000-01-01', '99999-01-01']) {
      assert.equal(parseDay(bad), null, bad);
      assert.equal(dueDateProblem(bad, TODAY), 'agenda.error.dateInvalid', bad);
    }
    assert.equal(parseDay('2028-02-29'), '2028-02-29', 'a leap day exists');
    assert.equal(parseDay('2027-02-29'), null);
  });

  test('a date in the past is refused, today and later are fine', () => {
    assert.equal(dueDateProblem('2026-03-11', TODAY), 'agenda.error.datePast');
    assert.equal(dueDateProblem('11-03-2026', TODAY), 'agenda.error.datePast');
    assert.equal(dueDateProblem(TODAY, TODAY), null);
    assert.equal(dueDateProblem('2026-03-13', TODAY), null);
    assert.equal(dueDateProblem('', TODAY), null, 'no date is fine');
    assert.equal(dueDateProblem('   ', TODAY), null);
  });

  test('an unchanged stored date that has passed is accepted when editing; another past date is not', () => {
    assert.equal(dueDateProblem('2025-01-10', TODAY, '2025-01-10'), null);
    assert.equal(dueDateProblem('10-01-2025', TODAY, '2025-01-10'), null, 'the same day typed another way');
    assert.equal(dueDateProblem('2025-01-11', TODAY, '2025-01-10'), 'agenda.error.datePast');
  });

  test('days are added across months and leap years', () => {
    assert.equal(addDays('2026-03-12', 6), '2026-03-18');
    assert.equal(addDays('2028-02-26', 6), '2028-03-03');
    assert.equal(addDays('2026-12-30', 6), '2027-01-05');
  });
});

describe('the milestone form', () => {
  const parse = (fields: Record<string, string>, stored: string | null = null) => parseForm(milestoneFormSchema({ today: TODAY, storedDueDate: stored }), fields);

  test('a date or a horizon, exactly one is kept', () => {
    const dated = parse({ title: 'Mijlpaal', domain: 'werk', timeframeKind: 'datum', dueDate: '31-12-2027', horizon: '5-jaar' });
    assert.ok(dated.ok);
    assert.equal(dated.data.dueDate, '2027-12-31');
    assert.equal(dated.data.horizon, null);
    const horizon = parse({ title: 'Mijlpaal', domain: 'werk', timeframeKind: 'termijn', dueDate: '2027-12-31', horizon: '5-jaar' });
    assert.ok(horizon.ok);
    assert.equal(horizon.data.dueDate, null);
    assert.equal(horizon.data.horizon, '5-jaar');
  });

  test('every problem is told at once, at its field', () => {
    const result = parse({ title: '  ', domain: 'elders', timeframeKind: 'datum', dueDate: '2027-02-30', description: 'x'.repeat(20_001) });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, {
      title: 'agenda.error.titleRequired',
      domain: 'agenda.error.domainRequired',
      description: 'agenda.error.descriptionTooLong',
      dueDate: 'agenda.error.dateInvalid',
    });
    assert.equal(result.values.description?.length, 20_001, 'the text is kept');
  });

  test('the chosen timeframe must be filled in', () => {
    const noDate = parse({ title: 'M', domain: 'zorg', timeframeKind: 'datum', dueDate: '' });
    assert.ok(!noDate.ok);
    assert.equal(noDate.errors.dueDate, 'agenda.error.dateRequired');
    const noHorizon = parse({ title: 'M', domain: 'zorg', timeframeKind: 'termijn', horizon: 'morgen' });
    assert.ok(!noHorizon.ok);
    assert.equal(noHorizon.errors.horizon, 'agenda.error.horizonRequired');
    const past = parse({ title: 'M', domain: 'zorg', timeframeKind: 'datum', dueDate: '2020-01-01' });
    assert.ok(!past.ok);
    assert.equal(past.errors.dueDate, 'agenda.error.datePast');
    assert.ok(parse({ title: 'M', domain: 'zorg', timeframeKind: 'datum', dueDate: '2020-01-01' }, '2020-01-01').ok, 'unchanged stored date');
  });

  test('without a radio choice a single filled-in field says what was meant', () => {
    assert.equal(timeframeKindOf('', '2027-01-01', ''), 'datum');
    assert.equal(timeframeKindOf('', '', 'nu'), 'termijn');
    assert.equal(timeframeKindOf('', '2027-01-01', 'nu'), null);
    assert.equal(timeframeKindOf('', '', ''), null);
    assert.equal(timeframeKindOf('termijn', '2027-01-01', ''), 'termijn');
  });
});

describe('owners', () => {
  test('the owner must take part in the workspace', () => {
    assert.equal(ownerProblem(null, ['a']), null, 'nobody yet');
    assert.equal(ownerProblem('a', ['a', 'b']), null);
    assert.equal(ownerProblem('c', ['a', 'b']), 'agenda.error.ownerNotMember');
  });

  test('someone who left may stay the owner of an action that already had them', () => {
    assert.equal(ownerProblem('c', ['a'], 'c'), null);
    assert.equal(ownerProblem('d', ['a'], 'c'), 'agenda.error.ownerNotMember');
  });

  test('the action form checks owner and date together', () => {
    const result = parseForm(actionFormSchema({ today: TODAY, memberIds: ['a'] }), { title: 'Bellen', ownerId: 'z', dueDate: '2020-01-01', status: 'bezig' });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, { ownerId: 'agenda.error.ownerNotMember', dueDate: 'agenda.error.datePast' });
    const ok = parseForm(actionFormSchema({ today: TODAY, memberIds: ['a'] }), { title: 'Bellen', ownerId: '', dueDate: '', status: 'gepland' });
    assert.ok(ok.ok);
    assert.equal(ok.data.ownerId, null);
    assert.equal(ok.data.dueDate, null);
    const badStatus = parseForm(actionFormSchema({ today: TODAY, memberIds: [] }), { title: 'Bellen', status: 'klaar' });
    assert.ok(!badStatus.ok);
    assert.equal(badStatus.errors.status, 'agenda.error.statusRequired');
  });
});

describe('dreams from the book', () => {
  test('timeframe texts become horizons', () => {
    const cases: Array<[string, string]> = [
      ['1 jaar', '1-jaar'],
      ['5 jaar', '5-jaar'],
      ['10 jaar', '10-jaar'],
      ['20 jaar', '20-jaar'],
      ['doorlopend', 'doorlopend'],
      ['Na 5 jaar', '5-jaar'],
      ['Na 15 jaar', '20-jaar'],
      ['Van af nu tot 10 jaar', '10-jaar'],
      ['Vanaf nu', 'nu'],
      ['Nu', 'nu'],
      ['een voortdurend proces', 'doorlopend'],
      ['Voortschrijdend proces', 'doorlopend'],
      ['niet gespecificeerd', 'doorlopend'],
    ];
    for (const [text, horizon] of cases) assert.equal(horizonFromTimeframe(text, 2026), horizon, text);
  });

  test('a year is compared with the current year', () => {
    assert.equal(horizonFromTimeframe('2016', 2026), 'nu', 'passed');
    assert.equal(horizonFromTimeframe('2026', 2026), 'nu', 'this year');
    assert.equal(horizonFromTimeframe('tot 2024', 2026), 'nu');
    assert.equal(horizonFromTimeframe('2027', 2026), '1-jaar');
    assert.equal(horizonFromTimeframe('2028', 2026), '5-jaar');
    assert.equal(horizonFromTimeframe('2031', 2026), '5-jaar');
    assert.equal(horizonFromTimeframe('2035', 2026), '10-jaar');
    assert.equal(horizonFromTimeframe('2040', 2026), '20-jaar');
    assert.equal(horizonFromTimeframe('2080', 2026), '20-jaar', 'beyond the last horizon');
    assert.equal(horizonForYears(0), 'nu');
    assert.equal(horizonForYears(11), '20-jaar');
  });

  test('every timeframe in the book that names a time is understood', () => {
    assert.equal(dreamChoices().length, 13);
    for (const dream of theBook().pack.dreams) {
      for (const m of dream.milestones) {
        if (/\d|\bnu\b/i.test(m.timeframe)) assert.notEqual(horizonFromTimeframe(m.timeframe, 2026), 'doorlopend', `${dream.number}: ${m.timeframe}`);
      }
    }
  });

  test('the book domain gives the default agenda domain', () => {
    assert.equal(defaultDomainForDream('Zorg'), 'zorg');
    assert.equal(defaultDomainForDream('Werk'), 'werk');
    assert.equal(defaultDomainForDream('Zorg en Werk'), 'werk');
    assert.equal(defaultDomainForDream('Algemeen'), 'mensen');
    assert.equal(defaultDomainForDream('iets anders'), 'mensen');
    assert.equal(defaultDomainForDream(null), 'mensen');
    const dreams = dreamChoices();
    assert.equal(dreams.find((d) => d.number === 3)?.defaultDomain, 'zorg');
    assert.equal(dreams.find((d) => d.number === 9)?.defaultDomain, 'werk');
    assert.equal(dreams.find((d) => d.number === 1)?.defaultDomain, 'mensen');
    // The book names no domain for dream 7, so none is shown and nothing is read into it.
    assert.equal(dreams.find((d) => d.number === 7)?.bookDomain, null);
    assert.equal(dreams.find((d) => d.number === 7)?.defaultDomain, 'mensen');
  });

  test('a long book text is cut at a word into a title', () => {
    assert.deepEqual(titleFromText('Kort'), { title: 'Kort', rest: false });
    const long = `${'woord '.repeat(60)}einde`;
    const cut = titleFromText(long);
    assert.ok(cut.rest);
    assert.ok(Array.from(cut.title).length <= 200, String(cut.title.length));
    assert.match(cut.title, /woord…$/);
  });
});

describe('my actions', () => {
  const action = (id: string, dueDate: string | null): MyAction => ({
    id,
    title: `Actie ${id}`,
    status: 'gepland',
    dueDate,
    workspaceId: 'w',
    workspaceName: 'Werkboek',
    milestoneId: 'm',
    milestoneTitle: 'Mijlpaal',
  });

  test('are grouped as late, this week (today and six days on), later and without a date', () => {
    const groups = groupMyActions(
      [action('later', '2026-03-19'), action('weekEnd', '2026-03-18'), action('today', TODAY), action('late', '2026-03-11'), action('none', null), action('bad', '2026-02-30')],
      TODAY,
    );
    assert.deepEqual(
      groups.overdue.map((a) => a.id),
      ['late'],
    );
    assert.deepEqual(
      groups.thisWeek.map((a) => a.id),
      ['today', 'weekEnd'],
    );
    assert.deepEqual(
      groups.later.map((a) => a.id),
      ['later'],
    );
    assert.deepEqual(
      groups.noDate.map((a) => a.id),
      ['none', 'bad'],
    );
  });
});

describe('history', () => {
  test('says which fields changed between two versions', () => {
    const before = { title: 'A', description: 'x', milestoneId: 'm', ownerId: null, dueDate: null, status: 'gepland', support: '', headwind: '', position: 1 };
    const after = { ...before, status: 'bezig', ownerId: 'u' };
    assert.deepEqual(diffSnapshots('action', before, after), [
      { field: 'ownerId', from: null, to: 'u' },
      { field: 'status', from: 'gepland', to: 'bezig' },
    ]);
  });

  test('a milestone date and horizon are one timeframe', () => {
    const before = { title: 'M', description: '', domain: 'werk', dueDate: null, horizon: '5-jaar', position: 1, celebrationPlan: '', reachedAt: null, celebrationNote: null, sourceDream: null };
    const after = { ...before, dueDate: '2027-12-31', horizon: null };
    assert.deepEqual(diffSnapshots('milestone', before, after), [{ field: 'timeframe', from: '5-jaar', to: '2027-12-31' }]);
  });
});
