/**
 * Privacy operations on the `Survey` table (AVG/GDPR): finding every round that holds rows of one
 * person, erasing or anonymising them, and the retention purge of closed rounds.
 *
 * Row layout: see storage/survey.ts (`<user>~p`, `<user>~b~<bouwsteen>`, `<user>~c` per round
 * partition). Finding a person's rounds scans the table on the RowKey range of their user key: a
 * full-table query, fine for these rare requests (a few thousand rows per year across all centres).
 *
 * Rules (also in README.md, "Threat model"):
 *  - erasure in an OPEN round deletes every row of the person (participant, drafts, answers);
 *  - erasure in a CLOSED round keeps the answers only as an anonymous contribution to the team
 *    aggregate: the rows move to a random key (no link to the user id), the participant is named
 *    "verwijderd", its timestamps are coarsened to the round's closing time, and every toelichting is
 *    deleted; the "anders" text of question 4 becomes "(verwijderd)" so the choice still counts;
 *  - retention deletes every individual row (participants, drafts, answers) of a round closed more
 *    than N months ago; the round row stays, with the counts and the stadium distribution per
 *    bouwsteen (`retained`), and `purgedAt`.
 */
import { randomUUID } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
import { roundSchema, type Round } from '../domain/survey/round';
import { bouwsteenFormSchema, type BouwsteenForm } from '../domain/survey/validate';
import { isNotFound, odataString } from './tables';
import { userKey } from './survey';

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

const ROUND_ROW = '!round';

/** The name an anonymised participant carries. */
export const ERASED_NAME = 'verwijderd';

/** Free-text fields of a bouwsteen form: deleted when a person's answers are anonymised. */
export const FREE_TEXT_FIELDS = ['choiceNote', 'differenceNote', 'leversNote', 'obstaclesNote'] as const satisfies ReadonlyArray<keyof BouwsteenForm>;
/** Replaces the "ja, anders: ..." text, so the anonymous choice still counts as a valid answer. */
export const ERASED_OTHER_TEXT = '(verwijderd)';

/** What retention keeps of a purged round: counts only, nobody's answers. */
export interface RetainedAggregate {
  participants: number;
  submitted: number;
  /** Per bouwsteen: how many complete answers chose stadium 1..4. */
  stadia: Partial<Record<BouwsteenId, [number, number, number, number]>>;
}

export type RoundErasure = 'deleted' | 'anonymised' | 'none';

const emptyToUndefined = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === '' ? undefined : v]));

function toRound(row: Row): Round {
  return roundSchema.parse(emptyToUndefined(row));
}

export class PrivacyRepository {
  constructor(private readonly table: TableClient) {}

