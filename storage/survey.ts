/**
 * Rounds, participants and drafts on the `Survey` table.
 *
 * PartitionKey = roundId: a round is one partition, so a member's answers can be read in one query
 * and written together in one entity-group transaction (batch).
 * RowKeys:
 *   `!round`             the round itself
 *   `<user>~p`           a participant (position, invitation, submitted)
 *   `<user>~b~<id>`      a draft answer for one bouwsteen (form as entered, complete flag, version)
 *   `<user>~c`           the closing questions' draft
 * `<user>` is the encoded user id; all of a member's rows sort within [`<user>~`, `<user>~~`).
 * Each draft row has a version that the card carries: a stale card (older version) never overwrites.
 * The round of a centre is found through Centres.openRoundId; past rounds through `listByCentre`.
 */
import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
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
import { isConflict, isNotFound, keyPart, odataString } from './tables';

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

const ROUND_ROW = '!round';

export function userKey(userId: string): string {
  return keyPart(userId).replace(/~/g, '%7E');
}

function participantRow(roundId: string, p: Participant) {
  return {
    partitionKey: roundId,
    rowKey: `${userKey(p.userId)}~p`,
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
   * One query: the round, this member's participant row and all their drafts. With `allowCached`,
   * this instance's cached copy when it has one (no request): only for a caller that writes next and
   * decides again on a fresh read when that write or any refusal could stem from a stale copy.
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
    let participant: Participant | undefined;
    let participantEtag = '';
    const bouwstenen: MemberDraft['bouwstenen'] = {};
    const bouwsteenEtags: Partial<Record<BouwsteenId, string>> = {};
    let closing: StoredClosingDraft | undefined;
    let closingEtag: string | undefined;
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      if (row.rowKey === ROUND_ROW) round = toRound(row);
      else if (row.rowKey === `${key}~p`) {
        participant = toParticipant(row);
        participantEtag = row.etag;
      } else if (row.rowKey === `${key}~c`) {
        closing = { form: closingFormSchema.parse(JSON.parse(String(row.form))), complete: Boolean(row.complete), version: Number(row.version) };
        closingEtag = row.etag;
      } else if (row.rowKey.startsWith(`${key}~b~`)) {
        const id = row.rowKey.slice(`${key}~b~`.length) as BouwsteenId;
        if (!BOUWSTEEN_IDS.includes(id)) continue;
        bouwstenen[id] = { bouwsteenId: id, form: bouwsteenFormSchema.parse(JSON.parse(String(row.form))), complete: Boolean(row.complete), version: Number(row.version) };
        bouwsteenEtags[id] = row.etag;
      }
    }
    if (!round || !participant) {
      this.drafts?.delete(roundId, userId);
      return undefined;
    }
    const draft = { round, participant, bouwstenen, closing, etags: { participant: participantEtag, bouwstenen: bouwsteenEtags, closing: closingEtag } };
    this.drafts?.set(draft);
    return draft;
  }

  /**
   * Saves a bouwsteen draft and the member's new position in one transaction. `expected` is the
   * draft the card was rendered from: if the stored row changed since, nothing is written.
   */
  async saveBouwsteenDraft(
    draft: MemberDraftWithEtags,
    bouwsteenId: BouwsteenId,
    form: BouwsteenForm,
    complete: boolean,
    position: string,
  ): Promise<StoredBouwsteenDraft> {
    const key = userKey(draft.participant.userId);
    const existing = draft.bouwstenen[bouwsteenId];
    const version = (existing?.version ?? 0) + 1;
    const row = { partitionKey: draft.round.roundId, rowKey: `${key}~b~${bouwsteenId}`, kind: 'answer', form: JSON.stringify(form), complete, version };
    const etag = draft.etags.bouwstenen[bouwsteenId];
    const participant = { ...draft.participant, position };
    const actions: TransactionAction[] = [
      existing && etag ? ['update', row, 'Replace', { etag }] : ['create', row],
      ['update', participantRow(draft.round.roundId, participant), 'Replace', { etag: draft.etags.participant }],
    ];
    const [rowEtag = '', participantEtag = ''] = await this.submit(draft, actions);
    const saved = { bouwsteenId, form, complete, version };
    this.remember(draft, (stored) => {
      stored.bouwstenen[bouwsteenId] = saved;
      stored.etags.bouwstenen[bouwsteenId] = rowEtag;
      stored.participant = participant;
      stored.etags.participant = participantEtag;
    });
    return saved;
  }

  async saveClosingDraft(draft: MemberDraftWithEtags, form: ClosingForm, complete: boolean, position: string): Promise<StoredClosingDraft> {
    const key = userKey(draft.participant.userId);
    const version = (draft.closing?.version ?? 0) + 1;
    const row = { partitionKey: draft.round.roundId, rowKey: `${key}~c`, kind: 'closing', form: JSON.stringify(form), complete, version };
    const participant = { ...draft.participant, position };
    const actions: TransactionAction[] = [
      draft.closing && draft.etags.closing ? ['update', row, 'Replace', { etag: draft.etags.closing }] : ['create', row],
      ['update', participantRow(draft.round.roundId, participant), 'Replace', { etag: draft.etags.participant }],
    ];
    const [rowEtag = '', participantEtag = ''] = await this.submit(draft, actions);
    const saved = { form, complete, version };
    this.remember(draft, (stored) => {
      stored.closing = saved;
      stored.etags.closing = rowEtag;
      stored.participant = participant;
      stored.etags.participant = participantEtag;
    });
    return saved;
  }

  /** Updates a participant row (position, submitted, reopened, invitation outcome), with its ETag. */
  async saveParticipant(roundId: string, participant: Participant, etag?: string): Promise<void> {
    try {
      if (etag) {
        const written = await this.table.updateEntity(participantRow(roundId, participant), 'Replace', { etag });
        this.drafts?.updateParticipant(roundId, participant, etag, written.etag);
      } else {
        this.drafts?.delete(roundId, participant.userId);
        await this.table.upsertEntity(participantRow(roundId, participant), 'Replace');
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
    const byUser = new Map<string, MemberDraft>();
    const rows: Row[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq ${odataString(roundId)}` } })) rows.push(row);
    for (const row of rows) {
      if (row.rowKey.endsWith('~p') && row.kind === 'participant') {
        const participant = toParticipant(row);
        byUser.set(userKey(participant.userId), { round, participant, bouwstenen: {} });
      }
    }
    for (const row of rows) {
      const tilde = row.rowKey.indexOf('~');
      if (tilde < 0) continue;
      const member = byUser.get(row.rowKey.slice(0, tilde));
      if (!member) continue;
      const rest = row.rowKey.slice(tilde + 1);
      if (rest === 'c') member.closing = { form: closingFormSchema.parse(JSON.parse(String(row.form))), complete: Boolean(row.complete), version: Number(row.version) };
      else if (rest.startsWith('b~')) {
        const id = rest.slice(2) as BouwsteenId;
        if (BOUWSTEEN_IDS.includes(id)) member.bouwstenen[id] = { bouwsteenId: id, form: bouwsteenFormSchema.parse(JSON.parse(String(row.form))), complete: Boolean(row.complete), version: Number(row.version) };
      }
    }
    return [...byUser.values()].sort((a, b) => a.participant.name.localeCompare(b.participant.name, 'nl'));
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
   * Submits a member's draft write; returns the new ETag of each row in order. A failed ETag check,
   * or rows that are gone (erased), is a SurveyConflictError: the caller reads again.
   */
  private async submit(draft: MemberDraftWithEtags, actions: TransactionAction[]): Promise<string[]> {
    try {
      const response = await this.table.submitTransaction(actions);
      return response.subResponses.map((sub) => sub.etag ?? '');
    } catch (error) {
      this.drafts?.delete(draft.round.roundId, draft.participant.userId);
      if (isConflict(error) || isNotFound(error) || (error as { name?: string }).name === 'TableTransactionError') {
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 412 || status === 409 || status === 404 || status === undefined) throw new SurveyConflictError();
      }
      throw error;
    }
  }

  /** Caches the member's draft as it now is in storage, after a write that passed its ETag checks. */
  private remember(draft: MemberDraftWithEtags, apply: (stored: MemberDraftWithEtags) => void): void {
    if (!this.drafts) return;
    const { fromCache: _ignored, ...current } = draft;
    const stored = structuredClone(current);
    apply(stored);
    // A sub-response without an ETag (not seen in Azure or Azurite) leaves nothing to check against.
    const etags = [stored.etags.participant, ...Object.values(stored.etags.bouwstenen), ...(stored.closing ? [stored.etags.closing] : [])];
    if (etags.every(Boolean)) this.drafts.set(stored);
    else this.drafts.delete(draft.round.roundId, draft.participant.userId);
  }
}
