/**
 * Working days, ISO weeks and the weekly digest schedule, in Europe/Brussels. Pure: callers pass the
 * current instant; nothing here reads the clock.
 *
 * Holidays come from the calendar data (./calendarData.ts); for a year the data does not hold, the
 * rule-based dates of ./holidays.ts are used (calendarCoverage() warns about that gap).
 */
import { z } from 'zod';
import { schoolYearOfDate } from '../schoolYear';
import { holidayCalendar, type HolidayCalendar } from './calendarData';
import {
  computePublicHolidays,
  computeSchoolHolidays,
  SCHOOL_HOLIDAY_KINDS,
  type PublicHoliday,
  type SchoolHoliday,
  type SchoolHolidayKind,
} from './holidays';
import { addDays, brusselsDate, brusselsTimeToInstant, isIsoDate, isoDateOf, isoWeekOf, isoWeekday, TIME_PATTERN, type IsoWeekday } from '../time';

export { brusselsTimeToInstant };

// ---------------------------------------------------------------------------------------------
// Holidays and working days
// ---------------------------------------------------------------------------------------------

function publicHolidaysOfYear(year: number, calendar: HolidayCalendar): readonly PublicHoliday[] {
  return calendar.publicHolidays[year] ?? computePublicHolidays(year);
}

function schoolHolidaysOfDate(date: string, calendar: HolidayCalendar): readonly SchoolHoliday[] {
  const schoolYear = schoolYearOfDate(date);
  return calendar.schoolYears[schoolYear] ?? computeSchoolHolidays(schoolYear);
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

/** The Belgian public holiday on a date (YYYY-MM-DD), or undefined. */
export function publicHolidayOn(date: string, calendar: HolidayCalendar = holidayCalendar): PublicHoliday | undefined {
  assertDate(date);
  return publicHolidaysOfYear(Number(date.slice(0, 4)), calendar).find((h) => h.date === date);
}

/** True when a date (YYYY-MM-DD) is a Belgian public holiday. */
export function isPublicHoliday(date: string, calendar: HolidayCalendar = holidayCalendar): boolean {
  return publicHolidayOn(date, calendar) !== undefined;
}

/** The Flemish school holiday a date (YYYY-MM-DD) falls in, or undefined. */
export function schoolHolidayOn(date: string, calendar: HolidayCalendar = holidayCalendar): SchoolHoliday | undefined {
  assertDate(date);
  return schoolHolidaysOfDate(date, calendar).find((h) => h.start <= date && date <= h.end);
}

/**
 * A working day for a CLB: Monday to Friday and not a public holiday. School holidays are working
 * days (CLB staff work through most of them); the digest pauses for them by its own setting.
 */
export function isWorkingDay(date: string, calendar: HolidayCalendar = holidayCalendar): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date, calendar);
}

