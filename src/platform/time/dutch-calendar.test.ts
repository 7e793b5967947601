import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dutchToday, isCalendarDate } from './dutch-calendar.js';

test("today is the Dutch calendar day, not UTC's", () => {
  assert.equal(dutchToday(new Date('2026-01-14T23:30:00Z')), '2026-01-15', 'half past midnight in winter');
  assert.equal(dutchToday(new Date('2026-07-14T22:30:00Z')), '2026-07-15', 'half past midnight in summer');
  assert.equal(dutchToday(new Date('2026-07-14T21:30:00Z')), '2026-07-14');
});

test('a calendar date is a real day in YYYY-MM-DD', () => {
  assert.equal(isCalendarDate('2028-02-29'), true, 'a leap day');
  assert.equal(isCalendarDate('2027-02-29'), false, 'no leap day in 2027');
  assert.equal(isCalendarDate('2027-02-30'), false);
  assert.equal(isCalendarDate('2027-2-3'), false, 'two digits for month and day');
  assert.equal(isCalendarDate('3-2-2027'), false, 'not the Dutch written order');
});
