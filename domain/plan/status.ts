/**
 * Progress of the policy plan, as pure functions of the plan and "today" (a Brussels calendar date
 * YYYY-MM-DD; the caller computes it, e.g. with brusselsDate(new Date())).
 *
 * Definitions:
 * - open: status gepland, lopend or uitgesteld (not afgerond, not geschrapt);
 * - overdue: open with a deadline before today (a deadline of today is not overdue yet);
 * - due next: open with a deadline on or after today;
 * - progress: afgerond / (total − geschrapt), 0 when nothing counts.
 * Ties are kept in plan order.
 */
import {
  ACTION_STATUSES,
  actiesOfSpeerpunt,
  findSpeerpunt,
  isOpenStatus,
  type Actie,
  type ActionStatus,
  type Plan,
  type Speerpunt,
  type SpeerpuntNumber,
} from './model';
import { isIsoDate } from '../time';

/** At most this many actions in `dueNext`. */
export const DUE_NEXT_LIMIT = 5;

export type StatusCounts = Record<ActionStatus, number>;

export interface OwnerGroup {
  /** The owner's name as first written in the plan. */
  name: string;
  /** The owner's user id, when one of the grouped actions has it. */
  userId?: string;
  /** Open actions of this owner, in plan order. */
  acties: Actie[];
}

export interface SpeerpuntStatus {
  speerpunt: Speerpunt;
  countsByStatus: StatusCounts;
  total: number;
  /** afgerond / (total − geschrapt), in 0..1; 0 when total − geschrapt is 0. */
  progress: number;
  /** Open actions with a deadline before today, oldest deadline first. */
  overdue: Actie[];
  /** Open actions with a deadline on or after today, soonest first, at most DUE_NEXT_LIMIT. */
  dueNext: Actie[];
  /** Open actions per owner, owners sorted by name (nl collation). */
  byOwner: OwnerGroup[];
  /** Open actions without an owner, in plan order. */
  unowned: Actie[];
}

export interface SpeerpuntSummary {
  number: SpeerpuntNumber;
  title: string;
  countsByStatus: StatusCounts;
  total: number;
  progress: number;
  openCount: number;
  overdueCount: number;
  /** The first of `dueNext`, if any. */
  nextDue?: Actie;
}

export interface PlanOverview {
  today: string;
  /** In speerpunt number order. */
  speerpunten: SpeerpuntSummary[];
  /** Over the whole plan. */
  countsByStatus: StatusCounts;
  total: number;
  progress: number;
  overdueCount: number;
}

