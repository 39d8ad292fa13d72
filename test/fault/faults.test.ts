import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { azuriteConnectionString, freePort, startAzurite, type AzuriteHandle } from '../support/azurite';
import { TcpProxy } from '../support/tcpProxy';
import { startBotProcess as startBotProcessAt } from '../support/botProcess';
import { FakeConnector, TEAMS_RATE_LIMITS } from '../support/connector';
import { cardText, firstCard, lastCardTextIn, startTestBot, waitForCardIn, TENANT, type TestBot, type TestUser } from '../support/bot';
import { channelPostReference } from '../../bot/references';
import { createDigestScheduler, type DigestScheduler } from '../../dialogs/digest/scheduler';
import { DEFAULT_DIGEST_SCHEDULE } from '../../domain/calendar/schedule';
import type { ConversationRef } from '../../domain/conversation';
import { actionTitled } from '../support/cards';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { networkCentre } from '../fixtures/networkFixtures';
import { communityDigestTarget } from '../../dialogs/community';
import { SPEC_START, specClock, systemClock, type SpecClock } from '../support/clock';
import { schoolYearOf } from '../../domain/schoolYear';
import { brusselsDate } from '../../domain/time';

const at = (iso: string) => new Date(iso);

function channelRef(connector: FakeConnector, id: string): ConversationRef {
  return { channelId: 'msteams', serviceUrl: connector.url, conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true }, bot: { id: '28:poolster-bot', name: 'Poolster' } };
}

/** A digest registration for `channelId`, written straight to storage (as `digest hier` would). */
async function registerChannel(bot: TestBot, centreId: string, channelId: string, by: TestUser, now: Date): Promise<void> {
  await bot.poolster.deps.digests.channels.register({
    tenantId: TENANT,
    centreId,
    conversationKey: channelId,
    conversationKind: 'channel',
    ref: channelRef(bot.connector, channelId),
    schedule: { ...DEFAULT_DIGEST_SCHEDULE, pausedHolidays: [...DEFAULT_DIGEST_SCHEDULE.pausedHolidays] },
    registeredBy: by.userId,
    registeredByName: by.name,
    now,
  });
}

function schedulerOf(bot: TestBot, instanceId: string, now: () => Date, options: { community?: boolean } = {}): DigestScheduler {
  const { deps } = bot.poolster;
  return createDigestScheduler({
    ...deps,
    sources: deps.digestSources,
    postReference: channelPostReference,
    now,
    instanceId,
    ...(options.community ? { weeklyTargets: [communityDigestTarget(deps, deps.logger)] } : {}),
  });
}

/** Twelve opted-in GO! centres (two pages of the community digest) and a coordinator with a community channel. */
async function communityWorld(bot: TestBot, channelId: string, now: Date, registerOn: TestBot = bot): Promise<void> {
  for (let i = 0; i < 12; i += 1) {
    await networkCentre(bot, {
      name: `GO! CLB Gemeenschap ${String(i + 1).padStart(2, '0')}`,
      optIn: true,
      inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '6.2', '4.3'], inspiring: i % 3 === 0 ? ['5.1'] : [], confirmedAt: '2026-03-01T09:00:00Z' },
    });
  }
  const coordinatorId = randomUUID();
  await bot.poolster.deps.coordinators.appoint({ tenantId: TENANT, network: 'GO! CLB', userId: coordinatorId, name: 'Pol Coördinator', appointedBy: 'operator', appointedAt: now.toISOString() });
  const replies = await registerOn.user('Pol Coördinator', { userId: coordinatorId }).say('<at>Poolster</at> community hier', { id: channelId, kind: 'channel', teamId: '19:team-community' });
  assert.match(String(replies[0]?.text), /kanaal van de Lerende community van GO! CLB/);
}

const isCard = (activity: Record<string, any>) => Boolean(firstCard([activity]));

/**
 * Director sets up a centre and a round for one member; returns the member's first bouwsteen card.
 * `clock` is the clock the bot runs on: the school year and deadline come from it.
 */
