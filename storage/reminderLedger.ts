/**
 * The reminder ledger of a centre on the `Digests` table, one partition `rem~<tenantId>~<centreId>`:
 *   `day~<YYYY-MM-DD>`              the day's reminder pass, claimed by conditional insert
 *   `own~<actieId>`                 the last reminder an action's owner got (kind, date, deadline)
 *   `nudge~<roundId>~<userId>`      the nudge kinds a round participant got
 * Each reminder is claimed (conditional insert, or ETag update of the previous record) before it is
 * sent, so two instances never send the same reminder; a failed send restores the previous record.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { OwnerReminderKind, RoundNudgeKind } from '../domain/calendar/reminders';
import { deleteWhere, part, rowKeyPrefixFilter, type Row } from './digestKeys';
import { isConflict, isNotFound, odataString } from './tables';

function reminderPartition(tenantId: string, centreId: string): string {
  return `rem~${part(tenantId)}~${part(centreId)}`;
}

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

export class ReminderLedger {
  constructor(private readonly table: TableClient) {}

  /** Deletes the reminder-day claims of dates before `beforeDate` (only today's claim decides anything). */
  pruneDaysBefore(beforeDate: string): Promise<number> {
    return deleteWhere(
      this.table,
      `PartitionKey ge 'rem~' and PartitionKey lt 'rem~~' and RowKey ge ${odataString(DAY_PREFIX)} and RowKey lt ${odataString(`${DAY_PREFIX}${beforeDate}`)}`,
    );
  }

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
