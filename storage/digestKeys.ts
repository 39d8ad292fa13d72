/**
 * Key helpers shared by the three stores on the `Digests` table (digestChannels.ts, weeklyRuns.ts,
 * reminderLedger.ts). Key parts are percent-encoded (keyPart, with "~" encoded too: it is our
 * separator); a conversation id is base64url.
 */
import type { TableClient } from '@azure/data-tables';
import { keyPart, odataString } from './tables';

/** A key part: percent-encoded, "~" (our separator) included. */
export function part(value: string): string {
  return keyPart(value).replace(/~/g, '%7E');
}

export function conversationPart(conversationKey: string): string {
  return Buffer.from(conversationKey, 'utf8').toString('base64url');
}

/** One registered conversation of one scope (a centre, or a network's community) of a tenant. */
export interface ChannelKey {
  tenantId: string;
  centreId: string;
  conversationKey: string;
}

/** Identifies one registered conversation of one centre across the table. */
export function channelKeyOf(reg: ChannelKey): string {
  return `${part(reg.tenantId)}~${part(reg.centreId)}~${conversationPart(reg.conversationKey)}`;
}

/** A filter for RowKeys starting with `prefix` (prefix + any key-safe character). */
export function rowKeyPrefixFilter(prefix: string): string {
  return `RowKey ge ${odataString(prefix)} and RowKey lt ${odataString(`${prefix}~`)}`;
}

export type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag: string };

/** Drops undefined values: a Replace then removes the property. */
export function compact<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

export const optional = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Deletes every row the filter selects, in batches per partition; returns how many. */
export async function deleteWhere(table: TableClient, filter: string): Promise<number> {
  const byPartition = new Map<string, string[]>();
  for await (const row of table.listEntities<Row>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } })) {
    if (!row.partitionKey || !row.rowKey) continue;
    byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row.rowKey]);
  }
  let deleted = 0;
  for (const [partitionKey, rowKeys] of byPartition) {
    for (let i = 0; i < rowKeys.length; i += 100) {
      await table.submitTransaction(rowKeys.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey, rowKey }]));
      deleted += Math.min(100, rowKeys.length - i);
    }
  }
  return deleted;
}
