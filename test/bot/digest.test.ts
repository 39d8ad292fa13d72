import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import nodeCron from 'node-cron';
import pino from 'pino';
import sinon from 'sinon';
import { createAdapter } from '../../bot/app';
import { errorSummary as routerErrorSummary } from '../../bot/router';
import { errorSummary } from '../../domain/errors';
import { createMessenger } from '../../bot/messenger';
import type { RetryPolicy } from '../../bot/connectorRetry';
import { channelPostReference } from '../../bot/references';
import type { HolidayCalendar } from '../../domain/calendar/calendarData';
import { createDigestScheduler, type CronLike, type DigestScheduler } from '../../dialogs/digest/scheduler';
import { NO_DIGEST_SOURCES, type DigestSources } from '../../dialogs/digest/sources';
import { NOT_DIRECTOR_MESSAGE, notInCentreMessage, PERSONAL_CHAT_REFUSAL } from '../../dialogs/digest';
import type { Messenger } from '../../dialogs/types';
import type { CentreRepository } from '../../storage/centres';
import { createDigestStores, type DigestStores } from '../../storage/digests';
import { PlanRepository } from '../../storage/plans';
import { createTables } from '../../storage/tables';
import { cardText, firstCard, startTestBot, TENANT, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard } from '../support/cards';
import { DIGEST_PRIORITIES, DIGEST_ROUND, digestPlan } from '../fixtures/digestPlan';

/**
 * Issue 6: the weekly digest and the reminders. Whole turns over HTTP for the commands; the
 * scheduler driven tick by tick with an explicit clock, against the real Azurite and the
 * FakeConnector on loopback.
 */

const at = (iso: string) => new Date(iso);

function personalRef(bot: TestBot, user: TestUser) {
  return {
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    conversation: { id: user.personalConversationId, conversationType: 'personal', tenantId: TENANT },
    bot: { id: '28:poolster-bot', name: 'Poolster' },
    user: { id: user.channelUserId },
  };
}

interface World {
  bot: TestBot;
  clock: { now: Date };
  centreId: string;
  centreName: string;
  dirk: TestUser;
  els: TestUser;
  jan: TestUser;
  channel: ConversationSpec;
}

let worldCounter = 0;

/** A bot, a centre with director Dirk (reachable privately), member Els (reachable) and Jan (not). */
async function makeWorld(start: string, options: { retry?: Partial<RetryPolicy> } = {}): Promise<World> {
  const clock = { now: at(start) };
  const bot = await startTestBot({ now: () => clock.now, ...(options.retry ? { retry: options.retry } : {}) });
  const dirk = bot.user('Dirk Directeur');
  const els = bot.user('Els Peeters');
  const jan = bot.user('Jan Janssens');
  worldCounter += 1;
  const centreName = `GO! CLB Gent ${worldCounter}`;
  const { centre } = await bot.poolster.deps.centres.createCentre({
    tenantId: TENANT,
    name: centreName,
    network: 'GO! CLB',
    director: { tenantId: TENANT, userId: dirk.userId, channelUserId: dirk.channelUserId, name: dirk.name, personalChat: personalRef(bot, dirk) },
    now: clock.now,
  });
  await bot.poolster.deps.centres.savePerson({
    tenantId: TENANT,
    userId: els.userId,
    channelUserId: els.channelUserId,
    centreId: centre.centreId,
    name: els.name,
    roles: ['lid'],
    personalChat: personalRef(bot, els),
    updatedAt: clock.now.toISOString(),
  });
  await bot.poolster.deps.centres.savePerson({
    tenantId: TENANT,
    userId: jan.userId,
    channelUserId: jan.channelUserId,
    centreId: centre.centreId,
    name: jan.name,
    roles: ['lid'],
    updatedAt: clock.now.toISOString(),
  });
  const channel: ConversationSpec = { id: `19:beleid-${worldCounter}@thread.tacv2`, kind: 'channel', teamId: '19:team-gent' };
  return { bot, clock, centreId: centre.centreId, centreName, dirk, els, jan, channel };
}

function planSources(world: World, over: Partial<DigestSources> = {}): DigestSources {
  return {
    plan: async () => digestPlan({ els: world.els.userId, jan: world.jan.userId }),
    priorities: async () => DIGEST_PRIORITIES,
    openRound: async () => DIGEST_ROUND,
    roundStragglers: async () => undefined,
    ...over,
  };
}

function schedulerFor(world: World, options: { sources?: DigestSources; messenger?: Messenger; digests?: DigestStores; calendar?: HolidayCalendar; logger?: pino.Logger; cron?: CronLike } = {}): DigestScheduler {
  const deps = world.bot.poolster.deps;
  return createDigestScheduler({
    centres: deps.centres,
    digests: options.digests ?? deps.digests,
    sources: options.sources ?? planSources(world),
    messenger: options.messenger ?? deps.messenger,
    logger: options.logger ?? deps.logger,
    now: () => world.clock.now,
    postReference: channelPostReference,
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.cron ? { cron: options.cron } : {}),
  });
}

/** Registers the world's channel as Dirk would, at the given instant. */
async function register(world: World, when: string, args = '', channel = world.channel): Promise<string> {
  world.clock.now = at(when);
  const replies = await world.dirk.say(`<at>Poolster</at> digest hier ${args}`.trim(), channel);
  assert.equal(replies.length, 1);
  return String(replies[0]!.text);
}

