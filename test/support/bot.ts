/**
 * Whole-turn driver: starts Poolster on a free port against the test Azurite and a FakeConnector,
 * and lets a test speak as Teams users (messages, card clicks as Action.Execute invokes).
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { startPoolster, type Poolster } from '../../bot/main';
import type { RetryPolicy } from '../../bot/messenger';
import { FakeConnector } from './connector';
import { specClock } from './clock';

export const TENANT = '00000000-0000-0000-0000-000000000001';
export const OTHER_TENANT = '99999999-0000-0000-0000-000000000009';

export interface TestBot {
  poolster: Poolster;
  connector: FakeConnector;
  user(name: string, options?: { tenantId?: string; userId?: string }): TestUser;
  stop(): Promise<void>;
}

export interface InvokeAnswer {
  status: number;
  body: any;
  /** The card that replaces the clicked one, when the bot answered with a card. */
  card?: any;
  /** The message text, when the bot answered with a message instead of a card. */
  message?: string;
}

export interface TestUser {
  userId: string;
  channelUserId: string;
  name: string;
  tenantId: string;
  personalConversationId: string;
  /** Sends a message in the user's 1:1 chat (or `conversation`); resolves with the bot's replies. */
  say(text: string, conversation?: ConversationSpec): Promise<Array<Record<string, any>>>;
  /** Clicks an Action.Execute on a card: the invoke the Teams client would send. */
  execute(verb: string, data: Record<string, unknown>, conversation?: ConversationSpec): Promise<InvokeAnswer>;
  /** Clicks the Action.Submit fallback (a message with `value`). */
  submit(verb: string, data: Record<string, unknown>, conversation?: ConversationSpec): Promise<Array<Record<string, any>>>;
  /** Raw activity, for hostile-input tests. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: any }>;
}

export interface ConversationSpec {
  id: string;
  kind: 'personal' | 'groupChat' | 'channel';
  teamId?: string;
  channelId?: string;
}

export async function startTestBot(options: { now?: () => Date; env?: Record<string, string>; retry?: Partial<RetryPolicy>; tablePrefix?: string; connector?: FakeConnector; logger?: pino.Logger } = {}): Promise<TestBot> {
  const connector = options.connector ?? new FakeConnector();
  if (!options.connector) await connector.start();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    STORAGE_CONNECTION_STRING: process.env.POOLSTER_TEST_STORAGE,
    TABLE_PREFIX: options.tablePrefix ?? `b${randomUUID().replace(/-/g, '').slice(0, 12)}`,
    LOG_LEVEL: process.env.POOLSTER_TEST_LOG ?? 'silent',
    LOG_FORMAT: 'json',
    SCHEDULER: 'false',
    ...options.env,
  });
  const logger = options.logger ?? pino({ level: config.log.level });
  const poolster = await startPoolster(config, {
    logger,
    // A spec that gives no clock still never runs on today's date.
    now: options.now ?? specClock().now,
    retry: { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 20, sleep: async () => undefined, random: () => 0.5, ...options.retry },
  });
  let activityCounter = 0;

  const user = (name: string, userOptions: { tenantId?: string; userId?: string } = {}): TestUser => {
    const userId = userOptions.userId ?? randomUUID();
    const tenantId = userOptions.tenantId ?? TENANT;
    const channelUserId = `29:${userId}`;
    const personalConversationId = `a:personal-${channelUserId}`;
    const base = (conversation?: ConversationSpec) => {
      const conv = conversation ?? { id: personalConversationId, kind: 'personal' as const };
      return {
        channelId: 'msteams',
        serviceUrl: connector.url,
        timestamp: new Date().toISOString(),
        id: `in-${++activityCounter}`,
        from: { id: channelUserId, name, aadObjectId: userId },
        recipient: { id: '28:poolster-bot', name: 'Poolster' },
        conversation: { id: conv.id, conversationType: conv.kind, tenantId, isGroup: conv.kind !== 'personal' },
        channelData: {
          tenant: { id: tenantId },
          ...(conv.teamId ? { team: { id: conv.teamId } } : {}),
          ...(conv.channelId ? { channel: { id: conv.channelId } } : {}),
        },
      };
    };
    const post = async (activity: Record<string, unknown>) => {
      const response = await fetch(`${poolster.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      // Work the bot continues after answering (e.g. invitations) is done before the test looks.
      await poolster.deps.background.drain();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* plain text body */
      }
      return { status: response.status, body };
    };
    const newSince = async (conversationId: string, before: number, send: () => Promise<unknown>) => {
      await send();
      // The typing indicator (teams-ai sends one when a turn takes a moment) is not a reply anyone reads.
      return connector.sent.slice(before).filter((s) => s.conversationId === conversationId && s.activity.type !== 'typing').map((s) => s.activity);
    };
    return {
      userId,
      channelUserId,
      name,
      tenantId,
      personalConversationId,
      post,
      async say(text, conversation) {
        const activity = { ...base(conversation), type: 'message', text };
        const before = connector.sent.length;
        return newSince(activity.conversation.id, before, async () => {
          const { status } = await post(activity);
          if (status >= 500) throw new Error(`bot answered ${status}`);
        });
      },
      async execute(verb, data, conversation) {
        const activity = {
          ...base(conversation),
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        };
        const { status, body } = await post(activity);
        const answer: InvokeAnswer = { status, body };
        if (body?.type === 'application/vnd.microsoft.card.adaptive') answer.card = body.value;
        if (body?.type === 'application/vnd.microsoft.activity.message') answer.message = body.value;
        return answer;
      },
      async submit(verb, data, conversation) {
        const activity = { ...base(conversation), type: 'message', value: { ...data, verb } };
        const before = connector.sent.length;
        return newSince(activity.conversation.id, before, () => post(activity));
      },
    };
  };

  return {
    poolster,
    connector,
    user,
    async stop() {
      await poolster.close();
      if (!options.connector) await connector.stop();
    },
  };
}

/** All text of a card (TextBlocks, facts, actions' titles), for assertions on what a person reads. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage']) {
      if (typeof n[key] === 'string') out.push(n[key] as string);
    }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/** The first Adaptive Card in a list of sent activities. */
export function firstCard(activities: Array<Record<string, any>>): any {
  for (const activity of activities) {
    const attachment = (activity.attachments ?? []).find((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    if (attachment) return attachment.content;
  }
  return undefined;
}

/** The text of the last card the bot sent to a conversation (e.g. a summary sent after the reply). */
export function lastCardTextIn(connector: FakeConnector, conversationId: string): string {
  const activities = connector.sentTo(conversationId);
  for (let i = activities.length - 1; i >= 0; i -= 1) {
    const card = firstCard([activities[i]!]);
    if (card) return cardText(card);
  }
  return '';
}

/** Waits until the bot sent a card matching `pattern` to a conversation (for a bot in another process). */
export async function waitForCardIn(connector: FakeConnector, conversationId: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = lastCardTextIn(connector, conversationId);
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`no card matching ${pattern} in ${conversationId}; last: ${text.slice(0, 200)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
