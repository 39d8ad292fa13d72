/**
 * Who is this person and which centre are they in: always read from storage, never from card data.
 * The one style of access check: a check that fails throws a coded PoolsterError with the Dutch
 * answer, and the turn's error boundary (bot/boundary.ts) tells the person. The same case always
 * gets the same message.
 */
import { notInCentreMessage, PoolsterError } from '../domain/errors';
import { isDirector, type Centre, type Person } from '../domain/centre/model';
import type { FeatureDeps } from './deps';
import type { Turn } from './types';

/** The person is known, their centre is not (any more). */
export const CENTRE_GONE_MESSAGE = 'Je centrum bestaat niet meer. Vraag je directeur om je opnieuw toe te voegen.';

export const NOT_DIRECTOR_MESSAGE = 'Dit kan alleen een directeur van het centrum. Vraag het aan je directeur.';

export interface PersonContext {
  person: Person & { etag: string };
  centre: Centre & { etag: string };
}

export async function requirePerson(turn: Turn, deps: Pick<FeatureDeps, 'centres'>): Promise<PersonContext> {
  const person = await deps.centres.getPerson(turn.actor.tenantId, turn.actor.userId);
  if (!person) throw new PoolsterError('not-in-centre', notInCentreMessage(turn.actor.conversation.kind));
  const centre = await deps.centres.getCentre(turn.actor.tenantId, person.centreId);
  if (!centre) throw new PoolsterError('not-in-centre', CENTRE_GONE_MESSAGE);
  return { person: await refreshPersonalChat(turn, deps, person), centre };
}

/**
 * A person who writes in their 1:1 chat shows where that chat is now. A stored reference that no
 * longer matches (a recreated chat, another service URL, the app reinstalled) is replaced, so later
 * invitations, reminders and results reach them; compared with the row this turn already read, so
 * an unchanged reference costs no table request.
 */
async function refreshPersonalChat(turn: Turn, deps: Pick<FeatureDeps, 'centres'>, person: Person & { etag: string }): Promise<Person & { etag: string }> {
  if (turn.actor.conversation.kind !== 'personal') return person;
  const changed = turn.changedConversationRef(person.personalChat);
  if (!changed) return person;
  const etag = await deps.centres.updatePersonalChat(person, changed, turn.now);
  if (!etag) {
    turn.log.info('personal chat reference not refreshed: the person row changed meanwhile');
    return person;
  }
  turn.log.info({ hadReference: Boolean(person.personalChat) }, 'personal chat reference refreshed');
  return { ...person, personalChat: changed, updatedAt: turn.now.toISOString(), etag };
}

/** A director of their centre; `notDirector` says what only a director may do here, when that helps. */
export async function requireDirector(turn: Turn, deps: Pick<FeatureDeps, 'centres'>, notDirector = NOT_DIRECTOR_MESSAGE): Promise<PersonContext> {
  const context = await requirePerson(turn, deps);
  if (!isDirector(context.person)) throw new PoolsterError('not-director', notDirector);
  return context;
}