const channelCards = (world: World, id = world.channel.id) => world.bot.connector.sentTo(id).filter((a) => firstCard([a]));
const personalTexts = (world: World, user: TestUser) => world.bot.connector.sentTo(user.personalConversationId).map((a) => String(a.text ?? ''));

async function tickAt(world: World, scheduler: DigestScheduler, iso: string) {
  world.clock.now = at(iso);
  return scheduler.tick(world.clock.now);
}

describe('Weekly digest: the digest commands (whole turns)', function () {
  this.timeout(60_000);
  let world: World;
  before(async () => {
    world = await makeWorld('2026-05-22T10:00:00Z'); // Friday of ISO week 21
  });
  after(async () => world.bot.stop());

  it('refuses `digest hier` in a personal chat, with the explanation in Dutch', async () => {
    const replies = await world.dirk.say('digest hier');
    assert.equal(replies.length, 1);
    assert.equal(replies[0]!.text, PERSONAL_CHAT_REFUSAL);
    assert.deepEqual(await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId), []);
  });

  it('refuses a member and a stranger', async () => {
    const member = await world.els.say('digest hier', world.channel);
    assert.equal(member[0]!.text, NOT_DIRECTOR_MESSAGE);
    for (const sub of ['uit', 'nu', 'status']) assert.equal((await world.els.say(`digest ${sub}`, world.channel))[0]!.text, NOT_DIRECTOR_MESSAGE);
    const stranger = world.bot.user('Olga Onbekend');
    assert.equal((await stranger.say('digest hier', world.channel))[0]!.text, notInCentreMessage('channel'));
    assert.deepEqual(await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId), []);
  });

  it('explains the sub-commands when none is given', async () => {
    const replies = await world.dirk.say('digest', world.channel);
    assert.match(String(replies[0]!.text), /^Gebruik: \*\*@Poolster digest hier\*\*/, 'in the channel every command is shown with the @mention');
  });

  it('`digest hier` by the director registers the channel with the default schedule; the next digest skips Whit Monday', async () => {
    const text = await register(world, '2026-05-22T10:00:00Z');
    assert.equal(
      text,
      `Afgesproken: het actieoverzicht van ${world.centreName} komt voortaan in dit kanaal, elke maandag om 08:00 (Belgische tijd); ` +
        'op een feestdag de eerstvolgende werkdag; niet tijdens de kerstvakantie en de zomervakantie. ' +
        'Het volgende overzicht komt op dinsdag 26 mei 2026 om 08:00. ' +
        'Typ **@Poolster digest nu** voor een overzicht meteen, **@Poolster digest status** om te zien wat er vertrok, of **@Poolster digest uit** om te stoppen.',
    );
    const [reg] = await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId);
    assert.equal(reg?.conversationKey, world.channel.id);
    assert.equal(reg?.conversationKind, 'channel');
    assert.equal(reg?.registeredBy, world.dirk.userId);
    assert.equal((reg?.ref.conversation as { id: string }).id, world.channel.id);
    assert.equal(reg?.ref.serviceUrl, world.bot.connector.url);
    assert.equal(reg?.lastSentWeek, '2026-W21', "this week's moment had passed: the first digest is next week's");
  });

  it('`digest hier` with a schedule updates it; a bad word is explained', async () => {
    const bad = await register(world, '2026-05-22T10:05:00Z', 'zondag');
    assert.match(bad, /Kies een werkdag/);
    const text = await register(world, '2026-05-22T10:05:00Z', 'woensdag 9u30 pauze zomer krokus');
    assert.match(text, /^Bijgewerkt: het actieoverzicht van .* komt in dit kanaal, elke woensdag om 09:30 \(Belgische tijd\); .*niet tijdens de krokusvakantie en de zomervakantie\. Het volgende overzicht komt op woensdag 27 mei 2026 om 09:30\./);
    const text2 = await register(world, '2026-05-22T10:06:00Z', 'maandag 08:00 pauze zomer kerst');
    assert.match(text2, /elke maandag om 08:00/);
    assert.equal((await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId)).length, 1);
  });

  it('`digest nu` posts the digest here at once, from the stored plan, outside the weekly claim', async () => {
    const { deps } = world.bot.poolster;
    await new PlanRepository(world.bot.poolster.tables.client('Plans')).replacePlan(world.centreId, digestPlan(), world.clock.now);
    // An open round of three participants, two of whom sent their inschaling.
    const participant = (user: TestUser, submitted: boolean) => ({
      userId: user.userId,
      channelUserId: user.channelUserId,
      name: user.name,
      position: 'intro',
      nudges: [],
      ...(submitted ? { submittedAt: '2026-05-30T10:00:00.000Z' } : {}),
    });
    const round = await deps.survey.createRound(
      { tenantId: TENANT, centreId: world.centreId, schoolYear: '2025-2026', deadline: '2026-06-05', visibility: 'anoniem', createdBy: world.dirk.userId, createdAt: world.clock.now },
      [participant(world.dirk, true), participant(world.els, true), participant(world.jan, false)],
    );
    const centre = (await deps.centres.getCentre(TENANT, world.centreId))!;
    const { etag, ...plain } = centre;
    await deps.centres.updateCentre({ ...plain, openRoundId: round.roundId }, etag);
    world.clock.now = at('2026-06-01T12:00:00Z');
    const replies = await world.dirk.say('digest nu', world.channel);
    assert.equal(replies.length, 1);
    const card = firstCard(replies);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /^Actieoverzicht$/m);
    assert.match(text, new RegExp(`${world.centreName} · maandag 1 juni 2026`));
    assert.match(text, /Deadline in de komende 7 dagen\nNieuwsbrief voor de scholen\nJan · deadline ma 1 jun \(vandaag\)/);
    assert.match(text, /Achterstallig\nProcedure onthaal herschrijven/);
    assert.match(text, /Afgerond in de voorbije week\nDashboard bijwerken/);
    assert.match(text, /Inschalingsronde\n2 van de 3 deelnemers verzonden hun inschaling definitief\. Deadline: vrijdag 5 juni 2026 \(nog 4 dagen\)\./);
    assert.doesNotMatch(text, /Jan Janssens|Els Peeters/, 'nobody is named about the round');
    const reg = (await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.equal(reg.lastManualAt, '2026-06-01T12:00:00.000Z');
    assert.equal(reg.lastSentWeek, '2026-W21', 'a digest on request does not count as the weekly one');
  });

  it('`digest status` tells the schedule, the last digest, what comes next and any problems', async () => {
    world.clock.now = at('2026-06-01T12:05:00Z');
    const replies = await world.dirk.say('digest status', world.channel);
    const text = String(replies[0]!.text);
    assert.match(text, new RegExp(`^Wekelijks actieoverzicht van ${world.centreName}:`));
    assert.match(text, /\*\*Dit kanaal\*\*, ingesteld door Dirk Directeur op vrijdag 22 mei 2026/);
    assert.match(text, /- Schema: elke maandag om 08:00 \(Belgische tijd\); op een feestdag de eerstvolgende werkdag; niet tijdens de kerstvakantie en de zomervakantie\./);
    assert.match(text, /- Laatste wekelijkse overzicht: nog geen\./);
    assert.match(text, /- Volgende: binnen enkele minuten\./, 'week 23 is due and not sent yet');
    assert.match(text, /- Laatst op vraag gepost: maandag 1 juni 2026 om 14:00\./);
    assert.match(text, /- Problemen: geen\./);
  });

  it('`digest uit` stops it here; a second time there is nothing to stop', async () => {
    const first = await world.dirk.say('digest uit', world.channel);
    assert.match(String(first[0]!.text), /^Gestopt: hier komt geen wekelijks actieoverzicht meer\./);
    const second = await world.dirk.say('digest uit', world.channel);
    assert.match(String(second[0]!.text), /er is niets te stoppen/);
    const status = await world.dirk.say('digest status');
    assert.match(String(status[0]!.text), /is nog geen wekelijks actieoverzicht ingesteld/);
  });

  it('`digest uit` in the personal chat stops every registration of the centre', async () => {
    await register(world, '2026-06-01T12:10:00Z');
    await register(world, '2026-06-01T12:10:00Z', '', { id: '19:beleidsteam-chat@thread.v2', kind: 'groupChat' });
    assert.equal((await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId)).length, 2);
    const replies = await world.dirk.say('digest uit');
    assert.match(String(replies[0]!.text), /krijgt geen wekelijks actieoverzicht meer \(in 2 gesprekken\)/);
    assert.equal((await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId)).length, 0);
  });
});

