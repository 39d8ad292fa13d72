/**
 * `prioriteiten`: the team priorities of the last confirmed inschaling with the acties linked to
 * each (an actie is linked to a priority through its bouwsteen), and for directors a way to link an
 * existing actie or to create one for a priority.
 */
import { commandHint, type ConversationKind } from '../../domain/conversation';
import { renderPrioriteitenCard } from '../../cards/plan';
import { bouwsteenLabel } from '../../domain/catalogue';
import type { BouwsteenId } from '../../domain/catalogue/types';
import { isDirector } from '../../domain/centre/model';
import { isOpenStatus, type Plan } from '../../domain/plan/model';
import type { ActionResult, Turn } from '../types';
import type { CardJson } from '../../cards/cardJson';
import { PoolsterError } from '../../domain/errors';
import { actieNotFoundMessage, NOT_DIRECTOR_LINK_MESSAGE, noPlanMessage, requireMember, requirePlanDirector, type Member, type PlanContext } from './access';
import { nieuweActieForm } from './nieuweActie';
import type { PlanFeatureDeps } from './priorities';
import type { LinkPriorityData } from './cardData';

export function noPrioritiesMessage(director: boolean, place: ConversationKind): string {
  return (
    'Er is nog geen bevestigde teaminschaling, dus nog geen teamprioriteiten. ' +
    (director
      ? `Open een inschalingsronde met ${commandHint('start inschaling', place)}; bevestig daarna het teamresultaat met ${commandHint('resultaat', place)}. De prioriteiten van die inschaling verschijnen dan hier.`
      : 'Zodra je directeur een inschalingsronde afsluit en het teamresultaat bevestigt, verschijnen de prioriteiten hier.')
  );
}

export const EMPTY_PRIORITIES_MESSAGE = 'De laatst bevestigde teaminschaling bevat geen prioriteiten op korte termijn.';

async function prioritiesOf(deps: PlanFeatureDeps, member: Member): Promise<BouwsteenId[] | undefined> {
  // Read at call time. An explicit source wins; otherwise the confirmed inschalingen in storage.
  const source = deps.priorities ?? deps.inschalingen?.confirmedPriorities;
  if (!source) return undefined;
  return source(member.centre.tenantId, member.centre.centreId);
}

function prioritiesCard(
  ctx: PlanContext,
  priorities: BouwsteenId[],
  extra: { notice?: string; values?: { bouwsteenId?: string; actieId?: string }; errors?: { bouwsteenId?: string; actieId?: string } } = {},
): CardJson {
  return renderPrioriteitenCard({
    priorities: priorities.map((bouwsteenId) => ({ bouwsteenId, acties: ctx.plan.acties.filter((a) => a.bouwsteenId === bouwsteenId) })),
    isDirector: isDirector(ctx.person),
    linkable: linkable(ctx.plan),
    today: ctx.today,
    ...extra,
  });
}

function linkable(plan: Plan) {
  return plan.acties.filter((a) => isOpenStatus(a.status));
}

/** The priorities first (without them there is nothing to show), then the plan. */
async function load(deps: PlanFeatureDeps, member: Member): Promise<{ ctx: PlanContext; priorities: BouwsteenId[] }> {
  const priorities = await prioritiesOf(deps, member);
  if (priorities === undefined) throw new PoolsterError('not-found', noPrioritiesMessage(isDirector(member.person), member.place));
  const plan = await deps.plans.getPlan(member.centre.centreId);
  if (!plan) throw new PoolsterError('not-found', noPlanMessage(member.centre, isDirector(member.person)));
  return { ctx: { ...member, plan }, priorities };
}

export function prioriteitenCommand(deps: PlanFeatureDeps) {
  return async (turn: Turn): Promise<void> => {
    const loaded = await load(deps, await requireMember(turn, deps));
    if (loaded.priorities.length === 0) return turn.send({ text: EMPTY_PRIORITIES_MESSAGE });
    await turn.send({ card: prioritiesCard(loaded.ctx, loaded.priorities) });
  };
}

export function linkPriorityAction(deps: PlanFeatureDeps) {
  return async (turn: Turn, data: LinkPriorityData): Promise<ActionResult> => {
    const member = await requireMember(turn, deps);
    requirePlanDirector(member, NOT_DIRECTOR_LINK_MESSAGE);
    const { ctx, priorities } = await load(deps, member);

    if (data.mode === 'create') {
      const bouwsteenId = priorities.find((p) => p === data.bouwsteenId);
      if (!bouwsteenId) return { card: prioritiesCard(ctx, priorities, { notice: 'Die bouwsteen is geen teamprioriteit (meer). Hieronder de actuele prioriteiten.' }) };
      return { card: await nieuweActieForm(deps, ctx, { values: { bouwsteenId } }) };
    }

    const values = { bouwsteenId: (data.bouwsteenId ?? '').trim(), actieId: (data.actieId ?? '').trim() };
    const errors: { bouwsteenId?: string; actieId?: string } = {};
    const bouwsteenId = priorities.find((p) => p === values.bouwsteenId);
    if (!bouwsteenId) errors.bouwsteenId = 'Kies de prioriteit waaraan je de actie koppelt.';
    const actie = values.actieId ? ctx.plan.acties.find((a) => a.id === values.actieId) : undefined;
    if (!values.actieId) errors.actieId = 'Kies de actie die je wil koppelen.';
    else if (!actie) errors.actieId = actieNotFoundMessage(ctx.place);
    if (!bouwsteenId || !actie) return { card: prioritiesCard(ctx, priorities, { values, errors }) };

    const updated = await deps.plans.updateActie(ctx.centre.centreId, actie.id, (fresh) =>
      fresh.bouwsteenId === bouwsteenId ? fresh : { ...fresh, bouwsteenId },
    );
    if (!updated) return { card: prioritiesCard(ctx, priorities, { values, errors: { actieId: actieNotFoundMessage(ctx.place) } }) };
    const plan = (await deps.plans.getPlan(ctx.centre.centreId)) ?? ctx.plan;
    const was = actie.bouwsteenId && actie.bouwsteenId !== bouwsteenId ? ` (was ${bouwsteenLabel(actie.bouwsteenId)})` : '';
    return {
      card: prioritiesCard({ ...ctx, plan }, priorities, { notice: `Actie nr. ${actie.id} is gekoppeld aan ${bouwsteenLabel(bouwsteenId)}${was}.` }),
    };
  };
}
