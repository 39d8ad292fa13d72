/**
 * The one sequence every exactly-once delivery follows: claim → send → mark sent, or release the
 * claim when the send failed (so a later pass, on any instance, can try again). The weekly digest
 * pages, the owners' reminders and the round nudges all go through it; what a claim is and how it
 * is released is theirs.
 */
import type { SendFailure, SendOutcome } from './types';

export type Delivered = { ok: true; activityId?: string };

export interface ClaimedDelivery<C> {
  /** Claims the delivery; undefined when someone else holds it (or there is nothing to send). */
  claim(): Promise<C | undefined>;
  send(claimed: C): Promise<SendOutcome>;
  markSent(claimed: C, outcome: Delivered): Promise<void>;
  /** The send failed (an outcome) or threw (an error): give the claim back. */
  release(claimed: C, failure: SendFailure | { error: unknown }): Promise<void>;
}

export type DeliveryResult<C> =
  | { kind: 'unclaimed' }
  | { kind: 'sent'; claimed: C; outcome: Delivered }
  | { kind: 'failed'; claimed: C; failure: SendFailure }
  | { kind: 'error'; claimed: C; error: unknown };

export async function deliverClaimed<C>(steps: ClaimedDelivery<C>): Promise<DeliveryResult<C>> {
  const claimed = await steps.claim();
  if (claimed === undefined) return { kind: 'unclaimed' };
  let outcome: SendOutcome;
  try {
    outcome = await steps.send(claimed);
  } catch (error) {
    await steps.release(claimed, { error });
    return { kind: 'error', claimed, error };
  }
  if (outcome.ok) {
    await steps.markSent(claimed, outcome);
    return { kind: 'sent', claimed, outcome };
  }
  await steps.release(claimed, outcome);
  return { kind: 'failed', claimed, failure: outcome };
}
