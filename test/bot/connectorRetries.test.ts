import assert from 'node:assert/strict';
import pino from 'pino';
import { createAdapter, connectorPipeline } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createMessenger, DEFAULT_RETRY, retryDelay, type RetryPolicy } from '../../bot/messenger';
import type { ConversationRef } from '../../domain/conversation';
import { FakeConnector } from '../support/connector';
import { startTestBot, TENANT, type TestBot } from '../support/bot';

/**
 * One retry layer for the connector: the connector clients the adapter builds have the SDK's own
 * retry policy removed, so withConnectorRetries (bot/messenger.ts) is the only one and every attempt
 * it makes is exactly one request on the wire. Real adapter and messenger, FakeConnector on loopback;
 * the waits go through the injected sleep and are recorded instead of slept.
 */

const MAX_ATTEMPTS = 4;

interface ConnectorFactoryLike {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}

function channelRef(connector: FakeConnector, id = '19:retries@thread.tacv2'): ConversationRef {
  return {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    bot: { id: '28:poolster-bot', name: 'Poolster' },
  };
}

describe('Connector retries: one bounded layer (messenger over the real adapter, FakeConnector)', function () {
  this.timeout(30_000);
  let bot: TestBot;
  let connector: FakeConnector;
  let slept: number[];
  const policy: Partial<RetryPolicy> = {
    maxAttempts: MAX_ATTEMPTS,
    baseDelayMs: 400,
    maxDelayMs: 5_000,
    random: () => 0.5,
    sleep: async (ms) => {
      slept.push(ms);
    },
  };

  before(async () => {
    bot = await startTestBot({ retry: policy });
    connector = bot.connector;
  });
  after(async () => bot.stop());
  beforeEach(() => {
    slept = [];
  });

  it('429 with Retry-After twice, then 200: exactly 3 requests, delivered once, after waiting Retry-After each time', async () => {
    const ref = channelRef(connector, '19:throttled@thread.tacv2');
    connector.failNext({ status: 429, retryAfterSeconds: 2, conversationId: '19:throttled@thread.tacv2' }, { status: 429, retryAfterSeconds: 3, conversationId: '19:throttled@thread.tacv2' });
    const before = connector.requests;
    const outcome = await bot.poolster.deps.messenger.send(ref, { text: 'Hallo kanaal' });
    assert.equal(outcome.ok, true);
    assert.equal(connector.requests - before, 3, '429, 429, 200: the SDK added no requests of its own');
    assert.equal(connector.sentTo('19:throttled@thread.tacv2').length, 1, 'delivered once');
    assert.deepEqual(slept, [2_000, 3_000], 'waited exactly what Retry-After said, through our sleep');
  });

  it(`503 on every attempt: exactly maxAttempts (${MAX_ATTEMPTS}) requests, exponential backoff with jitter, then a failure`, async () => {
    const id = '19:unavailable@thread.tacv2';
    connector.failNext(...Array.from({ length: MAX_ATTEMPTS + 3 }, () => ({ status: 503, conversationId: id })));
    const before = connector.requests;
    const outcome = await bot.poolster.deps.messenger.send(channelRef(connector, id), { text: 'Hallo' });
    assert.deepEqual({ ok: outcome.ok, reason: !outcome.ok && outcome.reason, status: !outcome.ok && outcome.status }, { ok: false, reason: 'failed', status: 503 });
    assert.equal(connector.requests - before, MAX_ATTEMPTS);
    assert.equal(connector.pendingFaults, 3, 'the rest of the 503s were never asked for');
    assert.equal(connector.sentTo(id).length, 0);
    // backoff = min(max, base * 2^(n-1)); delay = backoff/2 + random * backoff/2, random = 0.5
    assert.deepEqual(slept, [300, 600, 1_200]);
    while (connector.pendingFaults > 0) await bot.poolster.deps.messenger.send(channelRef(connector, id), { text: 'opruimen' });
  });

  it('403: one request, reported as blocked, never retried', async () => {
    const id = '19:removed@thread.tacv2';
    connector.blocked.add(id);
    const before = connector.requests;
    const outcome = await bot.poolster.deps.messenger.send(channelRef(connector, id), { text: 'Hallo' });
    assert.deepEqual(outcome, { ok: false, reason: 'blocked', status: 403 });
    assert.equal(connector.requests - before, 1);
    assert.deepEqual(slept, []);
  });

  it('a Retry-After longer than the policy allows ends the attempts: one request, reported as throttled', async () => {
    const id = '19:slow-down@thread.tacv2';
    connector.failNext({ status: 429, retryAfterSeconds: 60, conversationId: id });
    const before = connector.requests;
    const outcome = await bot.poolster.deps.messenger.send(channelRef(connector, id), { text: 'Hallo' });
    assert.deepEqual({ ok: outcome.ok, reason: !outcome.ok && outcome.reason }, { ok: false, reason: 'throttled' });
    assert.equal(connector.requests - before, 1, 'not sooner than Retry-After, and not held for a minute either');
    assert.deepEqual(slept, []);
  });

  it('opening a 1:1 chat (createConversation) is retried by the same single layer', async () => {
    const member = bot.user('Nora Nieuw');
    connector.failNext({ status: 503, on: 'create' }, { status: 429, retryAfterSeconds: 1, on: 'create' });
    const before = connector.requests;
    const opened = await bot.poolster.deps.messenger.openPersonalChat({ tenantId: TENANT, channelUserId: member.channelUserId, serviceUrlFrom: channelRef(connector) });
    assert.equal((opened as { conversation?: { id?: string } }).conversation?.id, `a:personal-${member.channelUserId}`);
    assert.equal(connector.requests - before, 3, '503, 429, 201');
    assert.deepEqual(slept, [300, 1_000]);
  });

  it('a reply inside a turn: retried by the same policy, bounded for the 15-second window', async () => {
    const alex = bot.user('Alex Wilber');
    connector.failNext({ status: 503, conversationId: alex.personalConversationId }, { status: 429, retryAfterSeconds: 1, conversationId: alex.personalConversationId });
    const before = connector.requests;
    const replies = await alex.say('help');
    assert.equal(replies.length, 1, 'the help text arrives once');
    assert.equal(connector.requests - before, 3, '503, 429, 200');
    assert.deepEqual(slept, [300, 1_000]);

    slept = [];
    connector.failNext({ status: 429, retryAfterSeconds: 10, conversationId: alex.personalConversationId });
    const before2 = connector.requests;
    await alex.say('help');
    assert.deepEqual(slept, [], 'Retry-After 10 s is longer than a turn may wait (3 s): not retried');
    assert.equal(connector.requests - before2, 2, 'the reply once, then the error message of the failed turn');
  });
});

