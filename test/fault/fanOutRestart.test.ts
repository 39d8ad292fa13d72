import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startAzurite, type AzuriteHandle } from '../support/azurite';
import { FakeConnector } from '../support/connector';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { faultSeed, killHard, seededRandom, startSchedulerProcess, type SchedulerProcess } from '../support/botProcess';
import { networkCentre } from '../fixtures/networkFixtures';
import { channelPostReference } from '../../bot/references';
import { communityDigestTarget } from '../../dialogs/community';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';
import type { Network } from '../../domain/centre/model';

/**
 * Issue 17.3: the weekly fan-out is killed (-9) after some digests went out and before the rest.
 * After the restart every channel has exactly one digest for that week: the centre's digest
 * channels and the networks' Lerende community channels (whose digest is two pages for twelve
 * centres: every page exactly once). Also with two instances, where the one holding the claim dies
 * while the other goes on. Written against the scheduler's public behaviour only: channels
 * registered with `digest hier` and `community hier`, a scheduler ticking at given instants (in a
 * child process composed as bot/main.ts composes it), digests counted where they arrive (the
 * connector). POOLSTER_FAULT_SEED=<n> repeats a run.
 *
 * The fan-out order within a tenant is the centre digests, then the community digests (GO! CLB's
 * two pages, then Vrij CLB Netwerk's one): a kill moment picks where in that order the kill falls.
 */
const CHANNELS = 12;
const MONDAY = '2026-06-01T06:00:00Z'; // 08:00 in Brussels, the default digest moment (ISO week 23)
/** The community channels of a world: GO! CLB with twelve centres (two pages), Vrij CLB Netwerk with three (one page). */
const COMMUNITIES: Array<{ network: Network; centres: number; pages: number }> = [
  { network: 'GO! CLB', centres: 12, pages: 2 },
  { network: 'Vrij CLB Netwerk', centres: 3, pages: 1 },
];
const COMMUNITY_MESSAGES = COMMUNITIES.reduce((n, c) => n + c.pages, 0);
const SENDS = CHANNELS + COMMUNITY_MESSAGES;

/** A tenant with a centre of `CHANNELS` digest channels and the community channels: one week's fan-out. */
interface World {
  name: string;
  centreChannels: string[];
  communityChannels: Array<{ id: string; network: Network; pages: number }>;
}

