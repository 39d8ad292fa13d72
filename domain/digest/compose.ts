/**
 * The content of the weekly action digest, as a pure function of the plan, the team priorities, the
 * state of an open inschaling round and "today" (a Brussels calendar date YYYY-MM-DD).
 *
 * Definitions (all dates are Brussels calendar dates):
 * - due soon: an open action (gepland, lopend, uitgesteld) with a deadline from today up to and
 *   including today + 6 (the coming 7 days), soonest first, ties in plan order;
 * - overdue: an open action with a deadline before today, oldest deadline first, ties in plan order;
 * - completed: an action with status afgerond whose completion date lies in the 7 days before today
 *   (today − 7 up to and including today − 1), earliest first. A digest on a fixed weekday therefore
 *   lists every completion exactly once. The plan model has no completion date; the completion date
 *   is the date of the latest progress note that mentions "afgerond" (the status-change note), or,
 *   when no note mentions it, of the latest note. An afgerond action without notes has no known
 *   completion date: it counts in the progress but is never listed as recently completed;
 * - progress per speerpunt: afgerond / (all − geschrapt), as in domain/plan/status.ts;
 * - priorities: the team's short-term priorities (bouwstenen, in order) with the actions linked to
 *   them (Actie.bouwsteenId), geschrapt ones left out;
 * - open round: only counts (finished of participants) and the deadline, never who or what.
 * `isEmpty`: nothing due soon, nothing overdue, nothing completed and no open round. Progress and
 * priorities are standing information, not news: on their own they do not make a digest non-empty.
 */
import { CLUSTER_1_2_BOUWSTENEN } from '../catalogue/bouwstenenCluster12';
import { CLUSTER_3_BOUWSTENEN } from '../catalogue/bouwstenenCluster3';
import type { BouwsteenId } from '../catalogue/types';
import { addDays, brusselsDate, daysBetween, isIsoDate } from '../time';
import { isOpenStatus, speerpuntOfActie, type Actie, type ActionStatus, type Note, type Plan, type SpeerpuntNumber } from '../plan/model';
import { planOverview, progressSummary, progressText } from '../plan/status';

/** Deadlines from today up to today + DUE_WINDOW_DAYS − 1 are "due soon". */
export const DUE_WINDOW_DAYS = 7;
/** Completions in the COMPLETED_WINDOW_DAYS days before today are "recently completed". */
export const COMPLETED_WINDOW_DAYS = 7;

export interface DigestRoundState {
  /** Last day of the round, YYYY-MM-DD. */
  deadline: string;
  participants: number;
  finished: number;
}

export interface DigestInput {
  plan: Plan | undefined;
  priorities: readonly BouwsteenId[] | undefined;
  openRound: DigestRoundState | undefined;
  /** Brussels calendar date, YYYY-MM-DD. */
  today: string;
  centreName: string;
}

export interface DigestItem {
  actieId: string;
  title: string;
  status: ActionStatus;
  speerpunt?: SpeerpuntNumber;
  owner?: string;
  deadline?: string;
}

export interface DigestDueItem extends DigestItem {
  deadline: string;
  /** 0 = today, 1 = tomorrow, ... */
  daysLeft: number;
}

export interface DigestOverdueItem extends DigestItem {
  deadline: string;
  /** Days past the deadline, ≥ 1. */
  daysLate: number;
}

export interface DigestCompletedItem extends DigestItem {
  completedOn: string;
}

export interface DigestSpeerpuntProgress {
  number: SpeerpuntNumber;
  title: string;
  /** All actions under the speerpunt. */
  total: number;
  /** Actions afgerond. */
  done: number;
  /** total − geschrapt: what progress is measured against. */
  counted: number;
  /** Whole percent, rounded half up; 0 when nothing counts. */
  percent: number;
  /** The same sentence `status` shows (domain/plan/status.ts progressText). */
  progressText: string;
  open: number;
  overdue: number;
}

export interface DigestPriority {
  /** 1 = most important. */
  rank: number;
  bouwsteenId: BouwsteenId;
  /** "4.2 Geïntegreerde benadering van de kernprocessen" */
  label: string;
  /** Linked actions (geschrapt left out), in plan order. */
  actions: DigestItem[];
}

export interface DigestRound extends DigestRoundState {
  /** Days from today to the deadline; negative once it has passed. */
  daysLeft: number;
}

export interface DigestContent {
  centreName: string;
  today: string;
  hasPlan: boolean;
  planTitle?: string;
  dueSoon: DigestDueItem[];
  overdue: DigestOverdueItem[];
  completed: DigestCompletedItem[];
  speerpunten: DigestSpeerpuntProgress[];
  priorities: DigestPriority[];
  round?: DigestRound;
  isEmpty: boolean;
}

const BOUWSTEEN_TITLES = new Map<string, string>([...CLUSTER_1_2_BOUWSTENEN, ...CLUSTER_3_BOUWSTENEN].map((b) => [b.id, b.title]));