function assertToday(today: string): void {
  if (!isIsoDate(today)) throw new RangeError(`today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function countByStatus(acties: readonly Actie[]): StatusCounts {
  const counts = emptyCounts();
  for (const a of acties) counts[a.status] += 1;
  return counts;
}

/**
 * The one progress computation shown everywhere (status, status speerpunt N, the digest):
 * afgerond of the actions that count (geschrapt ones do not), in whole percent.
 */
export interface ProgressSummary {
  done: number;
  counted: number;
  geschrapt: number;
  percent: number;
}

export function progressSummary(counts: StatusCounts): ProgressSummary {
  const total = ACTION_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const counted = total - counts.geschrapt;
  return { done: counts.afgerond, counted, geschrapt: counts.geschrapt, percent: counted > 0 ? Math.round((counts.afgerond / counted) * 100) : 0 };
}

/** "14 van 24 acties afgerond (58%); 1 geschrapt, niet meegeteld." — the same words in status and digest. */
export function progressText(counts: StatusCounts): string {
  const p = progressSummary(counts);
  if (p.counted === 0) return p.geschrapt > 0 ? `Geen acties die meetellen (${p.geschrapt} geschrapt).` : 'Nog geen acties.';
  return `${p.done} van ${p.counted} ${p.counted === 1 ? 'actie' : 'acties'} afgerond (${p.percent}%)` + (p.geschrapt > 0 ? `; ${p.geschrapt} geschrapt, niet meegeteld.` : '.');
}

export function progressOf(counts: StatusCounts): number {
  const total = ACTION_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const relevant = total - counts.geschrapt;
  return relevant > 0 ? counts.afgerond / relevant : 0;
}

/** Open actions with a deadline before today, oldest deadline first (stable). */
export function overdueActies(acties: readonly Actie[], today: string): Actie[] {
  assertToday(today);
  return stableSortByDeadline(acties.filter((a) => isOpenStatus(a.status) && a.deadline !== undefined && a.deadline < today));
}

/** Open actions with a deadline on or after today, soonest first (stable), at most `limit`. */
export function dueNextActies(acties: readonly Actie[], today: string, limit = DUE_NEXT_LIMIT): Actie[] {
  assertToday(today);
  return stableSortByDeadline(acties.filter((a) => isOpenStatus(a.status) && a.deadline !== undefined && a.deadline >= today)).slice(
    0,
    limit,
  );
}

function stableSortByDeadline(acties: Actie[]): Actie[] {
  return acties
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.deadline! < y.a.deadline! ? -1 : x.a.deadline! > y.a.deadline! ? 1 : x.i - y.i))
    .map(({ a }) => a);
}

/** Normalized owner name for grouping and matching: trimmed, spaces collapsed, case-insensitive. */
export function ownerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl-BE');
}

function groupByOwner(acties: readonly Actie[]): { byOwner: OwnerGroup[]; unowned: Actie[] } {
  const groups = new Map<string, OwnerGroup>();
  const unowned: Actie[] = [];
  for (const a of acties) {
    if (!isOpenStatus(a.status)) continue;
    if (!a.owner) {
      unowned.push(a);
      continue;
    }
    const key = ownerKey(a.owner.name);
    let group = groups.get(key);
    if (!group) {
      group = { name: a.owner.name, acties: [] };
      groups.set(key, group);
    }
    if (group.userId === undefined && a.owner.userId !== undefined) group.userId = a.owner.userId;
    group.acties.push(a);
  }
  const collator = new Intl.Collator('nl-BE', { sensitivity: 'base' });
  const byOwner = [...groups.values()].sort((x, y) => collator.compare(x.name, y.name));
  return { byOwner, unowned };
}

/**
 * The status of one speerpunt, for `status speerpunt N`. Undefined when the plan has no such
 * speerpunt (the caller checks the range and answers in Dutch).
 */
export function speerpuntStatus(plan: Plan, speerpuntNumber: number, today: string): SpeerpuntStatus | undefined {
  assertToday(today);
  const speerpunt = findSpeerpunt(plan, speerpuntNumber);
  if (!speerpunt) return undefined;
  const acties = actiesOfSpeerpunt(plan, speerpuntNumber);
  const countsByStatus = countByStatus(acties);
  const { byOwner, unowned } = groupByOwner(acties);
  return {
    speerpunt,
    countsByStatus,
    total: acties.length,
    progress: progressOf(countsByStatus),
    overdue: overdueActies(acties, today),
    dueNext: dueNextActies(acties, today),
    byOwner,
    unowned,
  };
}

/** A short summary per speerpunt plus totals, e.g. for the digest or a plain `status`. */
export function planOverview(plan: Plan, today: string): PlanOverview {
  assertToday(today);
  const speerpunten = [...plan.speerpunten]
    .sort((a, b) => a.number - b.number)
    .map((sp): SpeerpuntSummary => {
      const acties = actiesOfSpeerpunt(plan, sp.number);
      const countsByStatus = countByStatus(acties);
      const nextDue = dueNextActies(acties, today, 1)[0];
      return {
        number: sp.number,
        title: sp.title,
        countsByStatus,
        total: acties.length,
        progress: progressOf(countsByStatus),
        openCount: acties.filter((a) => isOpenStatus(a.status)).length,
        overdueCount: overdueActies(acties, today).length,
        ...(nextDue ? { nextDue } : {}),
      };
    });
  const countsByStatus = countByStatus(plan.acties);
  return {
    today,
    speerpunten,
    countsByStatus,
    total: plan.acties.length,
    progress: progressOf(countsByStatus),
    overdueCount: overdueActies(plan.acties, today).length,
  };
}

/**
 * All actions of one owner, in plan order, whatever their status. `who` matches an owner's
 * userId exactly, or the owner's name ignoring case and extra spaces.
 */
export function actionsOfOwner(plan: Plan, who: string): Actie[] {
  const key = ownerKey(who);
  if (key.length === 0) return [];
  return plan.acties.filter((a) => a.owner !== undefined && (a.owner.userId === who.trim() || ownerKey(a.owner.name) === key));
}
