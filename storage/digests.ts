/**
 * The weekly digest and the personal reminders on the `Digests` table.
 *
 * Channel registrations (one per centre and conversation):
 *   PartitionKey = tenantId, RowKey = `chan~<centreId>~<conversation id, base64url>`
 *   ref (conversation reference JSON), schedule (JSON), registeredBy, lastSentWeek, failures (JSON), ...
 *
 * Weekly runs, the exactly-once claim and outbox of one channel's digest of one ISO week:
 *   PartitionKey = `run~<channelKey>`, RowKey = ISO week key ("2026-W22")
 *   The instance whose conditional insert succeeds owns the run. The row then moves
 *   claimed → sending → sent | failed, with attempts and the last error. A run stuck in claimed or
 *   sending for more than STALE_CLAIM_MS (the owner crashed) and a failed run with attempts left
 *   (after RETRY_FAILED_AFTER_MS) are taken over with an ETag-conditional update: only one instance
 *   wins the takeover.
 *
 * Reminder bookkeeping of a centre, one partition `rem~<tenantId>~<centreId>`:
 *   `day~<YYYY-MM-DD>`              the day's reminder pass, claimed by conditional insert
 *   `own~<actieId>`                 the last reminder an action's owner got (kind, date, deadline)
 *   `nudge~<roundId>~<userId>`      the nudge kinds a round participant got
 * Each reminder is claimed (conditional insert, or ETag update of the previous record) before it is
 * sent, so two instances never send the same reminder; a failed send restores the previous record.
 *
 * Key parts are percent-encoded (keyPart, with "~" encoded too); a conversation id is base64url.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { digestScheduleSchema, type DigestSchedule } from '../domain/calendar/schedule';
import type { OwnerReminderKind, RoundNudgeKind } from '../domain/calendar/reminders';
import type { ConversationRef } from '../domain/conversation';
import { isConflict, isNotFound, keyPart, odataString } from './tables';

// ---------------------------------------------------------------------------------------------
// Keys

/** A key part: percent-encoded, "~" (our separator) included. */
export function part(value: string): string {
  return keyPart(value).replace(/~/g, '%7E');
}

function conversationPart(conversationKey: string): string {
  return Buffer.from(conversationKey, 'utf8').toString('base64url');
}

const CHANNEL_PREFIX = 'chan~';

function registrationRowKey(centreId: string, conversationKey: string): string {
  return `${CHANNEL_PREFIX}${part(centreId)}~${conversationPart(conversationKey)}`;
}

/** Identifies one registered conversation of one centre across the table. */
export function channelKeyOf(reg: { tenantId: string; centreId: string; conversationKey: string }): string {
  return `${part(reg.tenantId)}~${part(reg.centreId)}~${conversationPart(reg.conversationKey)}`;
}

function runPartition(reg: { tenantId: string; centreId: string; conversationKey: string }): string {
  return `run~${channelKeyOf(reg)}`;
}

function reminderPartition(tenantId: string, centreId: string): string {
  return `rem~${part(tenantId)}~${part(centreId)}`;
}

/** A filter for RowKeys starting with `prefix` (prefix + any key-safe character). */
function rowKeyPrefixFilter(prefix: string): string {
  return `RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(`${prefix}~`)}`;
}

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag: string };

/** Drops undefined values: a Replace then removes the property. */
function compact<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

const optional = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

// ---------------------------------------------------------------------------------------------
// Registrations

export interface DigestFailure {
  /** ISO instant. */
  at: string;
  weekKey?: string;
  /** 'blocked' | 'not-found' | 'throttled' | 'failed' | 'error' */
  reason: string;
  status?: number;
  detail?: string;
}

/** Failures kept on a registration (most recent last). */
export const MAX_FAILURES_KEPT = 5;

export interface DigestRegistration {
  tenantId: string;
  centreId: string;
  /** The conversation id (a channel's root id, without ";messageid=..."). */
  conversationKey: string;
  conversationKind: 'channel' | 'groupChat';
  ref: ConversationRef;
  schedule: DigestSchedule;
  registeredBy: string;
  registeredByName: string;
  registeredAt: string;
  /** ISO week key of the last weekly digest that went out. */
  lastSentWeek?: string;
  lastSentAt?: string;
  /** Last `digest nu` in this conversation. */
  lastManualAt?: string;
  failures: DigestFailure[];
  /** Set when the conversation answered 403/404: the bot was removed. No more sends until `digest hier`. */
  blockedAt?: string;
}

export type StoredRegistration = DigestRegistration & { etag: string };