  /** Every round of this tenant that holds rows of this user (participant, drafts, answers). */
  async roundsOf(tenantId: string, userId: string): Promise<Round[]> {
    const key = userKey(userId);
    const filter = `RowKey ge ${odataString(`${key}~`)} and RowKey lt ${odataString(`${key}~~`)}`;
    const roundIds = new Set<string>();
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter, select: ['PartitionKey'] } })) roundIds.add(row.partitionKey);
    const rounds: Round[] = [];
    for (const roundId of roundIds) {
      const round = await this.getRound(roundId);
      if (round && round.tenantId === tenantId) rounds.push(round);
    }
    return rounds.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /**
   * Erases one person's rows in one round: deleted in an open round, anonymised in a closed one
   * (see the rules above). One entity-group transaction per round, so it is all or nothing.
   */
  async eraseMember(round: Round, userId: string): Promise<RoundErasure> {
    const rows = await this.memberRows(round.roundId, userId);
    if (rows.length === 0) return 'none';
    const deletes: TransactionAction[] = rows.map((row) => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]);
    if (round.status === 'open') {
      await this.submit(deletes);
      return 'deleted';
    }
    const anonymousId = `${ERASED_NAME}-${randomUUID()}`;
    const anonymousKey = userKey(anonymousId);
    const creates: TransactionAction[] = [];
    const oldKey = userKey(userId);
    for (const row of rows) {
      const suffix = row.rowKey.slice(oldKey.length);
      if (suffix === '~p') creates.push(['create', anonymousParticipant(round, row, anonymousId, anonymousKey)]);
      else if (suffix.startsWith('~b~')) creates.push(['create', anonymousAnswer(row, `${anonymousKey}${suffix}`)]);
      else if (suffix === '~c') creates.push(['create', { ...plainRow(row), rowKey: `${anonymousKey}~c` }]);
      // Anything else under the user's key is not part of the aggregate: deleted only.
    }
    await this.submit([...creates, ...deletes]);
    return 'anonymised';
  }

  /** Clears `createdBy` on a round the person opened (their id is not kept once they are erased). */
  async forgetRoundCreator(round: Round, userId: string): Promise<boolean> {
    if (round.createdBy !== userId) return false;
    await this.table.updateEntity({ partitionKey: round.roundId, rowKey: ROUND_ROW, createdBy: ERASED_NAME }, 'Merge');
    return true;
  }

  /** Closed rounds whose individual rows are due for deletion (closed before `cutoff`). */
  async closedRoundsBefore(cutoff: Date): Promise<Round[]> {
    const filter = `RowKey eq ${odataString(ROUND_ROW)} and status eq 'closed'`;
    const result: Round[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      const round = toRound(row);
      const closedAt = round.closedAt ?? `${round.deadline}T23:59:59.999Z`;
      if (closedAt < cutoff.toISOString()) result.push(round);
    }
    return result;
  }

  /**
   * Retention: deletes every participant, draft and answer row of a closed round; the round row
   * keeps the counts and the stadium distribution. Idempotent: the aggregate is written once (the
   * first run), a later run only deletes rows left behind by an interrupted one.
   */
  async purgeRound(round: Round, now: Date): Promise<{ deleted: number }> {
    if (round.status !== 'closed') throw new Error('Only closed rounds are purged');
    const rows: Row[] = [];
    let roundRow: Row | undefined;
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq ${odataString(round.roundId)}` } })) {
      if (row.rowKey === ROUND_ROW) roundRow = row;
      else rows.push(row);
    }
    if (!roundRow || rows.length === 0) return { deleted: 0 };
    if (!roundRow.purgedAt) {
      await this.table.updateEntity(
        { partitionKey: round.roundId, rowKey: ROUND_ROW, purgedAt: now.toISOString(), retained: JSON.stringify(aggregateOf(rows)) },
        'Merge',
        { etag: roundRow.etag },
      );
    }
    const deletes: TransactionAction[] = rows.map((row) => ['delete', { partitionKey: row.partitionKey, rowKey: row.rowKey }]);
    for (let i = 0; i < deletes.length; i += 100) await this.table.submitTransaction(deletes.slice(i, i + 100));
    return { deleted: rows.length };
  }

  /** What retention kept of a purged round, or undefined when it was not purged. */
  async retainedOf(roundId: string): Promise<(RetainedAggregate & { purgedAt: string }) | undefined> {
    try {
      const row = await this.table.getEntity<Row>(roundId, ROUND_ROW);
      if (!row.purgedAt) return undefined;
      return { ...(JSON.parse(String(row.retained)) as RetainedAggregate), purgedAt: String(row.purgedAt) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async getRound(roundId: string): Promise<Round | undefined> {
    try {
      return toRound(await this.table.getEntity<Row>(roundId, ROUND_ROW));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async memberRows(roundId: string, userId: string): Promise<Row[]> {
    const key = userKey(userId);
    const filter = `PartitionKey eq ${odataString(roundId)} and RowKey ge ${odataString(`${key}~`)} and RowKey lt ${odataString(`${key}~~`)}`;
    const rows: Row[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) rows.push(row);
    return rows;
  }

  private async submit(actions: TransactionAction[]): Promise<void> {
    for (let i = 0; i < actions.length; i += 100) await this.table.submitTransaction(actions.slice(i, i + 100));
  }
}

function anonymousParticipant(round: Round, row: Row, anonymousId: string, anonymousKey: string): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const submitted = typeof row.submittedAt === 'string' && row.submittedAt !== '';
  return {
    partitionKey: row.partitionKey,
    rowKey: `${anonymousKey}~p`,
    kind: 'participant',
    userId: anonymousId,
    channelUserId: '',
    name: ERASED_NAME,
    position: submitted ? 'confirm' : 'overview',
    nudges: '[]',
    invitedAt: '',
    inviteFailure: '',
    // The moment someone sent their survey could point back at them: only the round's close is kept.
    submittedAt: submitted ? (round.closedAt ?? round.createdAt) : '',
    reopenedAt: '',
    lastNudgedAt: '',
  };
}

/** A row as stored, without the service's metadata (etag, timestamp). */
function plainRow(row: Row): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const { etag: _etag, timestamp: _timestamp, ...rest } = row as Row & { timestamp?: unknown };
  return rest;
}

function anonymousAnswer(row: Row, rowKey: string): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const parsed = bouwsteenFormSchema.safeParse(safeJson(row.form));
  const form: BouwsteenForm = parsed.success ? { ...parsed.data } : {};
  for (const field of FREE_TEXT_FIELDS) delete form[field];
  if (form.differenceOther !== undefined) form.differenceOther = form.differenceOther.trim() ? ERASED_OTHER_TEXT : '';
  return { ...plainRow(row), rowKey, form: JSON.stringify(form) };
}

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(String(value ?? '{}'));
  } catch {
    return {};
  }
}

function aggregateOf(rows: Row[]): RetainedAggregate {
  const participants = rows.filter((r) => r.kind === 'participant');
  const stadia: RetainedAggregate['stadia'] = {};
  for (const row of rows) {
    const marker = row.rowKey.indexOf('~b~');
    if (marker < 0 || !row.complete) continue;
    const id = row.rowKey.slice(marker + 3) as BouwsteenId;
    if (!BOUWSTEEN_IDS.includes(id)) continue;
    const form = bouwsteenFormSchema.safeParse(safeJson(row.form));
    const level = Number(form.success ? form.data.stadium : undefined);
    if (!(level >= 1 && level <= 4)) continue;
    const counts: [number, number, number, number] = stadia[id] ?? [0, 0, 0, 0];
    counts[level - 1] = (counts[level - 1] ?? 0) + 1;
    stadia[id] = counts;
  }
  return {
    participants: participants.length,
    submitted: participants.filter((p) => typeof p.submittedAt === 'string' && p.submittedAt !== '').length,
    stadia,
  };
}
