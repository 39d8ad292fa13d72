/**
 * When the next weekly digest goes out, for `digest hier` and `digest status`. Pure.
 */
import type { HolidayCalendar } from '../calendar/calendarData';
import { holidayCalendar } from '../calendar/calendarData';
import { addDays } from '../time';
import { digestDue, isoWeekKey, isoWeekKeyOfDate, mondayOfIsoWeek, plannedDigestInstant, type DigestSchedule } from '../calendar/schedule';

/** Weeks looked ahead (a summer pause is 9 weeks). */
const LOOKAHEAD_WEEKS = 20;

export type NextDigest = { kind: 'now' } | { kind: 'at'; at: Date } | { kind: 'none' };

/**
 * The next weekly digest: 'now' when one is due (the scheduler sends it within minutes), else the
 * planned instant of the first coming week that has one and was not sent yet.
 */
export function nextDigest(schedule: DigestSchedule, now: Date, lastSentWeek?: string, calendar: HolidayCalendar = holidayCalendar): NextDigest {
  if (digestDue(schedule, now, calendar, lastSentWeek).due) return { kind: 'now' };
  let week = isoWeekKey(now);
  for (let i = 0; i < LOOKAHEAD_WEEKS; i += 1) {
    const at = plannedDigestInstant(schedule, week, calendar);
    const sent = lastSentWeek !== undefined && lastSentWeek >= week;
    if (at && !sent && at.getTime() > now.getTime()) return { kind: 'at', at };
    week = isoWeekKeyOfDate(addDays(mondayOfIsoWeek(week), 7));
  }
  return { kind: 'none' };
}
