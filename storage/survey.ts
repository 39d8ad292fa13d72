/**
 * Rounds, participants and drafts on the `Survey` table.
 *
 * PartitionKey = roundId: a round is one partition, so a member's rows are read in one query. The
 * row layout is in storage/surveyRows.ts: a member's drafts live in their participant row, so an
 * answered card is one single-entity write, checked against that row's ETag.
 * Each draft has a version that the card carries: a stale card (older version) never overwrites.
 * The round of a centre is found through Centres.openRoundId; past rounds through `listByCentre`.
 */
import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { BouwsteenId } from '../domain/catalogue/types';
import {
  participantSchema,
  roundSchema,
  type MemberDraft,
  type Participant,
  type Round,
  type StoredBouwsteenDraft,
  type StoredClosingDraft,
} from '../domain/survey/round';
import { bouwsteenFormSchema, closingFormSchema, type BouwsteenForm, type ClosingForm } from '../domain/survey/validate';
import type { MemberDraftCache } from './draftCache';
import type { MemberDraftWithEtags } from './memberDraft';
import { isConflict, isNotFound, odataString } from './tables';
import {
  CLOSING_PROPERTY,
  ROUND_ROW,
  draftProperty,
  encodeDraft,
  participantRowKey,
  rawDraftsOf,
  userKey,
  userKeyOfRow,
  type SurveyRow as Row,
} from './surveyRows';

export { userKey } from './surveyRows';

function participantRow(roundId: string, p: Participant) {
  return {
    partitionKey: roundId,
    rowKey: participantRowKey(userKey(p.userId)),
    kind: 'participant',
    ...p,
    nudges: JSON.stringify(p.nudges),
    invitedAt: p.invitedAt ?? '',
    inviteFailure: p.inviteFailure ?? '',
    submittedAt: p.submittedAt ?? '',
    reopenedAt: p.reopenedAt ?? '',
    lastNudgedAt: p.lastNudgedAt ?? '',
  };
}

const emptyToUndefined = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? undefined : v]));

function toParticipant(row: Row): Participant {
  return participantSchema.parse({ ...emptyToUndefined(row), nudges: JSON.parse(String(row.nudges || '[]')) });
}

function toRound(row: Row): Round {
  return roundSchema.parse(emptyToUndefined(row));
}

/** The version a row has, with its ETag, so a write can check nobody changed it meanwhile. */
export interface Versioned {
  version: number;
  etag?: string;
}

export class SurveyConflictError extends Error {
  constructor() {
    super('The draft was changed by another request');
    this.name = 'SurveyConflictError';
  }
}

export class SurveyRepository {
  /** `drafts`: this instance's cache of members' drafts (storage/draftCache.ts), when it keeps one. */
  constructor(
    private readonly table: TableClient,
    private readonly drafts?: MemberDraftCache,
  ) {}

  async createRound(input: Omit<Round, 'roundId' | 'status' | 'createdAt'> & { createdAt: Date }, participants: Participant[]): Promise<Round> {
    const round: Round = { ...input, roundId: randomUUID(), status: 'open', createdAt: input.createdAt.toISOString() };
    const actions: TransactionAction[] = [
      ['create', { partitionKey: round.roundId, rowKey: ROUND_ROW, kind: 'round', ...round, closedAt: '' }],
      ...participants.map((p): TransactionAction => ['create', participantRow(round.roundId, p)]),
    ];
    for (let i = 0; i < actions.length; i += 100) await this.table.submitTransaction(actions.slice(i, i + 100));
    return round;
  }

  async getRound(roundId: string): Promise<(Round & { etag: string }) | undefined> {
    try {
      const row = await this.table.getEntity<Row>(roundId, ROUND_ROW);
      return { ...toRound(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Saves the round (with its ETag) and, in the same transactions, touches every participant row:
   * their new ETags make any instance's cached drafts of this round fail their next write, so a
   * closed round is seen everywhere at once.
   */
  async saveRound(round: Round, etag: string): Promise<void> {
    const participantKeys: string[] = [];
    const filter = `PartitionKey eq ${odataString(round.roundId)} and kind eq 'participant'`;
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter, select: ['RowKey'] } })) participantKeys.push(row.rowKey);
    const actions: TransactionAction[] = [
      ['update', { partitionKey: round.roundId, rowKey: ROUND_ROW, kind: 'round', ...round, closedAt: round.closedAt ?? '' }, 'Replace', { etag }],
      ...participantKeys.map((rowKey): TransactionAction => ['update', { partitionKey: round.roundId, rowKey }, 'Merge']),
    ];
    for (let i = 0; i < actions.length; i += 100) await this.table.submitTransaction(actions.slice(i, i + 100));
  }

