import assert from 'node:assert/strict';
import { createDigestSources } from '../../bot/digestSources';
import type { Round } from '../../domain/survey/round';

const TENANT = 't-1';
const round = (over: Partial<Round> = {}): Round & { etag: string } => ({
  roundId: 'r-1',
  tenantId: TENANT,
  centreId: 'c-1',
  schoolYear: '2025-2026',
  deadline: '2026-06-05',
  visibility: 'anoniem',
  status: 'open',
  createdBy: 'u-dirk',
  createdAt: '2026-05-01T08:00:00.000Z',
  etag: 'e',
  ...over,
});
const participants = [
  { userId: 'u-a', channelUserId: '29:a', name: 'A', position: 'confirm', nudges: [], submittedAt: '2026-05-02T08:00:00.000Z', etag: 'e' },
  { userId: 'u-b', channelUserId: '29:b', name: 'B', position: '4.2', nudges: [], etag: 'e' },
  { userId: 'u-c', channelUserId: '29:c', name: 'C', position: 'intro', nudges: [], etag: 'e' },
];

function sources(found: Round & { etag: string }, openRoundId: string | null = 'r-1') {
  return createDigestSources({
    centres: { getCentre: async (_t, centreId) => ({ centreId, tenantId: TENANT, name: 'X', network: 'GO! CLB', networkOptIn: false, createdAt: '', createdBy: '', etag: 'e', ...(openRoundId ? { openRoundId } : {}) }) },
    survey: { getRound: async () => found, listParticipants: async () => participants },
    plans: { getPlan: async () => undefined },
    inschalingen: { confirmedPriorities: async (t, c) => (t === TENANT && c === 'c-1' ? ['6.1', '5.1'] : undefined) },
  });
}

describe('Digest sources wired to the plan, inschaling and survey storage', () => {
  it('gives the open round as counts, and the stragglers by user id only', async () => {
    const s = sources(round());
    assert.deepEqual(await s.openRound(TENANT, 'c-1'), { deadline: '2026-06-05', participants: 3, finished: 1 });
    assert.deepEqual(await s.roundStragglers(TENANT, 'c-1'), { roundId: 'r-1', deadline: '2026-06-05', unfinished: ['u-b', 'u-c'] });
    assert.deepEqual(await s.priorities(TENANT, 'c-1'), ['6.1', '5.1']);
    assert.equal(await s.plan(TENANT, 'c-1'), undefined);
  });

  it('gives nothing for a closed round, a round of another centre, or no open round', async () => {
    assert.equal(await sources(round({ status: 'closed' })).openRound(TENANT, 'c-1'), undefined);
    assert.equal(await sources(round({ centreId: 'c-2' })).roundStragglers(TENANT, 'c-1'), undefined);
    assert.equal(await sources(round(), null).openRound(TENANT, 'c-1'), undefined);
  });
});
