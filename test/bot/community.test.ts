import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { channelPostReference } from '../../bot/references';
import { largestCardBytes, MAX_COMMUNITY_CARD_BYTES, renderCommunityCards } from '../../cards/community';
import { communityDigestTarget } from '../../dialogs/community';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';
import { BOUWSTEEN_IDS } from '../../domain/catalogue/types';
import { composeCommunityDigest, CENTRES_PER_PAGE } from '../../domain/network/community';
import type { Plan } from '../../domain/plan/model';
import { cardText, firstCard, startTestBot, TENANT, OTHER_TENANT, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { assertValidCard } from '../support/cards';
import { linkedPlan, networkCentre, type NetworkCentre } from '../fixtures/networkFixtures';
import { demoPlan } from '../support/planFixture';

const at = (iso: string) => new Date(iso);
/** Monday 1 June 2026, 09:00 Brussels: the community digest's default moment. */
const MONDAY_0900 = '2026-06-01T07:00:00Z';

const cardsIn = (activities: Array<Record<string, any>>) => activities.map((a) => firstCard([a])).filter(Boolean);
const texts = (activities: Array<Record<string, any>>) => activities.map((a) => `${a.text ?? ''} ${firstCard([a]) ? cardText(firstCard([a])) : ''}`).join('\n');

describe('Lerende community: the network channel and its weekly digest (whole turns)', function () {
  this.timeout(60_000);
  let bot: TestBot;
  const clock = { now: at('2026-05-28T10:00:00Z') };
  let coordinator: TestUser;
  let gent: NetworkCentre;
  let brugge: NetworkCentre;
  let hidden: NetworkCentre;
  let channel: ConversationSpec;

  beforeEach(async () => {
    bot = await startTestBot({ now: () => clock.now });
    clock.now = at('2026-05-28T10:00:00Z');
    coordinator = bot.user('Pol Coördinator');
    await bot.poolster.deps.coordinators.appoint({ tenantId: TENANT, network: 'GO! CLB', userId: coordinator.userId, name: coordinator.name, appointedBy: 'operator', appointedAt: '2026-05-01T08:00:00Z' });
    gent = await networkCentre(bot, {
      name: 'GO! CLB Gent',
      optIn: true,
      inschaling: { schoolYear: '2025-2026', priorities: ['5.1', '4.3', '6.4'], inspiring: ['6.2'], confirmedAt: '2026-05-29T09:00:00Z', stadia: { '5.1': 1 } },
      plan: linkedPlan([
        { bouwsteenId: '5.1', title: 'Intervisie per team opzetten', status: 'lopend', deadline: '2026-06-30', owner: 'Geheime Eigenaar Gent' },
        { bouwsteenId: '5.1', title: 'Teamdag over samenwerking', status: 'afgerond', notes: [{ date: '2026-05-27', author: 'Anna', text: 'Status afgerond' }] },
        { bouwsteenId: '4.3', title: 'Preventieplan herwerken', status: 'gepland' },
      ]),
    });
    brugge = await networkCentre(bot, {
      name: 'GO! CLB Brugge',
      optIn: true,
      inschaling: { schoolYear: '2025-2026', priorities: ['6.2', '5.1', '4.1'], inspiring: ['5.1'], confirmedAt: '2026-03-02T09:00:00Z' },
      plan: linkedPlan([{ bouwsteenId: '6.2', title: 'PLG rond data opstarten', status: 'gepland', deadline: '2026-09-15' }]),
    });
    hidden = await networkCentre(bot, {
      name: 'GO! CLB Verborgen',
      optIn: false,
      inschaling: { schoolYear: '2025-2026', priorities: ['5.1'], inspiring: ['5.1'], confirmedAt: '2026-05-30T09:00:00Z' },
      plan: linkedPlan([{ bouwsteenId: '5.1', title: 'Geheime actie van Verborgen' }]),
    });
    channel = { id: `19:${randomUUID()}@thread.tacv2`, kind: 'channel', teamId: 'team-1', channelId: 'chan-1' };
  });
  afterEach(async () => {
    await bot.stop();
  });

  const scheduler = (instanceId = 'a', b: TestBot = bot) =>
    createDigestScheduler({
      ...b.poolster.deps,
      sources: b.poolster.deps.digestSources,
      postReference: channelPostReference,
      now: () => clock.now,
      instanceId,
      weeklyTargets: [communityDigestTarget(b.poolster.deps, b.poolster.deps.logger)],
    });

  it('refuses community commands to anyone but a coordinator, in Dutch, saying who can do it, and registers nothing', async () => {
    for (const who of [gent.director, bot.user('Iemand Anders')]) {
      for (const sub of ['hier', 'nu', 'status', 'uit']) {
        const replies = await who.say(`<at>Poolster</at> community ${sub}`, channel);
        assert.equal(replies.length, 1);
        assert.match(String(replies[0]!.text), /alleen een netwerkcoördinator.*POC\+.*aangesteld door wie Poolster beheert/s);
      }
    }
    assert.deepEqual(await bot.poolster.deps.digests.communityChannels.listRegistrations(TENANT), []);
    assert.equal(bot.connector.sentTo(channel.id).filter((a) => firstCard([a])).length, 0, 'no digest posted');
  });

  it('a coordinator registers the channel (Monday 09:00, paused in every school holiday), refused in the personal chat', async () => {
    const personal = await coordinator.say('community hier');
    assert.match(String(personal[0]!.text), /hoort in het kanaal van de community/);
    const replies = await coordinator.say('<at>Poolster</at> community hier', channel);
    assert.match(String(replies[0]!.text), /dit kanaal is het kanaal van de Lerende community van GO! CLB/);
    assert.match(String(replies[0]!.text), /maandag om 09:00/);
    assert.match(String(replies[0]!.text), /Typ \*\*@Poolster community nu\*\* voor een overzicht meteen, \*\*@Poolster community status\*\* of \*\*@Poolster community uit\*\*\./);
    const [reg] = await bot.poolster.deps.digests.communityChannels.listRegistrations(TENANT);
    assert.equal(reg!.centreId, 'GO! CLB');
    assert.deepEqual(reg!.schedule, { weekday: 1, time: '09:00', pausedHolidays: ['herfst', 'kerst', 'krokus', 'paas', 'zomer'] });
    assert.deepEqual(await bot.poolster.deps.digests.channels.listRegistrations(TENANT), [], 'not a centre digest');
    const changed = await coordinator.say('<at>Poolster</at> community hier dinsdag 10u pauze zomer', channel);
    assert.match(String(changed[0]!.text), /Bijgewerkt/);
    const bad = await coordinator.say('<at>Poolster</at> community hier zondag', channel);
    assert.match(String(bad[0]!.text), /werkdag.*\*\*@Poolster community hier dinsdag/, 'the example is typed in the channel, with the @mention');
    const status = await coordinator.say('<at>Poolster</at> community status', channel);
    assert.match(String(status[0]!.text), /Lerende community GO! CLB[\s\S]*dinsdag om 10:00/);
    const off = await coordinator.say('<at>Poolster</at> community uit', channel);
    assert.match(String(off[0]!.text), /Gestopt/);
    assert.deepEqual(await bot.poolster.deps.digests.communityChannels.listRegistrations(TENANT), []);
  });

  it('community nu shows only opted-in centres: priorities with linked actions, shared priorities, matches, new inschalingen; never names, stadia or hidden centres', async () => {
    clock.now = at('2026-06-01T08:00:00Z');
    const replies = await coordinator.say('<at>Poolster</at> community nu', channel);
    const [card] = cardsIn(replies);
    assertValidCard(card);
    const text = cardText(card);
    assert.match(text, /Lerende community GO! CLB/);
    assert.match(text, /2 centra doen mee/);
    assert.match(text, /GO! CLB Gent[\s\S]*Prioriteit 1: 5\.1 Sterk teamwerk[\s\S]*Intervisie per team opzetten · lopend · tegen juni 2026/);
    assert.match(text, /Afgerond sinds het vorige overzicht: Teamdag over samenwerking/);
    assert.match(text, /GO! CLB Brugge[\s\S]*PLG rond data opstarten · gepland · tegen september 2026/);
    assert.match(text, /Prioriteiten die meerdere centra delen[\s\S]*5\.1 Sterk teamwerk: 2 centra/);
    assert.match(text, /GO! CLB Gent zet in op 5\.1 Sterk teamwerk; GO! CLB Brugge biedt daar een inspirerende praktijk/);
    assert.match(text, /GO! CLB Brugge zet in op 6\.2 .*; GO! CLB Gent biedt daar een inspirerende praktijk/);
    assert.match(text, /Nieuwe inschalingen[\s\S]*GO! CLB Gent bevestigde de inschaling 2025-2026/);
    assert.doesNotMatch(text, /Brugge bevestigde/, 'confirmed in March: not new');
    // What must not be shown.
    assert.doesNotMatch(text, /Verborgen/, 'a centre that did not opt in');
    assert.doesNotMatch(text, /Geheime/, 'no owner name, no hidden centre action');
    assert.doesNotMatch(text, /Directeur/, 'no director name');
    assert.doesNotMatch(text, /Fragmentair|Planmatig|Geïntegreerd|Systematisch/, 'no stadium of any centre');
  });

  it('netwerk uit takes a centre out of the very next digest', async () => {
    clock.now = at('2026-06-01T08:00:00Z');
    assert.match(cardText(cardsIn(await coordinator.say('<at>Poolster</at> community nu', channel))[0]), /GO! CLB Brugge/);
    await brugge.director.say('netwerk uit');
    const text = cardText(cardsIn(await coordinator.say('<at>Poolster</at> community nu', channel))[0]);
    assert.doesNotMatch(text, /Brugge/);
    assert.match(text, /1 centrum doet mee/);
    assert.doesNotMatch(text, /Wie kan met wie praten/, 'no match left');
  });

  it('the weekly community digest goes out once on Monday 09:00, not again that week, and "since" moves on', async () => {
    clock.now = at('2026-05-28T10:00:00Z');
    await coordinator.say('<at>Poolster</at> community hier', channel);
    assert.equal((await scheduler().tick(at('2026-06-01T06:55:00Z'))).digestsSent, 0, 'not before 09:00');
    assert.equal((await scheduler().tick(at(MONDAY_0900))).digestsSent, 1);
    assert.equal((await scheduler('b').tick(at('2026-06-01T07:05:00Z'))).digestsSent, 0, 'once per week');
    assert.equal((await scheduler('c').tick(at('2026-06-03T10:00:00Z'))).digestsSent, 0);
    const posted = cardsIn(bot.connector.sentTo(channel.id));
    assert.equal(posted.length, 1);
    assert.match(cardText(posted[0]), /Wekelijks overzicht/);
    const [reg] = await bot.poolster.deps.digests.communityChannels.listRegistrations(TENANT);
    assert.equal(reg!.lastSentWeek, '2026-W23');
    // Next Monday: the completion of 27 May and Gent's confirmation are no longer "since the last digest".
    assert.equal((await scheduler().tick(at('2026-06-08T07:00:00Z'))).digestsSent, 1);
    const second = cardText(cardsIn(bot.connector.sentTo(channel.id))[1]);
    assert.doesNotMatch(second, /Afgerond sinds/);
    assert.doesNotMatch(second, /Nieuwe inschalingen/);
  });

  it('stays silent in school holidays unless set otherwise', async () => {
    clock.now = at('2026-06-20T10:00:00Z');
    await coordinator.say('<at>Poolster</at> community hier', channel);
    assert.equal((await scheduler().tick(at('2026-07-06T07:00:00Z'))).digestsSent, 0, 'summer holiday');
    await coordinator.say('<at>Poolster</at> community hier pauze geen', channel);
    assert.equal((await scheduler().tick(at('2026-07-06T07:05:00Z'))).digestsSent, 1, 'posting in holidays when asked');
  });

  it('keeps tenants apart: a coordinator of another tenant sees none of these centres', async () => {
    const foreign = bot.user('Vreemde Coördinator', { tenantId: OTHER_TENANT });
    await bot.poolster.deps.coordinators.appoint({ tenantId: OTHER_TENANT, network: 'GO! CLB', userId: foreign.userId, name: foreign.name, appointedBy: 'operator', appointedAt: '2026-05-01T08:00:00Z' });
    const foreignChannel = { ...channel, id: `19:${randomUUID()}@thread.tacv2` };
    const text = texts(await foreign.say('<at>Poolster</at> community nu', foreignChannel));
    assert.doesNotMatch(text, /Gent|Brugge/);
    assert.match(text, /Nog geen enkel centrum van GO! CLB doet mee/);
    // And appointing in one tenant gives nothing in another.
    const inOther = bot.user('Pol Elders', { tenantId: OTHER_TENANT, userId: coordinator.userId });
    assert.match(String((await inOther.say('<at>Poolster</at> community nu', foreignChannel))[0]!.text), /alleen een netwerkcoördinator/);
  });
});

describe('Lerende community with 40 opted-in centres: pages within 80 KB', () => {
  it('splits into a summary with the first 10 centres and pages of 10, each a valid card under 80 KB', () => {
    const long = (i: number, j: number) => `Actie ${j + 1} van centrum ${i + 1}: ${'een lange titel over intervisie en samenwerking '.repeat(5)}`.slice(0, 300);
    const plan = (i: number): Plan => {
      const base = demoPlan();
      const acties = BOUWSTEEN_IDS.slice(0, 5).flatMap((id, p) =>
        Array.from({ length: 6 }, (_, j) => ({ ...base.acties[0]!, id: `a-${p}-${j}`, title: long(i, p * 6 + j), bouwsteenId: id, status: 'lopend' as const, deadline: '2026-12-15', notes: [] })),
      );
      return { ...base, acties };
    };
    const centres = Array.from({ length: 40 }, (_, i) => ({
      centreId: `c${i}`,
      centreName: `GO! CLB Centrum met een lange naam nummer ${String(i + 1).padStart(2, '0')}`,
      optIn: true,
      latest: { schoolYear: '2025-2026', confirmedAt: '2026-05-31T10:00:00Z', priorities: BOUWSTEEN_IDS.slice(0, 5), offeredInspiring: BOUWSTEEN_IDS.slice(3, 6) },
      plan: plan(i),
    }));
    const digest = composeCommunityDigest({ network: 'GO! CLB', centres, today: '2026-06-01' });
    const cards = renderCommunityCards(digest, 'weekly', '2026-06-01', 'channel');
    assert.equal(cards.length, 40 / CENTRES_PER_PAGE);
    for (const card of cards) assertValidCard(card);
    assert.ok(largestCardBytes(cards) <= MAX_COMMUNITY_CARD_BYTES, `largest card ${largestCardBytes(cards)} bytes`);
    assert.match(cardText(cards[0]), /deel 1 van 4[\s\S]*40 centra doen mee[\s\S]*Centra 1–10 van 40/);
    assert.match(cardText(cards[3]), /deel 4 van 4[\s\S]*Centra 31–40 van 40[\s\S]*nummer 40/);
    assert.doesNotMatch(cardText(cards[1]), /Wie kan met wie praten/, 'the summary is on page 1 only');
    assert.match(cardText(cards[0]), /… en nog \d+ mogelijke gesprekken/);
    assert.match(cardText(cards[0]), /… en nog 3 acties/);
    assert.match(cardText(cards[0]), /biedt|bieden daar een inspirerende praktijk/);
    assert.match(cardText(cards[0]), /en 36 andere centra bieden daar/);
    assert.match(cardText(cards[0]), /… en nog 30 centra\./, 'new inschalingen are cut after 10');
  });
});