async function roundWithMember(bot: TestBot, director: TestUser, member: TestUser, connector: FakeConnector, clock: SpecClock): Promise<any> {
  await director.say('setup GO! CLB Foutstad');
  const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
  connector.members.set(group.id, [director, member].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
  const created = await director.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(10), participants: member.userId, visibility: 'anoniem' }, group);
  assert.match(cardText(created.card), /Ik stuur nu 1 persoonlijke uitnodiging/);
  await waitForCardIn(connector, group.id, /De deelnemer kreeg een persoonlijke uitnodiging/);
  const intro = firstCard(await member.say('inschaling'));
  return (await member.execute('survey.open', actionTitled(intro, 'Start de inschaling').data)).card;
}

describe('Fault suite', function () {
  this.timeout(180_000);

  describe('storage goes away mid-survey', () => {
    let azurite: AzuriteHandle;
    let proxy: TcpProxy;
    let bot: TestBot;
    const connector = new FakeConnector();
    const clock = specClock();

    before(async () => {
      azurite = await startAzurite();
      proxy = new TcpProxy(await freePort(), azurite.port);
      await proxy.up();
      await connector.start();
      bot = await startTestBot({ connector, now: clock.now, env: { STORAGE_CONNECTION_STRING: azuriteConnectionString(proxy.port) } });
    });
    after(async () => {
      await bot.stop();
      await connector.stop();
      await proxy.down();
      await azurite.stop();
    });

    it('tells the member in Dutch to try again, does not crash, and works again when storage returns', async () => {
      const director = bot.user('Diane Directeur');
      const member = bot.user('Megan Bowen');
      const figures = { tried: 0, refusedPolitely: 0, lost: 0, duplicates: 0 };
      let card = await roundWithMember(bot, director, member, connector, clock);
      const first = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm() });
      figures.tried += 1;
      card = first.card;
      assert.match(cardText(card), /Bouwsteen 2 van 11/);

      await proxy.down();
      const during = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'tijdens de storing' }) });
      figures.tried += 1;
      assert.equal(during.status, 200, 'no 5xx for the member');
      assert.match(String(during.message), /De opslag is even niet bereikbaar\. Probeer zo opnieuw/);
      figures.refusedPolitely += 1;
      const health = await fetch(`${bot.poolster.url}/healthz`);
      assert.equal(health.status, 200, 'the bot process lives on');
      assert.equal((await fetch(`${bot.poolster.url}/readyz`)).status, 503, 'not ready while storage is down');
      const typed = await member.say('verder');
      assert.match(String(typed[0]?.text), /Probeer zo opnieuw/);

      await proxy.up();
      const ready = await fetch(`${bot.poolster.url}/readyz`);
      assert.equal(ready.status, 200, await ready.text());
      const after = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'na de storing' }) });
      figures.tried += 1;
      assert.match(cardText(after.card), /Bouwsteen 3 van 11/, 'the same card works once storage is back, without a restart');
      const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
      const draft = await bot.poolster.deps.survey.getMemberDraft(centre.openRoundId!, member.userId);
      assert.equal(draft?.bouwstenen['4.1']?.complete, true, 'the answer from before the outage is kept');
      assert.equal(draft?.bouwstenen['4.2']?.form.choiceNote, 'na de storing');
      figures.lost = draft?.bouwstenen['4.1']?.complete && draft.bouwstenen['4.2']?.complete ? 0 : 1;
      figures.duplicates = draft?.bouwstenen['4.2']?.version === 1 ? 0 : 1;
      process.stdout.write(`      storage outage: ${figures.tried} answers tried, ${figures.refusedPolitely} refused politely, ${figures.lost} lost, ${figures.duplicates} duplicated\n`);
      assert.deepEqual({ lost: figures.lost, duplicates: figures.duplicates }, { lost: 0, duplicates: 0 });
    });
  });

  describe('the bot process is killed (-9) mid-survey', () => {
    let azurite: AzuriteHandle;
    let child: ChildProcess | undefined;
    const connector = new FakeConnector();

    before(async () => {
      azurite = await startAzurite();
      await connector.start();
    });
    after(async () => {
      child?.kill('SIGKILL');
      await connector.stop();
      await azurite.stop();
    });

    const startBotProcess = (port: number, prefix: string) => startBotProcessAt({ port, connectionString: azurite.connectionString, tablePrefix: prefix });

    it('loses no answer: after a restart the member continues where they were', async () => {
      const port = await freePort();
      const prefix = `k${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      child = await startBotProcess(port, prefix);
      // Drive the real process over HTTP with the same user helpers (pointed at its URL).
      const bot = await startTestBot({ connector, env: { STORAGE_CONNECTION_STRING: azurite.connectionString, TABLE_PREFIX: prefix } });
      const url = `http://127.0.0.1:${port}`;
      (bot.poolster as { url: string }).url = url;
      const director = bot.user('Diane Directeur');
      const member = bot.user('Lee Gu');
      // The bot under test is a real process on the system clock: the round is computed from that
      // clock with the bot's own rule (Brussels time), so the outcome is the same on any date.
      let card = await roundWithMember(bot, director, member, connector, systemClock());
      let answered = 0;
      for (let i = 0; i < 4; i += 1) {
        const answer = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: `antwoord ${i + 1}` }) });
        card = answer.card;
        answered += 1;
      }
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      child = await startBotProcess(port, prefix);
      const resumed = firstCard(await member.say('verder'));
      assert.match(cardText(resumed), /Bouwsteen 5 van 11/);
      const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
      const draft = await bot.poolster.deps.survey.getMemberDraft(centre.openRoundId!, member.userId);
      const kept = ['4.1', '4.2', '4.3', '5.1'].filter((id) => draft?.bouwstenen[id as '4.1']?.complete).length;
      process.stdout.write(`      kill -9: ${answered} answers sent, ${kept} kept, ${answered - kept} lost\n`);
      assert.equal(kept, answered);
      assert.equal(draft?.bouwstenen['5.1']?.form.choiceNote, 'antwoord 4');
      await bot.stop();
    });
  });

  describe('three instances on one storage: one digest', () => {
    const connector = new FakeConnector();
    const clock = { now: at('2026-05-29T10:00:00Z') }; // Friday of ISO week 22
    let bots: TestBot[] = [];

    before(async () => {
      await connector.start();
      const tablePrefix = `i${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      for (let i = 0; i < 3; i += 1) bots.push(await startTestBot({ connector, tablePrefix, now: () => clock.now }));
    });
    after(async () => {
      for (const bot of bots) await bot.stop();
      bots = [];
      await connector.stop();
    });

    it('posts exactly one digest per channel per week while three instances tick at the same moment', async () => {
      // The director registers five channels, each through another instance.
      const dirkId = randomUUID();
      const dirkOn = (bot: TestBot) => bot.user('Dirk Directeur', { userId: dirkId });
      const dirk = dirkOn(bots[0]!);
      const { centre } = await bots[0]!.poolster.deps.centres.createCentre({
        tenantId: TENANT,
        name: 'GO! CLB Drievoud',
        network: 'GO! CLB',
        director: { tenantId: TENANT, userId: dirk.userId, channelUserId: dirk.channelUserId, name: dirk.name },
        now: clock.now,
      });
      const channels = Array.from({ length: 5 }, (_, i) => `19:drievoud-${i}@thread.tacv2`);
      for (const [i, id] of channels.entries()) {
        const replies = await dirkOn(bots[i % 3]!).say('<at>Poolster</at> digest hier', { id, kind: 'channel', teamId: '19:team-drievoud' });
        assert.match(String(replies[0]?.text), /^Afgesproken: het actieoverzicht van GO! CLB Drievoud komt voortaan in dit kanaal/);
      }
      const instances = bots.map((bot, i) => schedulerOf(bot, `instance-${i}`, () => clock.now));
      const tickAll = async (iso: string) => {
        clock.now = at(iso);
        const reports = await Promise.all(instances.map((s) => s.tick(at(iso))));
        assert.equal(reports.reduce((n, r) => n + r.errors, 0), 0, `no errors at ${iso}`);
        return reports.reduce((n, r) => n + r.digestsSent, 0);
      };
      const before = connector.requests;
      const sentPerTick: number[] = [];
      // Monday 1 June 08:00 Brussels and the ticks after it; then the next Monday.
      for (const iso of ['2026-06-01T06:00:00Z', '2026-06-01T06:05:00Z', '2026-06-01T06:10:00Z', '2026-06-03T10:00:00Z']) sentPerTick.push(await tickAll(iso));
      const firstWeek = channels.map((id) => connector.sentTo(id).filter(isCard).length);
      sentPerTick.push(await tickAll('2026-06-08T06:00:00Z'));
      const bothWeeks = channels.map((id) => connector.sentTo(id).filter(isCard).length);
      const tried = connector.requests - before;
      const delivered = bothWeeks.reduce((a, b) => a + b, 0);
      const lost = bothWeeks.filter((n) => n < 2).length;
      const duplicates = bothWeeks.reduce((n, count) => n + Math.max(0, count - 2), 0);
      process.stdout.write(`      three instances, ${channels.length} channels, 2 weeks: ${tried} requests tried, ${delivered} delivered, ${lost} answers lost, ${duplicates} duplicates\n`);
      assert.deepEqual(sentPerTick, [5, 0, 0, 0, 5], 'every digest claimed by exactly one instance');
      assert.deepEqual(firstWeek, [1, 1, 1, 1, 1], 'one digest per channel in week 23');
      assert.deepEqual(bothWeeks, [2, 2, 2, 2, 2], 'and one more in week 24');
      assert.equal(tried, 10, 'one request per digest: nobody sent twice');
      const regs = await bots[2]!.poolster.deps.digests.channels.listRegistrations(TENANT, centre.centreId);
      assert.deepEqual(regs.map((r) => r.lastSentWeek), ['2026-W24', '2026-W24', '2026-W24', '2026-W24', '2026-W24']);
    });

    it('posts exactly one community digest (both its pages) while three instances tick at the same moment', async () => {
      clock.now = at('2026-06-12T10:00:00Z');
      const channelId = '19:community-drievoud@thread.tacv2';
      await communityWorld(bots[0]!, channelId, clock.now, bots[1]!);
      const instances = bots.map((bot, i) => schedulerOf(bot, `community-${i}`, () => clock.now, { community: true }));
      const before = connector.sentTo(channelId).length;
      // Monday 15 June 09:00 Brussels (week 25) and the ticks after it.
      for (const iso of ['2026-06-15T07:00:00Z', '2026-06-15T07:00:00Z', '2026-06-15T07:05:00Z', '2026-06-17T10:00:00Z']) {
        clock.now = at(iso);
        const reports = await Promise.all(instances.map((s) => s.tick(at(iso))));
        assert.equal(reports.reduce((n, r) => n + r.errors, 0), 0, `no errors at ${iso}`);
      }
      const posted = connector.sentTo(channelId).slice(before).filter(isCard);
      const pages = posted.map((a) => cardText(firstCard([a])).match(/deel (\d) van 2/)?.[1]);
      process.stdout.write(`      three instances, community digest of 12 centres: ${posted.length} messages (pages ${pages.join(', ')})\n`);
      assert.deepEqual(pages, ['1', '2'], 'each page once, in order');
      const [reg] = await bots[2]!.poolster.deps.digests.communityChannels.listRegistrations(TENANT);
      assert.equal(reg!.lastSentWeek, '2026-W25');
    });
  });

  describe('a connector that throttles: all messages delivered', () => {
    const connector = new FakeConnector();
    let bot: TestBot;
    const clock = { now: at(SPEC_START) };

    before(async () => {
      await connector.start();
      // Real waits, as in production, with Teams' limits: a Retry-After of 1 s is slept for real.
      bot = await startTestBot({
        connector,
        now: () => clock.now,
        retry: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 5_000, random: Math.random },
      });
    });
    after(async () => {
      await bot.stop();
      await connector.stop();
    });
    afterEach(() => {
      connector.throttling = undefined;
    });

    it('invites 25 members to a round: every invitation delivered exactly once', async function () {
      this.timeout(120_000);
      const director = bot.user('Diane Directeur');
      await director.say('setup GO! CLB Drukstad');
      const members = Array.from({ length: 25 }, (_, i) => bot.user(`Lid ${String(i + 1).padStart(2, '0')}`));
      const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
      connector.members.set(group.id, [director, ...members].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
      // Teams' limits, and on top every 8th request answered 429 (Retry-After 1 s), so throttling surely happens.
      connector.throttling = { ...TEAMS_RATE_LIMITS, everyNth: 8, retryAfterSeconds: 1 };
      const [requests, throttled] = [connector.requests, connector.throttled];
      const deadline = brusselsDate(new Date(clock.now.getTime() + 10 * 86_400_000));
      const created = await director.execute('round.create', { schoolYear: schoolYearOf(clock.now), deadline, participants: members.map((m) => m.userId).join(','), visibility: 'anoniem' }, group);
      const perMember = members.map((m) => connector.sentTo(m.personalConversationId).filter(isCard).length);
      const tried = connector.requests - requests;
      const delivered = perMember.reduce((a, b) => a + b, 0);
      const lost = perMember.filter((n) => n === 0).length;
      const duplicates = perMember.reduce((n, count) => n + Math.max(0, count - 1), 0);
      process.stdout.write(`      throttling connector, 25 invitations: ${tried} requests tried (${connector.throttled - throttled} answered 429), ${delivered} delivered, ${lost} answers lost, ${duplicates} duplicates\n`);
      assert.ok(connector.throttled - throttled >= 5, 'the connector did throttle');
      assert.match(cardText(created.card), /Ik stuur nu 25 persoonlijke uitnodigingen/);
      assert.match(lastCardTextIn(connector, group.id), /Alle 25 deelnemers kregen een persoonlijke uitnodiging/);
      assert.deepEqual({ delivered, lost, duplicates }, { delivered: 25, lost: 0, duplicates: 0 });
    });

    it('posts the digest to 20 channels: every digest delivered exactly once', async function () {
      this.timeout(120_000);
      const director = bot.user('Dora Directeur');
      const { centre } = await bot.poolster.deps.centres.createCentre({
        tenantId: TENANT,
        name: 'GO! CLB Twintig',
        network: 'GO! CLB',
        director: { tenantId: TENANT, userId: director.userId, channelUserId: director.channelUserId, name: director.name },
        now: at('2026-05-29T10:00:00Z'),
      });
      const channels = Array.from({ length: 20 }, (_, i) => `19:twintig-${i}@thread.tacv2`);
      for (const id of channels) await registerChannel(bot, centre.centreId, id, director, at('2026-05-29T10:00:00Z'));
      connector.throttling = { ...TEAMS_RATE_LIMITS, everyNth: 8, retryAfterSeconds: 1 };
      const [requests, throttled] = [connector.requests, connector.throttled];
      clock.now = at('2026-06-01T06:00:00Z');
      const report = await schedulerOf(bot, 'single', () => clock.now).tick(clock.now);
      const perChannel = channels.map((id) => connector.sentTo(id).filter(isCard).length);
      const tried = connector.requests - requests;
      const delivered = perChannel.reduce((a, b) => a + b, 0);
      const lost = perChannel.filter((n) => n === 0).length;
      const duplicates = perChannel.reduce((n, count) => n + Math.max(0, count - 1), 0);
      process.stdout.write(`      throttling connector, digest to 20 channels: ${tried} requests tried (${connector.throttled - throttled} answered 429), ${delivered} delivered, ${lost} answers lost, ${duplicates} duplicates\n`);
      assert.ok(connector.throttled - throttled >= 2, 'the connector did throttle');
      assert.equal(report.digestsSent, 20);
      assert.equal(report.digestsFailed, 0);
      assert.deepEqual({ delivered, lost, duplicates }, { delivered: 20, lost: 0, duplicates: 0 });
    });

    it('posts the community digest (two pages) once through a throttling connector', async function () {
      this.timeout(120_000);
      clock.now = at('2026-05-29T10:00:00Z');
      const channelId = '19:community-druk@thread.tacv2';
      await communityWorld(bot, channelId, clock.now);
      connector.throttling = { ...TEAMS_RATE_LIMITS, everyNth: 2, retryAfterSeconds: 1 };
      const [requests, throttled] = [connector.requests, connector.throttled];
      clock.now = at('2026-06-01T07:00:00Z');
      const report = await schedulerOf(bot, 'single', () => clock.now, { community: true }).tick(clock.now);
      const again = await schedulerOf(bot, 'other', () => clock.now, { community: true }).tick(at('2026-06-01T07:05:00Z'));
      const posted = connector.sentTo(channelId).filter(isCard);
      const pages = posted.map((a) => cardText(firstCard([a])).match(/deel (\d) van 2/)?.[1]);
      process.stdout.write(`      throttling connector, community digest of 12 centres: ${connector.requests - requests} requests tried (${connector.throttled - throttled} answered 429), ${posted.length} delivered\n`);
      assert.ok(connector.throttled - throttled >= 1, 'the connector did throttle');
      assert.equal(report.digestsFailed, 0);
      assert.equal(again.digestsSent, 0, 'a later tick sends nothing more');
      assert.deepEqual(pages, ['1', '2'], 'each page delivered once');
    });

    it('a burst of 20 messages to one conversation (above 7 per second): paced by the sender to 7 per second, none answered 429, all delivered once', async function () {
      this.timeout(60_000);
      connector.throttling = TEAMS_RATE_LIMITS;
      const id = '19:burst@thread.tacv2';
      const [requests, throttled] = [connector.requests, connector.throttled];
      const started = Date.now();
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.poolster.deps.messenger.send(channelRef(connector, id), { text: `bericht ${i + 1}` })));
      const elapsed = Date.now() - started;
      const texts = connector.sentTo(id).map((a) => String(a.text));
      const delivered = new Set(texts).size;
      const tried = connector.requests - requests;
      process.stdout.write(`      throttling connector, burst of 20 to one conversation: ${tried} requests tried (${connector.throttled - throttled} answered 429), ${delivered} delivered, ${texts.length - delivered} duplicates, ${elapsed} ms\n`);
      assert.ok(outcomes.every((o) => o.ok), JSON.stringify(outcomes.filter((o) => !o.ok)));
      assert.equal(connector.throttled - throttled, 0, 'the sender kept to 7 per second: no 429');
      assert.equal(tried, 20, 'one request per message');
      assert.deepEqual({ delivered, duplicates: texts.length - delivered }, { delivered: 20, duplicates: 0 });
    });

    it('a burst of 20 messages when Teams throttles anyway (its budget shared with another sender): every 429 waited out, all delivered once', async function () {
      this.timeout(60_000);
      // Every 3rd request answered 429 with Retry-After 1 s, on top of Teams' limits.
      connector.throttling = { ...TEAMS_RATE_LIMITS, everyNth: 3, retryAfterSeconds: 1 };
      const id = '19:burst-shared@thread.tacv2';
      const [requests, throttled] = [connector.requests, connector.throttled];
      const started = Date.now();
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.poolster.deps.messenger.send(channelRef(connector, id), { text: `bericht ${i + 1}` })));
      const elapsed = Date.now() - started;
      const texts = connector.sentTo(id).map((a) => String(a.text));
      const delivered = new Set(texts).size;
      const tried = connector.requests - requests;
      process.stdout.write(`      throttling connector (shared budget), burst of 20 to one conversation: ${tried} requests tried (${connector.throttled - throttled} answered 429), ${delivered} delivered, ${texts.length - delivered} duplicates, ${elapsed} ms\n`);
      assert.ok(outcomes.every((o) => o.ok), JSON.stringify(outcomes.filter((o) => !o.ok)));
      assert.ok(connector.throttled - throttled >= 5, 'the connector did throttle');
      assert.equal(connector.throttled - throttled, tried - 20, 'every extra request was a 429');
      assert.deepEqual({ delivered, duplicates: texts.length - delivered }, { delivered: 20, duplicates: 0 });
    });
  });
});