describe('Weekly digest: on time, exactly once (scheduler, fake clock, real Azurite)', function () {
  this.timeout(60_000);
  let world: World;
  afterEach(async () => world.bot.stop());

  it('posts the right content on Monday 08:00 Brussels, once', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z'); // Friday of week 22 (its digest was Tuesday)
    const scheduler = schedulerFor(world);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T05:59:00Z')).digestsSent, 0, '07:59 Brussels: not yet');
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:00:00Z')).digestsSent, 1, '08:00 Brussels (summer time)');
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:05:00Z')).digestsSent, 0);
    const cards = channelCards(world);
    assert.equal(cards.length, 1);
    const card = firstCard(cards);
    assertValidCard(card);
    const text = cardText(card);
    const expectedInOrder = [
      'Wekelijks actieoverzicht',
      `${world.centreName} · maandag 1 juni 2026`,
      'Deadline in de komende 7 dagen',
      'Nieuwsbrief voor de scholen',
      'Jan · deadline ma 1 jun (vandaag) · speerpunt 1',
      'Vormingsdag organiseren',
      'Els · deadline wo 3 jun (over 2 dagen) · speerpunt 1',
      'Overleg met de scholen plannen',
      'Achterstallig',
      'Procedure onthaal herschrijven',
      'Els · deadline do 30 apr (32 dagen over tijd) · speerpunt 3',
      'Teamdag evalueren',
      'Jan · deadline wo 20 mei (12 dagen over tijd) · speerpunt 3',
      'Afgerond in de voorbije week',
      'Dashboard bijwerken',
      'Resultaten delen',
      'Jaarverslag schrijven',
      'Voortgang per speerpunt',
      '1 van 3 acties afgerond (33%). 2 achterstallig.',
      'Teamprioriteiten',
      'Prioriteit 1: 5.1 Sterk teamwerk',
      'Prioriteit 2: 4.3 Preventie',
      'Inschalingsronde',
      '3 van de 7 deelnemers verzonden hun inschaling definitief. Deadline: vrijdag 5 juni 2026 (nog 4 dagen).',
    ];
    let from = 0;
    for (const expected of expectedInOrder) {
      const index = text.indexOf(expected, from);
      assert.ok(index >= 0, `"${expected}" in order:\n${text}`);
      from = index + expected.length;
    }
    assert.doesNotMatch(text, /Vragenlijst voor ouders|Enquête verwerken|Archief opruimen|Cijfers publiceren/, 'outside the windows');
    assert.doesNotMatch(JSON.stringify(cards[0]), /<at>|"mention"/, 'nobody is @-mentioned');
    const reg = (await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.equal(reg.lastSentWeek, '2026-W23');
    assert.equal(reg.lastSentAt, '2026-06-01T06:00:00.000Z');
    const run = await world.bot.poolster.deps.digests.runs.getRun(reg, '2026-W23');
    assert.equal(run?.state, 'sent');
    assert.equal(run?.attempts, 1);
  });

  it('keeps 08:00 Brussels across the change to summer time (07:00Z, then 06:00Z)', async () => {
    world = await makeWorld('2026-03-20T10:00:00Z');
    await register(world, '2026-03-20T10:00:00Z');
    const scheduler = schedulerFor(world, { sources: NO_DIGEST_SOURCES });
    const sentAt = async (instant: string) => (await tickAt(world, scheduler, instant)).digestsSent;
    assert.deepEqual(
      [await sentAt('2026-03-23T06:55:00Z'), await sentAt('2026-03-23T07:00:00Z'), await sentAt('2026-03-30T05:55:00Z'), await sentAt('2026-03-30T06:00:00Z')],
      [0, 1, 0, 1],
    );
  });

  it('says briefly that there is nothing to report rather than staying silent', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    const scheduler = schedulerFor(world, { sources: NO_DIGEST_SOURCES });
    await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
    const text = cardText(firstCard(channelCards(world)));
    assert.match(text, /Niets te melden: er is nog geen beleidsplan geladen en er loopt geen inschalingsronde\./);
  });

  it('does not post on a public holiday: Whit Monday 2026-05-25 moves to Tuesday 08:00', async () => {
    world = await makeWorld('2026-05-22T10:00:00Z');
    await register(world, '2026-05-22T10:00:00Z');
    const scheduler = schedulerFor(world);
    for (const instant of ['2026-05-25T06:00:00Z', '2026-05-25T06:05:00Z', '2026-05-25T15:00:00Z', '2026-05-26T05:55:00Z']) {
      assert.equal((await tickAt(world, scheduler, instant)).digestsSent, 0, instant);
    }
    assert.equal(channelCards(world).length, 0);
    assert.equal((await tickAt(world, scheduler, '2026-05-26T06:00:00Z')).digestsSent, 1, 'Tuesday 08:00 Brussels');
    assert.equal((await tickAt(world, scheduler, '2026-05-26T06:05:00Z')).digestsSent, 0);
    assert.equal((await tickAt(world, scheduler, '2026-05-28T09:00:00Z')).digestsSent, 0);
    assert.equal(channelCards(world).length, 1);
    assert.equal((await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!.lastSentWeek, '2026-W22');
  });

  it('pauses in a paused school holiday (Christmas), per registration; winter time 08:00 is 07:00Z', async () => {
    world = await makeWorld('2025-12-19T10:00:00Z');
    await register(world, '2025-12-19T10:00:00Z'); // default: paused in kerst and zomer
    const chat: ConversationSpec = { id: '19:beleidsteam-kerst@thread.v2', kind: 'groupChat' };
    await register(world, '2025-12-19T10:00:00Z', 'pauze geen', chat);
    const scheduler = schedulerFor(world);
    const sent: Record<string, number> = {};
    for (const instant of ['2025-12-22T07:00:00Z', '2025-12-24T10:00:00Z', '2025-12-29T07:00:00Z', '2026-01-02T10:00:00Z', '2026-01-05T06:59:00Z']) {
      await tickAt(world, scheduler, instant);
      sent[instant] = channelCards(world).length;
    }
    assert.deepEqual(Object.values(sent), [0, 0, 0, 0, 0], 'the channel gets nothing during the Christmas holiday');
    assert.equal(channelCards(world, chat.id).length, 2, 'the unpaused group chat gets 22 and 29 December');
    assert.equal((await tickAt(world, scheduler, '2026-01-05T07:00:00Z')).digestsSent, 2, 'both on Monday 5 January 08:00');
    assert.equal(channelCards(world).length, 1);
    assert.equal(cardText(firstCard(channelCards(world))).includes('maandag 5 januari 2026'), true);
  });

  it('three instances ticking together post exactly one digest per channel per week', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    const second: ConversationSpec = { id: '19:tweede-kanaal@thread.tacv2', kind: 'channel', teamId: '19:team-gent' };
    await register(world, '2026-05-29T10:00:00Z', '', second);
    const { config, deps } = world.bot.poolster;
    const instances = [0, 1, 2].map(() =>
      schedulerFor(world, {
        // Each instance: its own adapter, messenger and table clients; the same tables.
        messenger: createMessenger({ adapter: createAdapter(config, deps.logger, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 20, random: () => 0.5 }), botAppId: '', logger: deps.logger }),
        digests: createDigestStores(createTables(config.storage).client('Digests')),
      }),
    );
    for (const instant of ['2026-06-01T06:00:00Z', '2026-06-01T06:05:00Z', '2026-06-03T10:00:00Z']) {
      world.clock.now = at(instant);
      const reports = await Promise.all(instances.map((s) => s.tick(at(instant))));
      assert.equal(reports.reduce((n, r) => n + r.errors, 0), 0);
    }
    assert.equal(channelCards(world).length, 1, 'one digest in the first channel');
    assert.equal(channelCards(world, second.id).length, 1, 'one digest in the second channel');
    world.clock.now = at('2026-06-08T06:00:00Z');
    await Promise.all(instances.map((s) => s.tick(at('2026-06-08T06:00:00Z'))));
    assert.equal(channelCards(world).length, 2, 'and one the next week');
    assert.equal(channelCards(world, second.id).length, 2);
  });

  it('a restart after a missed Monday catches up once (same week only)', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    // The bot was down on Monday 1 June; it starts on Wednesday: the start-up tick catches up.
    let cronTick: (() => unknown) | undefined;
    const fakeCron: CronLike = {
      schedule(_expression, func) {
        cronTick = func;
        return { stop: () => undefined, destroy: () => undefined };
      },
    };
    world.clock.now = at('2026-06-03T10:00:00Z');
    const restarted = schedulerFor(world, { cron: fakeCron });
    restarted.start();
    await restarted.stop(); // waits for the start-up tick
    assert.equal(channelCards(world).length, 1, 'caught up on Wednesday');
    world.clock.now = at('2026-06-03T10:05:00Z');
    await cronTick!();
    assert.equal((await schedulerFor(world).tick(at('2026-06-04T10:00:00Z'))).digestsSent, 0, 'another restart sends nothing more');
    assert.equal(channelCards(world).length, 1);
    // A whole missed week is not sent later: down from Friday 5 June until Tuesday 16 June.
    assert.equal((await schedulerFor(world).tick(at('2026-06-16T10:00:00Z'))).digestsSent, 1, 'week 25 catches up');
    const reg = (await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.equal(await world.bot.poolster.deps.digests.runs.getRun(reg, '2026-W24'), undefined, 'week 24 was never claimed');
    assert.equal(channelCards(world).length, 2);
  });

  it('a crash between claiming and sending does not lose the digest: the claim is taken over after 10 minutes', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    const digests = world.bot.poolster.deps.digests;
    const reg = (await digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    const crashed = await digests.runs.claimRun(reg, '2026-W23', at('2026-06-01T06:00:00Z'), 'crashed-instance');
    assert.ok(crashed.owned);
    await digests.runs.markSending(crashed.run, at('2026-06-01T06:00:00Z'));
    const survivor = schedulerFor(world);
    assert.equal((await tickAt(world, survivor, '2026-06-01T06:05:00Z')).digestsSent, 0, 'still within 10 minutes');
    assert.equal((await tickAt(world, survivor, '2026-06-01T06:10:00Z')).digestsSent, 0, 'exactly 10 minutes: not yet stale');
    assert.equal((await tickAt(world, survivor, '2026-06-01T06:15:00Z')).digestsSent, 1, 'taken over');
    assert.equal((await tickAt(world, survivor, '2026-06-01T06:35:00Z')).digestsSent, 0);
    assert.equal(channelCards(world).length, 1);
    const run = await digests.runs.getRun(reg, '2026-W23');
    assert.equal(run?.state, 'sent');
    assert.equal(run?.attempts, 2, 'the crashed attempt counts');
  });

  it('a connector answering 429 twice then 200 gets the digest delivered once, honouring Retry-After', async () => {
    const slept: number[] = [];
    world = await makeWorld('2026-05-29T10:00:00Z', { retry: { maxDelayMs: 5_000, onRetry: (ms) => void slept.push(ms) } });
    await register(world, '2026-05-29T10:00:00Z');
    const { deps } = world.bot.poolster;
    const requestsBefore = world.bot.connector.requests;
    world.bot.connector.failNext({ status: 429, retryAfterSeconds: 1, conversationId: world.channel.id }, { status: 429, retryAfterSeconds: 1, conversationId: world.channel.id });
    const scheduler = schedulerFor(world);
    const report = await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
    assert.equal(report.digestsSent, 1);
    assert.deepEqual(slept, [1_000, 1_000], 'Retry-After (1 s, twice) was honoured, by our retry layer');
    assert.equal(world.bot.connector.requests - requestsBefore, 3, '429, 429, 200');
    assert.equal(channelCards(world).length, 1);
    await tickAt(world, scheduler, '2026-06-01T06:05:00Z');
    assert.equal(channelCards(world).length, 1, 'delivered once');
    const reg = (await deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.deepEqual(reg.failures, []);
    const run = await deps.digests.runs.getRun(reg, '2026-W23');
    assert.equal(run?.state, 'sent');
    assert.equal(run?.attempts, 1);
  });

  it('a connector answering 503 to every attempt: exactly maxAttempts requests, then recorded as a failure and retried by a later tick', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z', { retry: { maxAttempts: 3 } });
    await register(world, '2026-05-29T10:00:00Z');
    const { deps } = world.bot.poolster;
    const connector = world.bot.connector;
    connector.failNext(...Array.from({ length: 4 }, () => ({ status: 503, conversationId: world.channel.id })));
    const requestsBefore = connector.requests;
    const scheduler = schedulerFor(world, { sources: NO_DIGEST_SOURCES });
    const report = await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
    assert.equal(report.digestsFailed, 1);
    assert.equal(connector.requests - requestsBefore, 3, 'three attempts, one request each');
    assert.equal(connector.pendingFaults, 1);
    assert.equal(channelCards(world).length, 0);
    const reg = (await deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.deepEqual(reg.failures.map((f) => [f.reason, f.status, f.weekKey]), [['failed', 503, '2026-W23']]);
    const run = await deps.digests.runs.getRun(reg, '2026-W23');
    assert.equal(run?.state, 'failed');
    assert.equal(run?.final, false);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:05:00Z')).digestsSent, 1, 'one 503 left, then 200: sent by the next tick');
    assert.equal(channelCards(world).length, 1);
  });

  it('when the retries inside one send are exhausted: recorded as a failure, retried by a later tick, shown by `digest status`', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    const real = world.bot.poolster.deps.messenger;
    let failuresLeft = 1;
    const flaky: Messenger = {
      ...real,
      send: async (ref, message) => (failuresLeft-- > 0 ? { ok: false, reason: 'failed', status: 503, detail: 'Service Unavailable' } : real.send(ref, message)),
    };
    const scheduler = schedulerFor(world, { messenger: flaky });
    const first = await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
    assert.equal(first.digestsFailed, 1);
    assert.equal(channelCards(world).length, 0);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:04:00Z')).digestsSent, 0, 'not retried within 5 minutes');
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:05:00Z')).digestsSent, 1, 'retried by a later tick');
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:10:00Z')).digestsSent, 0);
    assert.equal(channelCards(world).length, 1);
    world.clock.now = at('2026-06-01T07:00:00Z');
    const status = String((await world.dirk.say('digest status', world.channel))[0]!.text);
    assert.match(status, /- Laatste wekelijkse overzicht: maandag 1 juni 2026 om 08:05\./);
    assert.match(status, /- Problemen: maandag 1 juni 2026 om 08:00: het verzenden mislukte \(503\)\./);
    assert.match(status, /- Volgende: maandag 8 juni 2026 om 08:00\./);
  });

  it('403 marks the channel, tells the director privately, and is not retried; `digest hier` brings it back', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z');
    world.bot.connector.blocked.add(world.channel.id);
    const scheduler = schedulerFor(world, { sources: planSources(world, { plan: async () => undefined }) });
    const report = await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
    assert.equal(report.blocked, 1);
    const reg = (await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
    assert.equal(reg.blockedAt, '2026-06-01T06:00:00.000Z');
    assert.deepEqual(reg.failures.map((f) => [f.reason, f.status]), [['blocked', 403]]);
    const told = personalTexts(world, world.dirk);
    assert.equal(told.length, 1);
    assert.equal(
      told[0],
      `Ik kon het wekelijkse actieoverzicht van ${world.centreName} niet posten in het kanaal dat Dirk Directeur op vrijdag 29 mei 2026 instelde: ` +
        'ik heb daar geen toegang meer (misschien werd ik uit het team of de chat verwijderd). Ik probeer het daar niet opnieuw. ' +
        'Voeg mij weer toe en typ **@Poolster digest hier** in dat gesprek om het overzicht opnieuw aan te zetten, of doe dat in een ander kanaal.',
    );
    assert.equal(personalTexts(world, world.els).length, 0, 'members are not told');
    const requests = world.bot.connector.requests;
    for (const instant of ['2026-06-01T06:05:00Z', '2026-06-01T07:00:00Z', '2026-06-08T06:00:00Z']) await tickAt(world, scheduler, instant);
    assert.equal(world.bot.connector.requests - requests, 0, 'never retried');
    world.clock.now = at('2026-06-08T07:00:00Z');
    const status = String((await world.dirk.say('digest status'))[0]!.text);
    assert.match(status, /\*\*Een ander kanaal\*\*/);
    assert.match(status, /- Volgende: geen: ik kan hier niet meer posten\./);
    assert.match(status, /kan ik hier niet meer posten \(ik werd verwijderd of geblokkeerd\)/);
    assert.match(status, /- Problemen: maandag 1 juni 2026 om 08:00: ik heb geen toegang meer tot het gesprek \(403\)\./);

    world.bot.connector.blocked.delete(world.channel.id);
    await register(world, '2026-06-08T07:05:00Z');
    assert.equal((await tickAt(world, scheduler, '2026-06-08T07:10:00Z')).digestsSent, 1, 'week 24 goes out again');
  });

  it('posts a new message in the channel even when `digest hier` was typed in a thread', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    await register(world, '2026-05-29T10:00:00Z', '', { ...world.channel, id: `${world.channel.id};messageid=1717000000000` });
    await tickAt(world, schedulerFor(world), '2026-06-01T06:00:00Z');
    assert.equal(channelCards(world).length, 1);
    assert.equal(world.bot.connector.sent.filter((s) => s.conversationId.includes(';messageid=') && firstCard([s.activity])).length, 0);
  });
});

