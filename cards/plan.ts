/**
 * The beleidsplan cards: the plan overview (`status`), one speerpunt (`status speerpunt 3`), an
 * actie with its buttons, a list of acties, the "nieuwe actie" form and the team priorities.
 * Pure: typed data in, Adaptive Card 1.5 out (templates in ./templates/plan*.json); the texts and
 * bounded lists come from the plan's view model (domain/plan/view.ts), so every card stays far
 * below 80 KB. Statuses are shown neutrally.
 */
import { ACTION_STATUS_CHART_COLORS, actionStatusLegendText, stackedBars } from './chartColors';
import { bouwsteenLabel } from '../domain/catalogue';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
import { quotedCommand, type ConversationKind } from '../domain/conversation';
import type { Person } from '../domain/centre/model';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, isOpenStatus, type Actie, type Doelstelling, type Plan } from '../domain/plan/model';
import { progressText, type PlanOverview, type SpeerpuntStatus } from '../domain/plan/status';
import {
  actieContext,
  actieFacts,
  actieGroups,
  actieNotes,
  countsText,
  doelstellingChoices,
  editHint,
  linkableActieChoice,
  moreActiesText,
  newActieIntro,
  olderNotesText,
  overviewSummary,
  personChoices,
  planHeading,
  priorityActieItems,
  progressBar,
  schoolYearChoices,
  speerpuntLists,
  speerpuntSummaries,
} from '../domain/plan/view';
import { addDays } from '../domain/time';
import { PLAN_VERBS } from './verbs';
import type { CardJson } from './cardJson';
import { commandButtonData, expandCard, prepareCard } from './render';
import actieJson from './templates/planActie.json';
import actiesJson from './templates/planActies.json';
import nieuweActieJson from './templates/planNieuweActie.json';
import overviewJson from './templates/planOverview.json';
import prioriteitenJson from './templates/planPrioriteiten.json';
import speerpuntJson from './templates/planSpeerpunt.json';

const actieTemplate = prepareCard(actieJson);
const actiesTemplate = prepareCard(actiesJson);
const nieuweActieTemplate = prepareCard(nieuweActieJson);
const overviewTemplate = prepareCard(overviewJson);
const prioriteitenTemplate = prepareCard(prioriteitenJson);
const speerpuntTemplate = prepareCard(speerpuntJson);

/** Removes what the templates leave empty and Adaptive Cards does not allow empty. */
function tidy(card: CardJson): CardJson {
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}

// ---------------------------------------------------------------------------------------------
// status

/** `place`: where the card is shown, so its "typ ..." line carries the @mention in a channel. */
export function renderPlanOverviewCard(input: { plan: Plan; overview: PlanOverview; place: ConversationKind }): CardJson {
  const { plan, overview } = input;
  return tidy(
    expandCard(overviewTemplate, {
      planTitle: planHeading(plan),
      summary: overviewSummary(overview),
      chart: stackedBars(
        overview.speerpunten.map((sp) => ({
          title: `Speerpunt ${sp.number}`,
          segments: ACTION_STATUSES.map((s) => ({ legend: ACTION_STATUS_LABELS[s], value: sp.countsByStatus[s], color: ACTION_STATUS_CHART_COLORS[s].chart })),
          fallback: countsText(sp.countsByStatus, sp.total),
        })),
      ),
      chartLegend: actionStatusLegendText(),
      speerpunten: speerpuntSummaries(overview),
      hint: `Typ ${quotedCommand('status speerpunt 3', input.place)} voor de details van één speerpunt, of ${quotedCommand('acties', input.place)} voor jouw acties.`,
      buttons: [
        ...overview.speerpunten.map((sp) => ({ title: `Speerpunt ${sp.number}`, data: commandButtonData('status', `speerpunt ${sp.number}`) })),
        { title: 'Mijn acties', data: commandButtonData('acties') },
      ],
    }),
  );
}

