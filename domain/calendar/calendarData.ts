/**
 * The holiday calendar AS DATA. The bot reads school and public holidays from here, so an official
 * deviation from the rules (a decree that moves a holiday) is made by editing this file.
 *
 * The dates below were generated once with computeSchoolHolidays / computePublicHolidays
 * (./holidays.ts) and checked against the published Flemish school calendars; a test asserts that
 * they still equal the rules, so a deliberate deviation must also update that test.
 *
 * To add a school year: run computeSchoolHolidays('YYYY-YYYY') and computePublicHolidays(YYYY) for
 * the calendar years it spans, compare with the official publication (onderwijs.vlaanderen.be), and
 * add the entries below. calendarCoverage() logs a warning when today's or next school year is
 * missing; meanwhile the schedule falls back on the rules.
 */
import { nextSchoolYear, schoolYearOfDate, schoolYearRange, type SchoolYear } from '../schoolYear';
import type { PublicHoliday, SchoolHoliday } from './holidays';
import { brusselsDate } from '../time';

export interface HolidayCalendar {
  /** School holidays per school year ("2025-2026"), chronological. */
  readonly schoolYears: Readonly<Record<string, readonly SchoolHoliday[]>>;
  /** Public holidays per calendar year, chronological. */
  readonly publicHolidays: Readonly<Record<number, readonly PublicHoliday[]>>;
}

export const holidayCalendar: HolidayCalendar = {
  schoolYears: {
    '2025-2026': [
      { kind: 'herfst', label: 'herfstvakantie', start: '2025-10-27', end: '2025-11-02' },
      { kind: 'kerst', label: 'kerstvakantie', start: '2025-12-22', end: '2026-01-04' },
      { kind: 'krokus', label: 'krokusvakantie', start: '2026-02-16', end: '2026-02-22' },
      { kind: 'paas', label: 'paasvakantie', start: '2026-04-06', end: '2026-04-19' },
      { kind: 'zomer', label: 'zomervakantie', start: '2026-07-01', end: '2026-08-31' },
    ],
    '2026-2027': [
      { kind: 'herfst', label: 'herfstvakantie', start: '2026-11-02', end: '2026-11-08' },
      { kind: 'kerst', label: 'kerstvakantie', start: '2026-12-21', end: '2027-01-03' },
      { kind: 'krokus', label: 'krokusvakantie', start: '2027-02-08', end: '2027-02-14' },
      { kind: 'paas', label: 'paasvakantie', start: '2027-03-29', end: '2027-04-11' },
      { kind: 'zomer', label: 'zomervakantie', start: '2027-07-01', end: '2027-08-31' },
    ],
    '2027-2028': [
      { kind: 'herfst', label: 'herfstvakantie', start: '2027-11-01', end: '2027-11-07' },
      { kind: 'kerst', label: 'kerstvakantie', start: '2027-12-27', end: '2028-01-09' },
      { kind: 'krokus', label: 'krokusvakantie', start: '2028-02-28', end: '2028-03-05' },
      { kind: 'paas', label: 'paasvakantie', start: '2028-04-03', end: '2028-04-16' },
      { kind: 'zomer', label: 'zomervakantie', start: '2028-07-01', end: '2028-08-31' },
    ],
  },
  publicHolidays: {
    2025: [
      { date: '2025-01-01', name: 'Nieuwjaar' },
      { date: '2025-04-21', name: 'Paasmaandag' },
      { date: '2025-05-01', name: 'Dag van de Arbeid' },
      { date: '2025-05-29', name: 'O.L.H. Hemelvaart' },
      { date: '2025-06-09', name: 'Pinkstermaandag' },
      { date: '2025-07-21', name: 'Nationale feestdag' },
      { date: '2025-08-15', name: 'O.L.V. Hemelvaart' },
      { date: '2025-11-01', name: 'Allerheiligen' },
      { date: '2025-11-11', name: 'Wapenstilstand' },
      { date: '2025-12-25', name: 'Kerstmis' },
    ],
    2026: [
      { date: '2026-01-01', name: 'Nieuwjaar' },
      { date: '2026-04-06', name: 'Paasmaandag' },
      { date: '2026-05-01', name: 'Dag van de Arbeid' },
      { date: '2026-05-14', name: 'O.L.H. Hemelvaart' },
      { date: '2026-05-25', name: 'Pinkstermaandag' },
      { date: '2026-07-21', name: 'Nationale feestdag' },
      { date: '2026-08-15', name: 'O.L.V. Hemelvaart' },
      { date: '2026-11-01', name: 'Allerheiligen' },
      { date: '2026-11-11', name: 'Wapenstilstand' },
      { date: '2026-12-25', name: 'Kerstmis' },
    ],
    2027: [
      { date: '2027-01-01', name: 'Nieuwjaar' },
      { date: '2027-03-29', name: 'Paasmaandag' },
      { date: '2027-05-01', name: 'Dag van de Arbeid' },
      { date: '2027-05-06', name: 'O.L.H. Hemelvaart' },
      { date: '2027-05-17', name: 'Pinkstermaandag' },
      { date: '2027-07-21', name: 'Nationale feestdag' },
      { date: '2027-08-15', name: 'O.L.V. Hemelvaart' },
      { date: '2027-11-01', name: 'Allerheiligen' },
      { date: '2027-11-11', name: 'Wapenstilstand' },
      { date: '2027-12-25', name: 'Kerstmis' },
    ],
    2028: [
      { date: '2028-01-01', name: 'Nieuwjaar' },
      { date: '2028-04-17', name: 'Paasmaandag' },
      { date: '2028-05-01', name: 'Dag van de Arbeid' },
      { date: '2028-05-25', name: 'O.L.H. Hemelvaart' },
      { date: '2028-06-05', name: 'Pinkstermaandag' },
      { date: '2028-07-21', name: 'Nationale feestdag' },
      { date: '2028-08-15', name: 'O.L.V. Hemelvaart' },
      { date: '2028-11-01', name: 'Allerheiligen' },
      { date: '2028-11-11', name: 'Wapenstilstand' },
      { date: '2028-12-25', name: 'Kerstmis' },
    ],
  },
};

