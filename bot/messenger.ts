/**
 * Proactive messages through the Bot Connector: continue a stored conversation, or open a 1:1 chat.
 * 429 and 412/5xx are retried, honouring Retry-After, with bounded exponential backoff and jitter;
 * 403 (bot removed or blocked) and 404 are reported, never retried.
 *
 * This is the one retry layer for connector calls: the connector clients the adapter builds have the
 * SDK's own retry policy removed (bot/app.ts), so one attempt here is one HTTP request. Calls made
 * inside an incoming turn (replies, member lookups) are retried by the same policy, tighter (see
 * turnRetryPolicy), as a pipeline policy on the turn's connector client.
 */
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef } from '../domain/conversation';
import type { Messenger, Outgoing, SendFailure, SendOutcome } from '../dialogs/types';
import { toActivity } from './turn';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** The longest wait between attempts; a Retry-After longer than this ends the attempts. */
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

/** Inside a turn Teams waits 15 s for the answer: at most 3 attempts, at most 3 s apart. */
export function turnRetryPolicy(policy: RetryPolicy): RetryPolicy {
  return { ...policy, maxAttempts: Math.min(policy.maxAttempts, 3), maxDelayMs: Math.min(policy.maxDelayMs, 3_000) };
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status;
}

type HeaderBag = { get?: (name: string) => string | undefined | null } | undefined;

/** Retry-After in ms (seconds or an HTTP date), from the headers of a response. */
export function retryAfterMs(headers: HeaderBag, now = Date.now()): number | undefined {
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The retry decision, shared by both drivers: how long to wait after failed attempt `attempt`, or
 * undefined when not to try again (not retryable, attempts used up, or the connector asks for a
 * longer wait than the policy allows: never sooner than Retry-After, never longer than maxDelayMs).
 * No status (a network error) counts as retryable.
 */
export function retryDelay(status: number | undefined, retryAfter: number | undefined, attempt: number, policy: RetryPolicy): number | undefined {
  if (status !== undefined && !RETRYABLE.has(status)) return undefined;
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfter !== undefined) return retryAfter <= policy.maxDelayMs ? retryAfter : undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return backoff / 2 + policy.random() * (backoff / 2);
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
      const retryAfter = retryAfterMs((error as { response?: { headers?: HeaderBag } })?.response?.headers);
      const delay = retryDelay(status, retryAfter, n, policy);
      if (delay === undefined) {
        log.warn({ status, attempts: n, ...(retryAfter !== undefined ? { retryAfterMs: Math.round(retryAfter) } : {}) }, 'connector send failed');
        return { ok: false, reason: status === 429 ? 'throttled' : 'failed', status, detail: (error as Error)?.message };
      }
      log.info({ status, attempt: n, delayMs: Math.round(delay) }, 'connector send retried');
      await policy.sleep(delay);
    }
  }
}

/** The parts of an @azure/core-rest-pipeline request/response this policy touches. */
interface PipelineResponseLike {
  status: number;
  headers: { get(name: string): string | undefined };
}

/**
 * The same retry policy as a pipeline policy, for the connector client of an incoming turn (its
 * replies, member lookups and updates): a response with a retryable status is retried after the
 * policy's delay; when the policy says stop, the last response (or error) goes to the caller.
 */
export function turnRetryPipelinePolicy(policy: RetryPolicy, log: Logger) {
  return {
    name: 'poolsterConnectorRetry',
    async sendRequest<Req>(request: Req, next: (request: Req) => Promise<PipelineResponseLike>): Promise<PipelineResponseLike> {
      for (let n = 1; ; n += 1) {
        let response: PipelineResponseLike | undefined;
        let failure: unknown;
        try {
          response = await next(request);
        } catch (error) {
          failure = error;
        }
        const status = response ? response.status : statusOf(failure);
        if (response && !RETRYABLE.has(response.status)) return response;
        const retryAfter = retryAfterMs(response?.headers ?? (failure as { response?: { headers?: HeaderBag } })?.response?.headers);
        const delay = retryDelay(status, retryAfter, n, policy);
        if (delay === undefined) {
          log.warn({ status, attempts: n }, 'connector call in a turn failed');
          if (response) return response;
          throw failure;
        }
        log.info({ status, attempt: n, delayMs: Math.round(delay) }, 'connector call in a turn retried');
        await policy.sleep(delay);
      }
    },
  };
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