export function renderSpeerpuntCard(input: { status: SpeerpuntStatus; today: string }): CardJson {
  const { status } = input;
  const sp = status.speerpunt;
  const shownStatuses = ACTION_STATUSES.filter((s) => status.countsByStatus[s] > 0);
  const lists = speerpuntLists(status);
  return tidy(
    expandCard(speerpuntTemplate, {
      label: `Speerpunt ${sp.number}`,
      title: sp.title,
      hasWhy: sp.why.trim().length > 0,
      why: sp.why.trim(),
      bar: progressBar(status.progress),
      progressText: progressText(status.countsByStatus),
      countsText: countsText(status.countsByStatus, status.total),
      hasChart: status.total > 0,
      chartTitle: `Speerpunt ${sp.number}`,
      chart: shownStatuses.map((s) => ({ legend: ACTION_STATUS_LABELS[s], value: status.countsByStatus[s], color: ACTION_STATUS_CHART_COLORS[s].chart })),
      chartLegend: actionStatusLegendText(shownStatuses),
      countFacts: ACTION_STATUSES.map((s) => ({ t: ACTION_STATUS_LABELS[s], v: String(status.countsByStatus[s]) })),
      overdueHeading: `Over tijd (${status.overdue.length})`,
      hasOverdue: status.overdue.length > 0,
      overdue: lists.overdue,
      hasDueNext: status.dueNext.length > 0,
      dueNext: lists.dueNext,
      hasOwners: lists.owners.length > 0,
      owners: lists.owners,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// One actie

export type ActieForm = { kind: 'postpone'; value: string; error: string } | { kind: 'note'; value: string; error: string };

export interface ActieCardInput {
  actie: Actie;
  doelstelling?: Doelstelling;
  today: string;
  /** Whether the reader may update this actie (decided from storage by the caller). */
  canEdit: boolean;
  /** A confirmation shown on top, e.g. after an update. */
  notice?: string;
  /** A form shown open with the entered value and an error message. */
  form?: ActieForm;
}

const NOTES_SHOWN = 3;

export function renderActieCard(input: ActieCardInput): CardJson {
  const { actie, today, canEdit, form } = input;
  const open = isOpenStatus(actie.status);
  const notes = actieNotes(actie);
  const postponeInline = canEdit && open && form?.kind === 'postpone';
  const noteInline = canEdit && form?.kind === 'note';
  const base = { actieId: actie.id };
  return tidy(
    expandCard(actieTemplate, {
      verbs: PLAN_VERBS,
      context: actieContext(input.doelstelling),
      title: actie.title,
      hasDescription: Boolean(actie.description),
      description: actie.description ?? '',
      hasNotice: Boolean(input.notice),
      notice: input.notice ?? '',
      facts: actieFacts(actie, today),
      hasNotes: notes.length > 0,
      notes: notes.slice(0, NOTES_SHOWN),
      hasMoreNotes: notes.length > NOTES_SHOWN,
      moreNotes: olderNotesText(notes.length - NOTES_SHOWN),
      hasEditHint: !canEdit,
      editHint: editHint(actie),
      showStart: canEdit && (actie.status === 'gepland' || actie.status === 'uitgesteld'),
      startTitle: actie.status === 'uitgesteld' ? 'Hervatten' : 'Starten',
      startData: { ...base, status: 'lopend' },
      startSubmit: { verb: PLAN_VERBS.setStatus, ...base, status: 'lopend' },
      showFinish: canEdit && open,
      finishData: { ...base, status: 'afgerond' },
      finishSubmit: { verb: PLAN_VERBS.setStatus, ...base, status: 'afgerond' },
      showPostponeCard: canEdit && open && !postponeInline,
      postponeInline,
      postponeMin: addDays(today, 1),
      postponeValue: form?.kind === 'postpone' && /^\d{4}-\d{2}-\d{2}$/.test(form.value) ? form.value : '',
      postponeError: form?.kind === 'postpone' ? form.error : '',
      postponeData: base,
      postponeSubmit: { verb: PLAN_VERBS.postpone, ...base },
      showNoteCard: canEdit && !noteInline,
      noteInline,
      noteValue: form?.kind === 'note' ? form.value : '',
      noteError: form?.kind === 'note' ? form.error : '',
      noteData: base,
      noteSubmit: { verb: PLAN_VERBS.addNote, ...base },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// A list of acties

const LIST_LIMIT = 60;

export function renderActiesCard(input: { heading: string; intro: string; hint: string; acties: readonly Actie[]; today: string }): CardJson {
  const { groups, rest } = actieGroups(input.acties, input.today, LIST_LIMIT);
  return tidy(
    expandCard(actiesTemplate, {
      heading: input.heading,
      intro: input.intro,
      groups,
      hasMore: rest > 0,
      more: moreActiesText(rest),
      hint: input.hint,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// nieuwe actie

export interface NieuweActieValues {
  doelstellingId: string;
  title: string;
  ownerUserId: string;
  ownerName: string;
  /** Comma-separated, as a multi-select ChoiceSet sends them. */
  schoolYears: string;
  deadline: string;
  bouwsteenId: string;
}

export type NieuweActieField = 'doelstellingId' | 'title' | 'owner' | 'schoolYears' | 'deadline' | 'bouwsteenId';

export interface NieuweActieCardInput {
  plan: Plan;
  people: readonly Person[];
  today: string;
  /** Only the doelstellingen of this speerpunt. */
  speerpunt?: number;
  values?: Partial<NieuweActieValues>;
  errors?: Partial<Record<NieuweActieField, string>>;
  formError?: string;
}

export function renderNieuweActieCard(input: NieuweActieCardInput): CardJson {
  const { plan, today } = input;
  const years = schoolYearChoices(today);
  const values: NieuweActieValues = {
    doelstellingId: '',
    title: '',
    ownerUserId: '',
    ownerName: '',
    schoolYears: years[0]!,
    deadline: '',
    bouwsteenId: '',
    ...input.values,
  };
  const errors = input.errors ?? {};
  const fields: NieuweActieField[] = ['doelstellingId', 'title', 'owner', 'schoolYears', 'deadline', 'bouwsteenId'];
  return tidy(
    expandCard(nieuweActieTemplate, {
      verbs: PLAN_VERBS,
      intro: newActieIntro(input.speerpunt),
      hasFormError: Boolean(input.formError),
      formError: input.formError ?? '',
      values: { ...values, deadline: /^\d{4}-\d{2}-\d{2}$/.test(values.deadline) ? values.deadline : '' },
      errors: Object.fromEntries(fields.map((f) => [f, errors[f] ?? ''])),
      hasErrors: Object.fromEntries(fields.map((f) => [f, Boolean(errors[f])])),
      doelChoices: doelstellingChoices(plan, input.speerpunt),
      peopleChoices: personChoices(input.people),
      schoolYearChoices: years.map((y) => ({ title: y, value: y })),
      today,
      bouwsteenChoices: BOUWSTEEN_IDS.map((id) => ({ title: bouwsteenLabel(id), value: id })),
      createSubmit: { verb: PLAN_VERBS.create },
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// prioriteiten

export interface PrioriteitenCardInput {
  /** In priority order, each with its linked acties. */
  priorities: ReadonlyArray<{ bouwsteenId: BouwsteenId; acties: readonly Actie[] }>;
  /** Directors get the "link" form and "new actie" buttons. */
  isDirector: boolean;
  /** The open acties a director may link (for the form). */
  linkable: readonly Actie[];
  today: string;
  notice?: string;
  values?: { bouwsteenId?: string; actieId?: string };
  errors?: { bouwsteenId?: string; actieId?: string };
}

const LINKABLE_LIMIT = 200;

export function renderPrioriteitenCard(input: PrioriteitenCardInput): CardJson {
  const { today } = input;
  const errors = input.errors ?? {};
  const canLink = input.isDirector && input.linkable.length > 0 && input.priorities.length > 0;
  // Without the form, its errors are shown on top.
  const notice = [input.notice, ...(canLink ? [] : [errors.bouwsteenId, errors.actieId])].filter(Boolean).join(' ');
  return tidy(
    expandCard(prioriteitenTemplate, {
      verbs: PLAN_VERBS,
      intro: 'De prioriteiten op korte termijn uit de laatst bevestigde teaminschaling, met de acties die eraan gekoppeld zijn.',
      hasNotice: notice.length > 0,
      notice,
      priorities: input.priorities.map((p, i) => ({
        heading: `Prioriteit ${i + 1}: ${bouwsteenLabel(p.bouwsteenId)}`,
        hasActies: p.acties.length > 0,
        acties: priorityActieItems(p.acties, today),
        canCreate: input.isDirector,
        createData: { mode: 'create', bouwsteenId: p.bouwsteenId },
        createSubmit: { verb: PLAN_VERBS.linkPriority, mode: 'create', bouwsteenId: p.bouwsteenId },
      })),
      canLink,
      values: { bouwsteenId: input.values?.bouwsteenId ?? '', actieId: input.values?.actieId ?? '' },
      errors: { bouwsteenId: errors.bouwsteenId ?? '', actieId: errors.actieId ?? '' },
      hasErrors: { bouwsteenId: Boolean(errors.bouwsteenId), actieId: Boolean(errors.actieId) },
      priorityChoices: input.priorities.map((p) => ({ title: bouwsteenLabel(p.bouwsteenId), value: p.bouwsteenId })),
      actieChoices: input.linkable.slice(0, LINKABLE_LIMIT).map(linkableActieChoice),
      linkSubmit: { verb: PLAN_VERBS.linkPriority, mode: 'link' },
    }),
  );
}
