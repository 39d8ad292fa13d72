/**
 * The one retry policy for Bot Connector calls, as a RetryStrategy of @azure/core-rest-pipeline (the
 * pipeline botframework-connector's ConnectorClient is built on), driven by core's own retryPolicy:
 * - 429: wait exactly Retry-After (seconds or an HTTP date); longer than maxDelayMs ends the attempts
 *   (never sooner than asked, never held longer than the policy allows);
 * - 412, 500, 502, 503, 504 and network errors: exponential backoff with jitter;
 * - at most maxAttempts requests; everything else (403, 404, other 4xx) goes to the caller at once.
 * Proactive calls use the policy as configured; calls inside a turn a tighter copy (turnRetryPolicy),
 * because Teams waits 15 s for the answer. The messenger maps what is left (403/404) to outcomes.
 */
import { retryPolicy, type PipelinePolicy, type RetryStrategy } from '@azure/core-rest-pipeline';
import type { Logger } from 'pino';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  /** The longest wait between attempts; a Retry-After longer than this ends the attempts. */
  maxDelayMs: number;
  random: () => number;
  /** Told every wait before it starts (diagnostics and tests). */
  onRetry?: (delayMs: number, status: number | undefined) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  random: Math.random,
};

/** Inside a turn Teams waits 15 s for the answer: at most 3 attempts, at most 3 s apart. */
export function turnRetryPolicy(policy: RetryPolicy): RetryPolicy {
  return { ...policy, maxAttempts: Math.min(policy.maxAttempts, 3), maxDelayMs: Math.min(policy.maxDelayMs, 3_000) };
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

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
 * The retry decision: how long to wait after failed attempt `attempt` (1-based), or undefined when
 * not to try again. No status (a network error) counts as retryable.
 */
export function retryDelay(status: number | undefined, retryAfter: number | undefined, attempt: number, policy: RetryPolicy): number | undefined {
  if (status !== undefined && !RETRYABLE.has(status)) return undefined;
  if (attempt >= policy.maxAttempts) return undefined;
  if (retryAfter !== undefined) return retryAfter <= policy.maxDelayMs ? retryAfter : undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return backoff / 2 + policy.random() * (backoff / 2);
}

/** The policy as a core-rest-pipeline RetryStrategy. */
export function connectorRetryStrategy(policy: RetryPolicy, log: Logger): RetryStrategy {
  return {
    name: 'poolsterConnectorRetryStrategy',
    retry({ retryCount, response, responseError }) {
      const status = response?.status ?? responseError?.statusCode;
      if (status !== undefined && !RETRYABLE.has(status)) return { skipStrategy: true };
      const attempt = retryCount + 1;
      const retryAfter = retryAfterMs(response?.headers);
      const delay = retryDelay(status, retryAfter, attempt, policy);
      if (delay === undefined) {
        log.warn({ status, attempts: attempt, ...(retryAfter !== undefined ? { retryAfterMs: Math.round(retryAfter) } : {}) }, 'connector call failed');
        return { skipStrategy: true };
      }
      log.info({ status, attempt, delayMs: Math.round(delay) }, 'connector call retried');
      policy.onRetry?.(delay, status);
      return { retryAfterInMs: delay };
    },
  };
}

export const CONNECTOR_RETRY_POLICY_NAME = 'poolsterConnectorRetry';

/** core-rest-pipeline's retryPolicy with our strategy, named so a client's pipeline shows it. */
export function connectorRetryPipelinePolicy(policy: RetryPolicy, log: Logger): PipelinePolicy {
  // The strategy ends the attempts itself; maxRetries is only the outer bound.
  const core = retryPolicy([connectorRetryStrategy(policy, log)], { maxRetries: policy.maxAttempts });
  return { name: CONNECTOR_RETRY_POLICY_NAME, sendRequest: (request, next) => core.sendRequest(request, next) };
}