describe('Personal reminders (scheduler, fake clock, real Azurite)', function () {
  this.timeout(60_000);
  let world: World;
  afterEach(async () => world.bot.stop());

  it('owners get one private reminder before a deadline and when overdue, then weekly, not daily', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    const scheduler = schedulerFor(world);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T06:55:00Z')).remindersSent, 0, '08:55 Brussels: not yet');
    assert.equal((await tickAt(world, scheduler, '2026-06-01T07:00:00Z')).remindersSent, 1, '09:00 Brussels');
    assert.deepEqual(personalTexts(world, world.els), [
      `Een herinnering uit het beleidsplan van ${world.centreName}, voor acties die jij opneemt:\n\n` +
        '- **Vormingsdag organiseren**: deadline woensdag 3 juni 2026 (over 2 dagen).\n' +
        '- **Procedure onthaal herschrijven**: de deadline was donderdag 30 april 2026 en de actie staat nog open.\n\n' +
        'Is een actie klaar of verschoven? Pas dan de status aan in het beleidsplan. Typ **acties** om al je acties te zien.',
    ]);
    assert.equal(personalTexts(world, world.jan).length, 0, 'Jan has no personal chat with the bot: skipped');
    await tickAt(world, scheduler, '2026-06-01T12:00:00Z');
    assert.equal(personalTexts(world, world.els).length, 1, 'once a day at most');

    // Which actions each later day's message names (a1 deadline 3 June, a4 deadline 8 June, a6 overdue since 30 April).
    const titles = (text: string) => [...text.matchAll(/\*\*(.+?)\*\*: (deadline|de deadline was)/g)].map((m) => `${m[1]} (${m[2] === 'deadline' ? 'voor' : 'over tijd'})`);
    const perDay: Record<string, string[]> = {};
    for (const day of ['2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-08', '2026-06-09', '2026-06-11', '2026-06-12']) {
      const before = personalTexts(world, world.els).length;
      await tickAt(world, scheduler, `${day}T07:00:00Z`);
      perDay[day] = personalTexts(world, world.els).slice(before).flatMap(titles);
    }
    assert.deepEqual(perDay, {
      '2026-06-02': [],
      '2026-06-03': [],
      '2026-06-04': ['Vormingsdag organiseren (over tijd)'],
      '2026-06-05': ['Vragenlijst voor ouders (voor)'],
      '2026-06-06': [],
      '2026-06-08': ['Procedure onthaal herschrijven (over tijd)'],
      '2026-06-09': ['Vragenlijst voor ouders (over tijd)'],
      '2026-06-11': ['Vormingsdag organiseren (over tijd)'],
      '2026-06-12': [],
    });
    assert.equal(world.bot.connector.sentTo(world.channel.id).length, 0, 'nothing in a channel');
  });

  it('a reminder that could not be delivered is tried again the next working day', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    const scheduler = schedulerFor(world);
    world.bot.connector.blocked.add(world.els.personalConversationId);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T07:00:00Z')).remindersSent, 0);
    world.bot.connector.blocked.delete(world.els.personalConversationId);
    assert.equal((await tickAt(world, scheduler, '2026-06-01T07:05:00Z')).remindersSent, 0, 'the day was done');
    assert.equal((await tickAt(world, scheduler, '2026-06-02T07:00:00Z')).remindersSent, 1);
    const [text] = personalTexts(world, world.els);
    assert.match(text!, /\*\*Vormingsdag organiseren\*\*: deadline woensdag 3 juni 2026 \(morgen\)\.\n- \*\*Procedure onthaal herschrijven\*\*/);
  });

  it('three instances send each reminder once; nothing on a weekend, a public holiday or in a paused holiday', async () => {
    world = await makeWorld('2026-05-22T10:00:00Z');
    const instances = [schedulerFor(world), schedulerFor(world), schedulerFor(world)];
    const tickAll = async (instant: string) => {
      world.clock.now = at(instant);
      return Promise.all(instances.map((s) => s.tick(at(instant))));
    };
    await tickAll('2026-05-23T08:00:00Z'); // Saturday
    await tickAll('2026-05-25T08:00:00Z'); // Whit Monday
    assert.equal(personalTexts(world, world.els).length, 0);
    await tickAll('2026-05-26T08:00:00Z');
    assert.equal(personalTexts(world, world.els).length, 1, 'Tuesday: one message, not three');
    const summer = await makeWorld('2026-07-06T08:00:00Z');
    try {
      summer.clock.now = at('2026-07-06T08:00:00Z');
      await schedulerFor(summer).tick(at('2026-07-06T08:00:00Z'));
      assert.equal(personalTexts(summer, summer.els).length, 0, 'summer holiday: paused by default');
    } finally {
      await summer.bot.stop();
    }
  });

  it('round participants who have not finished get a private nudge three days and one day before the deadline', async () => {
    world = await makeWorld('2026-05-29T10:00:00Z');
    const sources = planSources(world, {
      plan: async () => undefined,
      roundStragglers: async () => ({ roundId: 'r-42', deadline: '2026-06-04', unfinished: [world.els.userId, world.jan.userId] }),
    });
    const scheduler = schedulerFor(world, { sources });
    const days = ['2026-05-29', '2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05'];
    const counts: number[] = [];
    for (const day of days) {
      await tickAt(world, scheduler, `${day}T07:00:00Z`);
      await tickAt(world, scheduler, `${day}T12:00:00Z`);
      counts.push(personalTexts(world, world.els).length);
    }
    assert.deepEqual(counts, [0, 1, 1, 2, 2, 2], 'Monday (3 days before) and Wednesday (1 day before), once each');
    const texts = personalTexts(world, world.els);
    assert.match(texts[0]!, /sluit op donderdag 4 juni 2026, over 3 dagen\. Jouw inschaling is nog niet verzonden\./);
    assert.match(texts[1]!, /sluit morgen \(donderdag 4 juni 2026\)\./);
    assert.equal(world.bot.connector.sentTo(world.channel.id).length, 0, 'never in a channel');
  });
});

