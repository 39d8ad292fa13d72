/**
 * The beleidsplan feature: `status`, `status speerpunt N`, `acties`, `nieuwe actie`,
 * `prioriteiten`, and the card verbs to update acties.
 */
import type { Router } from '../types';
import { actiesCommand, addNoteAction, postponeAction, setStatusAction } from './acties';
import { createAction, nieuweActieCommand } from './nieuweActie';
import { linkPriorityAction, prioriteitenCommand } from './prioriteiten';
import type { PlanFeatureDeps } from './priorities';
import { statusCommand } from './status';
import { PLAN_VERBS } from '../../cards/verbs';
import { addNoteSchema, createSchema, linkPrioritySchema, postponeSchema, setStatusSchema } from './cardData';

export type { PlanFeatureDeps, TeamPrioritiesSource } from './priorities';

export function registerPlan(deps: PlanFeatureDeps) {
  return (router: Router): void => {
    router.command('status', statusCommand(deps));
    router.command('acties', actiesCommand(deps));
    router.command('nieuwe-actie', nieuweActieCommand(deps));
    router.command('prioriteiten', prioriteitenCommand(deps));

    router.action(PLAN_VERBS.setStatus, setStatusSchema, setStatusAction(deps));
    router.action(PLAN_VERBS.postpone, postponeSchema, postponeAction(deps));
    router.action(PLAN_VERBS.addNote, addNoteSchema, addNoteAction(deps));
    router.action(PLAN_VERBS.create, createSchema, createAction(deps));
    router.action(PLAN_VERBS.linkPriority, linkPrioritySchema, linkPriorityAction(deps));
  };
}
