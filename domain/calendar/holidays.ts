/**
 * Flemish school holidays and Belgian public holidays, computed by rule.
 *
 * School holidays follow the fixed rules of the Besluit van de Vlaamse regering of 17 April 1991
 * (checked year by year in test/domain/calendarHolidays.test.ts). The product reads the calendar
 * from domain/calendar/calendarData.ts, so an official deviation can be made by editing data; these
 * functions generate and verify that data and serve as the fallback for years the data does not
 * cover.
 */
import type { SchoolYear } from '../schoolYear';
import { addDays, isoDateOf, isoWeekday, mondayOfWeek, onOrAfterWeekday } from './isoDate';

export type SchoolHolidayKind = 'herfst' | 'kerst' | 'krokus' | 'paas' | 'zomer';

export const SCHOOL_HOLIDAY_KINDS: readonly SchoolHolidayKind[] = ['herfst', 'kerst', 'krokus', 'paas', 'zomer'];

export const SCHOOL_HOLIDAY_LABELS: Readonly<Record<SchoolHolidayKind, string>> = {
  herfst: 'herfstvakantie',
  kerst: 'kerstvakantie',
  krokus: 'krokusvakantie',
  paas: 'paasvakantie',
  zomer: 'zomervakantie',
};

export interface SchoolHoliday {
  kind: SchoolHolidayKind;
  /** Dutch, e.g. "herfstvakantie". */
  label: string;
  /** First day off, inclusive, YYYY-MM-DD. */
  start: string;
  /** Last day off, inclusive, YYYY-MM-DD (a Sunday for the week-based holidays). */
  end: string;
}

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  /** Dutch name, e.g. "Paasmaandag". */
  name: string;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDateOf(year, month, day);
}

function holiday(kind: SchoolHolidayKind, start: string, end: string): SchoolHoliday {
  return { kind, label: SCHOOL_HOLIDAY_LABELS[kind], start, end };
}

function weeksFrom(kind: SchoolHolidayKind, monday: string, weeks: number): SchoolHoliday {
  return holiday(kind, monday, addDays(monday, 7 * weeks - 1));
}

/** Herfstvakantie: one week from the Monday of the week of 1 November; from 2 November when 1 November is a Sunday. */
function autumnStart(year: number): string {
  const allSaints = isoDateOf(year, 11, 1);
  return isoWeekday(allSaints) === 7 ? addDays(allSaints, 1) : mondayOfWeek(allSaints);
}

/** Kerstvakantie: two weeks from the Monday of the week of 25 December; from the Monday after when that is a Saturday or Sunday. */
function christmasStart(year: number): string {
  const christmas = isoDateOf(year, 12, 25);
  return isoWeekday(christmas) >= 6 ? onOrAfterWeekday(christmas, 1) : mondayOfWeek(christmas);
}

/**
 * Paasvakantie: two weeks from the first Monday of April; from the Monday after Easter when Easter
 * falls in March; from the second Monday before Easter when Easter falls after 15 April.
 */
function easterHolidayStart(year: number): string {
  const easter = easterSunday(year);
  if (easter < isoDateOf(year, 4, 1)) return addDays(easter, 1);
  if (easter > isoDateOf(year, 4, 15)) return addDays(easter, -13);
  return onOrAfterWeekday(isoDateOf(year, 4, 1), 1);
}

/** The five school holidays of a school year ("2025-2026"), in chronological order. */
export function computeSchoolHolidays(schoolYear: SchoolYear): SchoolHoliday[] {
  const first = Number(schoolYear.slice(0, 4));
  const second = first + 1;
  if (!/^\d{4}-\d{4}$/.test(schoolYear) || Number(schoolYear.slice(5, 9)) !== second) {
    throw new RangeError(`Not a school year (YYYY-YYYY+1): ${schoolYear}`);
  }
  const easter = easterSunday(second);
  return [
    weeksFrom('herfst', autumnStart(first), 1),
    weeksFrom('kerst', christmasStart(first), 2),
    // The 7th Monday before Easter Sunday is 48 days before it.
    weeksFrom('krokus', addDays(easter, -48), 1),
    weeksFrom('paas', easterHolidayStart(second), 2),
    holiday('zomer', isoDateOf(second, 7, 1), isoDateOf(second, 8, 31)),
  ];
}

/** The ten Belgian public holidays of a calendar year, in chronological order. */
export function computePublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: isoDateOf(year, 1, 1), name: 'Nieuwjaar' },
    { date: addDays(easter, 1), name: 'Paasmaandag' },
    { date: isoDateOf(year, 5, 1), name: 'Dag van de Arbeid' },
    { date: addDays(easter, 39), name: 'O.L.H. Hemelvaart' },
    { date: addDays(easter, 50), name: 'Pinkstermaandag' },
    { date: isoDateOf(year, 7, 21), name: 'Nationale feestdag' },
    { date: isoDateOf(year, 8, 15), name: 'O.L.V. Hemelvaart' },
    { date: isoDateOf(year, 11, 1), name: 'Allerheiligen' },
    { date: isoDateOf(year, 11, 11), name: 'Wapenstilstand' },
    { date: isoDateOf(year, 12, 25), name: 'Kerstmis' },
  ].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