export interface CalendarCoverage {
  /** True when today's school year and the next one are fully in the data. */
  covered: boolean;
  /**
   * The last day of the run of covered school years starting at today's school year; when today's
   * school year is itself missing, the end of the latest covered school year ('' when none).
   */
  lastCoveredDay: string;
  /** English log message naming what to add; only when not covered. */
  warning?: string;
}

function calendarYearsOf(schoolYear: SchoolYear): [number, number] {
  const first = Number(schoolYear.slice(0, 4));
  return [first, first + 1];
}

/** What the data lacks for a school year: its school holidays and/or public holidays of the years it spans. */
function missingFor(schoolYear: SchoolYear, calendar: HolidayCalendar): string[] {
  const missing: string[] = [];
  if (!calendar.schoolYears[schoolYear]) missing.push(`school holidays of school year ${schoolYear}`);
  for (const year of calendarYearsOf(schoolYear)) {
    if (!calendar.publicHolidays[year]) missing.push(`public holidays of ${year}`);
  }
  return missing;
}

function isCovered(schoolYear: SchoolYear, calendar: HolidayCalendar): boolean {
  return missingFor(schoolYear, calendar).length === 0;
}

/**
 * Whether the holiday data covers today's school year and the next one. `today` is a calendar date
 * (YYYY-MM-DD) or an instant (taken in Europe/Brussels).
 */
export function calendarCoverage(today: string | Date, calendar: HolidayCalendar = holidayCalendar): CalendarCoverage {
  const todayDate = typeof today === 'string' ? today : brusselsDate(today);
  const current = schoolYearOfDate(todayDate);
  const next = nextSchoolYear(current);

  let lastCoveredDay = '';
  if (isCovered(current, calendar)) {
    let year: SchoolYear = current;
    while (isCovered(year, calendar)) {
      lastCoveredDay = schoolYearRange(year).end;
      year = nextSchoolYear(year);
    }
  } else {
    for (const key of Object.keys(calendar.schoolYears)) {
      const schoolYear = key as SchoolYear;
      const end = schoolYearRange(schoolYear).end;
      if (isCovered(schoolYear, calendar) && end > lastCoveredDay) lastCoveredDay = end;
    }
  }

  const missing = [...missingFor(current, calendar), ...missingFor(next, calendar)];
  const unique = [...new Set(missing)];
  if (unique.length === 0) return { covered: true, lastCoveredDay };
  return {
    covered: false,
    lastCoveredDay,
    warning:
      `Holiday calendar data is missing ${unique.join(', ')} (today ${todayDate}, school year ${current}). ` +
      `Add them to domain/calendar/calendarData.ts (generate with computeSchoolHolidays/computePublicHolidays ` +
      `and check against the official Flemish school calendar); until then the rule-based dates are used.`,
  };
}
