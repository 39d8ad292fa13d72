import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { FakeConnector } from '../support/connector';
import { cardText, firstCard, startTestBot, waitForCardIn, TENANT, type TestBot, type TestUser } from '../support/bot';
import { faultSeed, seededRandom } from '../support/botProcess';
import { CALM, StorageProxy } from '../support/storageProxy';
import { actionTitled } from '../support/cards';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { BOUWSTEEN_IDS } from '../../domain/catalogue';
import { channelPostReference } from '../../bot/references';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';

/**
 * Issue 17.4: Azure Tables slow and busy. An HTTP proxy in front of Azurite delays requests and
 * answers a seeded share 503 ServerBusy / 500 OperationTimedOut. A click is retried by the table
 * client's bounded retry (storage/tables.ts: 2 retries, 200 ms up to 2 s, well inside Teams' 15 s)
 * and otherwise answered with the Dutch "probeer zo opnieuw"; nothing is lost or written twice.
 * The scheduler's ticks back off (each failed request retried, a failed tick left to the next one)
 * and resume. POOLSTER_FAULT_SEED=<n> repeats a run.
 */
const MEMBERS = 5;
const STORMY = { busy: 0.2, timedOut: 0.1, maxDelayMs: 30 };
const STORAGE_DOWN = { busy: 1, timedOut: 0, maxDelayMs: 0 };

