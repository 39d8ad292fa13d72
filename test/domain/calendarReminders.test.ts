import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../domain/time';
import {
  ownerReminderKind,
  roundNudgeKind,
  type ActionStatus,
  type OwnerReminderKind,
  type SentReminder,
} from '../../domain/calendar/reminders';

describe('calendar reminders: owner reminders (deadline 2026-03-20)', () => {
  const deadline = '2026-03-20';
  const table: [string, ActionStatus, string, SentReminder | undefined, OwnerReminderKind | undefined][] = [
    ['10 days ahead', 'lopend', '2026-03-10', undefined, undefined],
    ['4 days ahead', 'lopend', '2026-03-16', undefined, undefined],
    ['3 days ahead', 'lopend', '2026-03-17', undefined, 'voor-deadline'],
    ['3 days ahead, gepland', 'gepland', '2026-03-17', undefined, 'voor-deadline'],
    ['3 days ahead, uitgesteld', 'uitgesteld', '2026-03-17', undefined, 'voor-deadline'],
    ['1 day ahead, bot missed day 3', 'lopend', '2026-03-19', undefined, 'voor-deadline'],
    ['deadline day, nothing sent', 'lopend', '2026-03-20', undefined, 'voor-deadline'],
    ['2 days ahead, already reminded', 'lopend', '2026-03-18', { kind: 'voor-deadline', date: '2026-03-17' }, undefined],
    ['deadline day, already reminded', 'lopend', '2026-03-20', { kind: 'voor-deadline', date: '2026-03-17' }, undefined],
    ['reminded for an earlier deadline', 'lopend', '2026-03-18', { kind: 'voor-deadline', date: '2026-01-05' }, 'voor-deadline'],
    ['overdue by 1 day', 'lopend', '2026-03-21', undefined, 'achterstallig'],
    ['overdue after a voor-deadline reminder', 'lopend', '2026-03-21', { kind: 'voor-deadline', date: '2026-03-17' }, 'achterstallig'],
    ['overdue, reminded yesterday', 'lopend', '2026-03-22', { kind: 'achterstallig', date: '2026-03-21' }, undefined],
    ['overdue, reminded 6 days ago', 'lopend', '2026-03-27', { kind: 'achterstallig', date: '2026-03-21' }, undefined],
    ['overdue, reminded 7 days ago', 'lopend', '2026-03-28', { kind: 'achterstallig', date: '2026-03-21' }, 'achterstallig'],
    ['overdue, reminded 30 days ago', 'gepland', '2026-04-20', { kind: 'achterstallig', date: '2026-03-21' }, 'achterstallig'],
    ['overdue, old reminder was for an earlier deadline', 'lopend', '2026-03-21', { kind: 'achterstallig', date: '2026-03-02' }, 'achterstallig'],
    ['afgerond, overdue', 'afgerond', '2026-03-25', undefined, undefined],
    ['afgerond, 2 days ahead', 'afgerond', '2026-03-18', undefined, undefined],
    ['geschrapt, 2 days ahead', 'geschrapt', '2026-03-18', undefined, undefined],
    ['geschrapt, overdue', 'geschrapt', '2026-04-30', undefined, undefined],
  ];
  for (const [name, status, today, last, expected] of table) {
    it(`${name} (${status}, ${today}) → ${expected ?? 'nothing'}`, () => {
      assert.equal(ownerReminderKind(deadline, status, today, last), expected);
    });
  }

  it('property: run daily, it sends one voor-deadline reminder and overdue reminders exactly 7 days apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 60 }), (leadDays, overdueDays) => {
        const start = addDays(deadline, -leadDays);
        let last: SentReminder | undefined;
        const sent: SentReminder[] = [];
        for (let day = 0; day <= leadDays + overdueDays; day++) {
          const today = addDays(start, day);
          const kind = ownerReminderKind(deadline, 'lopend', today, last);
          if (kind) {
            last = { kind, date: today };
            sent.push(last);
          }
        }
        const before = sent.filter((r) => r.kind === 'voor-deadline');
        const overdue = sent.filter((r) => r.kind === 'achterstallig');
        if (before.length !== 1) return false;
        if (daysBetween(before[0]!.date, deadline) !== Math.min(3, leadDays)) return false;
        if (overdue.length !== Math.floor((overdueDays - 1) / 7) + 1) return false;
        return overdue.every((r, i) => daysBetween(deadline, r.date) === 1 + 7 * i);
      }),
    );
  });
});

describe('calendar reminders: round nudges (deadline 2026-03-20)', () => {
  const deadline = '2026-03-20';
  const table: [string, string, boolean, string[], ReturnType<typeof roundNudgeKind>][] = [
    ['5 days ahead', '2026-03-15', false, [], undefined],
    ['4 days ahead', '2026-03-16', false, [], undefined],
    ['3 days ahead', '2026-03-17', false, [], 'drie-dagen'],
    ['3 days ahead, already nudged', '2026-03-17', false, ['drie-dagen'], undefined],
    ['2 days ahead, missed day 3', '2026-03-18', false, [], 'drie-dagen'],
    ['2 days ahead, already nudged', '2026-03-18', false, ['drie-dagen'], undefined],
    ['1 day ahead', '2026-03-19', false, ['drie-dagen'], 'een-dag'],
    ['1 day ahead, nothing sent yet', '2026-03-19', false, [], 'een-dag'],
    ['1 day ahead, already nudged', '2026-03-19', false, ['drie-dagen', 'een-dag'], undefined],
    ['deadline day, missed day 1', '2026-03-20', false, ['drie-dagen'], 'een-dag'],
    ['deadline day, already nudged', '2026-03-20', false, ['een-dag'], undefined],
    ['after the deadline', '2026-03-21', false, [], undefined],
    ['3 days ahead, finished', '2026-03-17', true, [], undefined],
    ['1 day ahead, finished', '2026-03-19', true, ['drie-dagen'], undefined],
  ];
  for (const [name, today, finished, sent, expected] of table) {
    it(`${name} → ${expected ?? 'nothing'}`, () => {
      assert.equal(roundNudgeKind(deadline, today, finished, sent), expected);
    });
  }

  it('run daily from a week before, nudges exactly on day 3 and day 1', () => {
    const sent: string[] = [];
    const log: string[] = [];
    for (let day = -7; day <= 2; day++) {
      const today = addDays(deadline, day);
      const kind = roundNudgeKind(deadline, today, false, sent);
      if (kind) {
        sent.push(kind);
        log.push(`${today} ${kind}`);
      }
    }
    assert.deepEqual(log, ['2026-03-17 drie-dagen', '2026-03-19 een-dag']);
  });
});
