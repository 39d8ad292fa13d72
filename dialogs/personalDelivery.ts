/**
 * A proactive message to one person's 1:1 chat, shared by invitations, reminders, reopened rounds,
 * published results and the scheduler's reminders.
 *
 * The stored reference is tried first. When Teams answers 403/404 on it (the chat was recreated,
 * the app reinstalled), the 1:1 chat is opened once more from the person's channel account and
 * tenant; only when that fails too is the person unreachable. A newly opened chat is stored on the
 * person, so the next message goes there directly. The outcome says which of these happened, so
 * the director's delivery summary can tell.
 */
import type { Person } from '../domain/centre/model';
import { logTolerated, type FailureLog } from '../domain/errors';
import type { CentreRepository } from '../storage/centres';
import type { ConversationRef } from '../domain/conversation';
import type { Messenger, Outgoing, SendFailure } from './types';

export type PersonalDelivery =
  /** `stored`: the stored chat; `opened`: none was stored, a chat was opened; `reopened`: the stored one was gone, a new one worked. */
  | { ok: true; via: 'stored' | 'opened' | 'reopened' }
  /** `reopenTried`: the stored chat answered 403/404 and opening a new one failed as well. */
  | { ok: false; failure: SendFailure | { ok: false; reason: 'no-account' }; reopenTried: boolean };

export interface PersonalDeliveryDeps {
  messenger: Messenger;
  centres: Pick<CentreRepository, 'getPerson' | 'updatePersonalChat'>;
  now: () => Date;
  logger: FailureLog;
}

const isFailure = (value: ConversationRef | SendFailure): value is SendFailure => (value as SendFailure).ok === false;

/**
 * Sends `message` to `person`'s 1:1 chat. `source` is a reference from the same Teams service to
 * open a chat from when none is stored (e.g. the director's conversation); a stale stored reference
 * is its own source.
 */
export async function sendToPerson(
  deps: PersonalDeliveryDeps,
  person: Pick<Person, 'tenantId' | 'userId' | 'channelUserId' | 'personalChat'>,
  message: Outgoing,
  source?: ConversationRef,
): Promise<PersonalDelivery> {
  const open = async (from: ConversationRef): Promise<ConversationRef | SendFailure> =>
    deps.messenger.openPersonalChat({ tenantId: person.tenantId, channelUserId: person.channelUserId, serviceUrlFrom: from });

  const stored = person.personalChat;
  if (stored) {
    const outcome = await deps.messenger.send(stored, message);
    if (outcome.ok) return { ok: true, via: 'stored' };
    if (outcome.reason !== 'blocked' && outcome.reason !== 'not-found') return { ok: false, failure: outcome, reopenTried: false };
    if (!person.channelUserId) return { ok: false, failure: outcome, reopenTried: false };
    const reopened = await open(source ?? stored);
    if (isFailure(reopened)) return { ok: false, failure: reopened, reopenTried: true };
    const second = await deps.messenger.send(reopened, message);
    if (!second.ok) return { ok: false, failure: second, reopenTried: true };
    await remember(deps, person, reopened);
    return { ok: true, via: 'reopened' };
  }
  if (!person.channelUserId || !source) return { ok: false, failure: { ok: false, reason: 'no-account' }, reopenTried: false };
  const opened = await open(source);
  if (isFailure(opened)) return { ok: false, failure: opened, reopenTried: false };
  const outcome = await deps.messenger.send(opened, message);
  if (!outcome.ok) return { ok: false, failure: outcome, reopenTried: false };
  await remember(deps, person, opened);
  return { ok: true, via: 'opened' };
}

/**
 * Stores a newly opened chat on the person (re-read for its ETag; a concurrent change wins). Only a
 * shortcut for the next message (the chat can be opened again): a failure here is logged, not passed on.
 */
async function remember(deps: PersonalDeliveryDeps, person: Pick<Person, 'tenantId' | 'userId'>, ref: ConversationRef): Promise<void> {
  try {
    const current = await deps.centres.getPerson(person.tenantId, person.userId);
    if (current) await deps.centres.updatePersonalChat(current, ref, deps.now());
  } catch (error) {
    logTolerated(deps.logger, 'could not store the personal chat reference')(error);
  }
}

const FAILURE_TEXT: Record<SendFailure['reason'] | 'no-account', string> = {
  blocked: 'heeft Poolster geblokkeerd of verwijderd',
  'not-found': 'is niet gevonden in Teams',
  throttled: 'Teams vroeg om later opnieuw te proberen',
  failed: 'het bericht kon niet worden afgeleverd',
  'no-account': 'geen Teams-account bekend; laat die persoon Poolster eenmaal openen',
};

/** Why a person was not reached, in Dutch, for a delivery summary. */
export function failureText(delivery: Extract<PersonalDelivery, { ok: false }>): string {
  const reason = FAILURE_TEXT[delivery.failure.reason];
  return delivery.reopenTried ? `${reason}; ook een nieuw 1-op-1-gesprek openen lukte niet` : reason;
}

/** The summary line for people whose stored chat was gone and who were reached in a new one. */
export function reopenedLine(names: string[], what: string): string | undefined {
  if (names.length === 0) return undefined;
  const who = names.length === 1 ? `${names[0]} was` : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]} waren`;
  return `${who} niet meer bereikbaar in het bewaarde 1-op-1-gesprek; ik opende een nieuw gesprek en ${what} kwam daar aan.`;
}