describe('Scheduler timing and operations', function () {
  this.timeout(60_000);

  it('runs on node-cron every 5 minutes in Europe/Brussels, catches up at start and stops cleanly', async () => {
    const calls: Date[] = [];
    const centres = {
      listCentres: async () => {
        calls.push(new Date());
        return [];
      },
    } as unknown as CentreRepository;
    const schedule = sinon.spy(nodeCron, 'schedule');
    const clock = sinon.useFakeTimers({ now: at('2026-06-01T05:58:30Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const scheduler = createDigestScheduler({
        centres,
        digests: {} as DigestStores,
        sources: NO_DIGEST_SOURCES,
        messenger: {} as Messenger,
        logger: pino({ level: 'silent' }),
        now: () => new Date(),
      });
      scheduler.start();
      await clock.tickAsync(0);
      assert.equal(calls.length, 1, 'a catch-up tick at start-up');
      assert.equal(schedule.firstCall.args[0], '*/5 * * * *');
      assert.equal((schedule.firstCall.args[2] as { timezone?: string }).timezone, 'Europe/Brussels');
      await clock.tickAsync(91_000); // past 06:00:00Z = 08:00 Brussels
      assert.equal(calls.length, 2);
      assert.equal(calls[1]!.toISOString().slice(0, 16), '2026-06-01T06:00');
      await clock.tickAsync(5 * 60_000);
      assert.equal(calls.length, 3);
      assert.equal(calls[2]!.toISOString().slice(0, 16), '2026-06-01T06:05');
      await scheduler.stop();
      await clock.tickAsync(30 * 60_000);
      assert.equal(calls.length, 3, 'stopped');
    } finally {
      clock.restore();
      schedule.restore();
    }
  });

  it('logs a failed digest without the content its error quotes (the same error summary as the router)', async () => {
    const world = await makeWorld('2026-05-29T10:00:00Z');
    try {
      await register(world, '2026-05-29T10:00:00Z');
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
      const logger = pino({ level: 'info' }, sink);
      const secret = 'Geheime toelichting van Els over het team';
      const failing = new SyntaxError(`Unexpected token in JSON at position 12: "${secret}"`);
      const scheduler = schedulerFor(world, {
        logger,
        sources: planSources(world, {
          plan: async () => {
            throw failing;
          },
        }),
      });
      const report = await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
      assert.equal(report.digestsFailed, 1);
      const failed = lines.map((l) => JSON.parse(l) as { msg: string; err?: Record<string, unknown> }).find((l) => l.msg === 'weekly digest could not be composed or sent');
      assert.ok(failed, lines.join('\n'));
      const { type: _serializerType, ...logged } = failed.err ?? {}; // pino's err serializer adds `type`
      assert.deepEqual(logged, JSON.parse(JSON.stringify(routerErrorSummary(failing))), 'the router\'s summary, field for field');
      assert.equal(failed.err?.errorType, 'SyntaxError');
      assert.equal(failed.err?.message, 'Unexpected token in JSON at position 12: "…"');
      assert.doesNotMatch(lines.join('\n'), /Geheime|toelichting/);
      const reg = (await world.bot.poolster.deps.digests.channels.listRegistrations(TENANT, world.centreId))[0]!;
      assert.doesNotMatch(JSON.stringify(reg.failures), /Geheime/, 'nor in the stored failure');
      assert.doesNotMatch(JSON.stringify(await world.bot.poolster.deps.digests.runs.getRun(reg, '2026-W23')), /Geheime/, 'nor in the run');
      for (const sample of [failing, new Error("bad value 'x' at `y`"), { name: 'ZodError', message: 'z', issues: [{ path: ['a', 0], code: 'invalid_enum_value' }] }, 'plain string', undefined]) {
        assert.deepEqual(errorSummary(sample), routerErrorSummary(sample));
      }
    } finally {
      await world.bot.stop();
    }
  });

  it('warns once per day in the log when the holiday calendar runs out', async () => {
    const world = await makeWorld('2026-05-29T10:00:00Z');
    try {
      const lines: Array<{ level: number; msg: string }> = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
          done();
        },
      });
      const logger = pino({ level: 'warn' }, sink);
      const scheduler = schedulerFor(world, { calendar: { schoolYears: {}, publicHolidays: {} }, logger, sources: NO_DIGEST_SOURCES });
      await tickAt(world, scheduler, '2026-06-01T06:00:00Z');
      await tickAt(world, scheduler, '2026-06-01T06:05:00Z');
      await tickAt(world, scheduler, '2026-06-01T20:00:00Z');
      const warnings = () => lines.filter((l) => /Holiday calendar data is missing/.test(l.msg));
      assert.equal(warnings().length, 1);
      assert.match(warnings()[0]!.msg, /school holidays of school year 2025-2026/);
      await tickAt(world, scheduler, '2026-06-02T06:00:00Z');
      assert.equal(warnings().length, 2, 'again the next day');
      const covered = schedulerFor(world, { logger, sources: NO_DIGEST_SOURCES });
      await tickAt(world, covered, '2026-06-03T06:00:00Z');
      assert.equal(warnings().length, 2, 'no warning while the data covers this and next school year');
    } finally {
      await world.bot.stop();
    }
  });
});