describe('Fault suite: storage slow or busy (503 ServerBusy, 500 OperationTimedOut)', function () {
  this.timeout(180_000);
  const seed = faultSeed(17_4);
  const connector = new FakeConnector();
  const clock = { now: new Date('2026-05-20T09:00:00Z') };
  let proxy: StorageProxy;
  let bot: TestBot;

  before(async () => {
    const azuritePort = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(process.env.POOLSTER_TEST_STORAGE ?? '')?.[1]);
    assert.ok(azuritePort, 'the test Azurite');
    proxy = new StorageProxy(azuritePort, seededRandom(seed));
    await proxy.start();
    await connector.start();
    bot = await startTestBot({ connector, now: () => clock.now, env: { STORAGE_CONNECTION_STRING: proxy.connectionString } });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
    await proxy.stop();
  });
  afterEach(() => {
    proxy.weather = CALM;
  });

  it(`${MEMBERS} members answer all 11 bouwstenen while storage is busy: retried within the turn or "probeer zo opnieuw"; 0 lost, 0 written twice`, async () => {
    const director = bot.user('Diane Directeur');
    await director.say('setup GO! CLB Drukte');
    const members = Array.from({ length: MEMBERS }, (_, i) => bot.user(`Lid ${i + 1}`));
    const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
    connector.members.set(group.id, [director, ...members].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await director.execute('round.create', { schoolYear: '2025-2026', deadline: '2026-06-10', participants: members.map((m) => m.userId).join(','), visibility: 'anoniem' }, group);
    await waitForCardIn(connector, group.id, new RegExp(`Alle ${MEMBERS} deelnemers kregen`));
    const roundId = (await bot.poolster.deps.centres.listCentres(TENANT)).find((c) => c.name === 'GO! CLB Drukte')!.openRoundId!;
    const cards = new Map<TestUser, any>();
    for (const member of members) {
      const intro = firstCard(await member.say('inschaling'));
      cards.set(member, (await member.execute('survey.open', actionTitled(intro, 'Start de inschaling').data)).card);
    }

    // Storage refuses everything: the click gets the Dutch answer and nothing is written.
    const first = members[0]!;
    proxy.weather = STORAGE_DOWN;
    const refused = await first.execute('survey.answer', { ...actionTitled(cards.get(first), 'Volgende').data, ...validBouwsteenForm() });
    proxy.weather = CALM;
    assert.equal(refused.status, 200);
    assert.match(String(refused.message), /De opslag is even niet bereikbaar\. Probeer zo opnieuw: wat je al had ingevuld, is bewaard\./);
    assert.equal((await bot.poolster.deps.survey.getMemberDraft(roundId, first.userId))?.bouwstenen['4.1'], undefined, 'nothing written');

    const figures = { clicks: 0, acknowledged: 0, refused: 1, slowestTurnMs: 0 };
    const before = { ...proxy.counts };
    proxy.weather = STORMY;
    await Promise.all(
      members.map(async (member) => {
        let card = cards.get(member);
        while (/Bouwsteen \d+ van 11/.test(cardText(card))) {
          figures.clicks += 1;
          const started = performance.now();
          const answer = await member.execute('survey.answer', { ...actionTitled(card, /^Volgende/).data, ...validBouwsteenForm() });
          figures.slowestTurnMs = Math.max(figures.slowestTurnMs, performance.now() - started);
          assert.equal(answer.status, 200, 'never a 5xx for the member');
          if (answer.card) {
            figures.acknowledged += 1;
            card = answer.card;
          } else {
            assert.match(String(answer.message), /Probeer zo opnieuw/, `a Dutch answer: ${answer.message}`);
            figures.refused += 1; // the member clicks the same card again
          }
        }
        cards.set(member, card);
      }),
    );
    proxy.weather = CALM;
    const tried = proxy.counts.requests - before.requests;
    const faulted = proxy.counts.busy + proxy.counts.timedOut - before.busy - before.timedOut;
    let lost = 0;
    let writtenTwice = 0;
    for (const member of members) {
      const draft = await bot.poolster.deps.survey.getMemberDraft(roundId, member.userId);
      lost += BOUWSTEEN_IDS.filter((id) => !draft?.bouwstenen[id]?.complete).length;
      writtenTwice += BOUWSTEEN_IDS.filter((id) => (draft?.bouwstenen[id]?.version ?? 1) > 1).length;
      assert.equal(draft?.participant.position, 'overview');
    }
    process.stdout.write(
      `      busy storage (seed ${seed}, ${STORMY.busy * 100}% 503 + ${STORMY.timedOut * 100}% 500, up to ${STORMY.maxDelayMs} ms delay): ${tried} requests tried, ` +
        `${faulted} answered 503/500 (retried by the table client unless the click was refused), ${figures.clicks} clicks, ${figures.acknowledged} acknowledged, ` +
        `${figures.refused} refused with "probeer zo opnieuw", ${lost} lost, ${writtenTwice} written twice; slowest turn ${Math.round(figures.slowestTurnMs)} ms\n`,
    );
    assert.ok(faulted >= 10, 'storage was busy');
    assert.equal(figures.acknowledged, MEMBERS * BOUWSTEEN_IDS.length);
    assert.deepEqual({ lost, writtenTwice }, { lost: 0, writtenTwice: 0 });
  });

  it('background jobs: a weekly fan-out while storage is down fails its tick, then backs off and resumes: exactly one digest per channel', async () => {
    clock.now = new Date('2026-05-29T10:00:00Z');
    const director = bot.user('Dora Directeur');
    await director.say('setup GO! CLB Wachtrij');
    const channels = Array.from({ length: 6 }, (_, i) => `19:wachtrij-${i}@thread.tacv2`);
    for (const id of channels) assert.match(String((await director.say('<at>Poolster</at> digest hier', { id, kind: 'channel', teamId: '19:team-wachtrij' }))[0]?.text), /^Afgesproken/);
    const { deps } = bot.poolster;
    const scheduler = createDigestScheduler({ ...deps, sources: deps.digestSources, postReference: channelPostReference, now: () => clock.now, instanceId: 'busy' });
    const digestsIn = (id: string) => connector.sentTo(id).filter((a) => Boolean(firstCard([a]))).length;

    const outcomes: string[] = [];
    proxy.weather = STORAGE_DOWN;
    clock.now = new Date('2026-06-01T06:00:00Z');
    const down = await scheduler.tick(clock.now).then(
      (report) => `errors ${report.errors}, sent ${report.digestsSent}`,
      () => 'tick failed',
    );
    outcomes.push(down);
    assert.deepEqual(channels.map(digestsIn), channels.map(() => 0), 'nothing went out while storage was down');

    proxy.weather = STORMY;
    for (let minute = 5; minute <= 60 && channels.some((id) => digestsIn(id) === 0); minute += 5) {
      clock.now = new Date(Date.parse('2026-06-01T06:00:00Z') + minute * 60_000);
      outcomes.push(await scheduler.tick(clock.now).then((report) => `sent ${report.digestsSent}, errors ${report.errors}`, () => 'tick failed'));
    }
    proxy.weather = CALM;
    for (const at of ['2026-06-01T07:30:00Z', '2026-06-03T10:00:00Z']) {
      clock.now = new Date(at);
      await scheduler.tick(clock.now);
    }
    const perChannel = channels.map(digestsIn);
    process.stdout.write(`      busy storage, weekly fan-out to ${channels.length} channels: ticks ${outcomes.join(' | ')}; digests per channel ${perChannel.join(',')}\n`);
    assert.notEqual(down, 'errors 0, sent 0', 'the tick during the outage did notice');
    assert.deepEqual(perChannel, channels.map(() => 1), 'exactly one digest per channel once storage recovered');
  });
});
