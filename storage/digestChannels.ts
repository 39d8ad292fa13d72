/**
 * Channel registrations on the `Digests` table: which conversations receive a weekly digest, with
 * their reference, schedule, what was sent last and what went wrong. One store per scope:
 *   a centre's own digest      PartitionKey = tenantId, RowKey = `chan~<centreId>~<conversation, base64url>`
 *   a network's community      PartitionKey = tenantId, RowKey = `comm~<network>~<conversation, base64url>`
 * (for the community scope the `centreId` field holds the network's name).
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { digestScheduleSchema, type DigestSchedule } from '../domain/calendar/schedule';
import type { ConversationRef } from '../domain/conversation';
import { compact, conversationPart, optional, part, rowKeyPrefixFilter, type ChannelKey, type Row } from './digestKeys';
import { isConflict, isNotFound, odataString } from './tables';

/** The RowKey prefix of each scope's registrations. */
export const CHANNEL_SCOPES = { centre: 'chan~', community: 'comm~' } as const;
export type ChannelScope = keyof typeof CHANNEL_SCOPES;

function registrationRowKey(prefix: string, scopeId: string, conversationKey: string): string {
  return `${prefix}${part(scopeId)}~${conversationPart(conversationKey)}`;
}

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

function registrationRow(prefix: string, reg: DigestRegistration) {
  return compact({
    partitionKey: part(reg.tenantId),
    rowKey: registrationRowKey(prefix, reg.centreId, reg.conversationKey),
    kind: prefix === CHANNEL_SCOPES.community ? 'community' : 'channel',
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

export class ChannelRegistrationRepository {
  private readonly prefix: string;

  constructor(
    private readonly table: TableClient,
    scope: ChannelScope = 'centre',
  ) {
    this.prefix = CHANNEL_SCOPES[scope];
  }

  async getRegistration(tenantId: string, centreId: string, conversationKey: string): Promise<StoredRegistration | undefined> {
    try {
      const row = await this.table.getEntity<Row>(part(tenantId), registrationRowKey(this.prefix, centreId, conversationKey));
      return toRegistration(row);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** The registrations of a tenant, or of one centre of it. */
  async listRegistrations(tenantId: string, centreId?: string): Promise<StoredRegistration[]> {
    const prefix = centreId ? `${this.prefix}${part(centreId)}~` : this.prefix;
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
          ? await this.table.updateEntity(registrationRow(this.prefix, next), 'Replace', { etag: existing.etag })
          : await this.table.createEntity(registrationRow(this.prefix, next));
        return { registration: { ...next, etag: response.etag ?? '' }, created: !existing, ...(existing ? { previous: existing } : {}) };
      } catch (error) {
        if (!(isConflict(error) || isNotFound(error)) || attempt >= 5) throw error;
      }
    }
  }

  /** Removes a registration; false when there was none. */
  async unregister(tenantId: string, centreId: string, conversationKey: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(part(tenantId), registrationRowKey(this.prefix, centreId, conversationKey));
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
    key: ChannelKey,
    change: (reg: DigestRegistration) => DigestRegistration,
  ): Promise<StoredRegistration | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.getRegistration(key.tenantId, key.centreId, key.conversationKey);
      if (!current) return undefined;
      const { etag, ...plain } = current;
      const next = change(plain);
      try {
        const response = await this.table.updateEntity(registrationRow(this.prefix, next), 'Replace', { etag });
        return { ...next, etag: response.etag ?? '' };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        if (!isConflict(error) || attempt >= 5) throw error;
      }
    }
  }

  /**
   * Records the week's digest as sent. Given the registration as it was read (with its ETag), the
   * write goes straight to it, conditional on that ETag (one request); only when the row changed
   * meanwhile is it read again and the change re-applied.
   */
  async recordSent(key: ChannelKey | StoredRegistration, weekKey: string, at: string): Promise<void> {
    const change = (reg: DigestRegistration): DigestRegistration =>
      reg.lastSentWeek !== undefined && reg.lastSentWeek >= weekKey ? reg : { ...reg, lastSentWeek: weekKey, lastSentAt: at };
    if ('etag' in key && key.etag) {
      const { etag, ...read } = key;
      const next = change(read);
      if (next === read) return;
      try {
        await this.table.updateEntity(registrationRow(this.prefix, next), 'Replace', { etag });
        return;
      } catch (error) {
        if (isNotFound(error)) return;
        if (!isConflict(error)) throw error;
      }
    }
    await this.updateRegistration(key, change);
  }

  async recordManual(key: ChannelKey, at: string): Promise<void> {
    await this.updateRegistration(key, (reg) => ({ ...reg, lastManualAt: at }));
  }

  async recordFailure(key: ChannelKey, failure: DigestFailure): Promise<void> {
    await this.updateRegistration(key, (reg) => ({ ...reg, failures: withFailure(reg.failures, failure) }));
  }

  /** Marks the conversation as unreachable (403/404); true when this call did it (it was not blocked yet). */
  async markBlocked(key: ChannelKey, failure: DigestFailure): Promise<boolean> {
    let transitioned = false;
    await this.updateRegistration(key, (reg) => {
      transitioned = reg.blockedAt === undefined;
      return { ...reg, blockedAt: reg.blockedAt ?? failure.at, failures: withFailure(reg.failures, failure) };
    });
    return transitioned;
  }
}