/** Appends a failure (detail cut to 300 characters), keeping the last MAX_FAILURES_KEPT. */
function withFailure(failures: readonly DigestFailure[], failure: DigestFailure): DigestFailure[] {
  const kept = failure.detail ? { ...failure, detail: failure.detail.slice(0, 300) } : failure;
  return [...failures, kept].slice(-MAX_FAILURES_KEPT);
}

const failureSchema = z.object({
  at: z.string(),
  weekKey: z.string().optional(),
  reason: z.string(),
  status: z.number().optional(),
  detail: z.string().optional(),
});

const registrationSchema = z.object({
  tenantId: z.string().min(1),
  centreId: z.string().min(1),
  conversationKey: z.string().min(1),
  conversationKind: z.enum(['channel', 'groupChat']),
  ref: z.record(z.unknown()),
  schedule: digestScheduleSchema,
  registeredBy: z.string(),
  registeredByName: z.string().default(''),
  registeredAt: z.string(),
  lastSentWeek: z.string().optional(),
  lastSentAt: z.string().optional(),
  lastManualAt: z.string().optional(),
  failures: z.array(failureSchema),
  blockedAt: z.string().optional(),
});

function toRegistration(row: Row): StoredRegistration {
  const parsed = registrationSchema.parse({
    tenantId: row.tenantId,
    centreId: row.centreId,
    conversationKey: row.conversationKey,
    conversationKind: row.conversationKind,
    ref: JSON.parse(String(row.ref ?? '{}')),
    schedule: JSON.parse(String(row.schedule ?? '{}')),
    registeredBy: row.registeredBy,
    registeredByName: row.registeredByName,
    registeredAt: row.registeredAt,
    lastSentWeek: optional(row.lastSentWeek),
    lastSentAt: optional(row.lastSentAt),
    lastManualAt: optional(row.lastManualAt),
    failures: JSON.parse(String(row.failures || '[]')),
    blockedAt: optional(row.blockedAt),
  });
  return { ...parsed, schedule: { ...parsed.schedule }, etag: row.etag };
}