describe('Connector clients carry no SDK retry policy', () => {
  it('proactive and turn connector clients: the SDK retry policy is gone; the turn client has ours', async () => {
    const config = loadConfig({ NODE_ENV: 'test', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SCHEDULER: 'false' });
    const adapter = createAdapter(config, pino({ level: 'silent' })) as unknown as {
      createClaimsIdentity(appId: string): unknown;
      botFrameworkAuthentication: {
        createConnectorFactory(claims: unknown): ConnectorFactoryLike;
        authenticateRequest(activity: unknown, authHeader: string): Promise<{ connectorFactory?: ConnectorFactoryLike }>;
      };
    };
    const names = (client: unknown) => connectorPipeline(client).getOrderedPolicies().map((p) => p.name);
    const auth = adapter.botFrameworkAuthentication;
    const proactive = await auth.createConnectorFactory(adapter.createClaimsIdentity('')).create('http://127.0.0.1:1/');
    assert.deepEqual(names(proactive).filter((n) => /retry/i.test(n)), [], names(proactive).join(', '));

    // An incoming activity (no app id configured: authentication is off) gets the turn's factory.
    const activity = { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } };
    const { connectorFactory } = await auth.authenticateRequest(activity, '');
    const turnClient = await connectorFactory!.create('http://127.0.0.1:1/');
    assert.deepEqual(names(turnClient).filter((n) => /retry/i.test(n)), ['poolsterConnectorRetry'], names(turnClient).join(', '));
  });

  it('the retry decision: Retry-After honoured up to maxDelayMs, 4xx other than 412/429 never retried, attempts bounded', () => {
    const p: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, random: () => 1 };
    assert.equal(retryDelay(429, 800, 1, p), 800);
    assert.equal(retryDelay(429, 1_200, 1, p), undefined);
    assert.equal(retryDelay(503, undefined, 1, p), 100);
    assert.equal(retryDelay(503, undefined, 2, p), 200);
    assert.equal(retryDelay(503, undefined, 3, p), undefined);
    assert.equal(retryDelay(400, undefined, 1, p), undefined);
    assert.equal(retryDelay(412, undefined, 1, p), 100);
    assert.equal(retryDelay(undefined, undefined, 1, p), 100, 'a network error is retried');
  });
});
