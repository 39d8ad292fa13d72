/**
 * Weekly runs on the `Digests` table: the exactly-once claim and outbox of one channel's digest of
 * one ISO week (or one page of it):
 *   PartitionKey = `run~<channelKey>`, RowKey = ISO week key ("2026-W22", a page "2026-W22~p2")
 * The instance whose conditional insert succeeds owns the run. The row then moves
 * claimed → sending → sent | failed, with attempts and the last error. A run the policy says is
 * takeable (domain/digest/runPolicy.ts: owner crashed, or failed with attempts left) is taken over
 * with an ETag-conditional update: only one instance wins the takeover.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { RUN_STATES, runIsExhausted, runIsTakeable, type RunState } from '../domain/digest/runPolicy';
import { channelKeyOf, compact, deleteWhere, optional, type ChannelKey, type Row } from './digestKeys';
import { isConflict, isNotFound, odataString } from './tables';

export { MAX_DELIVERY_ATTEMPTS, RETRY_FAILED_AFTER_MS, STALE_CLAIM_MS } from '../domain/digest/runPolicy';

function runPartition(reg: ChannelKey): string {
  return `run~${channelKeyOf(reg)}`;
}

export interface DigestRun {
  partitionKey: string;
  weekKey: string;
  state: RunState;
  /** Delivery attempts started (sending). */
  attempts: number;
  /** The instance that holds or held the claim. */
  owner: string;
  claimedAt: string;
  updatedAt: string;
  sentAt?: string;
  activityId?: string;
  lastError?: string;
  /** A failure that is not retried (403/404, or attempts exhausted). */
  final: boolean;
  etag: string;
}

function toRun(row: Row): DigestRun {
  return {
    partitionKey: String(row.partitionKey),
    weekKey: String(row.rowKey),
    state: z.enum(RUN_STATES).parse(row.state),
    attempts: Number(row.attempts ?? 0),
    owner: String(row.owner ?? ''),
    claimedAt: String(row.claimedAt ?? ''),
    updatedAt: String(row.updatedAt ?? ''),
    sentAt: optional(row.sentAt),
    activityId: optional(row.activityId),
    lastError: optional(row.lastError),
    final: row.final === true,
    etag: row.etag,
  };
}

function runRow(run: Omit<DigestRun, 'etag'>) {
  return compact({
    partitionKey: run.partitionKey,
    rowKey: run.weekKey,
    kind: 'run',
    state: run.state,
    attempts: run.attempts,
    owner: run.owner,
    claimedAt: run.claimedAt,
    updatedAt: run.updatedAt,
    sentAt: run.sentAt,
    activityId: run.activityId,
    lastError: run.lastError,
    final: run.final,
  });
}

export type ClaimResult = { owned: true; run: DigestRun } | { owned: false; run?: DigestRun };

export class WeeklyRunRepository {
  constructor(private readonly table: TableClient) {}

  async getRun(reg: ChannelKey, weekKey: string): Promise<DigestRun | undefined> {
    try {
      return toRun(await this.table.getEntity<Row>(runPartition(reg), weekKey));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Claims the run of a channel's digest for an ISO week. The conditional insert decides who owns a
   * new run; an abandoned or retryable run is taken over by ETag update. When not owned, the
   * existing run is returned (e.g. to learn that it was sent).
   *
   * With `startSending`, the claim also starts a delivery attempt (claimed → sending in the same
   * write, one request instead of two): for a sender that sends right after claiming. The policy
   * treats claimed and sending alike, so nothing else changes.
   */
  async claimRun(reg: ChannelKey, weekKey: string, now: Date, owner: string, options: { startSending?: boolean } = {}): Promise<ClaimResult> {
    const at = now.toISOString();
    const state: RunState = options.startSending ? 'sending' : 'claimed';
    const started = options.startSending ? 1 : 0;
    const fresh = { partitionKey: runPartition(reg), weekKey, state, attempts: started, owner, claimedAt: at, updatedAt: at, final: false };
    try {
      const response = await this.table.createEntity(runRow(fresh));
      return { owned: true, run: { ...fresh, etag: response.etag ?? '' } };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const existing = await this.getRun(reg, weekKey);
    if (!existing) return { owned: false };
    if (!runIsTakeable(existing, now)) return { owned: false, run: existing };
    const { etag, ...plain } = existing;
    const taken = { ...plain, state, attempts: plain.attempts + started, owner, claimedAt: at, updatedAt: at };
    try {
      const response = await this.table.updateEntity(runRow(taken), 'Replace', { etag });
      return { owned: true, run: { ...taken, etag: response.etag ?? '' } };
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return { owned: false, run: existing };
      throw error;
    }
  }

  /** Moves an owned run on; undefined when another instance took it over meanwhile (ETag changed). */
  private async advance(run: DigestRun, change: Partial<Omit<DigestRun, 'etag' | 'partitionKey' | 'weekKey'>>): Promise<DigestRun | undefined> {
    const { etag, ...plain } = run;
    const next = { ...plain, ...change };
    try {
      const response = await this.table.updateEntity(runRow(next), 'Replace', { etag });
      return { ...next, etag: response.etag ?? '' };
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** claimed → sending (one more attempt). */
  markSending(run: DigestRun, now: Date): Promise<DigestRun | undefined> {
    return this.advance(run, { state: 'sending', attempts: run.attempts + 1, updatedAt: now.toISOString() });
  }

  /** sending → sent. */
  markSent(run: DigestRun, now: Date, activityId?: string): Promise<DigestRun | undefined> {
    return this.advance(run, { state: 'sent', sentAt: now.toISOString(), updatedAt: now.toISOString(), activityId, lastError: undefined });
  }

  /** → failed; `final` (or no attempts left) means it is not retried. */
  markFailed(run: DigestRun, now: Date, failure: { error: string; final: boolean }): Promise<DigestRun | undefined> {
    return this.advance(run, {
      state: 'failed',
      updatedAt: now.toISOString(),
      lastError: failure.error.slice(0, 500),
      final: failure.final || runIsExhausted(run.attempts),
    });
  }

  /** Deletes the runs of ISO weeks before `beforeWeek` (only this week's run decides anything). */
  pruneBefore(beforeWeek: string): Promise<number> {
    return deleteWhere(this.table, `PartitionKey ge 'run~' and PartitionKey lt 'run~~' and RowKey lt ${odataString(beforeWeek)}`);
  }
}
