/**
 * The clock of specs that depend on the date. It starts at a fixed instant and then runs at real
 * speed, so no spec depends on the day it runs, while timeouts and cache lifetimes still see time
 * pass. Give `now` to the bot (`startTestBot({ now })`) and compute school years and deadlines from
 * the same clock, in Brussels time as the bot does.
 */
import { brusselsDate, schoolYearOf, type SchoolYear } from '../../domain/schoolYear';

/** A Tuesday in mid-November: well inside a school year, away from holidays and DST switches. */
export const SPEC_START = '2026-11-17T09:00:00Z';

export interface SpecClock {
  /** The current instant on this clock. */
  now: () => Date;
  /** The school year the clock started in (Brussels time). */
  schoolYear: SchoolYear;
  /** The Brussels calendar date (YYYY-MM-DD) `days` days from the clock's current instant. */
  inDays(days: number): string;
}

export function specClock(startIso: string = SPEC_START): SpecClock {
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) throw new Error(`not an instant: ${startIso}`);
  // performance.now() is monotonic: the clock runs on even if the wall clock is set back.
  const startedAt = performance.now();
  const now = () => new Date(start + Math.round(performance.now() - startedAt));
  return {
    now,
    schoolYear: schoolYearOf(new Date(start)),
    inDays: (days) => brusselsDate(new Date(now().getTime() + days * 86_400_000)),
  };
}

/**
 * The system clock, for the one kind of spec that cannot be given a clock: a bot started as its own
 * process. Such a spec computes dates from this clock with the bot's rule (Brussels time), so its
 * outcome does not depend on the date.
 */
export function systemClock(): SpecClock {
  const now = () => new Date();
  return {
    now,
    schoolYear: schoolYearOf(now()),
    inDays: (days) => brusselsDate(new Date(now().getTime() + days * 86_400_000)),
  };
}
