/**
 * Pure arithmetic on calendar dates written as ISO strings "YYYY-MM-DD".
 * A calendar date has no time zone; internally it is handled as midnight UTC so that day arithmetic
 * never meets a DST transition.
 */

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** True when the text is a real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE_PATTERN.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days since 1970-01-01 of a calendar date. Throws RangeError on an invalid date. */
export function toDayNumber(isoDate: string): number {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar date of a day number (see toDayNumber). */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A calendar date from its parts (month 1..12). */
export function isoDateOf(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return fromDayNumber(toDayNumber(isoDate) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(isoDate: string): IsoWeekday {
  const jsDay = new Date(toDayNumber(isoDate) * MS_PER_DAY).getUTCDay(); // 0 = Sunday
  return (jsDay === 0 ? 7 : jsDay) as IsoWeekday;
}

/** The Monday of the (Monday-to-Sunday) week a date falls in. */
export function mondayOfWeek(isoDate: string): string {
  return addDays(isoDate, 1 - isoWeekday(isoDate));
}

/** The first date on or after `isoDate` with the given ISO weekday. */
export function onOrAfterWeekday(isoDate: string, weekday: IsoWeekday): string {
  return addDays(isoDate, (weekday - isoWeekday(isoDate) + 7) % 7);
}