/** The first working day on or after a date (the date itself when it is a working day). */
export function nextWorkingDay(date: string, calendar: HolidayCalendar = holidayCalendar): string {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

// ---------------------------------------------------------------------------------------------
// ISO weeks
// ---------------------------------------------------------------------------------------------

const WEEK_KEY_PATTERN = /^(\d{4})-W(\d{2})$/;

/** The ISO week key ("2026-W48") of a calendar date (YYYY-MM-DD). */
export function isoWeekKeyOfDate(date: string): string {
  const { year, week } = isoWeekOf(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The ISO week key ("2026-W48") of an instant, on its Europe/Brussels calendar date. */
export function isoWeekKey(instant: Date): string {
  return isoWeekKeyOfDate(brusselsDate(instant));
}

/** The Monday (YYYY-MM-DD) of an ISO week key. Throws RangeError on a malformed or non-existent week. */
export function mondayOfIsoWeek(weekKey: string): string {
  const match = WEEK_KEY_PATTERN.exec(weekKey);
  if (!match) throw new RangeError(`Not an ISO week key (YYYY-Www): ${weekKey}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  // 4 January is always in week 1.
  const jan4 = isoDateOf(year, 1, 4);
  const monday = addDays(jan4, 1 - isoWeekday(jan4) + 7 * (week - 1));
  if (week < 1 || isoWeekKeyOfDate(monday) !== weekKey) throw new RangeError(`No such ISO week: ${weekKey}`);
  return monday;
}

/** The ISO week key of the week before. */
export function previousIsoWeekKey(weekKey: string): string {
  return isoWeekKeyOfDate(addDays(mondayOfIsoWeek(weekKey), -7));
}

// ---------------------------------------------------------------------------------------------
// The weekly digest
// ---------------------------------------------------------------------------------------------

export interface DigestSchedule {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. Default 1. */
  weekday: IsoWeekday;
  /** Brussels wall-clock time 'HH:MM'. Default '08:00'. */
  time: string;
  /** School holidays during which no digest is sent. Default ['zomer', 'kerst']. */
  pausedHolidays: readonly SchoolHolidayKind[];
}

export const DEFAULT_DIGEST_SCHEDULE: Readonly<DigestSchedule> = Object.freeze({
  weekday: 1,
  time: '08:00',
  pausedHolidays: Object.freeze(['zomer', 'kerst'] as SchoolHolidayKind[]),
});

/** Validates a stored or configured schedule; missing fields take the defaults. */
export const digestScheduleSchema = z.object({
  weekday: z
    .number()
    .int()
    .min(1)
    .max(7)
    .default(DEFAULT_DIGEST_SCHEDULE.weekday)
    .transform((n) => n as IsoWeekday),
  time: z.string().regex(TIME_PATTERN, 'time must be HH:MM (00:00-23:59)').default(DEFAULT_DIGEST_SCHEDULE.time),
  pausedHolidays: z
    .array(z.enum(SCHOOL_HOLIDAY_KINDS as [SchoolHolidayKind, ...SchoolHolidayKind[]]))
    .default([...DEFAULT_DIGEST_SCHEDULE.pausedHolidays])
    .transform((kinds) => [...new Set(kinds)]),
});

/** A full schedule from a partial one (defaults for what is missing). Throws a ZodError when invalid. */
export function digestSchedule(partial: Partial<DigestSchedule> = {}): DigestSchedule {
  return digestScheduleSchema.parse(partial);
}

/**
 * When the digest of an ISO week ("2026-W48") is due, as a UTC instant; undefined when the week has
 * no digest.
 * - The planned day is the schedule's weekday of that week, at the schedule's Brussels time.
 * - When the planned day falls in a paused school holiday: undefined.
 * - When it is a public holiday: moved to the next working day (which may lie in the next ISO week;
 *   that instant is still returned). If the moved day falls in a paused holiday: undefined.
 */
export function plannedDigestInstant(
  schedule: DigestSchedule,
  weekKey: string,
  calendar: HolidayCalendar = holidayCalendar,
): Date | undefined {
  const isPaused = (date: string): boolean => {
    const holiday = schoolHolidayOn(date, calendar);
    return holiday !== undefined && schedule.pausedHolidays.includes(holiday.kind);
  };
  const planned = addDays(mondayOfIsoWeek(weekKey), schedule.weekday - 1);
  if (isPaused(planned)) return undefined;
  const day = isPublicHoliday(planned, calendar) ? nextWorkingDay(planned, calendar) : planned;
  if (day !== planned && isPaused(day)) return undefined;
  return brusselsTimeToInstant(day, schedule.time);
}

export interface DigestDue {
  /** True when the digest for `weekKey` should be sent now. */
  due: boolean;
  /** The ISO week the decision is about (normally the current one, see digestDue). */
  weekKey: string;
  /** When that week's digest was planned; absent when the week has no digest. */
  plannedAt?: Date;
}

function alreadySent(weekKey: string, lastSentWeekKey: string | undefined): boolean {
  // Week keys are zero-padded, so string order is chronological. A later week sent means this one is past.
  return lastSentWeekKey !== undefined && lastSentWeekKey >= weekKey;
}

/**
 * Whether the weekly digest is due at `now`: true when now ≥ the planned instant of the current ISO
 * week (Brussels) and that week was not sent yet. A bot that was down at the planned time therefore
 * catches up when it starts, within the same week only; a missed week is never sent later.
 *
 * One exception keeps the "moved to the next working day" rule meaningful: when last week's digest
 * was moved into this week (a public holiday at the end of last week) and has not been sent, it is
 * due (with last week's key) until this week's own digest is due.
 *
 * Exactly-once per channel is the caller's business (store the sent week key atomically).
 */
export function digestDue(
  schedule: DigestSchedule,
  now: Date,
  calendar: HolidayCalendar = holidayCalendar,
  lastSentWeekKey?: string,
): DigestDue {
  const weekKey = isoWeekKey(now);
  const plannedAt = plannedDigestInstant(schedule, weekKey, calendar);
  const current: DigestDue = plannedAt ? { due: false, weekKey, plannedAt } : { due: false, weekKey };
  if (plannedAt && now.getTime() >= plannedAt.getTime()) {
    return { ...current, due: !alreadySent(weekKey, lastSentWeekKey) };
  }

  const previousKey = previousIsoWeekKey(weekKey);
  const previousAt = plannedDigestInstant(schedule, previousKey, calendar);
  if (
    previousAt &&
    isoWeekKey(previousAt) === weekKey &&
    now.getTime() >= previousAt.getTime() &&
    !alreadySent(previousKey, lastSentWeekKey)
  ) {
    return { due: true, weekKey: previousKey, plannedAt: previousAt };
  }
  return current;
}
