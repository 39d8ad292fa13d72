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
    router.command({
      name: 'status',
      topic: 'beleidsplan',
      words: ['status', 'speerpunt', 'sp', 'beleidsplan'],
      usage: 'status · status speerpunt 3',
      description: 'Toont de voortgang van het beleidsplan of van één speerpunt.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'status', description: 'Bekijk hoe ver het beleidsplan staat, per speerpunt.', position: 6 },
        { scope: 'team', title: 'status', description: 'Toon hoe ver het beleidsplan staat, per speerpunt.', position: 2 },
      ],
    }, statusCommand(deps));
    router.command({
      name: 'acties',
      topic: 'beleidsplan',
      words: ['acties'],
      usage: 'acties',
      description: 'Toont jouw acties uit het beleidsplan.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'acties', description: 'Bekijk en werk jouw acties uit het beleidsplan bij.', position: 7 },
      ],
    }, actiesCommand(deps));
    router.command({
      name: 'nieuwe-actie',
      topic: 'beleidsplan',
      words: ['nieuwe actie', 'actie toevoegen'],
      usage: 'nieuwe actie',
      description: 'Voegt een actie toe aan het beleidsplan.',
      audience: 'directeur',
    }, nieuweActieCommand(deps));
    router.command({
      name: 'prioriteiten',
      topic: 'beleidsplan',
      words: ['prioriteiten', 'prioriteit'],
      usage: 'prioriteiten',
      description: 'Toont de teamprioriteiten en de acties die eraan gekoppeld zijn.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'prioriteiten', description: 'Bekijk de teamprioriteiten en de acties die eraan gekoppeld zijn.', position: 8 },
      ],
    }, prioriteitenCommand(deps));

    router.action(PLAN_VERBS.setStatus, setStatusSchema, setStatusAction(deps));
    router.action(PLAN_VERBS.postpone, postponeSchema, postponeAction(deps));
    router.action(PLAN_VERBS.addNote, addNoteSchema, addNoteAction(deps));
    router.action(PLAN_VERBS.create, createSchema, createAction(deps));
    router.action(PLAN_VERBS.linkPriority, linkPrioritySchema, linkPriorityAction(deps));
  };
}
