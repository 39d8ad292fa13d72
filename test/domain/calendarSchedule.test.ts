import assert from 'node:assert/strict';
import fc from 'fast-check';
import { holidayCalendar } from '../../domain/calendar/calendarData';
import { addDays, daysBetween, fromDayNumber, toDayNumber } from '../../domain/calendar/isoDate';
import {
  brusselsTimeToInstant,
  DEFAULT_DIGEST_SCHEDULE,
  digestDue,
  digestSchedule,
  isoWeekKey,
  isoWeekKeyOfDate,
  isPublicHoliday,
  isWorkingDay,
  mondayOfIsoWeek,
  nextWorkingDay,
  plannedDigestInstant,
  schoolHolidayOn,
  type DigestSchedule,
} from '../../domain/calendar/schedule';
import { brusselsDate } from '../../domain/schoolYear';

const cal = holidayCalendar;
const defaults: DigestSchedule = digestSchedule();
const withPaused = (...pausedHolidays: DigestSchedule['pausedHolidays']): DigestSchedule => ({ ...defaults, pausedHolidays });

function iso(instant: Date | undefined): string | undefined {
  return instant?.toISOString();
}

describe('calendar schedule: holidays and working days', () => {
  it('knows public holidays from the data', () => {
    assert.equal(isPublicHoliday('2026-04-06', cal), true);
    assert.equal(isPublicHoliday('2026-05-25', cal), true);
    assert.equal(isPublicHoliday('2026-04-07', cal), false);
  });

  it('falls back on the rules for a year outside the data', () => {
    assert.equal(isPublicHoliday('2031-04-14', cal), true); // Easter Monday 2031
    assert.equal(schoolHolidayOn('2030-11-01', cal)?.kind, 'herfst');
  });

  it('finds the school holiday a date falls in, inclusive of both ends', () => {
    assert.equal(schoolHolidayOn('2026-04-06', cal)?.kind, 'paas');
    assert.equal(schoolHolidayOn('2026-04-19', cal)?.label, 'paasvakantie');
    assert.equal(schoolHolidayOn('2026-04-20', cal), undefined);
    assert.equal(schoolHolidayOn('2026-01-04', cal)?.kind, 'kerst');
    assert.equal(schoolHolidayOn('2026-08-31', cal)?.kind, 'zomer');
    assert.equal(schoolHolidayOn('2026-09-01', cal), undefined);
  });

  it('treats Monday to Friday without public holiday as working days', () => {
    assert.equal(isWorkingDay('2026-04-07', cal), true); // Tuesday in the paasvakantie: still a working day
    assert.equal(isWorkingDay('2026-04-06', cal), false); // Easter Monday
    assert.equal(isWorkingDay('2026-05-23', cal), false); // Saturday
    assert.equal(isWorkingDay('2026-05-24', cal), false); // Sunday
  });

  it('finds the next working day, the date itself included', () => {
    assert.equal(nextWorkingDay('2026-05-22', cal), '2026-05-22');
    assert.equal(nextWorkingDay('2026-05-23', cal), '2026-05-26'); // Sat, Sun, Whit Monday
    assert.equal(nextWorkingDay('2026-12-25', cal), '2026-12-28');
  });

  it('rejects a malformed date', () => {
    assert.throws(() => isPublicHoliday('2026-02-30', cal), RangeError);
    assert.throws(() => schoolHolidayOn('26-02-03', cal), RangeError);
  });

  it('property: nextWorkingDay is a working day on or after the date and less than 10 days later', () => {
    const min = toDayNumber('1990-01-01');
    const max = toDayNumber('2100-12-31');
    fc.assert(
      fc.property(fc.integer({ min, max }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        const next = nextWorkingDay(date, cal);
        return isWorkingDay(next, cal) && next >= date && daysBetween(date, next) < 10;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calendar schedule: ISO weeks', () => {
  it('computes the week key on the Brussels calendar date', () => {
    assert.equal(isoWeekKey(new Date('2026-11-23T10:00:00Z')), '2026-W48');
    assert.equal(isoWeekKey(new Date('2026-01-18T22:30:00Z')), '2026-W03'); // Sunday 23:30 in Brussels
    assert.equal(isoWeekKey(new Date('2026-01-18T23:30:00Z')), '2026-W04'); // Monday 00:30 in Brussels
  });

  it('handles the weeks around new year', () => {
    assert.equal(isoWeekKey(new Date('2027-01-01T12:00:00Z')), '2026-W53');
    assert.equal(isoWeekKey(new Date('2024-12-30T12:00:00Z')), '2025-W01');
    assert.equal(isoWeekKey(new Date('2021-01-03T12:00:00Z')), '2020-W53');
    assert.equal(isoWeekKey(new Date('2026-01-01T12:00:00Z')), '2026-W01');
    assert.equal(mondayOfIsoWeek('2026-W01'), '2025-12-29');
    assert.equal(mondayOfIsoWeek('2026-W53'), '2026-12-28');
  });

  it('rejects malformed or non-existent weeks', () => {
    assert.throws(() => mondayOfIsoWeek('2026-48'), RangeError);
    assert.throws(() => mondayOfIsoWeek('2025-W53'), RangeError);
    assert.throws(() => mondayOfIsoWeek('2026-W00'), RangeError);
  });

  it('property: the Monday of a date\'s week key is within the 6 days before it', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2100-12-31') }), (dayNumber) => {
        const date = fromDayNumber(dayNumber);
        const monday = mondayOfIsoWeek(isoWeekKeyOfDate(date));
        const offset = daysBetween(monday, date);
        return offset >= 0 && offset <= 6;
      }),
    );
  });
});

describe('calendar schedule: Brussels time to instant', () => {
  it('is DST-correct', () => {
    assert.equal(iso(brusselsTimeToInstant('2026-01-15', '08:00')), '2026-01-15T07:00:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-07-15', '08:00')), '2026-07-15T06:00:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-03-29', '01:59')), '2026-03-29T00:59:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-03-29', '03:00')), '2026-03-29T01:00:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-10-25', '03:00')), '2026-10-25T02:00:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-12-31', '23:59')), '2026-12-31T22:59:00.000Z');
    assert.equal(iso(brusselsTimeToInstant('2026-06-01', '00:00')), '2026-05-31T22:00:00.000Z');
  });

  it('reads a time that does not exist (spring forward) with the winter offset', () => {
    assert.equal(iso(brusselsTimeToInstant('2026-03-29', '02:30')), '2026-03-29T01:30:00.000Z');
  });

  it('takes the first occurrence of a time that occurs twice (fall back)', () => {
    assert.equal(iso(brusselsTimeToInstant('2026-10-25', '02:30')), '2026-10-25T00:30:00.000Z');
  });

  it('rejects malformed input', () => {
    assert.throws(() => brusselsTimeToInstant('2026-01-15', '8:00'), RangeError);
    assert.throws(() => brusselsTimeToInstant('2026-01-15', '24:00'), RangeError);
    assert.throws(() => brusselsTimeToInstant('2026-02-30', '08:00'), RangeError);
  });

  it('property: the instant lies on the given Brussels date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2060-12-31') }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (dayNumber, hour, minute) => {
          const date = fromDayNumber(dayNumber);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          return brusselsDate(brusselsTimeToInstant(date, time)) === date;
        },
      ),
    );
  });
});

