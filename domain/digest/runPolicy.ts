/**
 * When a weekly run (the exactly-once claim of one channel's digest of one ISO week) may be taken
 * over by another instance: the owner crashed (stuck in claimed/sending), or a failed delivery has
 * attempts left and waited long enough. Pure policy; the ETag-conditional takeover is storage's.
 */
export const RUN_STATES = ['claimed', 'sending', 'sent', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** A run stuck in claimed/sending for longer than this is taken over by another instance. */
export const STALE_CLAIM_MS = 10 * 60_000;
/** A failed run (with attempts left) is retried at the earliest this long after the failure. */
export const RETRY_FAILED_AFTER_MS = 5 * 60_000;
/** Delivery attempts of one week's digest (each attempt already retries 429/5xx in the messenger). */
export const MAX_DELIVERY_ATTEMPTS = 3;

export interface RunProgress {
  state: RunState;
  /** ISO instant of the last state change. */
  updatedAt: string;
  attempts: number;
  /** A failure that is not retried (403/404, or attempts exhausted). */
  final: boolean;
}

/** Whether another instance may take over a run it finds at `now`. */
export function runIsTakeable(run: RunProgress, now: Date): boolean {
  const age = now.getTime() - Date.parse(run.updatedAt);
  if (run.state === 'claimed' || run.state === 'sending') return !(age <= STALE_CLAIM_MS);
  if (run.state === 'failed') return !run.final && run.attempts < MAX_DELIVERY_ATTEMPTS && !(age < RETRY_FAILED_AFTER_MS);
  return false;
}

/** Whether a failed run has no attempts left after this one. */
export function runIsExhausted(attempts: number): boolean {
  return attempts >= MAX_DELIVERY_ATTEMPTS;
}
