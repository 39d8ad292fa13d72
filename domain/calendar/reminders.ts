/**
 * Reminder policy, pure: which personal reminder (if any) is due today. Dates are calendar dates
 * "YYYY-MM-DD" in Europe/Brussels (callers use brusselsDate(now)); a deadline is the last day on which
 * the work is on time. Sending, and recording what was sent, is the caller's business.
 */
import { daysBetween } from '../time';

/** The status of an actie in the beleidsplan. */
export type ActionStatus = 'gepland' | 'lopend' | 'afgerond' | 'uitgesteld' | 'geschrapt';

export type OwnerReminderKind = 'voor-deadline' | 'achterstallig';

export interface SentReminder {
  kind: OwnerReminderKind;
  /** The day it was sent, YYYY-MM-DD. */
  date: string;
}

/** Days before the deadline from which the "voor-deadline" reminder goes out. */
export const DAYS_BEFORE_DEADLINE = 3;
/** Days between two "achterstallig" reminders: weekly, not daily. */
export const OVERDUE_REMINDER_INTERVAL_DAYS = 7;

const CLOSED_STATUSES: readonly ActionStatus[] = ['afgerond', 'geschrapt'];

/**
 * The reminder an action's owner should get today, if any.
 * - 'voor-deadline': the deadline is today or within 3 days ahead, once per deadline (a
 *   'voor-deadline' reminder sent inside that window counts; one sent for an earlier deadline does not).
 * - 'achterstallig': the deadline has passed and no 'achterstallig' reminder was sent in the last
 *   7 days (for this deadline: one sent on or before the deadline belongs to an earlier deadline).
 * - nothing for actions that are afgerond or geschrapt.
 */
export function ownerReminderKind(
  deadline: string,
  status: ActionStatus,
  today: string,
  lastReminder?: SentReminder,
): OwnerReminderKind | undefined {
  if (CLOSED_STATUSES.includes(status)) return undefined;
  const daysLeft = daysBetween(today, deadline);

  if (daysLeft >= 0) {
    if (daysLeft > DAYS_BEFORE_DEADLINE) return undefined;
    const sentForThisDeadline =
      lastReminder?.kind === 'voor-deadline' &&
      daysBetween(lastReminder.date, deadline) <= DAYS_BEFORE_DEADLINE &&
      lastReminder.date <= deadline;
    return sentForThisDeadline ? undefined : 'voor-deadline';
  }

  const sentRecently =
    lastReminder?.kind === 'achterstallig' &&
    lastReminder.date > deadline &&
    daysBetween(lastReminder.date, today) < OVERDUE_REMINDER_INTERVAL_DAYS;
  return sentRecently ? undefined : 'achterstallig';
}

export type RoundNudgeKind = 'drie-dagen' | 'een-dag';

/**
 * The nudge a member who has not finished an open inschaling round should get today, if any.
 * - 'drie-dagen' three days before the deadline, once; if the bot missed that day it catches up
 *   two days before.
 * - 'een-dag' one day before the deadline, once; caught up on the deadline day itself.
 * - nothing once the member finished, after the deadline, or further ahead.
 * `sent` lists the nudge kinds already sent to this member for this round.
 */
export function roundNudgeKind(
  deadline: string,
  today: string,
  finished: boolean,
  sent: readonly string[],
): RoundNudgeKind | undefined {
  if (finished) return undefined;
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft === 3 || daysLeft === 2) return sent.includes('drie-dagen') ? undefined : 'drie-dagen';
  if (daysLeft === 1 || daysLeft === 0) return sent.includes('een-dag') ? undefined : 'een-dag';
  return undefined;
}
