/**
 * The beleidsplan cards: the plan overview (`status`), one speerpunt (`status speerpunt 3`), an
 * actie with its buttons, a list of acties, the "nieuwe actie" form and the team priorities.
 * Pure: typed data in, Adaptive Card 1.5 out (templates in ./templates/plan*.json). Statuses are
 * shown neutrally; lists are bounded so every card stays far below 80 KB.
 */
import { ACTION_STATUS_CHART_COLORS, actionStatusLegendText, stackedBars } from './chartColors';
import { bouwsteenLabel } from '../domain/catalogue';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../domain/catalogue/types';
import { shorten } from '../domain/format';
import { quotedCommand, type ConversationKind } from '../domain/conversation';
import type { Person } from '../domain/centre/model';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  byUrgency,
  isOpenStatus,
  type Actie,
  type Doelstelling,
  type Plan,
} from '../domain/plan/model';
import { progressText, type PlanOverview, type SpeerpuntStatus, type StatusCounts } from '../domain/plan/status';
import { nextSchoolYear, schoolYearOfDate, type SchoolYear } from '../domain/schoolYear';
import { PLAN_VERBS } from './verbs';
import type { CardJson } from './cardJson';
import { commandButtonData, expandCard, prepareCard } from './render';
import actieJson from './templates/planActie.json';
import actiesJson from './templates/planActies.json';
import nieuweActieJson from './templates/planNieuweActie.json';
import overviewJson from './templates/planOverview.json';
import prioriteitenJson from './templates/planPrioriteiten.json';
import speerpuntJson from './templates/planSpeerpunt.json';
import { addDays, formatDutchDate as formatDate } from '../domain/time';

const actieTemplate = prepareCard(actieJson);
const actiesTemplate = prepareCard(actiesJson);
const nieuweActieTemplate = prepareCard(nieuweActieJson);
const overviewTemplate = prepareCard(overviewJson);
const prioriteitenTemplate = prepareCard(prioriteitenJson);
const speerpuntTemplate = prepareCard(speerpuntJson);

// ---------------------------------------------------------------------------------------------
// Formatting

export function percent(progress: number): number {
  return Math.round(progress * 100);
}

/** A neutral text progress bar: "████░░░░░░ 40%". */
export function progressBar(progress: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(progress * 10)));
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent(progress)}%`;
}

/** "12 acties: 3 afgerond, 4 lopend, 5 gepland" (statuses with a count only). */
export function countsText(counts: StatusCounts, total: number): string {
  if (total === 0) return 'Nog geen acties.';
  const parts = ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`);
  return `${total} ${total === 1 ? 'actie' : 'acties'}: ${parts.join(', ')}`;
}

function ownerName(actie: Actie): string {
  return actie.owner?.name ?? 'zonder eigenaar';
}

/** Removes what the templates leave empty and Adaptive Cards does not allow empty. */
function tidy(card: CardJson): CardJson {
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}

interface ListItem {
  line: string;
  meta: string;
}

function deadlineItem(actie: Actie): ListItem {
  return {
    line: `**${formatDate(actie.deadline!)}** · ${shorten(actie.title, 200)}`,
    meta: `${ownerName(actie)} · ${ACTION_STATUS_LABELS[actie.status]} · nr. ${actie.id}`,
  };
}

/** At most `max` items, the last one saying how many more there are. */
function bounded<T>(items: T[], max: number, more: (n: number) => T): T[] {
  if (items.length <= max) return items;
  return [...items.slice(0, max - 1), more(items.length - max + 1)];
}

// ---------------------------------------------------------------------------------------------
// status