describe('Fault suite: a restart in the middle of the weekly fan-out (centre and community digests)', function () {
  this.timeout(300_000);
  let azurite: AzuriteHandle;
  let bot: TestBot;
  const connector = new FakeConnector();
  const clock = { now: new Date('2026-05-29T10:00:00Z') }; // the Friday before: channels are registered
  const tablePrefix = `f${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const children: SchedulerProcess[] = [];
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

  /**
   * A tenant of its own (so every world is one fresh week's fan-out): a director registers
   * `CHANNELS` channels with `digest hier`; each network's coordinator registers its community
   * channel with `community hier maandag 8u` (the same moment as the centre digest), for the
   * network's opted-in centres.
   */
  async function world(name: string): Promise<World> {
    clock.now = new Date('2026-05-29T10:00:00Z');
    const tenantId = randomUUID();
    const director: TestUser = bot.user(`Directeur ${name}`, { tenantId });
    assert.ok(firstCard(await director.say(`setup GO! CLB ${name}`)));
    const centreChannels = Array.from({ length: CHANNELS }, (_, i) => `19:${name.toLowerCase()}-${i}@thread.tacv2`);
    for (const id of centreChannels) {
      const replies = await director.say('<at>Poolster</at> digest hier', { id, kind: 'channel', teamId: `19:team-${name.toLowerCase()}` });
      assert.match(String(replies[0]?.text), /^Afgesproken/);
    }
    const communityChannels: World['communityChannels'] = [];
    for (const community of COMMUNITIES) {
      for (let i = 0; i < community.centres; i += 1) {
        await networkCentre(bot, {
          name: `${community.network} ${name} ${String(i + 1).padStart(2, '0')}`,
          network: community.network,
          optIn: true,
          tenantId,
          inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '6.2', '4.3'], inspiring: i % 3 === 0 ? ['5.1'] : [], confirmedAt: '2026-03-01T09:00:00Z' },
        });
      }
      const coordinator = bot.user(`Coördinator ${community.network} ${name}`, { tenantId });
      await bot.poolster.deps.coordinators.appoint({ tenantId, network: community.network, userId: coordinator.userId, name: coordinator.name, appointedBy: 'operator', appointedAt: clock.now.toISOString() });
      const id = `19:community-${community.network.split(' ')[0]!.replace('!', '').toLowerCase()}-${name.toLowerCase()}@thread.tacv2`;
      const replies = await coordinator.say('<at>Poolster</at> community hier maandag 8u', { id, kind: 'channel', teamId: `19:team-community-${name.toLowerCase()}` });
      assert.match(String(replies[0]?.text), new RegExp(`kanaal van de Lerende community van ${community.network}[\\s\\S]*maandag om 08:00`));
      communityChannels.push({ id, network: community.network, pages: community.pages });
    }
    return { name, centreChannels, communityChannels };
  }

  /** The page numbers of the digest cards that arrived in a conversation (a one-page digest is page 1). */
  const pagesIn = (id: string): number[] =>
    connector
      .sentTo(id)
      .map((a) => firstCard([a]))
      .filter(Boolean)
      .map((card) => Number(/deel (\d+) van \d+/.exec(cardText(card))?.[1] ?? 1));

  interface Tally {
    /** Digest messages (centre digests and community pages) that arrived. */
    messages: number;
    /** Registrations whose whole digest (every page) arrived. */
    complete: number;
    twice: number;
    missing: number;
    /** Per centre channel: its digest count; per community channel: per page, its count. */
    perChannel: number[];
    perPage: number[][];
  }

  function tally(w: World): Tally {
    const perChannel = w.centreChannels.map((id) => pagesIn(id).length);
    const perPage = w.communityChannels.map((c) => {
      const arrived = pagesIn(c.id);
      return Array.from({ length: c.pages }, (_, i) => arrived.filter((p) => p === i + 1).length).concat(arrived.filter((p) => p < 1 || p > c.pages).length ? [99] : []);
    });
    const counts = [...perChannel, ...perPage.flat()];
    return {
      messages: counts.reduce((a, b) => a + b, 0),
      complete: perChannel.filter((c) => c > 0).length + perPage.filter((pages) => pages.every((c) => c > 0)).length,
      twice: counts.reduce((n, c) => n + Math.max(0, c - 1), 0),
      missing: counts.filter((c) => c === 0).length,
      perChannel,
      perPage,
    };
  }

  /** Every centre channel has one digest, every community channel each of its pages once. */
  function assertExactlyOnce(w: World, after: Tally): void {
    assert.deepEqual(after.perChannel, w.centreChannels.map(() => 1), 'exactly one digest per centre channel');
    assert.deepEqual(after.perPage, w.communityChannels.map((c) => Array.from({ length: c.pages }, () => 1)), 'exactly one community digest per community channel: every page once');
  }

  /** Where in the fan-out order the `n`-th send falls. */
  const sendLabel = (n: number) => (n <= CHANNELS ? `centre channel ${n}` : `community message ${n - CHANNELS} of ${COMMUNITY_MESSAGES}`);

  /**
   * Holds the first send through `entrance` for which `killHere(count)` says so (count = the
   * how-many-th send of that instance) unanswered and kills that sender; `dead` resolves once it is gone.
   */
  function killOnSend(entrance: string, killHere: (count: number) => boolean, victim: () => SchedulerProcess | undefined) {
    let count = 0;
    let held: string | undefined;
    let markDead!: () => void;
    let markFirst!: () => void;
    let markHeld!: () => void;
    const dead = new Promise<void>((resolve) => (markDead = resolve));
    const firstSend = new Promise<void>((resolve) => (markFirst = resolve));
    const holding = new Promise<void>((resolve) => (markHeld = resolve));
    connector.beforeSend = (conversationId, from) => {
      if (from !== entrance || held) return undefined;
      count += 1;
      if (count === 1) markFirst();
      if (!killHere(count)) return undefined;
      held = conversationId;
      markHeld();
      void killHard(victim()!.proc).then(markDead);
      return 'hold';
    };
    return { dead, held: () => held, firstSend, holding };
  }

  /** One instance killed at its `killAt`-th send, then a restarted one ticking on. */
  async function oneInstanceKilled(w: World, killAt: number, where: string): Promise<void> {
    const entrance = await connector.addEntrance(`first-${w.name}`);
    const first = startSchedulerProcess({ connectionString: azurite.connectionString, tablePrefix, ticks: [MONDAY], instanceId: `first-${w.name}`, connectorUrl: entrance });
    children.push(first);
    const kill = killOnSend(`first-${w.name}`, (count) => count === killAt, () => first);
    await kill.dead;
    await assert.rejects(first.done, /SIGKILL/);
    const before = tally(w);
    connector.beforeSend = undefined;

    // Restarted: ticks on (5 minutes later the interrupted run is still claimed; after 10 it is taken over).
    const restarted = startSchedulerProcess({
      connectionString: azurite.connectionString,
      tablePrefix,
      ticks: ['2026-06-01T06:05:00Z', '2026-06-01T06:15:00Z', '2026-06-03T10:00:00Z'],
      instanceId: `restarted-${w.name}`,
      connectorUrl: entrance,
    });
    children.push(restarted);
    const reports = await restarted.done;
    const after = tally(w);
    process.stdout.write(
      `      fan-out kill -9 ${where} (seed ${seed}, killed at send ${killAt} of ${SENDS}: ${sendLabel(killAt)}): ` +
        `${CHANNELS} centre channels + ${w.communityChannels.length} community channels (${COMMUNITY_MESSAGES} messages), ` +
        `${before.messages} messages sent before the kill, digests ${reports.map((r) => r.report.digestsSent).join('+')} after the restart, ` +
        `${after.messages} messages in all, ${after.twice} twice, ${after.missing} missing\n`,
    );
    const registrations = CHANNELS + w.communityChannels.length;
    assert.equal(before.messages, killAt - 1, 'killed after some were sent, before the rest');
    assert.deepEqual(
      reports.map((r) => r.report.digestsSent),
      [registrations - before.complete - 1, 1, 0],
      'the rest at once; the interrupted digest once its claim went stale; then nothing',
    );
    assert.deepEqual(reports.map((r) => r.report.errors), [0, 0, 0]);
    assertExactlyOnce(w, after);
    assert.equal(after.messages, SENDS);
  }

  it('one instance killed among the centre channels and restarted: every centre and community channel has exactly one digest for the week', async () => {
    const w = await world('Omroep');
    await oneInstanceKilled(w, 2 + Math.floor(random() * (CHANNELS - 2)), 'among the centre channels');
  });

  it('one instance killed between the two pages of a community digest and restarted: every community page once, every centre channel once', async () => {
    const w = await world('Gemeenschap');
    // GO! CLB's page 2: page 1 is out, the digest is half sent.
    await oneInstanceKilled(w, CHANNELS + 2, 'between the pages of a community digest');
  });

  /** The test process's own instance, composed as bot/main.ts composes it (with the community digest). */
  function survivorScheduler() {
    const { deps } = bot.poolster;
    return createDigestScheduler({
      ...deps,
      sources: deps.digestSources,
      postReference: channelPostReference,
      now: () => clock.now,
      instanceId: 'survivor',
      weeklyTargets: [communityDigestTarget(deps, deps.logger)],
    });
  }

  /**
   * Two instances on one storage. The doomed one (a child process) is killed holding the claim of
   * its `killAt`-th send; the survivor starts ticking at `survivorStarts` (racing for claims), then
   * ticks on until the dead instance's claim went stale.
   */
  async function twoInstances(w: World, killAt: number, survivorStarts: 'at-first-send' | 'while-holding', where: string): Promise<void> {
    const entrance = await connector.addEntrance(`doomed-${w.name}`);
    const doomed = startSchedulerProcess({ connectionString: azurite.connectionString, tablePrefix, ticks: [MONDAY], instanceId: `doomed-${w.name}`, connectorUrl: entrance });
    children.push(doomed);
    const survivorReports: Array<{ digestsSent: number; errors: number }> = [];
    clock.now = new Date(MONDAY);
    const survivor = survivorScheduler();
    const kill = killOnSend(`doomed-${w.name}`, (count) => count === killAt, () => doomed);
    await (survivorStarts === 'at-first-send' ? kill.firstSend : kill.holding);
    survivorReports.push({ ...(await survivor.tick(new Date(MONDAY))) });
    await kill.dead;
    await assert.rejects(doomed.done, /SIGKILL/);
    const held = kill.held();
    assert.ok(held, 'the doomed instance died holding a claim');
    const afterKill = tally(w);
    for (const at of ['2026-06-01T06:05:00Z', '2026-06-01T06:15:00Z', '2026-06-01T06:20:00Z']) {
      clock.now = new Date(at);
      survivorReports.push({ ...(await survivor.tick(new Date(at))) });
    }
    const after = tally(w);
    const heldCommunity = w.communityChannels.find((c) => c.id === held);
    process.stdout.write(
      `      fan-out, two instances ${where} (seed ${seed}, claim holder killed at its send ${killAt}, holding ${heldCommunity ? `the ${heldCommunity.network} community channel` : 'a centre channel'}): ` +
        `${CHANNELS} centre channels + ${w.communityChannels.length} community channels (${COMMUNITY_MESSAGES} messages), ` +
        `${killAt - 1} messages sent by the instance that died, digests ${survivorReports.map((r) => r.digestsSent).join('+')} by the survivor, ` +
        `${after.messages} messages in all, ${after.twice} twice, ${after.missing} missing\n`,
    );
    const heldArrived = heldCommunity ? 0 : afterKill.perChannel[w.centreChannels.indexOf(held)];
    assert.equal(heldArrived, 0, 'the held digest had not arrived when its sender died');
    assert.ok(afterKill.messages < SENDS, 'one message was still missing when the claim holder died');
    assert.equal(survivorReports.reduce((n, r) => n + (r.errors ?? 0), 0), 0);
    assert.equal(survivorReports[1]!.digestsSent, 0, 'the claim is not taken over while it is fresh');
    assert.equal(survivorReports[2]!.digestsSent, 1, 'taken over once the claim went stale');
    assert.equal(survivorReports[3]!.digestsSent, 0);
    assertExactlyOnce(w, after);
  }

  it('two instances, the one holding a claim dies: the other sends the rest and takes the claim over; exactly one digest per centre and community channel', async () => {
    const w = await world('Tweeling');
    await twoInstances(w, 2 + Math.floor(random() * 3), 'at-first-send', 'racing from the first send');
  });

  it('two instances, the one that dies holds a community page: the other sends the rest and takes that page over; every page once', async () => {
    const w = await world('Gedeeld');
    await twoInstances(w, CHANNELS + 1 + Math.floor(random() * COMMUNITY_MESSAGES), 'while-holding', 'with the claim holder on a community page');
  });
});