function priorityLabel(id: BouwsteenId): string {
  const title = BOUWSTEEN_TITLES.get(id);
  return title ? `${id} ${title}` : id;
}

/** The Brussels calendar date of a note (its date, or the date of its date-time in Brussels). */
export function noteDay(note: Pick<Note, 'date'>): string {
  if (isIsoDate(note.date)) return note.date;
  return brusselsDate(new Date(note.date));
}

const COMPLETION_NOTE = /afgerond/i;

/**
 * When an afgerond action was completed (see the module comment), or undefined when unknown or when
 * the action is not afgerond.
 */
export function completionDate(actie: Actie): string | undefined {
  if (actie.status !== 'afgerond' || actie.notes.length === 0) return undefined;
  const statusNotes = actie.notes.filter((n) => COMPLETION_NOTE.test(n.text));
  const pool = statusNotes.length > 0 ? statusNotes : actie.notes;
  return pool.map(noteDay).reduce((latest, day) => (day > latest ? day : latest));
}

function itemOf(plan: Plan, actie: Actie): DigestItem {
  const speerpunt = speerpuntOfActie(plan, actie);
  return {
    actieId: actie.id,
    title: actie.title,
    status: actie.status,
    ...(speerpunt !== undefined ? { speerpunt } : {}),
    ...(actie.owner ? { owner: actie.owner.name } : {}),
    ...(actie.deadline ? { deadline: actie.deadline } : {}),
  };
}

/** Stable sort on a string key. */
function sortedBy<T>(items: T[], key: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.index - b.index))
    .map(({ item }) => item);
}

export function composeDigest(input: DigestInput): DigestContent {
  const { plan, today } = input;
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  const lastDueDay = addDays(today, DUE_WINDOW_DAYS - 1);
  const firstCompletedDay = addDays(today, -COMPLETED_WINDOW_DAYS);

  let dueSoon: DigestDueItem[] = [];
  let overdue: DigestOverdueItem[] = [];
  let completed: DigestCompletedItem[] = [];
  let speerpunten: DigestSpeerpuntProgress[] = [];
  const priorities: DigestPriority[] = [];

  if (plan) {
    const withDeadline = plan.acties.filter((a) => isOpenStatus(a.status) && a.deadline !== undefined);
    dueSoon = sortedBy(
      withDeadline.filter((a) => a.deadline! >= today && a.deadline! <= lastDueDay),
      (a) => a.deadline!,
    ).map((a) => ({ ...itemOf(plan, a), deadline: a.deadline!, daysLeft: daysBetween(today, a.deadline!) }));
    overdue = sortedBy(
      withDeadline.filter((a) => a.deadline! < today),
      (a) => a.deadline!,
    ).map((a) => ({ ...itemOf(plan, a), deadline: a.deadline!, daysLate: daysBetween(a.deadline!, today) }));
    completed = sortedBy(
      plan.acties
        .map((a) => ({ a, on: completionDate(a) }))
        .filter((x): x is { a: Actie; on: string } => x.on !== undefined && x.on >= firstCompletedDay && x.on < today),
      (x) => x.on,
    ).map(({ a, on }) => ({ ...itemOf(plan, a), completedOn: on }));
    speerpunten = planOverview(plan, today).speerpunten.map((sp) => {
      const progress = progressSummary(sp.countsByStatus);
      return {
        number: sp.number,
        title: sp.title,
        total: sp.total,
        done: progress.done,
        counted: progress.counted,
        percent: progress.percent,
        progressText: progressText(sp.countsByStatus),
        open: sp.openCount,
        overdue: sp.overdueCount,
      };
    });
  }

  const seen = new Set<BouwsteenId>();
  for (const id of input.priorities ?? []) {
    if (seen.has(id)) continue;
    seen.add(id);
    priorities.push({
      rank: priorities.length + 1,
      bouwsteenId: id,
      label: priorityLabel(id),
      // Open actions first (what still needs doing), then afgerond; plan order within each.
      actions: plan
        ? plan.acties
            .filter((a) => a.bouwsteenId === id && a.status !== 'geschrapt')
            .map((a, index) => ({ a, index }))
            .sort((x, y) => Number(isOpenStatus(y.a.status)) - Number(isOpenStatus(x.a.status)) || x.index - y.index)
            .map(({ a }) => itemOf(plan, a))
        : [],
    });
  }

  const round: DigestRound | undefined = input.openRound
    ? { ...input.openRound, daysLeft: daysBetween(today, input.openRound.deadline) }
    : undefined;

  return {
    centreName: input.centreName,
    today,
    hasPlan: plan !== undefined,
    ...(plan ? { planTitle: plan.title } : {}),
    dueSoon,
    overdue,
    completed,
    speerpunten,
    priorities,
    ...(round ? { round } : {}),
    isEmpty: dueSoon.length === 0 && overdue.length === 0 && completed.length === 0 && round === undefined,
  };
}
