/**
 * Preloaded into the bot process by `npm run soak` only (`node --expose-gc --require`), never by
 * the product: on the soak's IPC message `memory` it reads RSS as it is, forces a full garbage
 * collection, and answers with RSS and the V8 heap after it. Heap growth after GC is what a leak
 * looks like; RSS also holds what the allocator and V8 keep for later (arenas, semi-spaces).
 */
type Gc = () => void;

process.on('message', (message: unknown) => {
  if (message !== 'memory') return;
  const before = process.memoryUsage();
  const gc = (globalThis as { gc?: Gc }).gc;
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  process.send?.({
    kind: 'memory',
    gc: Boolean(gc),
    rss: before.rss,
    heapUsedBeforeGc: before.heapUsed,
    rssAfterGc: after.rss,
    heapTotal: after.heapTotal,
    heapUsed: after.heapUsed,
    external: after.external,
    arrayBuffers: after.arrayBuffers,
  });
});
