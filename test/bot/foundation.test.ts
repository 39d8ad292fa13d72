import assert from 'node:assert/strict';
import { cardText, firstCard, startTestBot, type TestBot } from '../support/bot';
import { captureLogs } from '../trust/support';

describe('Foundation: a person meets the bot (whole turns over HTTP, real Azurite)', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => bot.stop());

  it('welcomes a person in Dutch when the bot is installed in their personal chat', async () => {
    const alex = bot.user('Alex Wilber');
    const before = bot.connector.sent.length;
    const { status } = await alex.post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: 'install-1',
      from: { id: alex.channelUserId, aadObjectId: alex.userId },
      recipient: { id: '28:poolster-bot', name: 'Poolster' },
      conversation: { id: alex.personalConversationId, conversationType: 'personal', tenantId: alex.tenantId },
      channelData: { tenant: { id: alex.tenantId } },
      membersAdded: [{ id: '28:poolster-bot' }],
    });
    assert.equal(status, 200);
    const sent = bot.connector.sent.slice(before).map((s) => s.activity);
    const text = cardText(firstCard(sent));
    assert.match(text, /Welkom bij Poolster/);
    assert.match(text, /inschaling/);
    assert.match(text, /help/);
  });

  it('welcomes a team with the channel commands', async () => {
    const alex = bot.user('Alex Wilber');
    const before = bot.connector.sent.length;
    await alex.post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: 'install-2',
      from: { id: alex.channelUserId, aadObjectId: alex.userId },
      recipient: { id: '28:poolster-bot', name: 'Poolster' },
      conversation: { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: alex.tenantId },
      channelData: { tenant: { id: alex.tenantId }, team: { id: '19:team' } },
      membersAdded: [{ id: '28:poolster-bot' }],
    });
    const text = cardText(firstCard(bot.connector.sent.slice(before).map((s) => s.activity)));
    assert.match(text, /digest hier/);
  });

  it('does not welcome again when another person joins a team', async () => {
    const alex = bot.user('Alex Wilber');
    const before = bot.connector.sent.length;
    await alex.post({
      type: 'conversationUpdate',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: 'join-1',
      from: { id: alex.channelUserId },
      recipient: { id: '28:poolster-bot' },
      conversation: { id: '19:team-general@thread.tacv2', conversationType: 'channel', tenantId: alex.tenantId },
      channelData: { tenant: { id: alex.tenantId } },
      membersAdded: [{ id: '29:someone-else' }],
    });
    assert.equal(bot.connector.sent.length, before);
  });

  it('answers help, case and spacing aside, with the commands for someone not yet in a centre', async () => {
    const alex = bot.user('Alex Wilber');
    const replies = await alex.say('  HELP ');
    assert.equal(replies.length, 1);
    const text = cardText(firstCard(replies));
    assert.match(text, /Wat kan je mij vragen\?/);
    assert.match(text, /setup \[naam van het centrum\]/);
    assert.match(text, /nog niet gekoppeld aan een centrum/);
    assert.doesNotMatch(text, /start inschaling/, 'director commands are not offered to a stranger');
  });

  it('answers an unknown message kindly in Dutch, suggesting help', async () => {
    const alex = bot.user('Alex Wilber');
    const replies = await alex.say('hoe laat is het?');
    assert.equal(replies.length, 1);
    assert.match(String(replies[0]!.text), /Ik begrijp "hoe laat is het\?" niet\. Typ \*\*help\*\*/);
  });

  it('strips the @mention Teams puts in channel messages', async () => {
    const alex = bot.user('Alex Wilber');
    const replies = await alex.say('<at>Poolster</at> help', { id: '19:chan@thread.tacv2', kind: 'channel', teamId: '19:team' });
    assert.match(cardText(firstCard(replies)), /Wat kan je mij vragen\?/);
  });

  it('says it is alive on /healthz and ready on /readyz while storage answers', async () => {
    const health = await fetch(`${bot.poolster.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${bot.poolster.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('refuses a body that is not an activity with 400, and an oversized one with 413', async () => {
    const bad = await fetch(`${bot.poolster.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":1}' });
    assert.equal(bad.status, 400);
    const huge = await fetch(`${bot.poolster.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }),
    });
    assert.equal(huge.status, 413);
  });

  it('answers the playground\'s HEAD probe of /api/messages with a quiet 200, logged at debug only', async () => {
    const logs = captureLogs('debug');
    const probed = await startTestBot({ logger: logs.logger });
    try {
      const head = await fetch(`${probed.poolster.url}/api/messages`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
      const entries = logs.entries();
      assert.deepEqual(entries.filter((e) => e.level >= 30 && /request/.test(String(e.msg))), [], 'nothing at info or above');
      assert.equal(entries.filter((e) => e.level === 20 && e.msg === 'endpoint probed').length, 1);
      const get = await fetch(`${probed.poolster.url}/api/messages`);
      assert.equal(get.status, 405, 'other methods are still refused');
    } finally {
      await probed.stop();
    }
  });
});
