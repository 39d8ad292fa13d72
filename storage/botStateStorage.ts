/**
 * The bot framework's `Storage` contract (read/write/delete of JSON items with optional eTag),
 * implemented on Azure Tables. Structural: it does not import botbuilder, so storage/ stays free of
 * the transport. One row per key (partition = the encoded key), JSON split over several properties
 * when it exceeds one String property's 32K characters.
 *
 * Concurrency: an item written with an `eTag` other than '*' only replaces the row when the row still
 * has that ETag; otherwise the write fails, so two writers can never silently overwrite each other.
 */
import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound, keyPart } from './tables';

export interface StoreItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StoreItems = Record<string, StoreItem | undefined>;

const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 30; // ~900K characters: stays below the 1 MiB entity limit.

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage conflict: the item "${key}" was changed by another writer (ETag mismatch)`);
    this.name = 'StorageConflictError';
  }
}

export class TableBotStateStorage {
  constructor(private readonly table: TableClient) {}

  private static rowFor(key: string): { partitionKey: string; rowKey: string } {
    return { partitionKey: keyPart(key).slice(0, 1000), rowKey: 'state' };
  }

  async read(keys: string[]): Promise<StoreItems> {
    const result: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const { partitionKey, rowKey } = TableBotStateStorage.rowFor(key);
        try {
          const entity = await this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey);
          const count = Number(entity.chunks ?? 0);
          let json = '';
          for (let i = 0; i < count; i += 1) json += String(entity[`d${i}`] ?? '');
          const item = JSON.parse(json) as StoreItem;
          item.eTag = entity.etag;
          result[key] = item;
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
    );
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        if (!item) return;
        const { eTag, ...data } = item;
        // Non-ASCII is written as \u escapes (still valid JSON): Azurite corrupts a multi-byte character that
        // straddles a 64 KiB request-body chunk, and large state items cross that boundary.
        const json = JSON.stringify(data).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
        const chunks: Record<string, string> = {};
        const count = Math.ceil(json.length / CHUNK_CHARS) || 1;
        if (count > MAX_CHUNKS) throw new Error(`State item "${key}" is too large (${json.length} characters)`);
        for (let i = 0; i < count; i += 1) chunks[`d${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
        const entity = { ...TableBotStateStorage.rowFor(key), chunks: count, ...chunks };
        try {
          if (!eTag || eTag === '*') {
            await this.table.upsertEntity(entity, 'Replace');
          } else {
            await this.table.updateEntity(entity, 'Replace', { etag: eTag });
          }
        } catch (error) {
          if (isConflict(error) || isNotFound(error)) throw new StorageConflictError(key);
          throw error;
        }
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map(async (key) => {
        const { partitionKey, rowKey } = TableBotStateStorage.rowFor(key);
        try {
          await this.table.deleteEntity(partitionKey, rowKey);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }),
    );
  }
}
