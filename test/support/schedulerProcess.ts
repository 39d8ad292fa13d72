/**
 * A Poolster instance that only runs the digest scheduler, as a child process a test can kill -9:
 * the same composition as `bot/main.ts` (startPoolster) with a fixed clock, ticking at the instants
 * in POOLSTER_TICKS (comma-separated ISO times), one after the other, then exiting.
 * Like bot/main.ts it also delivers the networks' community digests (communityDigestTarget).
 * POOLSTER_CONNECTOR_URL, when set, replaces the stored references' service URL, so the test can
 * tell this instance's requests from another's (FakeConnector.addEntrance).
 * Prints one JSON line per tick: {"at": ..., "report": TickReport}.
 */
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { startPoolster } from '../../bot/main';
import { channelPostReference } from '../../bot/references';
import { communityDigestTarget } from '../../dialogs/community';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';
import type { ConversationRef } from '../../domain/conversation';

async function run(): Promise<void> {
  const ticks = String(process.env.POOLSTER_TICKS ?? '').split(',').filter(Boolean).map((iso) => new Date(iso));
  const clock = { now: ticks[0] ?? new Date() };
  const config = loadConfig({ ...process.env, PORT: '0', SCHEDULER: 'false' });
  const logger = pino({ level: config.log.level });
  const poolster = await startPoolster(config, { logger, now: () => clock.now });
  const connectorUrl = process.env.POOLSTER_CONNECTOR_URL;
  const postReference = (ref: ConversationRef) => {
    const post = channelPostReference(ref);
    return connectorUrl ? { ...post, serviceUrl: connectorUrl } : post;
  };
  const { deps } = poolster;
  const scheduler = createDigestScheduler({
    ...deps,
    sources: deps.digestSources,
    postReference,
    now: () => clock.now,
    instanceId: process.env.POOLSTER_INSTANCE_ID ?? 'child',
    weeklyTargets: [communityDigestTarget(deps, logger)],
  });
  for (const at of ticks) {
    clock.now = at;
    const report = await scheduler.tick(at);
    process.stdout.write(`${JSON.stringify({ at: at.toISOString(), report })}\n`);
  }
  await poolster.close();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`scheduler process failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
