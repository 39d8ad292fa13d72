/**
 * Confirmed team inschalingen on the `Inschalingen` table.
 *
 * PartitionKey = `${tenantId}~${centreId}` (key-encoded): all school years of one centre in one
 * partition, so "the last confirmed inschaling" and "the one before this school year" are one
 * small partition query.
 * RowKey = the school year ("2026-2027"): one row per centre and school year. Rows sort by year.
 *
 * One row holds the whole confirmation, so a confirmation or publication is a single write with
 * one ETag (two directors at once: the second gets a conflict, never a mix). Properties:
 *   confirm_4_1 … confirm_6_5   JSON of one bouwsteen's confirmation (stadium, proposal, tie,
 *                               reason ≤ 1,000 characters, who, when): each ≤ ~1.3 KB, far below
 *                               the 64 KiB limit of a String property
 *   priorities                  JSON array of the team priorities (BouwsteenId[], ≤ 5)
 *   offeredInspiring            JSON array of BouwsteenId
 *   snapshot                    JSON of the aggregates (counts, Borda points; no names, no
 *                               toelichtingen): ≤ ~6 KB
 *   version, roundId, visibility, confirmedAt/By/ByName, published, publishedAt/By/ByName
 * The entity stays far below 1 MiB and 255 properties. A row exists only once confirmed.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
import { bouwsteenConfirmationSchema, resultSnapshotSchema, type BouwsteenConfirmation, type Inschaling } from '../domain/result/inschaling';
import type { SchoolYear } from '../domain/schoolYear';
import { isConflict, isNotFound, keyPart, odataString } from './tables';

type Row = Record<string, unknown> & { partitionKey: string; rowKey: string; etag: string };

const bouwsteenIds = z.array(z.enum(BOUWSTEEN_IDS as unknown as [BouwsteenId, ...BouwsteenId[]]));

const safeKey = (value: string) => keyPart(value).replace(/~/g, '%7E');

export function inschalingPartition(tenantId: string, centreId: string): string {
  return `${safeKey(tenantId)}~${safeKey(centreId)}`;
}

const confirmationProperty = (id: BouwsteenId) => `confirm_${id.replace('.', '_')}`;

export class InschalingConflictError extends Error {
  constructor() {
    super('The inschaling was changed by another request');
    this.name = 'InschalingConflictError';
  }
}

function toRow(inschaling: Inschaling): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const row: Record<string, unknown> & { partitionKey: string; rowKey: string } = {
    partitionKey: inschalingPartition(inschaling.tenantId, inschaling.centreId),
    rowKey: inschaling.schoolYear,
    tenantId: inschaling.tenantId,
    centreId: inschaling.centreId,
    schoolYear: inschaling.schoolYear,
    roundId: inschaling.roundId,
    visibility: inschaling.visibility,
    version: inschaling.version,
    priorities: JSON.stringify(inschaling.priorities),
    offeredInspiring: JSON.stringify(inschaling.offeredInspiring),
    snapshot: JSON.stringify(inschaling.snapshot),
    confirmedAt: inschaling.confirmedAt,
    confirmedBy: inschaling.confirmedBy,
    confirmedByName: inschaling.confirmedByName,
    published: inschaling.published,
    publishedAt: inschaling.publishedAt ?? '',
    publishedBy: inschaling.publishedBy ?? '',
    publishedByName: inschaling.publishedByName ?? '',
  };
  for (const id of BOUWSTEEN_IDS) row[confirmationProperty(id)] = JSON.stringify(inschaling.confirmations[id]);
  return row;
}

const rowSchema = z.object({
  tenantId: z.string().min(1),
  centreId: z.string().min(1),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  roundId: z.string().min(1),
  visibility: z.enum(['anoniem', 'open']),
  version: z.coerce.number().int().min(1),
  confirmedAt: z.string(),
  confirmedBy: z.string(),
  confirmedByName: z.string(),
  published: z.boolean(),
  publishedAt: z.string().optional(),
  publishedBy: z.string().optional(),
  publishedByName: z.string().optional(),
});

function fromRow(row: Row): Inschaling {
  const parsed = rowSchema.parse({
    ...row,
    publishedAt: row.publishedAt || undefined,
    publishedBy: row.publishedBy || undefined,
    publishedByName: row.publishedByName || undefined,
  });
  const base = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as typeof parsed;
  const confirmations = {} as Record<BouwsteenId, BouwsteenConfirmation>;
  for (const id of BOUWSTEEN_IDS) confirmations[id] = bouwsteenConfirmationSchema.parse(JSON.parse(String(row[confirmationProperty(id)])));
  return {
    ...base,
    schoolYear: base.schoolYear as SchoolYear,
    confirmations,
    priorities: bouwsteenIds.parse(JSON.parse(String(row.priorities ?? '[]'))),
    offeredInspiring: bouwsteenIds.parse(JSON.parse(String(row.offeredInspiring ?? '[]'))),
    snapshot: resultSnapshotSchema.parse(JSON.parse(String(row.snapshot))),
  };
}

export class InschalingRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, centreId: string, schoolYear: string): Promise<(Inschaling & { etag: string }) | undefined> {
    try {
      const row = await this.table.getEntity<Row>(inschalingPartition(tenantId, centreId), schoolYear);
      return { ...fromRow(row), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every confirmed inschaling of a centre, latest school year first. */
  async list(tenantId: string, centreId: string): Promise<Inschaling[]> {
    const filter = `PartitionKey eq ${odataString(inschalingPartition(tenantId, centreId))}`;
    const result: Inschaling[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter } })) result.push(fromRow(row));
    return result.sort((a, b) => b.schoolYear.localeCompare(a.schoolYear));
  }

  /** The latest confirmed inschaling, optionally of a school year before `before`. */
  async latestConfirmed(tenantId: string, centreId: string, options: { before?: string } = {}): Promise<Inschaling | undefined> {
    const all = await this.list(tenantId, centreId);
    return all.find((i) => options.before === undefined || i.schoolYear < options.before);
  }

  /** The latest inschaling the director published to the team. */
  async latestPublished(tenantId: string, centreId: string): Promise<Inschaling | undefined> {
    return (await this.list(tenantId, centreId)).find((i) => i.published);
  }

  /**
   * The team priorities of the last confirmed inschaling, most important first; undefined when the
   * centre has none. Bound, so it can be handed around as a plain function.
   */
  readonly confirmedPriorities = async (tenantId: string, centreId: string): Promise<BouwsteenId[] | undefined> =>
    (await this.latestConfirmed(tenantId, centreId))?.priorities;

  /**
   * Writes an inschaling. Without `etag` the row must not exist yet; with it, nobody may have
   * changed the row since it was read. Otherwise an InschalingConflictError.
   */
  async save(inschaling: Inschaling, etag?: string): Promise<void> {
    try {
      if (etag) await this.table.updateEntity(toRow(inschaling), 'Replace', { etag });
      else await this.table.createEntity(toRow(inschaling));
    } catch (error) {
      if (isConflict(error)) throw new InschalingConflictError();
      throw error;
    }
  }
}
