/**
 * Who is this person and which centre are they in: always read from storage, never from card data.
 * The one style of access check: a check that fails throws a coded PoolsterError with the Dutch
 * answer, and the turn's error boundary (bot/boundary.ts) tells the person. The same case always
 * gets the same message.
 */
import { NOT_IN_CENTRE_MESSAGE, PoolsterError } from '../domain/errors';
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
  if (!person) throw new PoolsterError('not-in-centre', NOT_IN_CENTRE_MESSAGE);
  const centre = await deps.centres.getCentre(turn.actor.tenantId, person.centreId);
  if (!centre) throw new PoolsterError('not-in-centre', CENTRE_GONE_MESSAGE);
  return { person, centre };
}

/** A director of their centre; `notDirector` says what only a director may do here, when that helps. */
export async function requireDirector(turn: Turn, deps: Pick<FeatureDeps, 'centres'>, notDirector = NOT_DIRECTOR_MESSAGE): Promise<PersonContext> {
  const context = await requirePerson(turn, deps);
  if (!isDirector(context.person)) throw new PoolsterError('not-director', notDirector);
  return context;
}
