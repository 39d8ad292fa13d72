/**
 * Each instance keeps the drafts it read or wrote, so an answered card costs one storage request.
 * These specs drive two instances on one storage (as behind a load balancer) and check that a
 * cached draft never costs a member an answer, never overwrites newer data, and never hides a
 * closed round.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { azuriteConnectionString, freePort, startAzurite, type AzuriteHandle } from '../support/azurite';
import { TcpProxy } from '../support/tcpProxy';
import { specClock } from '../support/clock';
import { FakeConnector } from '../support/connector';
import { cardText, firstCard, startTestBot, waitForCardIn, type TestBot, type TestUser } from '../support/bot';
import { actionTitled } from '../support/cards';
import { validBouwsteenForm } from '../fixtures/surveyForms';
import { MemberDraftCache } from '../../storage/draftCache';
import type { MemberDraftWithEtags } from '../../storage/memberDraft';

const STALE = /niets overschreven/;

describe('Answered cards with drafts cached per instance', function () {
  this.timeout(60_000);
  let azurite: AzuriteHandle;
  let proxy: TcpProxy;
  const connector = new FakeConnector();
  /** One clock for both instances, as servers behind one load balancer share the time. */
  const clock = specClock();
  let a: TestBot;
  let b: TestBot;

  before(async () => {
    azurite = await startAzurite();
    proxy = new TcpProxy(await freePort(), azurite.port);
    await proxy.up();
    await connector.start();
    const tablePrefix = `c${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const env = { STORAGE_CONNECTION_STRING: azuriteConnectionString(proxy.port) };
    a = await startTestBot({ connector, tablePrefix, env, now: clock.now });
    b = await startTestBot({ connector, tablePrefix, env, now: clock.now });
  });
  after(async () => {
    await a.stop();
    await b.stop();
    await connector.stop();
    await proxy.down();
    await azurite.stop();
  });

  /** A new centre with a round for one member (through instance A); the member's first bouwsteen card. */
  async function roundFor(memberName: string): Promise<{ director: TestUser; member: TestUser; card: any; roundId: string }> {
    const director = a.user(`Directeur van ${memberName}`);
    const member = a.user(memberName);
    await director.say(`setup GO! CLB ${memberName}`);
    const group = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' as const };
    connector.members.set(group.id, [director, member].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    await director.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(10), participants: member.userId, visibility: 'anoniem' }, group);
    await waitForCardIn(connector, group.id, /1 van 1 deelnemers/);
    const intro = firstCard(await member.say('inschaling'));
    const card = (await member.execute('survey.open', actionTitled(intro, 'Start de inschaling').data)).card;
    return { director, member, card, roundId: String(actionTitled(intro, 'Start de inschaling').data.roundId) };
  }

  const onInstance = (bot: TestBot, user: TestUser) => bot.user(user.name, { userId: user.userId });

  it('costs one table request per answered card once the member’s draft is known', async () => {
    const { member, card: first, roundId } = await roundFor('Megan Bowen');
    let card = first;
    const perAnswer: number[] = [];
    for (const note of ['een', 'twee', 'drie', 'vier']) {
      const before = proxy.requests;
      const answer = await member.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: note }) });
      perAnswer.push(proxy.requests - before);
      card = answer.card;
      assert.doesNotMatch(cardText(card), STALE);
    }
    assert.match(cardText(card), /Bouwsteen 5 van 11/);
    assert.deepEqual(perAnswer, [1, 1, 1, 1]);
    const stored = await a.poolster.deps.survey.getMemberDraft(roundId, member.userId);
    assert.deepEqual(['4.1', '4.2', '4.3', '5.1'].map((id) => stored?.bouwstenen[id as '4.1']?.form.choiceNote), ['een', 'twee', 'drie', 'vier']);
  });

  it('keeps every answer when a member’s clicks alternate between instances, without a stale-card notice', async () => {
    const { member, card: first, roundId } = await roundFor('Lee Gu');
    let card = first;
    const notes = ['op A', 'op B', 'weer op A', 'weer op B', 'nog eens op A'];
    for (const [i, note] of notes.entries()) {
      const clicker = i % 2 === 0 ? member : onInstance(b, member);
      const answer = await clicker.execute('survey.answer', { ...actionTitled(card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: note }) });
      assert.ok(answer.card, `answer ${i + 1} gets a card`);
      assert.doesNotMatch(cardText(answer.card), STALE, `answer ${i + 1} is not treated as stale`);
      assert.match(cardText(answer.card), new RegExp(`Bouwsteen ${i + 2} van 11`));
      card = answer.card;
    }
    const stored = await b.poolster.deps.survey.getMemberDraft(roundId, member.userId);
    assert.deepEqual(['4.1', '4.2', '4.3', '5.1', '5.2'].map((id) => stored?.bouwstenen[id as '4.1']?.form.choiceNote), notes);
    assert.deepEqual(['4.1', '4.2', '4.3', '5.1', '5.2'].map((id) => stored?.bouwstenen[id as '4.1']?.version), [1, 1, 1, 1, 1]);
  });

  it('still refuses an old card on every instance and overwrites nothing', async () => {
    const { member, card: first, roundId } = await roundFor('Isaiah Langer');
    const oldCard = first;
    await member.execute('survey.answer', { ...actionTitled(oldCard, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'nieuw' }) });
    for (const clicker of [onInstance(b, member), member]) {
      const again = await clicker.execute('survey.answer', { ...actionTitled(oldCard, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'oud' }) });
      assert.match(cardText(again.card), STALE);
    }
    const stored = await a.poolster.deps.survey.getMemberDraft(roundId, member.userId);
    assert.equal(stored?.bouwstenen['4.1']?.form.choiceNote, 'nieuw');
    assert.equal(stored?.bouwstenen['4.1']?.version, 1);
  });

  it('refuses an answer on one instance as soon as the round was closed on another, and stores nothing', async () => {
    const { director, member, card: first, roundId } = await roundFor('Adele Vance');
    const second = (await member.execute('survey.answer', { ...actionTitled(first, 'Volgende').data, ...validBouwsteenForm() })).card;
    const closed = await onInstance(b, director).say('sluit inschaling');
    assert.match(String(closed[0]?.text), /De inschalingsronde is afgesloten/);

    const late = await member.execute('survey.answer', { ...actionTitled(second, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'te laat' }) });
    assert.match(String(late.message), /Deze inschalingsronde is afgesloten/);
    const stored = await a.poolster.deps.survey.getMemberDraft(roundId, member.userId);
    assert.equal(stored?.round.status, 'closed');
    assert.equal(stored?.bouwstenen['4.2'], undefined, 'the late answer was not stored');
  });

  it('forgets a member who erased their data on another instance: the next click stores nothing', async () => {
    const { member, card: first, roundId } = await roundFor('Nestor Wilke');
    const second = (await member.execute('survey.answer', { ...actionTitled(first, 'Volgende').data, ...validBouwsteenForm() })).card;
    const erased = await onInstance(b, member).execute('privacy.erase', { confirm: 'ja' });
    assert.match(cardText(erased.card), /Je gegevens zijn gewist/);

    const after = await member.execute('survey.answer', { ...actionTitled(second, 'Volgende').data, ...validBouwsteenForm({ choiceNote: 'na het wissen' }) });
    assert.match(String(after.message), /Je neemt niet deel aan deze inschalingsronde/);
    assert.equal(await a.poolster.deps.survey.getMemberDraft(roundId, member.userId), undefined, 'no row of the member came back');
  });
});

describe('MemberDraftCache', () => {
  const draft = (roundId: string, userId: string, note = 'x'): MemberDraftWithEtags => ({
    round: { roundId, tenantId: 't', centreId: 'c', schoolYear: '2026-2027', deadline: '2026-12-18', visibility: 'anoniem', status: 'open', createdBy: 'd', createdAt: '2026-11-02T08:00:00Z' },
    participant: { userId, channelUserId: `29:${userId}`, name: userId, position: '4.1', nudges: [] },
    bouwstenen: { '4.1': { bouwsteenId: '4.1', form: { choiceNote: note }, complete: false, version: 1 } },
    etags: { participant: 'W/"p"', bouwstenen: { '4.1': 'W/"b"' } },
  });

  it('hands out copies, so a caller’s changes never reach the cache', () => {
    const cache = new MemberDraftCache({ maxEntries: 10, ttlMs: 60_000, now: () => 0 });
    cache.set(draft('r', 'u'));
    const copy = cache.get('r', 'u')!;
    assert.equal(copy.fromCache, true);
    copy.bouwstenen['4.1']!.form.choiceNote = 'changed by a handler';
    assert.equal(cache.get('r', 'u')!.bouwstenen['4.1']!.form.choiceNote, 'x');
  });

  it('forgets the least recently used member beyond its size, and entries older than its time to live', () => {
    let now = 0;
    const cache = new MemberDraftCache({ maxEntries: 2, ttlMs: 1_000, now: () => now });
    cache.set(draft('r', 'u1'));
    cache.set(draft('r', 'u2'));
    cache.get('r', 'u1');
    cache.set(draft('r', 'u3'));
    assert.equal(cache.get('r', 'u2'), undefined, 'u2 was least recently used');
    assert.ok(cache.get('r', 'u1'));
    assert.ok(cache.get('r', 'u3'));
    now = 1_001;
    assert.equal(cache.get('r', 'u1'), undefined, 'expired');
    assert.equal(cache.size, 0, 'every expired entry left memory, not only the one asked for');
  });

  it('lets go of drafts on an idle instance once their time is up', () => {
    let now = 0;
    const cache = new MemberDraftCache({ maxEntries: 10, ttlMs: 1_000, now: () => now });
    cache.set(draft('r', 'u1'));
    now = 500;
    cache.set(draft('r', 'u2'));
    now = 1_200;
    cache.sweep();
    assert.equal(cache.size, 1, 'u1 is gone, u2 is not yet');
    now = 1_600;
    cache.sweep();
    assert.equal(cache.size, 0);
  });
});
