/**
 * Who may see and change the plan. Everything is decided from storage: the person (by tenant and
 * user id from the validated activity) and their centre. Card data never decides a centre: an actie
 * id is only ever looked up in the person's own centre's partition.
 */
import { isDirector, isTeamMember, type Centre, type Person } from '../../domain/centre/model';
import { notInCentreMessage, PoolsterError } from '../../domain/errors';
import { commandHint, type ConversationKind } from '../../domain/conversation';
import type { Actie, Plan } from '../../domain/plan/model';
import { ownerKey } from '../../domain/plan/status';
import { brusselsDate } from '../../domain/time';
import { requirePerson } from '../context';
import type { Turn } from '../types';
import type { PlanFeatureDeps } from './priorities';

export { notInCentreMessage };

export function notInTeamMessage(centre: Centre): string {
  return `Je maakt geen deel (meer) uit van het beleidsteam van ${centre.name}. Vraag je directeur om je opnieuw een rol te geven.`;
}

export function noPlanMessage(centre: Centre, director: boolean): string {
  const base = `Er is nog geen beleidsplan geladen voor ${centre.name}.`;
  return director
    ? `${base} Laad het planbestand (YAML) met: npm run plan -- import <bestand.yaml> --centre ${centre.centreId}`
    : `${base} Vraag je directeur om het beleidsplan te laden.`;
}

export function notDirectorCreateMessage(kind: ConversationKind): string {
  return `Enkel een directeur kan acties toevoegen aan het beleidsplan. Vraag het aan je directeur, of typ ${commandHint('acties', kind)} om je eigen acties te zien.`;
}

export const NOT_DIRECTOR_LINK_MESSAGE = 'Enkel een directeur kan acties aan een teamprioriteit koppelen.';

export function actieNotFoundMessage(kind: ConversationKind): string {
  return `Ik vind deze actie niet in het beleidsplan van je centrum. Misschien werd het plan intussen opnieuw geladen: typ ${commandHint('acties', kind)} voor je actuele acties.`;
}

export function notYourActieMessage(actie: Actie): string {
  return actie.owner
    ? `Je kan enkel je eigen acties bijwerken. Deze actie is van ${actie.owner.name}: vraag het aan ${actie.owner.name} of aan je directeur.`
    : 'Je kan enkel je eigen acties bijwerken. Deze actie heeft geen eigenaar: vraag je directeur om ze bij te werken.';
}

/**
 * Whether the actie is the person's own: the owner's user id when the plan has one (it decides),
 * else the owner's name compared with the person's name (case and extra spaces ignored).
 */
export function isOwnActie(person: Person, actie: Actie): boolean {
  if (!actie.owner) return false;
  if (actie.owner.userId !== undefined) return actie.owner.userId === person.userId;
  return person.name.trim().length > 0 && ownerKey(actie.owner.name) === ownerKey(person.name);
}

/** Members update their own acties; directors every actie of their centre. */
export function canEditActie(person: Person, actie: Actie): boolean {
  return isDirector(person) || isOwnActie(person, actie);
}

export interface Member {
  person: Person;
  centre: Centre;
  today: string;
  /** Where this turn happens: hints say to @mention Poolster outside the 1:1 chat. */
  place: ConversationKind;
}

export interface PlanContext extends Member {
  plan: Plan;
}

/** The person and their centre, when they are in a beleidsteam (else a coded PoolsterError). */
export async function requireMember(turn: Turn, deps: PlanFeatureDeps): Promise<Member> {
  const { person, centre } = await requirePerson(turn, deps);
  if (!isTeamMember(person)) throw new PoolsterError('not-in-team', notInTeamMessage(centre));
  return { person, centre, today: brusselsDate(turn.now), place: turn.actor.conversation.kind };
}

/** The person, their centre and its plan. */
export async function requirePlanContext(turn: Turn, deps: PlanFeatureDeps): Promise<PlanContext> {
  const member = await requireMember(turn, deps);
  const plan = await deps.plans.getPlan(member.centre.centreId);
  if (!plan) throw new PoolsterError('not-found', noPlanMessage(member.centre, isDirector(member.person)));
  return { ...member, plan };
}

/** A director of the person's centre, for what only a director may do with the plan. */
export function requirePlanDirector(ctx: Member, notDirectorMessage: string): void {
  if (!isDirector(ctx.person)) throw new PoolsterError('not-director', notDirectorMessage);
}

/** The actie in the person's own plan that they may change (directors: every actie). */
export function requireEditableActie(ctx: PlanContext, actieId: string): Actie {
  const actie = ctx.plan.acties.find((a) => a.id === actieId);
  if (!actie) throw new PoolsterError('not-found', actieNotFoundMessage(ctx.place));
  requireCanEdit(ctx.person, actie);
  return actie;
}

export function requireCanEdit(person: Person, actie: Actie): void {
  if (!canEditActie(person, actie)) throw new PoolsterError('not-owner', notYourActieMessage(actie));
}
