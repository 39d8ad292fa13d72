/**
 * `nieuwe actie` (directors): a form to add an actie under a doelstelling, and its answer.
 */
import { renderNieuweActieCard, type NieuweActieField, type NieuweActieValues } from '../../cards/plan';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue/types';
import { parseSpeerpuntRef } from '../../domain/plan/commandArgs';
import { LIMITS, findDoelstelling, type Actie, type Owner } from '../../domain/plan/model';
import { parseSchoolYear, type SchoolYear } from '../../domain/schoolYear';
import type { ActionResult, Turn } from '../types';
import type { CardJson } from '../../cards/cardJson';
import { notDirectorCreateMessage, requirePlanContext, requirePlanDirector, type PlanContext } from './access';
import { actieCard } from './acties';
import type { PlanFeatureDeps } from './priorities';
import type { CreateData } from './cardData';
import { formatDutchDate, isIsoDate } from '../../domain/time';

export async function nieuweActieForm(
  deps: PlanFeatureDeps,
  ctx: PlanContext,
  extra: { speerpunt?: number; values?: Partial<NieuweActieValues>; errors?: Partial<Record<NieuweActieField, string>> } = {},
): Promise<CardJson> {
  const people = await deps.centres.listPeople(ctx.centre.tenantId, ctx.centre.centreId);
  return renderNieuweActieCard({
    plan: ctx.plan,
    people: people.filter((p) => p.roles.length > 0),
    today: ctx.today,
    ...extra,
    ...(Object.keys(extra.errors ?? {}).length > 0 ? { formError: 'Nog niet toegevoegd: kijk de velden met een opmerking na.' } : {}),
  });
}

export function nieuweActieCommand(deps: PlanFeatureDeps) {
  return async (turn: Turn, args: string): Promise<void> => {
    const ctx = await requirePlanContext(turn, deps);
    requirePlanDirector(ctx, notDirectorCreateMessage(ctx.place));
    const ref = parseSpeerpuntRef(args);
    const speerpunt = ref.kind === 'number' && ctx.plan.speerpunten.some((s) => s.number === ref.value) ? ref.value : undefined;
    await turn.send({ card: await nieuweActieForm(deps, ctx, { speerpunt }) });
  };
}

export function createAction(deps: PlanFeatureDeps) {
  return async (turn: Turn, data: CreateData): Promise<ActionResult> => {
    const ctx = await requirePlanContext(turn, deps);
    requirePlanDirector(ctx, notDirectorCreateMessage(ctx.place));

    const values: NieuweActieValues = {
      doelstellingId: (data.doelstellingId ?? '').trim(),
      title: data.title ?? '',
      ownerUserId: (data.ownerUserId ?? '').trim(),
      ownerName: data.ownerName ?? '',
      schoolYears: (data.schoolYears ?? '').trim(),
      deadline: (data.deadline ?? '').trim(),
      bouwsteenId: (data.bouwsteenId ?? '').trim(),
    };
    const errors: Partial<Record<NieuweActieField, string>> = {};

    const doelstelling = values.doelstellingId ? findDoelstelling(ctx.plan, values.doelstellingId) : undefined;
    if (!doelstelling) errors.doelstellingId = 'Kies de doelstelling waar de actie onder valt.';

    const title = values.title.replace(/\s+/g, ' ').trim();
    if (title === '') errors.title = 'Geef de actie een titel.';
    else if (title.length > LIMITS.actieTitle) errors.title = `De titel is te lang (${title.length} tekens). Houd het bij maximaal ${LIMITS.actieTitle} tekens.`;

    let owner: Owner | undefined;
    const ownerName = values.ownerName.replace(/\s+/g, ' ').trim();
    if (values.ownerUserId && ownerName) {
      errors.owner = 'Kies iemand uit het beleidsteam óf vul een naam in, niet allebei.';
    } else if (values.ownerUserId) {
      const people = await deps.centres.listPeople(ctx.centre.tenantId, ctx.centre.centreId);
      const chosen = people.find((p) => p.userId === values.ownerUserId && p.roles.length > 0);
      if (!chosen || !chosen.name.trim()) errors.owner = 'Die persoon hoort niet (meer) bij het beleidsteam. Kies iemand anders.';
      else owner = { name: chosen.name.trim().slice(0, LIMITS.ownerName), userId: chosen.userId };
    } else if (ownerName) {
      if (ownerName.length > LIMITS.ownerName) errors.owner = `De naam van de eigenaar is te lang (maximaal ${LIMITS.ownerName} tekens).`;
      else owner = { name: ownerName };
    }

    const years: SchoolYear[] = [];
    for (const part of values.schoolYears.split(',').map((s) => s.trim()).filter(Boolean)) {
      const year = parseSchoolYear(part);
      if (!year) {
        errors.schoolYears = `"${part.slice(0, 20)}" is geen schooljaar. Kies een schooljaar uit de lijst.`;
        break;
      }
      if (!years.includes(year)) years.push(year);
    }
    if (!errors.schoolYears && years.length === 0) errors.schoolYears = 'Kies minstens één schooljaar.';
    years.sort();

    if (values.deadline) {
      if (!isIsoDate(values.deadline)) errors.deadline = 'Dat is geen geldige datum. Kies een datum in de kalender, of laat het veld leeg.';
      else if (values.deadline < ctx.today) errors.deadline = `De deadline ligt in het verleden. Kies vandaag (${formatDutchDate(ctx.today)}) of later.`;
    }

    let bouwsteenId: BouwsteenId | undefined;
    if (values.bouwsteenId) {
      bouwsteenId = BOUWSTEEN_IDS.find((id) => id === values.bouwsteenId);
      if (!bouwsteenId) errors.bouwsteenId = 'Kies een bouwsteen uit de lijst, of laat het veld leeg.';
    }

    if (Object.keys(errors).length > 0) return { card: await nieuweActieForm(deps, ctx, { values, errors }) };

    const input: Omit<Actie, 'id'> = {
      doelstellingId: doelstelling!.id,
      title,
      ...(owner ? { owner } : {}),
      schoolYears: years,
      ...(values.deadline ? { deadline: values.deadline } : {}),
      status: 'gepland',
      notes: [],
      ...(bouwsteenId ? { bouwsteenId } : {}),
    };
    const actie = await deps.plans.addActie(ctx.centre.centreId, input, ctx.plan.acties.length);
    turn.log.info({ actieId: actie.id, centreId: ctx.centre.centreId }, 'actie added to the plan');
    return { card: actieCard(ctx, actie, { notice: `Actie toegevoegd aan het beleidsplan onder speerpunt ${doelstelling!.speerpunt}.` }) };
  };
}
