/**
 * Paces this instance's connector calls to Teams' rate limits, so a fan-out does not run
 * into 429s (each one costs at least a second of Retry-After): at most 50 calls per second for the
 * app, and per conversation 7 per second, 60 per 30 seconds and 1,800 per hour.
 *
 * A call counts in a window from the moment it was answered (until then it fills a place): Teams
 * counted it on arrival, which was no later than that, so a call that starts a full window after an
 * earlier one was answered reaches Teams a full window after it, whatever the network did. Calls
 * start in the order they asked (first come, first served) and wait only when a window is full.
 * Several instances each pace themselves; what they exceed together is retried on Retry-After
 * (bot/connectorRetry.ts). The pacer sits in every connector client's pipeline, after the retry
 * policy, so each request on the wire is paced, a retry included (bot/app.ts).
 */
import { performance } from 'node:perf_hooks';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export interface RateWindow {
  windowMs: number;
  max: number;
}

export interface SendLimits {
  perApp: RateWindow[];
  perConversation: RateWindow[];
}

/** Teams' documented limits for a bot (per app per tenant, and per conversation). */
export const TEAMS_SEND_LIMITS: SendLimits = {
  perApp: [{ windowMs: 1_000, max: 50 }],
  perConversation: [
    { windowMs: 1_000, max: 7 },
    { windowMs: 30_000, max: 60 },
    { windowMs: 3_600_000, max: 1_800 },
  ],
};

/** Added to every window, for the resolution of timers and clocks. */
export const PACING_MARGIN_MS = 10;

export interface SendPacer {
  /**
   * Resolves when a call to `conversationId` (undefined: not to a conversation) may start, with
   * the function to call once it was answered (or failed).
   */
  take(conversationId?: string): Promise<() => void>;
}

/**
 * A call under way longer than this counts as answered then: it reached Teams or never will, and a
 * call that hangs must not hold its place for good.
 */
export const CALL_HELD_AT_MOST_MS = 60_000;

/** A call in a window: started at `startedAt`, answered at `at` (Infinity while under way). */
interface Call {
  startedAt: number;
  at: number;
}

export function createSendPacer(
  limits: SendLimits = TEAMS_SEND_LIMITS,
  options: { marginMs?: number; now?: () => number; sleep?: (ms: number) => Promise<void> } = {},
): SendPacer {
  const margin = options.marginMs ?? PACING_MARGIN_MS;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const horizon = (windows: RateWindow[]) => Math.max(0, ...windows.map((w) => w.windowMs + margin));
  const appCalls: Call[] = [];
  const conversationCalls = new Map<string, Call[]>();
  /** Woken whenever a call is answered (a full window may have room again). */
  let answered: { promise: Promise<void>; wake: () => void } | undefined;
  /** The calls waiting their turn, as one chain: first come, first served. */
  let queue: Promise<unknown> = Promise.resolve();
  let sweptAt = now();

  /** How long until `calls` has room in every window at `t`: 0, a wait, or Infinity (until a call is answered). */
  const waitFor = (calls: Call[], windows: RateWindow[], t: number): number => {
    let wait = 0;
    for (const window of windows) {
      const span = window.windowMs + margin;
      const inWindow = calls.map(answeredAt).filter((at) => at > t - span);
      if (inWindow.length < window.max) continue;
      inWindow.sort((a, b) => a - b);
      // The call whose leaving the window makes room.
      wait = Math.max(wait, inWindow[inWindow.length - window.max]! + span - t);
    }
    return wait;
  };

  const answeredAt = (call: Call): number => (call.at === Infinity && now() - call.startedAt > CALL_HELD_AT_MOST_MS ? call.startedAt + CALL_HELD_AT_MOST_MS : call.at);

  const forget = (calls: Call[], before: number) => {
    for (let i = calls.length - 1; i >= 0; i -= 1) if (answeredAt(calls[i]!) <= before) calls.splice(i, 1);
  };

  const admit = async (conversationId: string | undefined): Promise<() => void> => {
    for (;;) {
      const t = now();
      const calls = conversationId ? (conversationCalls.get(conversationId) ?? []) : undefined;
      const wait = Math.max(waitFor(appCalls, limits.perApp, t), calls ? waitFor(calls, limits.perConversation, t) : 0);
      if (wait === 0) {
        const call: Call = { startedAt: t, at: Infinity };
        appCalls.push(call);
        forget(appCalls, t - horizon(limits.perApp));
        if (conversationId && calls) {
          calls.push(call);
          forget(calls, t - horizon(limits.perConversation));
          conversationCalls.set(conversationId, calls);
        }
        // Now and then, drop conversations no window remembers (a long-running process).
        if (t - sweptAt > 60_000) {
          sweptAt = t;
          for (const [id, list] of conversationCalls) if (list.every((c) => answeredAt(c) <= t - horizon(limits.perConversation))) conversationCalls.delete(id);
        }
        return () => {
          if (call.at !== Infinity) return;
          call.at = now();
          answered?.wake();
          answered = undefined;
        };
      }
      if (Number.isFinite(wait)) {
        await sleep(wait);
      } else {
        if (!answered) {
          let wake!: () => void;
          const promise = new Promise<void>((resolve) => (wake = resolve));
          answered = { promise, wake };
        }
        // Woken by an answer, or when the oldest call under way has been held long enough.
        await Promise.race([answered.promise, sleep(CALL_HELD_AT_MOST_MS)]);
      }
    }
  };

  return {
    take(conversationId) {
      const turn = queue.then(() => admit(conversationId));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

export const PACING_POLICY_NAME = 'poolsterPacing';

/** The conversation a request sends to (POST or PUT of .../v3/conversations/{id}/activities), if any. */
export function sendConversationOf(method: string, url: string): string | undefined {
  if (method !== 'POST' && method !== 'PUT') return undefined;
  const match = /\/v3\/conversations\/([^/?#]+)\/activities(?:[/?#]|$)/.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/** The pacer as a core-rest-pipeline policy: every request waits its turn and counts until answered. */
export function pacingPipelinePolicy(pacer: SendPacer): PipelinePolicy {
  return {
    name: PACING_POLICY_NAME,
    async sendRequest(request, next) {
      const answered = await pacer.take(sendConversationOf(request.method, request.url));
      try {
        return await next(request);
      } finally {
        answered();
      }
    },
  };
}
