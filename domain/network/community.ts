/**
 * The weekly digest of a network's Lerende community channel (issue 14), as a pure function of what
 * the opted-in centres of that network confirmed and planned.
 *
 * What it holds, per opted-in centre with a confirmed inschaling: its team priorities (from the
 * last confirmed inschaling), the open actions linked to each (title, status, month due) and the
 * linked actions completed since the last digest; across centres: the bouwstenen several centres
 * prioritise, who could inspire whom (matches), and which centres confirmed a new inschaling since
 * the last digest.
 *
 * What it never holds: an individual answer, a toelichting, a stadium (a centre's own team stadia
 * are never shown to another centre), an owner's or any other person's name. Centres that did not
 * opt in are not mentioned and not counted.
 *
 * With many centres the digest is split into pages of CENTRES_PER_PAGE centres; page 1 also
 * carries the network summary. Each page is one message (and one claimed run).
 */
import { bouwsteenLabel } from '../catalogue';
import type { BouwsteenId } from '../catalogue/types';
import type { Network } from '../centre/model';
import { completionDate } from '../digest/compose';
import { isOpenStatus, type ActionStatus, type Plan } from '../plan/model';
import { networkView } from './view';

/** Centres per message: 10 keeps a page readable on a phone and far below Teams' 80 KB. */
export const CENTRES_PER_PAGE = 10;
/** Open actions listed per priority; more are counted ("… en nog 2 acties"). */
export const ACTIONS_PER_PRIORITY = 3;
/** Completed actions listed per centre. */
export const COMPLETED_PER_CENTRE = 3;
/** Without an earlier digest, "completed since" looks back this many days. */
export const FIRST_DIGEST_LOOKBACK_DAYS = 7;

export interface CommunityCentreInput {
  centreId: string;
  centreName: string;
  optIn: boolean;
  /** The centre's last confirmed inschaling, if any (aggregates only). */
  latest?: { schoolYear: string; confirmedAt: string; priorities: BouwsteenId[]; offeredInspiring: BouwsteenId[] };
  plan?: Plan;
}

export interface CommunityAction {
  title: string;
  status: ActionStatus;
  /** "2026-06" from the deadline, when there is one. */
  dueMonth?: string;
}

export interface CommunityPriority {
  bouwsteenId: BouwsteenId;
  label: string;
  actions: CommunityAction[];
  /** Open linked actions not listed. */
  moreActions: number;
}

export interface CommunityCentre {
  centreId: string;
  centreName: string;
  schoolYear: string;
  priorities: CommunityPriority[];
  completed: Array<{ title: string; completedOn: string }>;
  moreCompleted: number;
}

export interface CommunityDigest {
  network: Network;
  /** Opted-in centres (with or without a confirmed inschaling). */
  optedInCount: number;
  /** Opted-in centres without a confirmed inschaling yet (counted only). */
  withoutInschaling: number;
  /** Bouwstenen prioritised by at least two centres, most centres first. */
  shared: Array<{ bouwsteenId: BouwsteenId; label: string; centreCount: number }>;
  /** "X zet in op 5.1 Sterk teamwerk; Y biedt daar een inspirerende praktijk". */
  matches: Array<{ centreName: string; bouwsteenId: BouwsteenId; label: string; offeredBy: string[] }>;
  /** Centres that confirmed an inschaling since the last digest. */
  newlyConfirmed: Array<{ centreName: string; schoolYear: string }>;
  /** Per centre, by name. */
  centres: CommunityCentre[];
  /** The first day counted as "since the last digest" (YYYY-MM-DD). */
  since: string;
}

export interface CommunityDigestInput {
  network: Network;
  centres: readonly CommunityCentreInput[];
  /** Brussels calendar date of today. */
  today: string;
  /** Brussels calendar date of the last community digest in this channel, if any. */
  lastDigestOn?: string;
  /** ISO instant of the last community digest, for "confirmed since". */
  lastDigestAt?: string;
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function byName(a: { centreName: string }, b: { centreName: string }): number {
  return a.centreName.localeCompare(b.centreName, 'nl');
}

export function composeCommunityDigest(input: CommunityDigestInput): CommunityDigest {
  const optedIn = input.centres.filter((c) => c.optIn === true);
  const withInschaling = optedIn.filter((c) => c.latest !== undefined).sort(byName);
  // "Since the last digest": from the day after it; the first digest looks back a week.
  const since = input.lastDigestOn ? addDays(input.lastDigestOn, 1) : addDays(input.today, -FIRST_DIGEST_LOOKBACK_DAYS);
  const sinceInstant = input.lastDigestAt ?? `${since}T00:00:00Z`;

  const view = networkView(
    withInschaling.map((c) => ({ centreId: c.centreId, centreName: c.centreName, optIn: true, priorities: c.latest!.priorities, inspiring: c.latest!.offeredInspiring })),
  );

  const centres: CommunityCentre[] = withInschaling.map((c) => {
    const acties = c.plan?.acties ?? [];
    const priorities = c.latest!.priorities.map((bouwsteenId) => {
      const open = acties.filter((a) => a.bouwsteenId === bouwsteenId && isOpenStatus(a.status));
      return {
        bouwsteenId,
        label: bouwsteenLabel(bouwsteenId),
        actions: open.slice(0, ACTIONS_PER_PRIORITY).map((a) => ({ title: a.title, status: a.status, ...(a.deadline ? { dueMonth: a.deadline.slice(0, 7) } : {}) })),
        moreActions: Math.max(0, open.length - ACTIONS_PER_PRIORITY),
      };
    });
    const linked = new Set(c.latest!.priorities);
    const completed = acties
      .filter((a) => a.bouwsteenId !== undefined && linked.has(a.bouwsteenId))
      .map((a) => ({ title: a.title, completedOn: completionDate(a) }))
      .filter((a): a is { title: string; completedOn: string } => a.completedOn !== undefined && a.completedOn >= since && a.completedOn <= input.today)
      .sort((a, b) => b.completedOn.localeCompare(a.completedOn));
    return {
      centreId: c.centreId,
      centreName: c.centreName,
      schoolYear: c.latest!.schoolYear,
      priorities,
      completed: completed.slice(0, COMPLETED_PER_CENTRE),
      moreCompleted: Math.max(0, completed.length - COMPLETED_PER_CENTRE),
    };
  });

  return {
    network: input.network,
    optedInCount: optedIn.length,
    withoutInschaling: optedIn.length - withInschaling.length,
    shared: view.commonPriorities.filter((p) => p.centreCount >= 2).map((p) => ({ ...p, label: bouwsteenLabel(p.bouwsteenId) })),
    matches: view.matches.map((m) => ({ centreName: m.centreName, bouwsteenId: m.bouwsteenId, label: bouwsteenLabel(m.bouwsteenId), offeredBy: m.offeredBy.map((o) => o.centreName) })),
    newlyConfirmed: withInschaling
      .filter((c) => c.latest!.confirmedAt > sinceInstant && c.latest!.confirmedAt.slice(0, 10) <= input.today)
      .map((c) => ({ centreName: c.centreName, schoolYear: c.latest!.schoolYear })),
    centres,
    since,
  };
}

/** The centres of each page (page 1 first); at least one page, possibly without centres. */
export function communityPages(digest: CommunityDigest): CommunityCentre[][] {
  const pages: CommunityCentre[][] = [];
  for (let i = 0; i < digest.centres.length; i += CENTRES_PER_PAGE) pages.push(digest.centres.slice(i, i + CENTRES_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}
