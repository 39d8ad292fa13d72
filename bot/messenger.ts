/**
 * Proactive messages through the Bot Connector: continue a stored conversation, or open a 1:1 chat.
 * 429 and 412/5xx are retried, honouring Retry-After, with bounded exponential backoff and jitter;
 * 403 (bot removed or blocked) and 404 are reported, never retried.
 */
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef, Messenger, Outgoing, SendFailure, SendOutcome } from '../dialogs/types';
import { toActivity } from './turn';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

/** Runs `attempt` until it succeeds, fails for good, or the attempts run out. */
export async function withConnectorRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, log: Logger): Promise<T | SendFailure> {
  for (let n = 1; ; n += 1) {
    try {
      return await attempt();
    } catch (error) {
      const status = statusOf(error);
      if (status === 403) return { ok: false, reason: 'blocked', status };
      if (status === 404) return { ok: false, reason: 'not-found', status };
      const retryable = status === undefined || RETRYABLE.has(status);
      if (!retryable || n >= policy.maxAttempts) {
        log.warn({ status, attempts: n }, 'connector send failed');
        return { ok: false, reason: status === 429 ? 'throttled' : 'failed', status, detail: (error as Error)?.message };
      }
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      const delay = retryAfterMs(error) ?? backoff / 2 + policy.random() * (backoff / 2);
      log.info({ status, attempt: n, delayMs: Math.round(delay) }, 'connector send retried');
      await policy.sleep(Math.min(delay, policy.maxDelayMs));
    }
  }
}

export function createMessenger(deps: { adapter: CloudAdapter; botAppId: string; logger: Logger; retry?: RetryPolicy }): Messenger {
  const retry = deps.retry ?? DEFAULT_RETRY;
  const log = deps.logger.child({ component: 'messenger' });
  return {
    async send(ref: ConversationRef, message: Outgoing): Promise<SendOutcome> {
      const reference = ref as Partial<ConversationReference>;
      const result = await withConnectorRetries(
        async () => {
          let activityId: string | undefined;
          let sendError: unknown;
          await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
            // Caught here: thrown out of the callback it would reach the adapter's onTurnError, which
            // swallows it, and a 403/429/5xx would look like a success.
            try {
              const response = await context.sendActivity(toActivity(message));
              activityId = response?.id;
            } catch (error) {
              sendError = error;
            }
          });
          if (sendError !== undefined) throw sendError;
          return { ok: true as const, activityId };
        },
        retry,
        log,
      );
      return result;
    },

    async openPersonalChat({ tenantId, channelUserId, serviceUrlFrom }) {
      const source = serviceUrlFrom as Partial<ConversationReference>;
      const serviceUrl = source.serviceUrl;
      if (!serviceUrl) return { ok: false, reason: 'failed', detail: 'no serviceUrl in the source reference' };
      const result = await withConnectorRetries(
        async () => {
          let reference: ConversationRef | undefined;
          await deps.adapter.createConversationAsync(
            deps.botAppId,
            source.channelId ?? 'msteams',
            serviceUrl,
            'https://api.botframework.com',
            {
              isGroup: false,
              bot: source.bot ?? { id: deps.botAppId, name: 'Poolster' },
              members: [{ id: channelUserId, name: '' }],
              tenantId,
              channelData: { tenant: { id: tenantId } },
              activity: undefined as never,
            },
            async (context) => {
              reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as ConversationRef;
            },
          );
          if (!reference) throw new Error('createConversation returned no reference');
          return reference;
        },
        retry,
        log,
      );
      return result;
    },
  };
}
