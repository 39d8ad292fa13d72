import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cardText, firstCard, lastCardTextIn, startTestBot, TENANT, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { FakeConnector } from '../support/connector';
import { channelPostReference } from '../../bot/references';
import { createDigestScheduler } from '../../dialogs/digest/scheduler';

/**
 * Issue 17.1: stored 1:1 conversation references stay current. Whole turns over HTTP against real
 * Azurite; the FakeConnector answers 404 (chat gone) or 403 (blocked) for the conversations a test
 * names. People-table requests are counted on the real TableClient's pipeline.
 */
describe('Conversation references stay current', function () {
  this.timeout(60_000);
  const connector = new FakeConnector();
  const clock = { now: new Date('2026-03-02T09:00:00Z') };
  let bot: TestBot;
  let peopleRequests: string[];

  before(async () => {
    await connector.start();
    bot = await startTestBot({ connector, now: () => clock.now });
    bot.poolster.tables.client('People').pipeline.addPolicy({
      name: 'countPeopleRequests',
      sendRequest: (request, next) => {
        peopleRequests.push(request.method);
        return next(request);
      },
    });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });
  beforeEach(() => {
    peopleRequests = [];
  });

  const storedChatOf = async (user: TestUser) => (await bot.poolster.deps.centres.getPerson(TENANT, user.userId))?.personalChat as { conversation?: { id?: string } } | undefined;

  /** A centre with its director, and a group chat with the director and `members`. */
  async function centreWith(name: string, ...members: TestUser[]): Promise<{ director: TestUser; group: ConversationSpec }> {
    const director = bot.user(`Directeur ${name}`);
    assert.match(cardText(firstCard(await director.say(`setup GO! CLB ${name}`))), /is geregistreerd/);
    const group: ConversationSpec = { id: `19:${randomUUID()}@thread.v2`, kind: 'groupChat' };
    connector.members.set(group.id, [director, ...members].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    return { director, group };
  }

  /** Writes `member` into the director's centre with a 1:1 reference to `conversationId` (as stored long ago). */
  async function memberWithStoredChat(director: TestUser, member: TestUser, conversationId: string): Promise<void> {
    const centreId = (await bot.poolster.deps.centres.getPerson(TENANT, director.userId))!.centreId;
    await bot.poolster.deps.centres.savePerson({
      tenantId: TENANT,
      userId: member.userId,
      channelUserId: member.channelUserId,
      centreId,
      name: member.name,
      roles: ['lid'],
      personalChat: {
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
        bot: { id: '28:poolster-bot', name: 'Poolster' },
        user: { id: member.channelUserId, name: member.name, aadObjectId: member.userId },
      },
      updatedAt: clock.now.toISOString(),
    });
  }

  const startRound = async (director: TestUser, group: ConversationSpec, participants: TestUser[]) => {
    const created = await director.execute('round.create', { schoolYear: '2025-2026', deadline: '2026-03-27', participants: participants.map((p) => p.userId).join(','), visibility: 'anoniem' }, group);
    assert.match(cardText(created.card), /Ik stuur nu \d+ persoonlijke uitnodiging/);
    return lastCardTextIn(connector, group.id);
  };

  it('a director writing from a recreated 1:1 chat: the stored reference follows, once; the next invitation reaches the new chat', async () => {
    const { director, group } = await centreWith('Herstart');
    assert.equal((await storedChatOf(director))?.conversation?.id, director.personalConversationId);
    // The old chat is gone (the app was reinstalled); the director writes in the new one.
    connector.gone.add(director.personalConversationId);
    const sentToOldChat = connector.sentTo(director.personalConversationId).length;
    const recreated: ConversationSpec = { id: `a:recreated-${director.userId}`, kind: 'personal' };

    peopleRequests = [];
    await director.say('voortgang', recreated);
    assert.deepEqual(peopleRequests, ['GET', 'PUT'], 'the row read in the turn, and one write of the new reference');
    assert.equal((await storedChatOf(director))?.conversation?.id, recreated.id);

    peopleRequests = [];
    await director.say('voortgang', recreated);
    assert.deepEqual(peopleRequests, ['GET'], 'nothing changed: no extra table request');

    const summary = await startRound(director, group, [director]);
    assert.match(summary, /De deelnemer kreeg een persoonlijke uitnodiging/);
    assert.doesNotMatch(summary, /niet gevonden|niet meer bereikbaar/);
    assert.equal(connector.sentTo(recreated.id).filter((a) => /Uitnodiging: inschaling/.test(cardText(firstCard([a])))).length, 1, 'the invitation went to the chat the director uses now');
    assert.equal(connector.sentTo(director.personalConversationId).length, sentToOldChat, 'nothing was sent to the chat that is gone');
  });

  it('a member who writes from the same chat again: no write at all', async () => {
    const member = bot.user('Megan Bowen');
    const { director } = await centreWith('Gelijk', member);
    await memberWithStoredChat(director, member, member.personalConversationId);
    const before = (await bot.poolster.deps.centres.getPerson(TENANT, member.userId))!.etag;
    peopleRequests = [];
    await member.say('inschaling');
    assert.ok(!peopleRequests.includes('PUT') && !peopleRequests.includes('PATCH'), peopleRequests.join(','));
    assert.equal((await bot.poolster.deps.centres.getPerson(TENANT, member.userId))!.etag, before);
  });

  it('a stored 1:1 chat answers 404: the chat is opened again once, the invitation arrives there, the summary says so', async () => {
    const member = bot.user('Lee Gu');
    const { director, group } = await centreWith('Verlopen', member);
    const stale = `a:stale-${member.userId}`;
    await memberWithStoredChat(director, member, stale);
    connector.gone.add(stale);
    const createdBefore = connector.created.length;

    const summary = await startRound(director, group, [member]);
    assert.match(summary, /De deelnemer kreeg een persoonlijke uitnodiging/);
    assert.match(summary, /Lee Gu was niet meer bereikbaar in het bewaarde 1-op-1-gesprek; ik opende een nieuw gesprek en de uitnodiging kwam daar aan/);
    assert.equal(connector.created.length - createdBefore, 1, 'one createConversation');
    assert.equal(connector.created.at(-1)?.members?.[0]?.id, member.channelUserId, 'opened from the person\'s channel account');
    assert.equal(connector.created.at(-1)?.tenantId, TENANT);
    assert.equal(connector.sentTo(member.personalConversationId).length, 1, 'the invitation, once, in the new chat');
    assert.equal((await storedChatOf(member))?.conversation?.id, member.personalConversationId, 'the new chat is stored');
  });

  it('a stored 1:1 chat answers 403 and opening a new one fails too: unreachable, and the summary says both were tried', async () => {
    const member = bot.user('Pradeep Gupta');
    const { director, group } = await centreWith('Geblokkeerd', member);
    const stale = `a:blocked-${member.userId}`;
    await memberWithStoredChat(director, member, stale);
    connector.blocked.add(stale);
    connector.blocked.add(member.channelUserId); // createConversation for this person: 403
    const createdBefore = connector.created.length;

    const summary = await startRound(director, group, [member]);
    assert.match(summary, /De deelnemer kreeg geen persoonlijke uitnodiging/);
    assert.match(summary, /Pradeep Gupta: heeft Poolster geblokkeerd of verwijderd; ook een nieuw 1-op-1-gesprek openen lukte niet/);
    assert.doesNotMatch(summary, /niet meer bereikbaar in het bewaarde/);
    assert.equal(connector.created.length, createdBefore, 'no chat was created');
    assert.equal((await storedChatOf(member))?.conversation?.id, stale, 'the stored reference is left as it was');
  });

  it('a reminder to a participant whose chat went stale: reopened, and the progress card says so', async () => {
    const member = bot.user('Nestor Herinnerd');
    const { director, group } = await centreWith('Herinnering', member);
    await memberWithStoredChat(director, member, member.personalConversationId);
    await startRound(director, group, [member]);
    // Later the member's chat is gone (app reinstalled), and the member has not written since.
    const stale = `a:old-${member.userId}`;
    await memberWithStoredChat(director, member, stale);
    connector.gone.add(stale);
    const centre = (await bot.poolster.deps.centres.listCentres(TENANT)).find((c) => c.name === 'GO! CLB Herinnering')!;
    const reminded = await director.execute('round.remind', { roundId: centre.openRoundId }, group);
    assert.match(cardText(reminded.card), /Herinnering privé verstuurd naar 1 persoon\. Nestor Herinnerd was niet meer bereikbaar in het bewaarde 1-op-1-gesprek; ik opende een nieuw gesprek en de herinnering kwam daar aan\./);
    assert.equal(connector.sentTo(member.personalConversationId).filter((a) => /Herinnering: je inschaling/.test(cardText(firstCard([a])))).length, 1);
  });

  it('a registered digest channel whose stored reference went stale: refreshed when the channel talks to the bot, once; the digest arrives', async () => {
    const saved = clock.now;
    clock.now = new Date('2026-02-27T10:00:00Z'); // the Friday before
    const { director } = await centreWith('Kanaal');
    const channel: ConversationSpec = { id: '19:kanaal-verhuisd@thread.tacv2', kind: 'channel', teamId: '19:team-kanaal' };
    assert.match(String((await director.say('<at>Poolster</at> digest hier', channel))[0]?.text), /^Afgesproken/);
    const centreId = (await bot.poolster.deps.centres.getPerson(TENANT, director.userId))!.centreId;
    const key = { tenantId: TENANT, centreId, conversationKey: channel.id };
    // Stored long ago through another service URL (that one no longer answers).
    await bot.poolster.deps.digests.channels.updateRegistration(key, (reg) => ({ ...reg, ref: { ...reg.ref, serviceUrl: 'http://127.0.0.1:9/' } }));
    const digestRequests: string[] = [];
    bot.poolster.tables.client('Digests').pipeline.addPolicy({ name: 'countDigestRequests', sendRequest: (request, next) => (digestRequests.push(request.method), next(request)) });

    await director.say('<at>Poolster</at> digest status', { ...channel, id: `${channel.id};messageid=1700000000001` });
    assert.equal(digestRequests.filter((m) => m === 'PUT').length, 1, 'the new reference written once');
    const stored = await bot.poolster.deps.digests.channels.getRegistration(TENANT, centreId, channel.id);
    assert.equal((stored?.ref as { serviceUrl?: string }).serviceUrl, connector.url);

    digestRequests.length = 0;
    await director.say('<at>Poolster</at> digest status', { ...channel, id: `${channel.id};messageid=1700000000002` });
    assert.deepEqual(digestRequests, ['GET'], 'another thread of the same channel: nothing changed, no extra request');

    const { deps } = bot.poolster;
    const monday = new Date('2026-03-02T07:00:00Z'); // 08:00 in Brussels
    const report = await createDigestScheduler({ ...deps, sources: deps.digestSources, postReference: channelPostReference, now: () => monday, instanceId: 'refs' }).tick(monday);
    clock.now = saved;
    assert.equal(report.digestsSent, 1);
    assert.equal(connector.sentTo(channel.id).filter((a) => /actieoverzicht/i.test(cardText(firstCard([a])))).length, 1, 'the weekly digest reached the channel');
  });
});
