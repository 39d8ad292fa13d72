/**
 * Pending file downloads on the `Downloads` table: what a one-time download link may rebuild.
 *
 * PartitionKey = SHA-256 of the link's token (hex): the token itself is never stored, so reading
 * the table gives no working link. RowKey = `link`. The row holds the file source's kind and small
 * key (never the bytes), who the file is for, and when the link expires. A download claims the row
 * by deleting it with its ETag: only one request, on any instance, wins; an expired row is deleted
 * unused.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { isConflict, isNotFound } from './tables';

const ROW_KEY = 'link';

export interface PendingDownload {
  tenantId: string;
  userId: string;
  channelUserId: string;
  /** Which registered file source rebuilds the bytes, and its key (re-checked on use). */
  kind: string;
  key: Record<string, string>;
  /** Shown on the download page; no content. */
  fileName: string;
  createdAt: string;
  expiresAt: string;
}

const rowSchema = z.object({
  tenantId: z.string().min(1).max(200),
  userId: z.string().min(1).max(200),
  channelUserId: z.string().max(300),
  kind: z.string().min(1).max(50),
  key: z.string().max(2000).transform((value, ctx) => {
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      json = undefined;
    }
    const parsed = z.record(z.string()).safeParse(json);
    if (!parsed.success) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'key is not a string record' });
      return z.NEVER;
    }
    return parsed.data;
  }),
  fileName: z.string().max(300),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

export class DownloadRepository {
  constructor(private readonly table: TableClient) {}

  async create(tokenHash: string, pending: PendingDownload): Promise<void> {
    if (!TOKEN_HASH_PATTERN.test(tokenHash)) throw new Error('token hash must be 64 hex characters');
    await this.table.createEntity({ partitionKey: tokenHash, rowKey: ROW_KEY, ...pending, key: JSON.stringify(pending.key) });
  }

  /** The pending download, if it exists and has not expired (nothing is consumed). */
  async peek(tokenHash: string, now: Date): Promise<PendingDownload | undefined> {
    const row = await this.read(tokenHash);
    if (!row) return undefined;
    if (Date.parse(row.pending.expiresAt) <= now.getTime()) {
      await this.remove(tokenHash, row.etag);
      return undefined;
    }
    return row.pending;
  }

  /**
   * Takes the pending download for one use: deleted with its ETag, so two requests (on any
   * instances) never both get it. Undefined when unknown, expired or already taken.
   */
  async claim(tokenHash: string, now: Date): Promise<PendingDownload | undefined> {
    const row = await this.read(tokenHash);
    if (!row) return undefined;
    const taken = await this.remove(tokenHash, row.etag);
    if (!taken) return undefined;
    if (Date.parse(row.pending.expiresAt) <= now.getTime()) return undefined;
    return row.pending;
  }

  /** Deletes the person's pending downloads (erasure on request). */
  async deleteFor(tenantId: string, userId: string): Promise<number> {
    let removed = 0;
    const filter = `tenantId eq '${tenantId.replace(/'/g, "''")}' and userId eq '${userId.replace(/'/g, "''")}'`;
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } })) {
      if (await this.remove(String(row.partitionKey), '*')) removed += 1;
    }
    return removed;
  }

  /** Deletes every row that expired before `now` (nightly housekeeping); returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    let removed = 0;
    const rows = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `expiresAt lt '${now.toISOString()}'`, select: ['PartitionKey', 'RowKey'] } });
    for await (const row of rows) {
      if (await this.remove(String(row.partitionKey), '*')) removed += 1;
    }
    return removed;
  }

  private async read(tokenHash: string): Promise<{ pending: PendingDownload; etag: string } | undefined> {
    if (!TOKEN_HASH_PATTERN.test(tokenHash)) return undefined;
    try {
      const entity = await this.table.getEntity<Record<string, unknown>>(tokenHash, ROW_KEY);
      const parsed = rowSchema.safeParse(entity);
      if (!parsed.success) {
        await this.remove(tokenHash, entity.etag);
        return undefined;
      }
      return { pending: parsed.data, etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async remove(tokenHash: string, etag: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(tokenHash, ROW_KEY, { etag });
      return true;
    } catch (error) {
      if (isNotFound(error) || isConflict(error)) return false;
      throw error;
    }
  }
}
