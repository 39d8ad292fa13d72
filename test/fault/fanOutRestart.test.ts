import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import { FakeConnector } from '../support/connector';
import { firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { faultSeed, killHard, seededRandom, startSchedulerProcess, type SchedulerProcess } from '../support/botProcess';
import { channelPostReference } from '../../bot/references';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';

/**
 * Issue 17.3: the weekly fan-out is killed (-9) after some digests went out and before the rest.
 * After the restart every channel has exactly one digest for that week. Also with two instances,
 * where the one holding the claim dies while the other goes on. Written against the scheduler's
 * public behaviour only: channels registered with `digest hier`, a scheduler ticking at given
 * instants, digests counted where they arrive (the connector). POOLSTER_FAULT_SEED=<n> repeats a run.
 */
const CHANNELS = 12;
const MONDAY = '2026-06-01T06:00:00Z'; // 08:00 in Brussels, the default digest moment (ISO week 23)

describe('Fault suite: a restart in the middle of the weekly fan-out', function () {
  this.timeout(180_000);
  let azurite: AzuriteHandle;
  let bot: TestBot;
  const connector = new FakeConnector();
  const clock = { now: new Date('2026-05-29T10:00:00Z') }; // the Friday before: channels are registered
  const tablePrefix = `f${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  let children: SchedulerProcess[] = [];
  const seed = faultSeed(17_3);
  const random = seededRandom(seed);

  before(async () => {
    azurite = await startAzurite();
    await connector.start();
    bot = await startTestBot({ connector, tablePrefix, now: () => clock.now, env: { STORAGE_CONNECTION_STRING: azurite.connectionString } });
  });
  after(async () => {
    for (const child of children) await killHard(child.proc);
    connector.beforeSend = undefined;
    await bot.stop();
    await connector.stop();
    await azurite.stop();
  });
  afterEach(() => {
    connector.beforeSend = undefined;
  });

  /** A centre whose director registers `CHANNELS` channels with `digest hier`; returns the channel ids. */
  async function centreWithChannels(name: string): Promise<string[]> {
    const director: TestUser = bot.user(`Directeur ${name}`);
    assert.ok(firstCard(await director.say(`setup GO! CLB ${name}`)));
    const channels = Array.from({ length: CHANNELS }, (_, i) => `19:${name.toLowerCase()}-${i}@thread.tacv2`);
    for (const id of channels) {
      const replies = await director.say('<at>Poolster</at> digest hier', { id, kind: 'channel', teamId: `19:team-${name.toLowerCase()}` });
      assert.match(String(replies[0]?.text), /^Afgesproken/);
    }
    return channels;
  }

  const digestsIn = (id: string) => connector.sentTo(id).filter((a) => Boolean(firstCard([a]))).length;

  /** Holds the `killAt`-th send through `entrance` unanswered and kills that sender; resolves once it is dead. */
  function killOnSend(entrance: string, killAt: number, victim: () => SchedulerProcess | undefined): { dead: Promise<void>; held: () => string | undefined; firstSend: Promise<void> } {
    let count = 0;
    let held: string | undefined;
    let markDead!: () => void;
    let markFirst!: () => void;
    const dead = new Promise<void>((resolve) => (markDead = resolve));
    const firstSend = new Promise<void>((resolve) => (markFirst = resolve));
    connector.beforeSend = (conversationId, from) => {
      if (from !== entrance || held) return undefined;
      count += 1;
      if (count === 1) markFirst();
      if (count < killAt) return undefined;
      held = conversationId;
      void killHard(victim()!.proc).then(markDead);
      return 'hold';
    };
    return { dead, held: () => held, firstSend };
  }

  it('one instance killed mid fan-out and restarted: every channel has exactly one digest for the week', async () => {
    const channels = await centreWithChannels('Omroep');
    const killAt = 2 + Math.floor(random() * (CHANNELS - 4)); // between the 2nd and the (N-2)th send
    const entrance = await connector.addEntrance('first');
    const first = startSchedulerProcess({ connectionString: azurite.connectionString, tablePrefix, ticks: [MONDAY], instanceId: 'first', connectorUrl: entrance });
    children.push(first);
    const kill = killOnSend('first', killAt, () => first);
    await kill.dead;
    await assert.rejects(first.done, /SIGKILL/);
    const beforeRestart = channels.map(digestsIn);
    connector.beforeSend = undefined;

    // Restarted: ticks on (5 minutes later the interrupted run is still claimed; after 10 it is taken over).
    const restarted = startSchedulerProcess({
      connectionString: azurite.connectionString,
      tablePrefix,
      ticks: ['2026-06-01T06:05:00Z', '2026-06-01T06:15:00Z', '2026-06-03T10:00:00Z'],
      instanceId: 'restarted',
      connectorUrl: entrance,
    });
    children.push(restarted);
    const reports = await restarted.done;
    const perChannel = channels.map(digestsIn);
    const sentBefore = beforeRestart.reduce((a, b) => a + b, 0);
    const duplicates = perChannel.reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missing = perChannel.filter((c) => c === 0).length;
    process.stdout.write(
      `      fan-out kill -9 (seed ${seed}, killed at send ${killAt}): ${CHANNELS} channels, ${sentBefore} sent before the kill, ` +
        `${reports.map((r) => r.report.digestsSent).join('+')} after the restart, ${duplicates} twice, ${missing} missing\n`,
    );
    assert.equal(sentBefore, killAt - 1, 'killed after some were sent, before the rest');
    assert.deepEqual(reports.map((r) => r.report.digestsSent), [CHANNELS - killAt, 1, 0], 'the rest at once; the interrupted one once its claim went stale; then nothing');
    assert.deepEqual(perChannel, channels.map(() => 1), 'exactly one digest per channel');
  });

  it('two instances, the one holding a claim dies: the other sends the rest and takes the claim over; exactly one digest per channel', async () => {
    const channels = await centreWithChannels('Tweeling');
    const killAt = 2 + Math.floor(random() * 3);
    const entrance = await connector.addEntrance('doomed');
    const doomed = startSchedulerProcess({ connectionString: azurite.connectionString, tablePrefix, ticks: [MONDAY], instanceId: 'doomed', connectorUrl: entrance });
    children.push(doomed);
    const survivorReports: Array<{ digestsSent: number; errors: number }> = [];
    clock.now = new Date(MONDAY);
    const { deps } = bot.poolster;
    const survivor = createDigestScheduler({ ...deps, sources: deps.digestSources, postReference: channelPostReference, now: () => clock.now, instanceId: 'survivor' });
    const kill = killOnSend('doomed', killAt, () => doomed);
    // The survivor starts ticking as soon as the doomed instance is under way: they race for claims.
    await kill.firstSend;
    survivorReports.push({ ...(await survivor.tick(new Date(MONDAY))) });
    await kill.dead;
    await assert.rejects(doomed.done, /SIGKILL/);
    const held = kill.held();
    assert.ok(held, 'the doomed instance died holding a claim');
    const afterKill = channels.map(digestsIn);
    for (const at of ['2026-06-01T06:05:00Z', '2026-06-01T06:15:00Z', '2026-06-01T06:20:00Z']) {
      clock.now = new Date(at);
      survivorReports.push({ ...(await survivor.tick(new Date(at))) });
    }
    const perChannel = channels.map(digestsIn);
    const duplicates = perChannel.reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missing = perChannel.filter((c) => c === 0).length;
    process.stdout.write(
      `      fan-out, two instances (seed ${seed}, claim holder killed at its send ${killAt}): ${CHANNELS} channels, ` +
        `${killAt - 1} sent by the instance that died, ${survivorReports.map((r) => r.digestsSent).join('+')} by the survivor, ${duplicates} twice, ${missing} missing\n`,
    );
    assert.equal(afterKill[channels.indexOf(held)], 0, 'the held digest had not arrived when its sender died');
    assert.equal(survivorReports.reduce((n, r) => n + (r.errors ?? 0), 0), 0);
    assert.equal(survivorReports[2]!.digestsSent, 1, 'taken over once the claim went stale');
    assert.equal(survivorReports[3]!.digestsSent, 0);
    assert.deepEqual(perChannel, channels.map(() => 1), 'exactly one digest per channel');
  });
});