/** `place`: where the card is shown, so its "typ ..." line carries the @mention in a channel. */
export function renderPlanOverviewCard(input: { plan: Plan; overview: PlanOverview; place: ConversationKind }): CardJson {
  const { plan, overview } = input;
  const speerpunten = overview.speerpunten.map((sp) => {
    const deadlines: string[] = [];
    if (sp.overdueCount > 0) deadlines.push(`${sp.overdueCount} over tijd`);
    if (sp.nextDue) deadlines.push(`volgende deadline ${formatDate(sp.nextDue.deadline!)}: ${shorten(sp.nextDue.title, 80)}`);
    return {
      heading: `Speerpunt ${sp.number}: ${sp.title}`,
      bar: progressBar(sp.progress),
      counts: `${progressText(sp.countsByStatus)} ${countsText(sp.countsByStatus, sp.total)}`,
      hasDeadlines: deadlines.length > 0,
      deadlines: deadlines.join(' · '),
    };
  });
  return tidy(
    expandCard(overviewTemplate, {
      planTitle: plan.title + (plan.period ? ` (${plan.period})` : ''),
      summary:
        `Stand op ${formatDate(overview.today)}: ${overview.total} acties, ${percent(overview.progress)}% afgerond, ` +
        `${overview.overdueCount} over tijd.`,
      chart: stackedBars(
        overview.speerpunten.map((sp) => ({
          title: `Speerpunt ${sp.number}`,
          segments: ACTION_STATUSES.map((s) => ({ legend: ACTION_STATUS_LABELS[s], value: sp.countsByStatus[s], color: ACTION_STATUS_CHART_COLORS[s].chart })),
          fallback: countsText(sp.countsByStatus, sp.total),
        })),
      ),
      chartLegend: actionStatusLegendText(),
      speerpunten,
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
  const counted = status.total - status.countsByStatus.geschrapt;
  const owners = [
    ...status.byOwner.map((g) => ({ name: g.name, acties: g.acties })),
    ...(status.unowned.length > 0 ? [{ name: 'Zonder eigenaar', acties: status.unowned }] : []),
  ];
  const more = (n: number): ListItem => ({ line: `… en nog ${n} ${n === 1 ? 'actie' : 'acties'}`, meta: '' });
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
      chart: ACTION_STATUSES.filter((s) => status.countsByStatus[s] > 0).map((s) => ({
        legend: ACTION_STATUS_LABELS[s],
        value: status.countsByStatus[s],
        color: ACTION_STATUS_CHART_COLORS[s].chart,
      })),
      chartLegend: actionStatusLegendText(ACTION_STATUSES.filter((s) => status.countsByStatus[s] > 0)),
      countFacts: ACTION_STATUSES.map((s) => ({ t: ACTION_STATUS_LABELS[s], v: String(status.countsByStatus[s]) })),
      overdueHeading: `Over tijd (${status.overdue.length})`,
      hasOverdue: status.overdue.length > 0,
      overdue: bounded(status.overdue.map(deadlineItem), 30, more),
      hasDueNext: status.dueNext.length > 0,
      dueNext: status.dueNext.map(deadlineItem),
      hasOwners: owners.length > 0,
      owners: bounded(
        owners.map((o) => ({
          heading: `${o.name} (${o.acties.length} open)`,
          items: bounded(o.acties.map((a) => `- ${shorten(a.title, 110)}`), 5, (n) => `- … en nog ${n}`).join('\n'),
        })),
        25,
        (n) => ({ heading: `… en nog ${n} eigenaars`, items: '' }),
      ),
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
  const deadline = actie.deadline
    ? formatDate(actie.deadline) + (open && actie.deadline < today ? ' (over tijd)' : open && actie.deadline === today ? ' (vandaag)' : '')
    : 'geen';
  const facts = [
    { t: 'Status', v: ACTION_STATUS_LABELS[actie.status] },
    { t: 'Eigenaar', v: actie.owner?.name ?? 'nog geen eigenaar' },
    { t: 'Planning', v: actie.schoolYears.length > 0 ? actie.schoolYears.join(', ') : 'nog niet gepland' },
    { t: 'Deadline', v: deadline },
    ...(actie.bouwsteenId ? [{ t: 'Bouwsteen', v: bouwsteenLabel(actie.bouwsteenId) }] : []),
    { t: 'Nummer', v: actie.id },
  ];
  const notes = actie.notes
    .map((n, i) => ({ n, i }))
    .sort((x, y) => (x.n.date < y.n.date ? 1 : x.n.date > y.n.date ? -1 : y.i - x.i))
    .map(({ n }) => ({ header: `${n.author} · ${formatDate(n.date)}`, text: n.text }));
  const postponeInline = canEdit && open && form?.kind === 'postpone';
  const noteInline = canEdit && form?.kind === 'note';
  const base = { actieId: actie.id };
  const context = input.doelstelling ? `Speerpunt ${input.doelstelling.speerpunt} · ${shorten(input.doelstelling.title, 140)}` : 'Beleidsplan';
  return tidy(
    expandCard(actieTemplate, {
      verbs: PLAN_VERBS,
      context,
      title: actie.title,
      hasDescription: Boolean(actie.description),
      description: actie.description ?? '',
      hasNotice: Boolean(input.notice),
      notice: input.notice ?? '',
      facts,
      hasNotes: notes.length > 0,
      notes: notes.slice(0, NOTES_SHOWN),
      hasMoreNotes: notes.length > NOTES_SHOWN,
      moreNotes: `En ${notes.length - NOTES_SHOWN} oudere ${notes.length - NOTES_SHOWN === 1 ? 'notitie' : 'notities'}.`,
      hasEditHint: !canEdit,
      editHint: actie.owner ? `Alleen ${actie.owner.name} of een directeur kan deze actie bijwerken.` : 'Alleen een directeur kan deze actie bijwerken.',
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
  const { today } = input;
  const sorted = byUrgency(input.acties, today);
  const shown = sorted.slice(0, LIST_LIMIT);
  const item = (a: Actie): ListItem => ({
    line: `**${a.id}** · ${shorten(a.title, 160)}`,
    meta: [
      ACTION_STATUS_LABELS[a.status],
      a.deadline ? `deadline ${formatDate(a.deadline)}` : undefined,
      ownerName(a),
    ]
      .filter(Boolean)
      .join(' · '),
  });
  const groups = [
    { title: 'Over tijd', items: shown.filter((a) => isOpenStatus(a.status) && a.deadline !== undefined && a.deadline < today) },
    { title: 'Open', items: shown.filter((a) => isOpenStatus(a.status) && !(a.deadline !== undefined && a.deadline < today)) },
    { title: 'Afgerond of geschrapt', items: shown.filter((a) => !isOpenStatus(a.status)) },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({ title: `${g.title} (${g.items.length})`, items: g.items.map(item) }));
  const rest = sorted.length - shown.length;
  return tidy(
    expandCard(actiesTemplate, {
      heading: input.heading,
      intro: input.intro,
      groups,
      hasMore: rest > 0,
      more: `En nog ${rest} ${rest === 1 ? 'actie' : 'acties'}.`,
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

/** The current school year and the three after it. */
export function schoolYearChoices(today: string): SchoolYear[] {
  const years: SchoolYear[] = [schoolYearOfDate(today)];
  while (years.length < 4) years.push(nextSchoolYear(years[years.length - 1]!));
  return years;
}

const DOEL_KIND_SHORT = { strategisch: 'strategisch', operationeel: 'operationeel' } as const;

export function renderNieuweActieCard(input: NieuweActieCardInput): CardJson {
  const { plan, today } = input;
  const doels = plan.doelstellingen
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => input.speerpunt === undefined || d.speerpunt === input.speerpunt)
    .sort((x, y) => x.d.speerpunt - y.d.speerpunt || x.i - y.i)
    .map(({ d }) => d);
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
  const intro =
    'De actie komt onder de gekozen doelstelling, met de status gepland.' +
    (input.speerpunt !== undefined ? ` Je ziet enkel de doelstellingen van speerpunt ${input.speerpunt}.` : '');
  return tidy(
    expandCard(nieuweActieTemplate, {
      verbs: PLAN_VERBS,
      intro,
      hasFormError: Boolean(input.formError),
      formError: input.formError ?? '',
      values: { ...values, deadline: /^\d{4}-\d{2}-\d{2}$/.test(values.deadline) ? values.deadline : '' },
      errors: Object.fromEntries(fields.map((f) => [f, errors[f] ?? ''])),
      hasErrors: Object.fromEntries(fields.map((f) => [f, Boolean(errors[f])])),
      doelChoices: doels.map((d) => ({
        title: `Speerpunt ${d.speerpunt} · ${DOEL_KIND_SHORT[d.kind]} · ${shorten(d.title, 110)}`,
        value: d.id,
      })),
      peopleChoices: input.people.map((p) => ({ title: p.roles.includes('directeur') ? `${p.name} (directeur)` : p.name, value: p.userId })),
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
        acties: bounded(
          byUrgency(p.acties, today).map((a) => ({
            line: shorten(a.title, 200),
            meta: [ACTION_STATUS_LABELS[a.status], a.deadline ? `deadline ${formatDate(a.deadline)}` : undefined, ownerName(a), `nr. ${a.id}`]
              .filter(Boolean)
              .join(' · '),
          })),
          20,
          (n): ListItem => ({ line: `… en nog ${n} acties`, meta: '' }),
        ),
        canCreate: input.isDirector,
        createData: { mode: 'create', bouwsteenId: p.bouwsteenId },
        createSubmit: { verb: PLAN_VERBS.linkPriority, mode: 'create', bouwsteenId: p.bouwsteenId },
      })),
      canLink,
      values: { bouwsteenId: input.values?.bouwsteenId ?? '', actieId: input.values?.actieId ?? '' },
      errors: { bouwsteenId: errors.bouwsteenId ?? '', actieId: errors.actieId ?? '' },
      hasErrors: { bouwsteenId: Boolean(errors.bouwsteenId), actieId: Boolean(errors.actieId) },
      priorityChoices: input.priorities.map((p) => ({ title: bouwsteenLabel(p.bouwsteenId), value: p.bouwsteenId })),
      actieChoices: input.linkable.slice(0, LINKABLE_LIMIT).map((a) => ({
        title: `${shorten(a.title, 90)} (nr. ${a.id}${a.bouwsteenId ? `, nu bij ${a.bouwsteenId}` : ''})`,
        value: a.id,
      })),
      linkSubmit: { verb: PLAN_VERBS.linkPriority, mode: 'link' },
    }),
  );
}
