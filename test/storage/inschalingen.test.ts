import assert from 'node:assert/strict';
import { BOUWSTEEN_IDS } from '../../domain/catalogue/types';
import { proposedStadia } from '../../domain/survey/consolidate';
import { consolidateDrafts } from '../../domain/survey/fromDrafts';
import { REASON_MAX_LENGTH, buildInschaling, confirmationFields, validateConfirmation, type Inschaling } from '../../domain/result/inschaling';
import { InschalingConflictError, InschalingRepository } from '../../storage/inschalingen';
import { freshTables } from '../support/azurite';
import { longText, testRound, workedDrafts } from '../fixtures/resultFixtures';

function inschalingFor(schoolYear: '2024-2025' | '2025-2026' | '2026-2027', centreId = 'centre-1', previous?: Inschaling): Inschaling {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const proposals = proposedStadia(result);
  const form: Record<string, string> = {};
  for (const id of BOUWSTEEN_IDS) {
    form[confirmationFields(id).stadium] = String(proposals[id]);
    // The longest reasons, with multi-byte characters: the row must still fit.
    form[confirmationFields(id).reason] = longText(REASON_MAX_LENGTH, `reden ${id}`);
  }
  const validation = validateConfirmation(form, proposals);
  assert.ok(validation.ok);
  return buildInschaling({
    tenantId: 'tenant~1',
    centreId,
    schoolYear,
    roundId: `round-${schoolYear}`,
    visibility: 'anoniem',
    result,
    choices: validation.choices,
    ...(previous ? { previous } : {}),
    actor: { userId: 'director', name: 'Diane Directeur' },
    now: new Date('2026-12-01T09:00:00Z'),
  });
}

describe('InschalingRepository (Azurite)', () => {
  let repo: InschalingRepository;
  before(async () => {
    repo = new InschalingRepository((await freshTables()).client('Inschalingen'));
  });

  it('stores and reads a whole confirmation, with the longest reasons, in one row', async () => {
    const inschaling = inschalingFor('2025-2026');
    await repo.save(inschaling);
    const stored = await repo.get('tenant~1', 'centre-1', '2025-2026');
    assert.ok(stored?.etag);
    const { etag: _etag, ...rest } = stored!;
    assert.deepEqual(rest, inschaling);
  });

  it('refuses a second first confirmation and a write with an old ETag', async () => {
    await assert.rejects(repo.save(inschalingFor('2025-2026')), InschalingConflictError);
    const stored = (await repo.get('tenant~1', 'centre-1', '2025-2026'))!;
    await repo.save({ ...stored, published: true, publishedAt: '2026-12-02T09:00:00.000Z' }, stored.etag);
    await assert.rejects(repo.save({ ...stored, published: false }, stored.etag), InschalingConflictError);
    assert.equal((await repo.get('tenant~1', 'centre-1', '2025-2026'))?.published, true);
  });

  it('finds the latest confirmed, the one before a year, the latest published, and the priorities', async () => {
    await repo.save(inschalingFor('2024-2025'));
    await repo.save(inschalingFor('2026-2027'));
    assert.equal((await repo.latestConfirmed('tenant~1', 'centre-1'))?.schoolYear, '2026-2027');
    assert.equal((await repo.latestConfirmed('tenant~1', 'centre-1', { before: '2026-2027' }))?.schoolYear, '2025-2026');
    assert.equal((await repo.latestConfirmed('tenant~1', 'centre-1', { before: '2024-2025' })), undefined);
    assert.equal((await repo.latestPublished('tenant~1', 'centre-1'))?.schoolYear, '2025-2026');
    const { confirmedPriorities } = repo;
    assert.deepEqual(await confirmedPriorities('tenant~1', 'centre-1'), ['6.4', '4.3', '5.1', '6.1', '5.3']);
    assert.equal(await confirmedPriorities('tenant~1', 'other-centre'), undefined);
  });
});