describe('calendar schedule: the digest schedule', () => {
  it('defaults to Monday 08:00, paused in the zomer- and kerstvakantie', () => {
    assert.deepEqual(digestSchedule(), { weekday: 1, time: '08:00', pausedHolidays: ['zomer', 'kerst'] });
    assert.deepEqual({ ...DEFAULT_DIGEST_SCHEDULE, pausedHolidays: [...DEFAULT_DIGEST_SCHEDULE.pausedHolidays] }, digestSchedule());
    assert.deepEqual(digestSchedule({ weekday: 3, pausedHolidays: [] }), { weekday: 3, time: '08:00', pausedHolidays: [] });
  });

  it('rejects an invalid schedule', () => {
    assert.throws(() => digestSchedule({ weekday: 8 as 1 }));
    assert.throws(() => digestSchedule({ time: '8:00' }));
    assert.throws(() => digestSchedule({ pausedHolidays: ['pinkster' as 'zomer'] }));
  });
});

describe('calendar schedule: planned digest instant', () => {
  it('is 07:00Z in January and 06:00Z in summer', () => {
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W03', cal)), '2026-01-12T07:00:00.000Z');
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W24', cal)), '2026-06-08T06:00:00.000Z');
    assert.equal(iso(plannedDigestInstant(withPaused(), '2026-W28', cal)), '2026-07-06T06:00:00.000Z');
  });

  it('follows the switch to summer time (last Sunday of March 2026 = 29 March)', () => {
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W13', cal)), '2026-03-23T07:00:00.000Z');
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W14', cal)), '2026-03-30T06:00:00.000Z');
    // A Sunday digest on the day of the switch itself.
    assert.equal(iso(plannedDigestInstant({ ...defaults, weekday: 7 }, '2026-W13', cal)), '2026-03-29T06:00:00.000Z');
  });

  it('follows the switch to winter time (last Sunday of October 2026 = 25 October)', () => {
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W43', cal)), '2026-10-19T06:00:00.000Z');
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W44', cal)), '2026-10-26T07:00:00.000Z');
    assert.equal(iso(plannedDigestInstant({ ...defaults, weekday: 7 }, '2026-W43', cal)), '2026-10-25T07:00:00.000Z');
  });

  it('uses the configured weekday and time', () => {
    assert.equal(
      iso(plannedDigestInstant({ ...defaults, weekday: 3, time: '17:30' }, '2026-W03', cal)),
      '2026-01-14T16:30:00.000Z',
    );
  });

  it('moves Easter Monday 2026 to Tuesday when the paasvakantie is not paused', () => {
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W15', cal)), '2026-04-07T06:00:00.000Z');
  });

  it('sends nothing in Easter week when the paasvakantie is paused', () => {
    assert.equal(plannedDigestInstant(withPaused('zomer', 'kerst', 'paas'), '2026-W15', cal), undefined);
  });

  it('moves Whit Monday 25 May 2026 to 26 May', () => {
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W22', cal)), '2026-05-26T06:00:00.000Z');
  });

  it('sends nothing on a Monday in the summer holiday with the default schedule', () => {
    assert.equal(plannedDigestInstant(defaults, '2026-W29', cal), undefined);
    // The edges: Monday 29 June is before the zomervakantie, Monday 31 August still in it.
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W27', cal)), '2026-06-29T06:00:00.000Z');
    assert.equal(plannedDigestInstant(defaults, '2026-W36', cal), undefined);
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W37', cal)), '2026-09-07T06:00:00.000Z');
  });

  it('pauses in the kerstvakantie and resumes the week after', () => {
    assert.equal(plannedDigestInstant(defaults, '2025-W52', cal), undefined);
    assert.equal(plannedDigestInstant(defaults, '2026-W01', cal), undefined);
    assert.equal(iso(plannedDigestInstant(defaults, '2026-W02', cal)), '2026-01-05T07:00:00.000Z');
  });

  it('moves a Thursday digest off New Year\'s Day when the kerstvakantie is not paused', () => {
    assert.equal(iso(plannedDigestInstant({ ...defaults, weekday: 4, pausedHolidays: [] }, '2026-W01', cal)), '2026-01-02T07:00:00.000Z');
  });

  it('moves a Friday digest on 1 May 2026 into the next week, and still returns it', () => {
    assert.equal(iso(plannedDigestInstant({ ...defaults, weekday: 5 }, '2026-W18', cal)), '2026-05-04T06:00:00.000Z');
  });
});