function registrationRow(reg: DigestRegistration) {
  return compact({
    partitionKey: part(reg.tenantId),
    rowKey: registrationRowKey(reg.centreId, reg.conversationKey),
    kind: 'channel',
    tenantId: reg.tenantId,
    centreId: reg.centreId,
    conversationKey: reg.conversationKey,
    conversationKind: reg.conversationKind,
    ref: JSON.stringify(reg.ref),
    schedule: JSON.stringify(reg.schedule),
    registeredBy: reg.registeredBy,
    registeredByName: reg.registeredByName,
    registeredAt: reg.registeredAt,
    lastSentWeek: reg.lastSentWeek,
    lastSentAt: reg.lastSentAt,
    lastManualAt: reg.lastManualAt,
    failures: JSON.stringify(reg.failures.slice(-MAX_FAILURES_KEPT)),
    blockedAt: reg.blockedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Runs (claim + outbox)

export const RUN_STATES = ['claimed', 'sending', 'sent', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** A run stuck in claimed/sending for longer than this is taken over by another instance. */
export const STALE_CLAIM_MS = 10 * 60_000;
/** A failed run (with attempts left) is retried at the earliest this long after the failure. */
export const RETRY_FAILED_AFTER_MS = 5 * 60_000;
/** Delivery attempts of one week's digest (each attempt already retries 429/5xx in the messenger). */
export const MAX_DELIVERY_ATTEMPTS = 3;

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

/** Whether another instance may take over a run it finds at `now`. */
export function runIsTakeable(run: Pick<DigestRun, 'state' | 'updatedAt' | 'attempts' | 'final'>, now: Date): boolean {
  const age = now.getTime() - Date.parse(run.updatedAt);
  if (run.state === 'claimed' || run.state === 'sending') return !(age <= STALE_CLAIM_MS);
  if (run.state === 'failed') return !run.final && run.attempts < MAX_DELIVERY_ATTEMPTS && !(age < RETRY_FAILED_AFTER_MS);
  return false;
}

export type ClaimResult = { owned: true; run: DigestRun } | { owned: false; run?: DigestRun };

// ---------------------------------------------------------------------------------------------
// Reminders

export interface OwnerReminderRecord {
  actieId: string;
  kind: OwnerReminderKind;
  /** The day it was (claimed to be) sent, YYYY-MM-DD. */
  date: string;
  deadline: string;
  state: 'claimed' | 'sent';
  etag: string;
}

export interface NudgeRecord {
  roundId: string;
  userId: string;
  sent: RoundNudgeKind[];
  etag: string;
}

const OWNER_PREFIX = 'own~';
const NUDGE_PREFIX = 'nudge~';
const DAY_PREFIX = 'day~';

// ---------------------------------------------------------------------------------------------

export class DigestRepository {
  constructor(private readonly table: TableClient) {}

  // Registrations ------------------------------------------------------------------------------

  async getRegistration(tenantId: string, centreId: string, conversationKey: string): Promise<StoredRegistration | undefined> {
    try {
      const row = await this.table.getEntity<Row>(part(tenantId), registrationRowKey(centreId, conversationKey));
      return toRegistration(row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The registrations of a tenant, or of one centre of it. */
  async listRegistrations(tenantId: string, centreId?: string): Promise<StoredRegistration[]> {
    const prefix = centreId ? `${CHANNEL_PREFIX}${part(centreId)}~` : CHANNEL_PREFIX;
    const filter = `PartitionKey eq ${odataString(part(tenantId))} and ${rowKeyPrefixFilter(prefix)}`;
    const result: StoredRegistration[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push(toRegistration(row));
    return result;
  }

  /**
   * Registers a conversation for a centre's digest, or updates its reference and schedule. A
   * re-registration keeps what was sent (lastSentWeek) and clears a block.
   */
  async register(
    input: Pick<DigestRegistration, 'tenantId' | 'centreId' | 'conversationKey' | 'conversationKind' | 'ref' | 'schedule' | 'registeredBy' | 'registeredByName'> & { now: Date },
  ): Promise<{ registration: StoredRegistration; created: boolean; previous?: StoredRegistration }> {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.getRegistration(input.tenantId, input.centreId, input.conversationKey);
      const next: DigestRegistration = {
        ...(existing ?? { failures: [] }),
        tenantId: input.tenantId,
        centreId: input.centreId,
        conversationKey: input.conversationKey,
        conversationKind: input.conversationKind,
        ref: input.ref,
        schedule: input.schedule,
        registeredBy: input.registeredBy,
        registeredByName: input.registeredByName,
        registeredAt: input.now.toISOString(),
        blockedAt: undefined,
      };
      try {
        const response = existing
          ? await this.table.updateEntity(registrationRow(next), 'Replace', { etag: existing.etag })
          : await this.table.createEntity(registrationRow(next));
        return { registration: { ...next, etag: response.etag ?? '' }, created: !existing, ...(existing ? { previous: existing } : {}) };
      } catch (error) {
        if (!(isConflict(error) || isNotFound(error)) || attempt >= 5) throw error;
      }
    }
  }

  /** Removes a registration; false when there was none. */
  async unregister(tenantId: string, centreId: string, conversationKey: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(part(tenantId), registrationRowKey(centreId, conversationKey));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * Read-modify-write of a registration, retried on an ETag conflict. Undefined when the
   * registration is gone (unregistered meanwhile): nothing is recreated.
   */
  async updateRegistration(
    key: { tenantId: string; centreId: string; conversationKey: string },
    change: (reg: DigestRegistration) => DigestRegistration,
  ): Promise<StoredRegistration | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.getRegistration(key.tenantId, key.centreId, key.conversationKey);
      if (!current) return undefined;
      const { etag, ...plain } = current;
      const next = change(plain);
      try {
        const response = await this.table.updateEntity(registrationRow(next), 'Replace', { etag });
        return { ...next, etag: response.etag ?? '' };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        if (!isConflict(error) || attempt >= 5) throw error;
      }
    }
  }

  async recordSent(key: { tenantId: string; centreId: string; conversationKey: string }, weekKey: string, at: string): Promise<void> {
    await this.updateRegistration(key, (reg) =>
      reg.lastSentWeek !== undefined && reg.lastSentWeek >= weekKey ? reg : { ...reg, lastSentWeek: weekKey, lastSentAt: at },
    );
  }

  async recordManual(key: { tenantId: string; centreId: string; conversationKey: string }, at: string): Promise<void> {
    await this.updateRegistration(key, (reg) => ({ ...reg, lastManualAt: at }));
  }

  async recordFailure(key: { tenantId: string; centreId: string; conversationKey: string }, failure: DigestFailure): Promise<void> {
    await this.updateRegistration(key, (reg) => ({ ...reg, failures: withFailure(reg.failures, failure) }));
  }

  /** Marks the conversation as unreachable (403/404); true when this call did it (it was not blocked yet). */
  async markBlocked(key: { tenantId: string; centreId: string; conversationKey: string }, failure: DigestFailure): Promise<boolean> {
    let transitioned = false;
    await this.updateRegistration(key, (reg) => {
      transitioned = reg.blockedAt === undefined;
      return { ...reg, blockedAt: reg.blockedAt ?? failure.at, failures: withFailure(reg.failures, failure) };
    });
    return transitioned;
  }

  // Runs ---------------------------------------------------------------------------------------

  async getRun(reg: { tenantId: string; centreId: string; conversationKey: string }, weekKey: string): Promise<DigestRun | undefined> {
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
   */
  async claimRun(reg: { tenantId: string; centreId: string; conversationKey: string }, weekKey: string, now: Date, owner: string): Promise<ClaimResult> {
    const at = now.toISOString();
    const fresh = { partitionKey: runPartition(reg), weekKey, state: 'claimed' as const, attempts: 0, owner, claimedAt: at, updatedAt: at, final: false };
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
    const taken = { ...plain, state: 'claimed' as const, owner, claimedAt: at, updatedAt: at };
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
      final: failure.final || run.attempts >= MAX_DELIVERY_ATTEMPTS,
    });
  }

  /**
   * Deletes the bookkeeping nobody reads any more: weekly runs of ISO weeks before `beforeWeek` and
   * reminder-day claims of dates before `beforeDate` (only this week's run and today's claim decide
   * anything). Registrations and per-action and per-participant reminder records are kept.
   */
  async pruneHistory(cutoff: { beforeWeek: string; beforeDate: string }): Promise<{ runs: number; reminderDays: number }> {
    const runs = await this.deleteWhere(`PartitionKey ge 'run~' and PartitionKey lt 'run~~' and RowKey lt ${odataString(cutoff.beforeWeek)}`);
    const reminderDays = await this.deleteWhere(
      `PartitionKey ge 'rem~' and PartitionKey lt 'rem~~' and RowKey ge ${odataString(DAY_PREFIX)} and RowKey lt ${odataString(`${DAY_PREFIX}${cutoff.beforeDate}`)}`,
    );
    return { runs, reminderDays };
  }

  /** Deletes every row the filter selects, in batches per partition; returns how many. */
  private async deleteWhere(filter: string): Promise<number> {
    const byPartition = new Map<string, string[]>();
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } })) {
      if (!row.partitionKey || !row.rowKey) continue;
      byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row.rowKey]);
    }
    let deleted = 0;
    for (const [partitionKey, rowKeys] of byPartition) {
      for (let i = 0; i < rowKeys.length; i += 100) {
        await this.table.submitTransaction(rowKeys.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey, rowKey }]));
        deleted += Math.min(100, rowKeys.length - i);
      }
    }
    return deleted;
  }

  // Reminders ----------------------------------------------------------------------------------

  /** Claims the day's reminder pass for a centre: true for exactly one caller per day. */
  async claimReminderDay(tenantId: string, centreId: string, date: string, owner: string, now: Date): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: reminderPartition(tenantId, centreId), rowKey: `${DAY_PREFIX}${date}`, kind: 'reminder-day', owner, at: now.toISOString() });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /** Gives the day's pass back (it failed before finishing), so a later tick runs it again. */
  async releaseReminderDay(tenantId: string, centreId: string, date: string): Promise<void> {
    try {
      await this.table.deleteEntity(reminderPartition(tenantId, centreId), `${DAY_PREFIX}${date}`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async listOwnerReminders(tenantId: string, centreId: string): Promise<Map<string, OwnerReminderRecord>> {
    const filter = `PartitionKey eq ${odataString(reminderPartition(tenantId, centreId))} and ${rowKeyPrefixFilter(OWNER_PREFIX)}`;
    const result = new Map<string, OwnerReminderRecord>();
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      const record: OwnerReminderRecord = {
        actieId: String(row.actieId),
        kind: z.enum(['voor-deadline', 'achterstallig']).parse(row.reminderKind),
        date: String(row.date),
        deadline: String(row.deadline),
        state: row.state === 'sent' ? 'sent' : 'claimed',
        etag: row.etag,
      };
      result.set(record.actieId, record);
    }
    return result;
  }

  private ownerRow(tenantId: string, centreId: string, record: Omit<OwnerReminderRecord, 'etag'>) {
    return {
      partitionKey: reminderPartition(tenantId, centreId),
      rowKey: `${OWNER_PREFIX}${part(record.actieId)}`,
      kind: 'owner-reminder',
      actieId: record.actieId,
      reminderKind: record.kind,
      date: record.date,
      deadline: record.deadline,
      state: record.state,
    };
  }

  /** Conditional insert (no previous) or ETag update (previous): undefined when someone else won. */
  private async conditionalPut(entity: { partitionKey: string; rowKey: string } & Record<string, unknown>, etag?: string): Promise<string | undefined> {
    try {
      const response = etag ? await this.table.updateEntity(entity, 'Replace', { etag }) : await this.table.createEntity(entity);
      return response.etag ?? '';
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Claims an owner reminder before sending it; undefined when another instance claimed it first. */
  async claimOwnerReminder(
    tenantId: string,
    centreId: string,
    next: { actieId: string; kind: OwnerReminderKind; date: string; deadline: string },
    previous?: OwnerReminderRecord,
  ): Promise<OwnerReminderRecord | undefined> {
    const record = { ...next, state: 'claimed' as const };
    const etag = await this.conditionalPut(this.ownerRow(tenantId, centreId, record), previous?.etag);
    return etag === undefined ? undefined : { ...record, etag };
  }

  async markOwnerReminderSent(tenantId: string, centreId: string, claimed: OwnerReminderRecord): Promise<void> {
    const { etag, ...plain } = claimed;
    await this.conditionalPut(this.ownerRow(tenantId, centreId, { ...plain, state: 'sent' }), etag);
  }

  /** A claimed reminder could not be sent: put the previous record back (or remove the claim). */
  async releaseOwnerReminder(tenantId: string, centreId: string, claimed: OwnerReminderRecord, previous?: OwnerReminderRecord): Promise<void> {
    if (previous) {
      const { etag: _old, ...plain } = previous;
      await this.conditionalPut(this.ownerRow(tenantId, centreId, plain), claimed.etag);
      return;
    }
    try {
      await this.table.deleteEntity(reminderPartition(tenantId, centreId), `${OWNER_PREFIX}${part(claimed.actieId)}`, { etag: claimed.etag });
    } catch (error) {
      if (!(isNotFound(error) || isConflict(error))) throw error;
    }
  }

  async listNudges(tenantId: string, centreId: string, roundId: string): Promise<Map<string, NudgeRecord>> {
    const prefix = `${NUDGE_PREFIX}${part(roundId)}~`;
    const filter = `PartitionKey eq ${odataString(reminderPartition(tenantId, centreId))} and ${rowKeyPrefixFilter(prefix)}`;
    const result = new Map<string, NudgeRecord>();
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) {
      const record: NudgeRecord = {
        roundId: String(row.roundId),
        userId: String(row.userId),
        sent: z.array(z.enum(['drie-dagen', 'een-dag'])).parse(JSON.parse(String(row.sent || '[]'))),
        etag: row.etag,
      };
      result.set(record.userId, record);
    }
    return result;
  }

  private nudgeRow(tenantId: string, centreId: string, roundId: string, userId: string, sent: readonly RoundNudgeKind[]) {
    return {
      partitionKey: reminderPartition(tenantId, centreId),
      rowKey: `${NUDGE_PREFIX}${part(roundId)}~${part(userId)}`,
      kind: 'round-nudge',
      roundId,
      userId,
      sent: JSON.stringify(sent),
    };
  }

  /** Claims a round nudge before sending it; undefined when another instance claimed it first. */
  async claimNudge(
    tenantId: string,
    centreId: string,
    input: { roundId: string; userId: string; kind: RoundNudgeKind },
    previous?: NudgeRecord,
  ): Promise<NudgeRecord | undefined> {
    const sent = [...(previous?.sent ?? []).filter((k) => k !== input.kind), input.kind];
    const etag = await this.conditionalPut(this.nudgeRow(tenantId, centreId, input.roundId, input.userId, sent), previous?.etag);
    return etag === undefined ? undefined : { roundId: input.roundId, userId: input.userId, sent, etag };
  }

  /** A claimed nudge could not be sent: take its kind back off the record. */
  async releaseNudge(tenantId: string, centreId: string, claimed: NudgeRecord, kind: RoundNudgeKind): Promise<void> {
    const sent = claimed.sent.filter((k) => k !== kind);
    await this.conditionalPut(this.nudgeRow(tenantId, centreId, claimed.roundId, claimed.userId, sent), claimed.etag);
  }

  /** Forgets the nudges one participant of a round got (erasure on request, retention). */
  async deleteNudge(tenantId: string, centreId: string, roundId: string, userId: string): Promise<void> {
    const { partitionKey, rowKey } = this.nudgeRow(tenantId, centreId, roundId, userId, []);
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
