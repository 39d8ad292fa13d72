/**
 * Growth between inschalingen (domain.md: "the confirmed result is stored as the centre's
 * inschaling for that school year, so later rounds show growth per bouwsteen").
 *
 * Growth is only the movement on the continuum (a delta in stadia), never a grade or a score.
 */
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../catalogue/types';
import type { SchoolYear } from '../schoolYear';

/** The team stadia a director confirmed for a centre and school year. */
export interface ConfirmedInschaling {
  centreId: string;
  schoolYear: SchoolYear;
  stadia: Record<BouwsteenId, StadiumLevel>;
  /** ISO instant, supplied by the caller (this module never reads the clock). */
  confirmedAt: string;
  /** Who confirmed (the director's member id). */
  confirmedBy: string;
  /** Why a confirmed stadium differs from the proposal, per bouwsteen. */
  reasons?: Partial<Record<BouwsteenId, string>>;
}

/** Stadia per bouwsteen, possibly incomplete (proposals of a partial round, or confirmed stadia). */
export type StadiaByBouwsteen = Partial<Record<BouwsteenId, StadiumLevel>>;

export interface GrowthEntry {
  bouwsteenId: BouwsteenId;
  previous?: StadiumLevel;
  current?: StadiumLevel;
  /** current − previous, in stadia (−3..3); only when both are known. */
  delta?: number;
}

/**
 * Per bouwsteen (all 11, catalogue order): the previous confirmed stadium, the current one
 * (proposal or confirmed) and the movement between them.
 */
export function compareGrowth(
  previous: ConfirmedInschaling | undefined,
  current: StadiaByBouwsteen | ConfirmedInschaling,
): GrowthEntry[] {
  const currentStadia: StadiaByBouwsteen = isConfirmed(current) ? current.stadia : current;
  return BOUWSTEEN_IDS.map((bouwsteenId) => {
    const entry: GrowthEntry = { bouwsteenId };
    const before = previous?.stadia[bouwsteenId];
    const now = currentStadia[bouwsteenId];
    if (before !== undefined) entry.previous = before;
    if (now !== undefined) entry.current = now;
    if (before !== undefined && now !== undefined) entry.delta = now - before;
    return entry;
  });
}

function isConfirmed(value: StadiaByBouwsteen | ConfirmedInschaling): value is ConfirmedInschaling {
  return typeof (value as Partial<ConfirmedInschaling>).stadia === 'object' && 'centreId' in value;
}
