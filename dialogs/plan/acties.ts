/**
 * `acties`: a person's own acties (or `acties <naam>`, `acties <nummer>`), each with a card to
 * start, finish, postpone or add a note. Card answers replace the clicked card.
 */
import { commandHint } from '../../domain/conversation';
import { renderActieCard, renderActiesCard, type ActieForm } from '../../cards/plan';
import { shorten } from '../../domain/format';
import { isDirector, type Person } from '../../domain/centre/model';
import { PoolsterError } from '../../domain/errors';
import { ACTION_STATUS_LABELS, LIMITS, byUrgency, findDoelstelling, isOpenStatus, type Actie, type Plan } from '../../domain/plan/model';
import { actionsOfOwner } from '../../domain/plan/status';
import type { ActionResult, Turn } from '../types';
import {
  actieNotFoundMessage,
  canEditActie,
  isOwnActie,
  requireCanEdit,
  requireEditableActie,
  requirePlanContext,
  type PlanContext,
} from './access';
import type { PlanFeatureDeps } from './priorities';
import type { AddNoteData, PostponeData, SetStatusData } from './cardData';
import { formatDutchDate, isIsoDate } from '../../domain/time';

/** At most this many action cards per `acties` answer (Teams allows ~7 messages per second). */
export const MAX_ACTIE_CARDS = 4;

export function actieCard(ctx: { plan: Plan; person: Person; today: string }, actie: Actie, extra: { notice?: string; form?: ActieForm } = {}) {
  return renderActieCard({
    actie,
    doelstelling: findDoelstelling(ctx.plan, actie.doelstellingId),
    today: ctx.today,
    canEdit: canEditActie(ctx.person, actie),
    ...extra,
  });
}

async function showActies(turn: Turn, ctx: PlanContext, acties: Actie[], heading: string, intro: string): Promise<void> {
  const sorted = byUrgency(acties, ctx.today);
  const cards = sorted.filter((a) => isOpenStatus(a.status)).slice(0, MAX_ACTIE_CARDS);
  if (sorted.length > cards.length) {
    const hint =
      cards.length > 0
        ? `Hieronder ${cards.length === 1 ? 'volgt de dringendste open actie' : `volgen de ${cards.length} dringendste open acties`} om bij te werken. Typ ${commandHint('acties [nummer]', ctx.place)} om een andere actie te openen.`
        : `Typ ${commandHint('acties [nummer]', ctx.place)} om een actie te openen.`;
    await turn.send({ card: renderActiesCard({ heading, intro, hint, acties: sorted, today: ctx.today }) });
  }
  for (const actie of cards) await turn.send({ card: actieCard(ctx, actie) });
}

function summary(acties: readonly Actie[], today: string): string {
  const open = acties.filter((a) => isOpenStatus(a.status));
  const overdue = open.filter((a) => a.deadline !== undefined && a.deadline < today).length;
  return `${acties.length} ${acties.length === 1 ? 'actie' : 'acties'}, waarvan ${open.length} open` + (overdue > 0 ? ` en ${overdue} over tijd.` : '.');
}

export function actiesCommand(deps: PlanFeatureDeps) {
  return async (turn: Turn, args: string): Promise<void> => {
    const ctx = await requirePlanContext(turn, deps);
    const arg = args.replace(/\s+/g, ' ').trim();

    if (arg === '') {
      const mine = ctx.plan.acties.filter((a) => isOwnActie(ctx.person, a));
      if (mine.length === 0) {
        await turn.send({
          text:
            `Er staan geen acties op jouw naam (${ctx.person.name}) in het beleidsplan. Een actie is van jou als je naam of je Teams-id ` +
            `als eigenaar in het plan staat.` +
            (isDirector(ctx.person) ? ` Als directeur kan je elke actie bijwerken: typ ${commandHint('acties [naam]', ctx.place)} of ${commandHint('acties [nummer]', ctx.place)}.` : '') +
            ` Typ ${commandHint('status', ctx.place)} voor het hele plan.`,
        });
        return;
      }
      await showActies(turn, ctx, mine, `Jouw acties (${mine.length})`, `Je hebt ${summary(mine, ctx.today)}`);
      return;
    }

    const byId = ctx.plan.acties.find((a) => a.id.toLowerCase() === arg.toLowerCase().replace(/^nr\.?\s*/, ''));
    if (byId) {
      await turn.send({ card: actieCard(ctx, byId) });
      return;
    }
    const theirs = actionsOfOwner(ctx.plan, arg);
    if (theirs.length === 0) {
      await turn.send({ text: `Ik vind geen actie met nummer "${shorten(arg, 40)}" en geen acties van "${shorten(arg, 40)}" in het beleidsplan. Typ ${commandHint('acties', ctx.place)} voor je eigen acties of ${commandHint('status', ctx.place)} voor het hele plan.` });
      return;
    }
    const name = theirs[0]!.owner!.name;
    await showActies(turn, ctx, theirs, `Acties van ${name} (${theirs.length})`, `${name} heeft ${summary(theirs, ctx.today)}`);
  };
}

