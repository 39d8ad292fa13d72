import assert from 'node:assert/strict';
import { TableBotStateStorage, StorageConflictError } from '../../storage/botStateStorage';
import { freshTables } from '../support/azurite';

describe('Bot state storage on Azure Tables (real Azurite)', () => {
  let storage: TableBotStateStorage;

  beforeEach(async () => {
    const tables = await freshTables();
    storage = new TableBotStateStorage(tables.client('BotState'));
  });

  it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'msteams/conversations/a:1': { step: 3, title: 'Bouwsteen 4.1' } });
    const items = await storage.read(['msteams/conversations/a:1', 'msteams/unknown']);
    assert.deepEqual({ ...items['msteams/conversations/a:1'], eTag: undefined }, { step: 3, title: 'Bouwsteen 4.1', eTag: undefined });
    assert.ok(items['msteams/conversations/a:1']?.eTag, 'an eTag is returned');
    assert.equal(items['msteams/unknown'], undefined);
  });

  it('never lets two concurrent writers silently overwrite each other', async () => {
    const key = 'msteams/conversations/b:2';
    await storage.write({ [key]: { count: 0 } });
    const [first, second] = await Promise.all([storage.read([key]), storage.read([key])]);
    const results = await Promise.allSettled([
      storage.write({ [key]: { ...first[key], count: 1, writer: 'first' } }),
      storage.write({ [key]: { ...second[key], count: 1, writer: 'second' } }),
    ]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    assert.equal(fulfilled.length, 1, 'exactly one writer wins');
    assert.equal(rejected.length, 1, 'the other writer is told');
    assert.ok(rejected[0]!.reason instanceof StorageConflictError);
    const stored = (await storage.read([key]))[key]!;
    const winner = results[0]!.status === 'fulfilled' ? 'first' : 'second';
    assert.equal(stored.writer, winner, 'the stored item is the winner\'s, whole');
  });

  it('keeps large items whole across the 32K-character property limit', async () => {
    const long = 'é'.repeat(100_000);
    await storage.write({ big: { long } });
    const items = await storage.read(['big']);
    assert.equal(items.big?.long, long);
  });

  it('deletes items, and deleting twice is harmless', async () => {
    await storage.write({ gone: { x: 1 } });
    await storage.delete(['gone']);
    await storage.delete(['gone']);
    assert.deepEqual(await storage.read(['gone']), {});
  });
});
