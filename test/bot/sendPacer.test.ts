import assert from 'node:assert/strict';
import pino from 'pino';
import { connectorPipeline, createAdapter } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { DEFAULT_RETRY } from '../../bot/connectorRetry';
import { createMessenger } from '../../bot/messenger';
import { createSendPacer, PACING_MARGIN_MS, PACING_POLICY_NAME, sendConversationOf, TEAMS_SEND_LIMITS } from '../../bot/sendPacer';
import type { ConversationRef } from '../../domain/conversation';
import { FakeConnector, TEAMS_RATE_LIMITS } from '../support/connector';
import { TENANT } from '../support/bot';

/**
 * Proactive sends are paced to Teams' rate limits by the sender itself (bot/sendPacer.ts), so a
 * fan-out does not run into 429 + Retry-After. The pacer on a fake clock (every start it gives is
 * checked, nothing is timed), then the real messenger against a connector that enforces the limits.
 */
describe('Send pacing: proactive sends within Teams rate limits', () => {
  /** A pacer on a clock that only moves when the pacer sleeps; `take` resolves with the start it gave. */
  function pacedClock() {
    let clock = 0;
    const pacer = createSendPacer(TEAMS_SEND_LIMITS, { now: () => clock, sleep: async (ms) => void (clock += ms) });
    // Each call is answered the moment it starts.
    return { take: async (conversationId?: string) => ((await pacer.take(conversationId))(), clock) };
  }
  const WINDOW = 1_000 + PACING_MARGIN_MS;

  it('lets 50 calls of the app start at once, then waits for the window (with its margin) before the next 50', async () => {
    const { take } = pacedClock();
    const starts: number[] = [];
    for (let i = 0; i < 120; i += 1) starts.push(await take(`19:channel-${i}@thread.tacv2`));
    assert.deepEqual(starts.slice(0, 50), Array(50).fill(0));
    assert.deepEqual(starts.slice(50, 100), Array(50).fill(WINDOW));
    assert.deepEqual(starts.slice(100), Array(20).fill(2 * WINDOW));
    for (let i = 50; i < starts.length; i += 1) {
      const inWindow = starts.filter((t) => t > starts[i]! - WINDOW && t <= starts[i]!).length;
      assert.ok(inWindow <= 50, `call ${i + 1}: ${inWindow} calls in one window`);
    }
  });

  it('a call counts from when it was answered: while 50 are under way the next one waits for an answer', async () => {
    // A clock that moves only when the spec moves it; sleeps end when it passes their end.
    let clock = 0;
    const sleeping: Array<{ until: number; wake: () => void }> = [];
    const pacer = createSendPacer(TEAMS_SEND_LIMITS, { now: () => clock, sleep: (ms) => new Promise<void>((wake) => void sleeping.push({ until: clock + ms, wake })) });
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const moveTo = async (t: number) => {
      clock = t;
      for (const s of sleeping.filter((s) => s.until <= t)) s.wake();
      await settle();
    };
    const underWay = [];
    for (let i = 0; i < 50; i += 1) underWay.push(await pacer.take(`19:slow-${i}@thread.tacv2`));
    let startedAt: number | undefined;
    const next = pacer.take('19:next@thread.tacv2').then((done) => ((startedAt = clock), done));
    await moveTo(900);
    assert.equal(startedAt, undefined, 'no room while all 50 are under way, however long');
    for (const done of underWay) done();
    await settle();
    await moveTo(900 + WINDOW - 1);
    assert.equal(startedAt, undefined, 'not before a full window after the answers');
    await moveTo(900 + WINDOW);
    (await next)();
    assert.equal(startedAt, 900 + WINDOW);
  });

  it('per conversation: 7 a second and 60 per 30 seconds; calls go in the order they asked', async () => {
    const { take } = pacedClock();
    const starts: number[] = [];
    for (let i = 0; i < 61; i += 1) starts.push(await take('19:one@thread.tacv2'));
    assert.deepEqual(starts.slice(0, 7), Array(7).fill(0));
    assert.deepEqual(starts.slice(7, 14), Array(7).fill(WINDOW));
    assert.equal(starts[60], 30_000 + PACING_MARGIN_MS, 'the 61st waits for the 30-second window');
    // A call to another conversation asked after that one starts no earlier: first come, first served.
    assert.equal(await take('19:other@thread.tacv2'), 30_000 + PACING_MARGIN_MS);
    assert.equal(await take(), 30_000 + PACING_MARGIN_MS, 'a call to no conversation counts for the app only');
  });

  it('paces every request on the wire: the policy sits after the retry policy in proactive and turn connector clients; sends count per conversation', async () => {
    const config = loadConfig({ NODE_ENV: 'test', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', SCHEDULER: 'false' });
    const adapter = createAdapter(config, pino({ level: 'silent' })) as unknown as {
      createClaimsIdentity(appId: string): unknown;
      botFrameworkAuthentication: {
        createConnectorFactory(claims: unknown): { create(serviceUrl: string): Promise<unknown> };
        authenticateRequest(activity: unknown, authHeader: string): Promise<{ connectorFactory?: { create(serviceUrl: string): Promise<unknown> } }>;
      };
    };
    const auth = adapter.botFrameworkAuthentication;
    const proactive = await auth.createConnectorFactory(adapter.createClaimsIdentity('')).create('http://127.0.0.1:1/');
    const activity = { type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'c' }, from: { id: 'u' }, recipient: { id: 'b' } };
    const turn = await (await auth.authenticateRequest(activity, '')).connectorFactory!.create('http://127.0.0.1:1/');
    for (const client of [proactive, turn]) {
      const names = connectorPipeline(client).getOrderedPolicies().map((p) => p.name);
      assert.equal(names.filter((n) => n === PACING_POLICY_NAME).length, 1, names.join(', '));
      assert.ok(names.indexOf(PACING_POLICY_NAME) > names.indexOf('poolsterConnectorRetry'), `after the retry policy: ${names.join(', ')}`);
    }
    assert.equal(sendConversationOf('POST', 'https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.tacv2/activities'), '19:abc@thread.tacv2');
    assert.equal(sendConversationOf('PUT', 'https://x/v3/conversations/a%3A1xyz/activities/1234'), 'a:1xyz');
    assert.equal(sendConversationOf('POST', 'https://x/v3/conversations/a%3A1xyz/activities/1234'), 'a:1xyz', 'a reply in a thread');
    assert.equal(sendConversationOf('POST', 'https://x/v3/conversations'), undefined, 'createConversation counts for the app only');
    assert.equal(sendConversationOf('GET', 'https://x/v3/conversations/19%3Aabc/pagedmembers'), undefined);
  });

  it('the messenger sends 120 messages to 60 channels past a connector enforcing Teams limits: none answered 429, all delivered once', async function () {
    this.timeout(30_000);
    const connector = new FakeConnector();
    await connector.start();
    try {
      connector.throttling = TEAMS_RATE_LIMITS;
      const logger = pino({ level: 'silent' });
      const config = loadConfig({ NODE_ENV: 'development', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', LOG_LEVEL: 'silent', SCHEDULER: 'false' });
      const messenger = createMessenger({ adapter: createAdapter(config, logger, DEFAULT_RETRY), botAppId: '', logger });
      const ref = (id: string): ConversationRef => ({
        channelId: 'msteams',
        serviceUrl: connector.url,
        conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
        bot: { id: '28:poolster-bot', name: 'Poolster' },
      });
      const channels = Array.from({ length: 60 }, (_, i) => `19:paced-${i}@thread.tacv2`);
      const outcomes = await Promise.all(channels.flatMap((id) => [1, 2].map((n) => messenger.send(ref(id), { text: `Bericht ${n}` }))));
      assert.deepEqual(outcomes.filter((o) => !o.ok), []);
      assert.equal(connector.throttled, 0, 'no 429');
      assert.deepEqual(channels.map((id) => connector.sentTo(id).map((a) => a.text)), channels.map(() => ['Bericht 1', 'Bericht 2']));
    } finally {
      await connector.stop();
    }
  });
});
