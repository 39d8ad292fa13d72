/**
 * School years run 1 September to 31 August. A school year is written "2025-2026".
 * Dates are calendar dates in Europe/Brussels, handled as ISO strings "YYYY-MM-DD".
 */

import { brusselsDate } from './time';

export type SchoolYear = `${number}-${number}`;

const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;
const SHORT_SCHOOL_YEAR_PATTERN = /^(\d{2})-(\d{2})$/;

/** The school year a calendar date (YYYY-MM-DD) falls in. */
export function schoolYearOfDate(isoDate: string): SchoolYear {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const start = month >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The school year of an instant, in Brussels time. */
export function schoolYearOf(instant: Date): SchoolYear {
  return schoolYearOfDate(brusselsDate(instant));
}

/** First and last calendar day of a school year. */
export function schoolYearRange(schoolYear: SchoolYear): { start: string; end: string } {
  const startYear = Number(schoolYear.slice(0, 4));
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
}

/**
 * Parses "2025-2026" or the plans' short form "25-26". Returns undefined when the text is not a
 * school year whose second year follows the first.
 */
export function parseSchoolYear(text: string): SchoolYear | undefined {
  const trimmed = text.trim();
  const long = SCHOOL_YEAR_PATTERN.exec(trimmed);
  if (long) {
    const a = Number(long[1]);
    const b = Number(long[2]);
    return b === a + 1 ? `${a}-${b}` : undefined;
  }
  const short = SHORT_SCHOOL_YEAR_PATTERN.exec(trimmed);
  if (short) {
    const a = 2000 + Number(short[1]);
    const b = 2000 + Number(short[2]);
    return b === a + 1 ? `${a}-${b}` : undefined;
  }
  return undefined;
}

/** The school year after the given one. */
export function nextSchoolYear(schoolYear: SchoolYear): SchoolYear {
  const startYear = Number(schoolYear.slice(0, 4)) + 1;
  return `${startYear}-${startYear + 1}`;
}
