import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createTeamSchema } from './teams.schemas.js';
import { invitationPath, invitationStatus, isTeamRole, toRole, wouldLeaveNoFacilitator } from './teams.service.js';

describe('teams rules', () => {
  test('a team always keeps at least one facilitator', () => {
    assert.equal(wouldLeaveNoFacilitator(1, 'facilitator', null), true, 'the only facilitator leaves');
    assert.equal(wouldLeaveNoFacilitator(1, 'facilitator', 'member'), true, 'the only facilitator steps down');
    assert.equal(wouldLeaveNoFacilitator(1, 'facilitator', 'facilitator'), false, 'no change');
    assert.equal(wouldLeaveNoFacilitator(2, 'facilitator', null), false);
    assert.equal(wouldLeaveNoFacilitator(2, 'facilitator', 'member'), false);
    assert.equal(wouldLeaveNoFacilitator(1, 'member', null), false, 'a member may always leave');
    assert.equal(wouldLeaveNoFacilitator(0, 'member', 'facilitator'), false);
  });

  test('invitation status: e-mail invitations work once, links until they expire or are revoked', () => {
    const now = '2025-03-10T12:00:00.000Z';
    const base = { email: null, expiresAt: '2025-03-11T00:00:00.000Z', acceptedAt: null, revokedAt: null };
    assert.equal(invitationStatus(base, now), 'open');
    assert.equal(invitationStatus({ ...base, expiresAt: now }, now), 'expired', 'expired at the exact moment');
    assert.equal(invitationStatus({ ...base, revokedAt: '2025-03-09T00:00:00.000Z' }, now), 'revoked');
    assert.equal(invitationStatus({ ...base, acceptedAt: '2025-03-09T00:00:00.000Z' }, now), 'open', 'a link can be used again');
    assert.equal(invitationStatus({ ...base, email: 'a@example.org', acceptedAt: '2025-03-09T00:00:00.000Z' }, now), 'used');
    assert.equal(
      invitationStatus({ ...base, email: 'a@example.org', acceptedAt: '2025-03-09T00:00:00.000Z', revokedAt: '2025-03-09T00:00:00.000Z' }, now),
      'revoked',
    );
  });

  test('roles: unknown values never grant facilitator rights', () => {
    assert.equal(toRole('facilitator'), 'facilitator');
    assert.equal(toRole('member'), 'member');
    assert.equal(toRole('admin'), 'member');
    assert.equal(isTeamRole('facilitator'), true);
    assert.equal(isTeamRole('owner'), false);
  });

  test('invitation links live under /teams/uitnodiging/', () => {
    assert.equal(invitationPath('abc'), '/teams/uitnodiging/abc');
  });

  test('the team form trims, requires a name and purpose and treats an empty region as none', () => {
    const ok = createTeamSchema.safeParse({ name: '  Team  ', regionSlug: '', purpose: ' Doel ' });
    assert.ok(ok.success);
    assert.deepEqual(ok.data, { name: 'Team', regionSlug: null, purpose: 'Doel' });
    const tooLong = createTeamSchema.safeParse({ name: 'x'.repeat(121), purpose: 'Doel' });
    assert.equal(tooLong.success, false);
    assert.equal(tooLong.error?.issues[0]?.message, 'teams.error.nameTooLong');
    assert.equal(createTeamSchema.safeParse({ name: 'x'.repeat(120), purpose: 'Doel' }).success, true);
    const multiline = createTeamSchema.safeParse({ name: 'Team\r\nBcc: x@example.org', purpose: 'Regel 1\nRegel 2' });
    assert.equal(multiline.data?.name, 'Team Bcc: x@example.org', 'a name is always one line');
    assert.equal(multiline.data?.purpose, 'Regel 1\nRegel 2', 'the purpose keeps its lines');
    assert.equal(createTeamSchema.safeParse({ name: ' \n ', purpose: 'Doel' }).error?.issues[0]?.message, 'error.required');
  });
});