  /** Every round of a centre, newest first (rounds are few: a scan of round rows is fine). */
  async listByCentre(tenantId: string, centreId: string): Promise<Round[]> {
    const filter = `RowKey eq ${odataString(ROUND_ROW)} and tenantId eq ${odataString(tenantId)} and centreId eq ${odataString(centreId)}`;
    const rounds: Round[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) rounds.push(toRound(row));
    return rounds.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * One query: the round and this member's rows (their participant row, which holds their drafts).
   * With `allowCached`, this instance's cached copy when it has one (no request): only for a caller
   * that writes next and decides again on a fresh read when that write or any refusal could stem
   * from a stale copy.
   */
  async getMemberDraft(roundId: string, userId: string, options: { allowCached?: boolean } = {}): Promise<MemberDraftWithEtags | undefined> {
    if (options.allowCached) {
      const cached = this.drafts?.get(roundId, userId);
      if (cached) return cached;
    }
    const key = userKey(userId);
    const filter =
      `PartitionKey eq ${odataString(roundId)} and ` +
      `((RowKey ge ${odataString(`${key}~`)} and RowKey lt ${odataString(`${key}~~`)}) or RowKey eq ${odataString(ROUND_ROW)})`;
    let round: Round | undefined;
    let participantRowOf: Row | undefined;
    const memberRows: Row[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      if (row.rowKey === ROUND_ROW) round = toRound(row);
      else {
        memberRows.push(row);
        if (row.rowKey === participantRowKey(key)) participantRowOf = row;
      }
    }
    if (!round || !participantRowOf) {
      this.drafts?.delete(roundId, userId);
      return undefined;
    }
    const draft: MemberDraftWithEtags = { round, participant: toParticipant(participantRowOf), ...draftsOf(key, memberRows), etags: { participant: participantRowOf.etag } };
    this.drafts?.set(draft);
    return draft;
  }

  /**
   * Saves a bouwsteen draft and the member's new position in one single-entity write to their
   * participant row, checked against the ETag `draft` was read with: if anything of the member or
   * the round changed since, nothing is written (SurveyConflictError).
   */
  async saveBouwsteenDraft(
    draft: MemberDraftWithEtags,
    bouwsteenId: BouwsteenId,
    form: BouwsteenForm,
    complete: boolean,
    position: string,
  ): Promise<StoredBouwsteenDraft> {
    const version = (draft.bouwstenen[bouwsteenId]?.version ?? 0) + 1;
    const saved: StoredBouwsteenDraft = { bouwsteenId, form, complete, version };
    await this.writeDraft(draft, position, draftProperty(bouwsteenId), encodeDraft(saved), (stored) => {
      stored.bouwstenen[bouwsteenId] = saved;
    });
    return saved;
  }

  async saveClosingDraft(draft: MemberDraftWithEtags, form: ClosingForm, complete: boolean, position: string): Promise<StoredClosingDraft> {
    const version = (draft.closing?.version ?? 0) + 1;
    const saved: StoredClosingDraft = { form, complete, version };
    await this.writeDraft(draft, position, CLOSING_PROPERTY, encodeDraft(saved), (stored) => {
      stored.closing = saved;
    });
    return saved;
  }

  /** Updates a participant row (position, submitted, reopened, invitation outcome), with its ETag. */
  async saveParticipant(roundId: string, participant: Participant, etag?: string): Promise<void> {
    try {
      // Merge: the row also holds the member's drafts, which a participant update leaves as they are.
      if (etag) {
        const written = await this.table.updateEntity(participantRow(roundId, participant), 'Merge', { etag });
        this.drafts?.updateParticipant(roundId, participant, etag, written.etag);
      } else {
        this.drafts?.delete(roundId, participant.userId);
        await this.table.upsertEntity(participantRow(roundId, participant), 'Merge');
      }
    } catch (error) {
      this.drafts?.delete(roundId, participant.userId);
      if (isConflict(error)) throw new SurveyConflictError();
      throw error;
    }
  }

  async listParticipants(roundId: string): Promise<Array<Participant & { etag: string }>> {
    const filter = `PartitionKey eq ${odataString(roundId)} and kind eq 'participant'`;
    const result: Array<Participant & { etag: string }> = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push({ ...toParticipant(row), etag: row.etag });
    return result.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** Every participant with their drafts: for progress and consolidation (one partition query). */
  async listDrafts(roundId: string): Promise<MemberDraft[]> {
    const round = await this.getRound(roundId);
    if (!round) return [];
    const rowsByUser = new Map<string, Row[]>();
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq ${odataString(roundId)}` } })) {
      const key = userKeyOfRow(row.rowKey);
      if (key === undefined) continue;
      const rows = rowsByUser.get(key) ?? [];
      rows.push(row);
      rowsByUser.set(key, rows);
    }
    const drafts: MemberDraft[] = [];
    for (const [key, rows] of rowsByUser) {
      const participantRowOf = rows.find((row) => row.rowKey === participantRowKey(key) && row.kind === 'participant');
      if (participantRowOf) drafts.push({ round, participant: toParticipant(participantRowOf), ...draftsOf(key, rows) });
    }
    return drafts.sort((a, b) => a.participant.name.localeCompare(b.participant.name, 'nl'));
  }

  /** Drops this instance's cached copy of a member's draft (after their rows were erased elsewhere). */
  forgetCachedDraft(roundId: string, userId: string): void {
    this.drafts?.delete(roundId, userId);
  }

  /** Removes every row of one member in a round (erasure on request). */
  async deleteMember(roundId: string, userId: string): Promise<number> {
    this.drafts?.delete(roundId, userId);
    const key = userKey(userId);
    const filter = `PartitionKey eq ${odataString(roundId)} and RowKey ge ${odataString(`${key}~`)} and RowKey lt ${odataString(`${key}~~`)}`;
    const actions: TransactionAction[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) actions.push(['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]);
    for (let i = 0; i < actions.length; i += 100) await this.table.submitTransaction(actions.slice(i, i + 100));
    return actions.length;
  }

  /**
   * The one write of an answered card: the draft property and the position, merged into the
   * member's participant row if its ETag is still the one `draft` was read with. A failed ETag
   * check, or a row that is gone (erased), is a SurveyConflictError: the caller reads again.
   */
  private async writeDraft(draft: MemberDraftWithEtags, position: string, property: string, value: string, apply: (stored: MemberDraftWithEtags) => void): Promise<void> {
    const { roundId } = draft.round;
    const { userId } = draft.participant;
    let etag: string | undefined;
    try {
      const entity = { partitionKey: roundId, rowKey: participantRowKey(userKey(userId)), position, [property]: value };
      etag = (await this.table.updateEntity(entity, 'Merge', { etag: draft.etags.participant })).etag;
    } catch (error) {
      this.drafts?.delete(roundId, userId);
      if (isConflict(error) || isNotFound(error)) throw new SurveyConflictError();
      throw error;
    }
    if (!this.drafts) return;
    // The caller's draft becomes the cached copy (no clone: the cache hands out copies on `get`).
    const { fromCache: _ignored, ...current } = draft;
    const stored = { ...current, bouwstenen: { ...current.bouwstenen }, participant: { ...current.participant, position } };
    apply(stored);
    // A response without an ETag (not seen in Azure or Azurite) leaves nothing to check against.
    if (etag) this.drafts.set({ ...stored, etags: { participant: etag } }, { owned: true });
    else this.drafts.delete(roundId, userId);
  }
}

/** A member's drafts from their rows, with every form checked. */
function draftsOf(key: string, rows: Row[]): Pick<MemberDraft, 'bouwstenen' | 'closing'> {
  const raw = rawDraftsOf(key, rows);
  const bouwstenen: MemberDraft['bouwstenen'] = {};
  for (const [id, draft] of Object.entries(raw.bouwstenen) as Array<[BouwsteenId, NonNullable<(typeof raw.bouwstenen)[BouwsteenId]>]>) {
    bouwstenen[id] = { bouwsteenId: id, form: bouwsteenFormSchema.parse(draft.form), complete: draft.complete, version: draft.version };
  }
  const closing = raw.closing ? { form: closingFormSchema.parse(raw.closing.form), complete: raw.closing.complete, version: raw.closing.version } : undefined;
  return closing ? { bouwstenen, closing } : { bouwstenen };
}
