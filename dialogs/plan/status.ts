/**
 * `status` (the four speerpunten) and `status speerpunt N` (one speerpunt in detail).
 */
import { renderPlanOverviewCard, renderSpeerpuntCard } from '../../cards/plan';
import { parseSpeerpuntRef } from '../../domain/plan/commandArgs';
import type { Plan } from '../../domain/plan/model';
import { commandHint, type ConversationKind } from '../../domain/conversation';
import { planOverview, speerpuntStatus } from '../../domain/plan/status';
import type { Turn } from '../types';
import { requirePlanContext } from './access';
import type { PlanFeatureDeps } from './priorities';

/** "Het beleidsplan heeft 4 speerpunten:" and the numbered list. */
export function speerpuntenList(plan: Plan, place: ConversationKind): string {
  const items = [...plan.speerpunten].sort((a, b) => a.number - b.number).map((sp) => `${sp.number}. ${sp.title}`);
  return `Het beleidsplan heeft ${plan.speerpunten.length} speerpunten:\n\n${items.join('\n')}\n\nTyp bijvoorbeeld ${commandHint('status speerpunt 3', place)}.`;
}

export function statusCommand(deps: PlanFeatureDeps) {
  return async (turn: Turn, args: string): Promise<void> => {
    const { plan, today, place } = await requirePlanContext(turn, deps);
    const ref = parseSpeerpuntRef(args);
    if (ref.kind === 'none') {
      await turn.send({ card: renderPlanOverviewCard({ plan, overview: planOverview(plan, today), place }) });
      return;
    }
    if (ref.kind === 'invalid') {
      const shown = ref.text.length > 40 ? `${ref.text.slice(0, 40)}…` : ref.text;
      await turn.send({ text: `Ik begrijp "${shown}" niet als speerpunt. Typ ${commandHint('status', place)} voor het hele plan of ${commandHint('status speerpunt 3', place)} voor één speerpunt.\n\n${speerpuntenList(plan, place)}` });
      return;
    }
    const status = speerpuntStatus(plan, ref.value, today);
    if (!status) {
      await turn.send({ text: `Speerpunt ${ref.value} bestaat niet. ${speerpuntenList(plan, place)}` });
      return;
    }
    await turn.send({ card: renderSpeerpuntCard({ status, today }) });
  };
}
