/**
 * The Survey table's row layout (storage/surveyRows.ts): a member's drafts live in their participant
 * row, so an answered card is one single-entity write; draft rows of the earlier layout (one row per
 * draft) are still read, and a newer draft in the participant row wins over them.
 */
import assert from 'node:assert/strict';
import type { Participant } from '../../domain/survey/round';
import { MemberDraftCache } from '../../storage/draftCache';
import { PrivacyRepository } from '../../storage/privacy';
import { SurveyConflictError, SurveyRepository, userKey } from '../../storage/survey';
import { draftProperty } from '../../storage/surveyRows';
import type { Tables } from '../../storage/tables';
import { freshTables } from '../support/azurite';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';

describe('Survey rows: drafts in the participant row', function () {
  this.timeout(30_000);
  let tables: Tables;
  let survey: SurveyRepository;
  const participant = (userId: string): Participant => ({ userId, channelUserId: `29:${userId}`, name: userId, position: 'intro', nudges: [] });

  beforeEach(async () => {
    tables = await freshTables();
    survey = new SurveyRepository(tables.client('Survey'), new MemberDraftCache({ maxEntries: 10, ttlMs: 60_000, now: () => 0 }));
  });

  const newRound = (userIds: string[]) =>
    survey.createRound(
      { tenantId: 't', centreId: 'c', schoolYear: '2026-2027', deadline: '2026-12-18', visibility: 'anoniem', createdBy: 'd', createdAt: new Date('2026-11-17T09:00:00Z') },
      userIds.map(participant),
    );
  const rowsOf = async (roundId: string) => {
    const rows: Array<Record<string, unknown> & { rowKey: string }> = [];
    for await (const row of tables.client('Survey').listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${roundId}'` } })) rows.push(row as (typeof rows)[number]);
    return rows;
  };

  it('stores an answer and the new position together in the member’s one row', async () => {
    const round = await newRound(['ann']);
    const draft = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    await survey.saveBouwsteenDraft(draft, '4.1', validBouwsteenForm({ choiceNote: 'eerste' }), true, '4.2');
    const fresh = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    await survey.saveClosingDraft(fresh, validClosingForm(), true, 'confirm');
    const rows = await rowsOf(round.roundId);
    assert.deepEqual(rows.map((r) => r.rowKey).sort(), ['!round', `${userKey('ann')}~p`], 'no row besides the round and the participant');
    const stored = (await new SurveyRepository(tables.client('Survey')).getMemberDraft(round.roundId, 'ann'))!;
    assert.equal(stored.participant.position, 'confirm');
    assert.equal(stored.bouwstenen['4.1']?.form.choiceNote, 'eerste');
    assert.equal(stored.bouwstenen['4.1']?.version, 1);
    assert.equal(stored.closing?.complete, true);
  });

  it('keeps the drafts when the participant row is updated (submission, reminders)', async () => {
    const round = await newRound(['ann']);
    const draft = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    await survey.saveBouwsteenDraft(draft, '4.1', validBouwsteenForm({ choiceNote: 'blijft' }), true, 'overview');
    const fresh = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    await survey.saveParticipant(round.roundId, { ...fresh.participant, submittedAt: '2026-11-20T10:00:00.000Z' }, fresh.etags.participant);
    await survey.saveParticipant(round.roundId, { ...fresh.participant, lastNudgedAt: '2026-11-21T10:00:00.000Z' });
    const stored = (await new SurveyRepository(tables.client('Survey')).getMemberDraft(round.roundId, 'ann'))!;
    assert.equal(stored.bouwstenen['4.1']?.form.choiceNote, 'blijft');
    assert.equal(stored.participant.lastNudgedAt, '2026-11-21T10:00:00.000Z');
  });

  it('writes nothing from a draft read before another change of the member', async () => {
    const round = await newRound(['ann']);
    const old = (await new SurveyRepository(tables.client('Survey')).getMemberDraft(round.roundId, 'ann'))!;
    const current = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    await survey.saveBouwsteenDraft(current, '4.2', validBouwsteenForm({ choiceNote: 'nieuw' }), true, '4.3');
    await assert.rejects(survey.saveBouwsteenDraft(old, '4.1', validBouwsteenForm({ choiceNote: 'oud' }), true, '4.2'), SurveyConflictError);
    const stored = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    assert.equal(stored.bouwstenen['4.1'], undefined, 'the stale write left nothing');
    assert.equal(stored.participant.position, '4.3', 'nor moved the member');
  });

  it('still reads draft rows of the earlier layout, and a newer draft in the participant row wins', async () => {
    const round = await newRound(['ann', 'bert']);
    const table = tables.client('Survey');
    const legacy = (userId: string, bouwsteenId: string, choiceNote: string, stadium: string) =>
      table.createEntity({ partitionKey: round.roundId, rowKey: `${userKey(userId)}~b~${bouwsteenId}`, kind: 'answer', form: JSON.stringify(validBouwsteenForm({ choiceNote, stadium })), complete: true, version: 1 });
    await legacy('ann', '4.1', 'oude rij', '2');
    await legacy('ann', '4.2', 'blijft uit de oude rij', '3');
    await legacy('bert', '4.1', 'van bert', '4');
    const read = (await survey.getMemberDraft(round.roundId, 'ann'))!;
    assert.equal(read.bouwstenen['4.1']?.form.choiceNote, 'oude rij');
    assert.equal(read.bouwstenen['4.1']?.version, 1);
    await survey.saveBouwsteenDraft(read, '4.1', validBouwsteenForm({ choiceNote: 'nieuw', stadium: '1' }), true, '4.2');

    const drafts = await new SurveyRepository(table).listDrafts(round.roundId);
    const ann = drafts.find((d) => d.participant.userId === 'ann')!;
    assert.equal(ann.bouwstenen['4.1']?.form.choiceNote, 'nieuw', 'version 2 in the participant row wins over the old row');
    assert.equal(ann.bouwstenen['4.1']?.version, 2);
    assert.equal(ann.bouwstenen['4.2']?.form.choiceNote, 'blijft uit de oude rij');
    assert.equal(drafts.find((d) => d.participant.userId === 'bert')!.bouwstenen['4.1']?.form.choiceNote, 'van bert');
    const annRow = (await rowsOf(round.roundId)).find((r) => r.rowKey === `${userKey('ann')}~p`)!;
    assert.equal(typeof annRow[draftProperty('4.1')], 'string');

    // Retention counts each member's answer once: Ann's 4.1 at its newest stadium, not also the old row's.
    const stored = (await survey.getRound(round.roundId))!;
    const { etag, ...plain } = stored;
    await survey.saveRound({ ...plain, status: 'closed', closedAt: '2026-12-19T10:00:00.000Z' }, etag);
    const privacy = new PrivacyRepository(table);
    await privacy.purgeRound((await survey.getRound(round.roundId))!, new Date('2029-01-01T03:30:00Z'));
    assert.deepEqual((await privacy.retainedOf(round.roundId))?.stadia, { '4.1': [1, 0, 0, 1], '4.2': [0, 0, 1, 0] });
  });
});