describe('calendar schedule: digestDue (catch-up within the same week)', () => {
  const monday = '2026-01-12T07:00:00.000Z'; // 2026-W03, Monday 08:00 Brussels

  it('is not due just before Monday 08:00 and due from 08:00', () => {
    assert.deepEqual(digestDue(defaults, new Date('2026-01-12T06:59:59.999Z'), cal, '2026-W02'), {
      due: false,
      weekKey: '2026-W03',
      plannedAt: new Date(monday),
    });
    assert.deepEqual(digestDue(defaults, new Date(monday), cal, '2026-W02'), {
      due: true,
      weekKey: '2026-W03',
      plannedAt: new Date(monday),
    });
  });

  it('catches up on Wednesday of the same week when not sent', () => {
    const result = digestDue(defaults, new Date('2026-01-14T09:00:00Z'), cal, '2026-W02');
    assert.equal(result.due, true);
    assert.equal(result.weekKey, '2026-W03');
    assert.equal(iso(result.plannedAt), monday);
    assert.equal(digestDue(defaults, new Date('2026-01-14T09:00:00Z'), cal).due, true); // never sent before
  });

  it('is not due when the week was already sent', () => {
    assert.equal(digestDue(defaults, new Date('2026-01-14T09:00:00Z'), cal, '2026-W03').due, false);
    assert.equal(digestDue(defaults, new Date('2026-01-18T22:30:00Z'), cal, '2026-W03').due, false); // Sunday 23:30
  });

  it('is not due next week before Monday 08:00, and a missed week is not sent late', () => {
    const before = new Date('2026-01-19T06:59:00Z'); // Monday 07:59 Brussels, 2026-W04
    assert.deepEqual(
      { ...digestDue(defaults, before, cal, '2026-W03') },
      { due: false, weekKey: '2026-W04', plannedAt: new Date('2026-01-19T07:00:00Z') },
    );
    assert.equal(digestDue(defaults, before, cal, '2026-W02').due, false);
    assert.equal(digestDue(defaults, before, cal).due, false);
    assert.equal(digestDue(defaults, new Date('2026-01-19T07:00:00Z'), cal, '2026-W03').due, true);
  });

  it('is not due for a week without digest', () => {
    const result = digestDue(defaults, new Date('2026-07-15T10:00:00Z'), cal);
    assert.deepEqual(result, { due: false, weekKey: '2026-W29' });
  });

  it('is not due when a later week was already sent (clock skew)', () => {
    assert.equal(digestDue(defaults, new Date('2026-01-14T09:00:00Z'), cal, '2026-W05').due, false);
  });

  it('waits for the moved day after a public holiday', () => {
    const whitWeek = new Date('2026-05-25T10:00:00Z'); // Whit Monday noon
    assert.deepEqual(digestDue(defaults, whitWeek, cal, '2026-W21'), {
      due: false,
      weekKey: '2026-W22',
      plannedAt: new Date('2026-05-26T06:00:00Z'),
    });
    assert.equal(digestDue(defaults, new Date('2026-05-26T06:00:00Z'), cal, '2026-W21').due, true);
  });

  describe('a digest moved into the next week (Friday 1 May 2026)', () => {
    const friday: DigestSchedule = { ...defaults, weekday: 5 };

    it('is not due on the holiday itself', () => {
      const result = digestDue(friday, new Date('2026-05-01T10:00:00Z'), cal, '2026-W17');
      assert.deepEqual(result, { due: false, weekKey: '2026-W18', plannedAt: new Date('2026-05-04T06:00:00Z') });
    });

    it('is due on the Monday after, under last week\'s key', () => {
      const result = digestDue(friday, new Date('2026-05-04T07:00:00Z'), cal, '2026-W17');
      assert.deepEqual(result, { due: true, weekKey: '2026-W18', plannedAt: new Date('2026-05-04T06:00:00Z') });
    });

    it('is not due again once sent; then this week\'s own digest follows on Friday', () => {
      const monday = digestDue(friday, new Date('2026-05-04T07:00:00Z'), cal, '2026-W18');
      assert.deepEqual(monday, { due: false, weekKey: '2026-W19', plannedAt: new Date('2026-05-08T06:00:00Z') });
      assert.equal(digestDue(friday, new Date('2026-05-08T06:00:00Z'), cal, '2026-W18').due, true);
    });

    it('gives way to this week\'s own digest when both are overdue', () => {
      const result = digestDue(friday, new Date('2026-05-09T10:00:00Z'), cal, '2026-W17');
      assert.equal(result.due, true);
      assert.equal(result.weekKey, '2026-W19');
    });
  });

  it('property: a day-by-day simulation sends at most one digest per week, never before its planned instant', function () {
    // 7,000 schedule decisions: about 5 s alone, several times that on a loaded machine.
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: toDayNumber('2025-09-01'), max: toDayNumber('2028-06-01') }),
        (weekday, hour, startDay) => {
          const schedule: DigestSchedule = { ...defaults, weekday: weekday as DigestSchedule['weekday'] };
          const sent = new Set<string>();
          let last: string | undefined;
          const start = fromDayNumber(startDay);
          for (let day = 0; day < 70; day++) {
            const now = brusselsTimeToInstant(addDays(start, day), `${String(hour).padStart(2, '0')}:00`);
            const decision = digestDue(schedule, now, cal, last);
            if (decision.due) {
              if (sent.has(decision.weekKey)) return false;
              if (!decision.plannedAt || decision.plannedAt > now) return false;
              sent.add(decision.weekKey);
              last = decision.weekKey;
            }
          }
          return true;
        },
      ),
      { numRuns: 100 },
    );
  });
});
