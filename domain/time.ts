/**
 * Dates and times, on the Temporal polyfill: calendar dates written "YYYY-MM-DD", ISO weekdays,
 * Europe/Brussels wall-clock time (daylight saving included) and the Dutch (nl-BE) date texts.
 * Pure: callers pass the instant; nothing here reads the clock.
 *
 * A calendar date has no time zone, so day arithmetic never meets a DST transition; only
 * `brusselsDate` and `brusselsTimeToInstant` cross between instants and Brussels dates.
 * The Flemish school holidays and Easter are domain rules (./calendar/holidays.ts), not here.
 */
import { Temporal } from 'temporal-polyfill';

export const BRUSSELS = 'Europe/Brussels';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
/** A Brussels wall-clock time 'HH:MM' (00:00-23:59). */
export const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const EPOCH = Temporal.PlainDate.from('1970-01-01');

/** The date of a text "YYYY-MM-DD", or undefined when it is not a real calendar date (2026-02-30). */
function readIsoDate(text: string): Temporal.PlainDate | undefined {
  if (!ISO_DATE_PATTERN.test(text)) return undefined;
  try {
    return Temporal.PlainDate.from(text, { overflow: 'reject' });
  } catch {
    return undefined; // a well-formed text that is no date: "not a date" is the answer
  }
}

/** True when the text is a real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  return readIsoDate(text) !== undefined;
}

/** True for an ISO 8601 date-time with a time zone (Z or offset) and a real calendar date. */
export function isIsoDateTime(text: string): boolean {
  const match = ISO_DATETIME_PATTERN.exec(text);
  return match !== null && isIsoDate(match[1]!);
}

function plainDate(isoDate: string): Temporal.PlainDate {
  const date = readIsoDate(isoDate);
  if (!date) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${isoDate}`);
  return date;
}

const ISO_DATE_LOOSE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const BELGIAN_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A date as people type it: "2026-12-18" (also "2026-1-5") or the Belgian "18/12/2026" (also with
 * '-' or '.'), as "YYYY-MM-DD"; undefined when it is not a real calendar date.
 */
export function parseDutchDate(text: string): string | undefined {
  const t = text.trim();
  const iso = ISO_DATE_LOOSE.exec(t);
  const be = iso ? undefined : BELGIAN_DATE.exec(t);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2], be[1]] : [];
  if (year === undefined) return undefined;
  try {
    return isoDateOf(Number(year), Number(month), Number(day));
  } catch {
    return undefined; // 30 February and the like: not a date
  }
}

/** Days since 1970-01-01 of a calendar date. Throws RangeError on an invalid date. */
export function toDayNumber(isoDate: string): number {
  return plainDate(isoDate).since(EPOCH).days;
}

/** The calendar date of a day number (see toDayNumber). */
export function fromDayNumber(dayNumber: number): string {
  return EPOCH.add({ days: dayNumber }).toString();
}

/** A calendar date from its parts (month 1..12). */
export function isoDateOf(year: number, month: number, day: number): string {
  return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' }).toString();
}

export function addDays(isoDate: string, days: number): string {
  return plainDate(isoDate).add({ days }).toString();
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return plainDate(to).since(plainDate(from)).days;
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(isoDate: string): IsoWeekday {
  return plainDate(isoDate).dayOfWeek as IsoWeekday;
}

/** The Monday of the (Monday-to-Sunday) week a date falls in. */
export function mondayOfWeek(isoDate: string): string {
  return addDays(isoDate, 1 - isoWeekday(isoDate));
}

/** The first date on or after `isoDate` with the given ISO weekday. */
export function onOrAfterWeekday(isoDate: string, weekday: IsoWeekday): string {
  return addDays(isoDate, (weekday - isoWeekday(isoDate) + 7) % 7);
}

/** The ISO week (its week-numbering year and number 1..53) of a calendar date. */
export function isoWeekOf(isoDate: string): { year: number; week: number } {
  const date = plainDate(isoDate);
  return { year: date.yearOfWeek!, week: date.weekOfYear! };
}

// ---------------------------------------------------------------------------------------------
// Brussels wall-clock time

/** Months before `now`, at the same moment of the day (UTC), clamped to the month's last day. */
export function monthsBefore(now: Date, months: number): Date {
  const zoned = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO('UTC');
  return new Date(zoned.subtract({ months }, { overflow: 'constrain' }).epochMilliseconds);
}

function inBrussels(instant: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(BRUSSELS);
}

/** The calendar date (YYYY-MM-DD) of an instant, in Europe/Brussels. */
export function brusselsDate(instant: Date): string {
  return inBrussels(instant).toPlainDate().toString();
}

/**
 * The instant at which the Brussels clock reads `time` ('HH:MM') on `date` ('YYYY-MM-DD').
 * DST-correct (08:00 is 07:00Z in winter, 06:00Z in summer). A time that occurs twice (the last
 * Sunday of October, 02:00-02:59) gives the first occurrence; a time that does not exist (the last
 * Sunday of March, 02:00-02:59) is read with the winter offset, i.e. one hour later on the clock
 * (Temporal's 'compatible' disambiguation does both).
 */
export function brusselsTimeToInstant(date: string, time: string): Date {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${time}`);
  const zoned = plainDate(date)
    .toPlainDateTime({ hour: Number(match[1]), minute: Number(match[2]) })
    .toZonedDateTime(BRUSSELS, { disambiguation: 'compatible' });
  return new Date(zoned.epochMilliseconds);
}

// ---------------------------------------------------------------------------------------------
// Dutch (nl-BE) texts. Calendar dates are formatted as they are; instants on the Brussels clock.

const dayMonthYear = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const weekdayDayMonthYear = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortWeekdayDayMonth = new Intl.DateTimeFormat('nl-BE', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const brusselsHourMinute = new Intl.DateTimeFormat('nl-BE', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: BRUSSELS });

/** A calendar date as the formatters above read it: its midnight UTC (their time zone is UTC). */
function utcMidnight(isoDate: string): Date {
  return new Date(plainDate(isoDate).toZonedDateTime('UTC').epochMilliseconds);
}

/** "2026-11-23" (or an ISO date-time, read in Brussels time) → "23 november 2026". */
export function formatDutchDate(isoDateOrDateTime: string): string {
  const date = isoDateOrDateTime.length > 10 ? brusselsDate(new Date(isoDateOrDateTime)) : isoDateOrDateTime;
  return dayMonthYear.format(utcMidnight(date));
}

/** "maandag 25 mei 2026" for a calendar date YYYY-MM-DD. */
export function dutchDate(isoDate: string): string {
  return weekdayDayMonthYear.format(utcMidnight(isoDate));
}

/** "ma 25 mei" for a calendar date YYYY-MM-DD. */
export function dutchShortDate(isoDate: string): string {
  return shortWeekdayDayMonth.format(utcMidnight(isoDate)).replace(/\./g, '');
}

/** "08:00", the Brussels wall-clock time of an instant. */
export function brusselsTime(instant: Date): string {
  return brusselsHourMinute.format(instant);
}

/** "maandag 25 mei 2026 om 08:00" for an instant (Brussels). */
export function dutchInstant(instant: Date): string {
  return `${dutchDate(brusselsDate(instant))} om ${brusselsTime(instant)}`;
}

/** "18 december 2026 om 14:05" in Europe/Brussels; the text itself when it is not an instant. */
export function formatDutchInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDutchDate(brusselsDate(date))} om ${brusselsTime(date)}`;
}