/** A refusal decided on the fresh actie inside an optimistic update. */
/**
 * Runs an update of one actie of the person's own centre, re-checking the permission on the fresh
 * row. Resolves with the card to show; a refusal or a lasting conflict is a coded PoolsterError.
 */
async function updateOwnActie(
  deps: PlanFeatureDeps,
  ctx: PlanContext,
  actieId: string,
  change: (actie: Actie) => { actie: Actie; notice: string },
): Promise<ActionResult> {
  let notice = '';
  const updated = await deps.plans.updateActie(ctx.centre.centreId, actieId, (fresh) => {
    requireCanEdit(ctx.person, fresh);
    const result = change(fresh);
    notice = result.notice;
    return result.actie;
  });
  if (!updated) throw new PoolsterError('not-found', actieNotFoundMessage(ctx.place));
  return { card: actieCard(ctx, updated, { notice }) };
}

export function setStatusAction(deps: PlanFeatureDeps) {
  return async (turn: Turn, data: SetStatusData): Promise<ActionResult> => {
    const ctx = await requirePlanContext(turn, deps);
    const actie = requireEditableActie(ctx, data.actieId);
    return updateOwnActie(deps, ctx, data.actieId, (actie) => {
      if (actie.status === data.status) return { actie, notice: `Deze actie was al ${ACTION_STATUS_LABELS[actie.status].toLowerCase()}.` };
      if (!isOpenStatus(actie.status)) return { actie, notice: `Deze actie is intussen ${ACTION_STATUS_LABELS[actie.status].toLowerCase()}; er werd niets gewijzigd.` };
      const notice = data.status === 'lopend' ? 'Bijgewerkt: de actie is gestart (lopend).' : 'Bijgewerkt: de actie is afgerond.';
      // The dated status note is the action's history, and what the digest reads as its completion date.
      const note = { date: turn.now.toISOString(), author: noteAuthor(ctx, turn), text: `Status gewijzigd naar ${ACTION_STATUS_LABELS[data.status].toLowerCase()}.` };
      return { actie: { ...actie, status: data.status, notes: [...actie.notes, note] }, notice };
    });
  };
}

function noteAuthor(ctx: PlanContext, turn: Turn): string {
  const name = ctx.person.name.trim() || turn.actor.name.trim() || 'onbekend';
  return name.slice(0, LIMITS.noteAuthor);
}

export function postponeAction(deps: PlanFeatureDeps) {
  return async (turn: Turn, data: PostponeData): Promise<ActionResult> => {
    const ctx = await requirePlanContext(turn, deps);
    const actie = requireEditableActie(ctx, data.actieId);
    if (!isOpenStatus(actie.status)) {
      const notice = `Deze actie is ${ACTION_STATUS_LABELS[actie.status].toLowerCase()} en kan niet meer uitgesteld worden.`;
      return { card: actieCard(ctx, actie, { notice }) };
    }
    const value = (data.newDeadline ?? '').trim();
    let error: string | undefined;
    if (value === '') error = 'Kies een nieuwe deadline.';
    else if (!isIsoDate(value)) error = 'Dat is geen geldige datum. Kies een datum in de kalender.';
    else if (value <= ctx.today) error = `De nieuwe deadline moet na vandaag (${formatDutchDate(ctx.today)}) liggen.`;
    if (error) return { card: actieCard(ctx, actie, { form: { kind: 'postpone', value, error } }) };

    const author = noteAuthor(ctx, turn);
    return updateOwnActie(deps, ctx, data.actieId, (actie) => {
      if (!isOpenStatus(actie.status)) {
        return { actie, notice: `Deze actie is ${ACTION_STATUS_LABELS[actie.status].toLowerCase()} en kan niet meer uitgesteld worden.` };
      }
      const was = actie.deadline ? ` (was ${formatDutchDate(actie.deadline)})` : '';
      const note = { date: turn.now.toISOString(), author, text: `Uitgesteld tot ${formatDutchDate(value)}${was}.` };
      return {
        actie: { ...actie, status: 'uitgesteld', deadline: value, notes: [...actie.notes, note] },
        notice: `Bijgewerkt: uitgesteld tot ${formatDutchDate(value)}.`,
      };
    });
  };
}

export function addNoteAction(deps: PlanFeatureDeps) {
  return async (turn: Turn, data: AddNoteData): Promise<ActionResult> => {
    const ctx = await requirePlanContext(turn, deps);
    const actie = requireEditableActie(ctx, data.actieId);
    const raw = data.note ?? '';
    const text = raw.trim();
    let error: string | undefined;
    if (text === '') error = 'Schrijf eerst een notitie.';
    else if (text.length > LIMITS.noteText) error = `Je notitie is te lang (${text.length} tekens). Houd het bij maximaal ${LIMITS.noteText} tekens.`;
    if (error) return { card: actieCard(ctx, actie, { form: { kind: 'note', value: raw, error } }) };

    const note = { date: turn.now.toISOString(), author: noteAuthor(ctx, turn), text };
    return updateOwnActie(deps, ctx, data.actieId, (actie) => ({
      actie: { ...actie, notes: [...actie.notes, note] },
      notice: 'Je notitie is bewaard.',
    }));
  };
}
