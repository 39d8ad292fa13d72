import assert from 'node:assert/strict';
import { calendarCoverage, holidayCalendar, type HolidayCalendar } from '../../domain/calendar/calendarData';
import {
  computePublicHolidays,
  computeSchoolHolidays,
  easterSunday,
} from '../../domain/calendar/holidays';
import type { SchoolYear } from '../../domain/schoolYear';

function periods(schoolYear: SchoolYear): Record<string, [string, string]> {
  const result: Record<string, [string, string]> = {};
  for (const h of computeSchoolHolidays(schoolYear)) result[h.kind] = [h.start, h.end];
  return result;
}

describe('calendar: Easter (Gregorian computus)', () => {
  const known: [number, string][] = [
    [1818, '1818-03-22'],
    [2022, '2022-04-17'],
    [2023, '2023-04-09'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ];
  for (const [year, date] of known) {
    it(`Easter ${year} is ${date}`, () => assert.equal(easterSunday(year), date));
  }
});

describe('calendar: Flemish school holidays by rule', () => {
  it('matches the published dates for 2025-2026', () => {
    assert.deepEqual(periods('2025-2026'), {
      herfst: ['2025-10-27', '2025-11-02'],
      kerst: ['2025-12-22', '2026-01-04'],
      krokus: ['2026-02-16', '2026-02-22'],
      paas: ['2026-04-06', '2026-04-19'],
      zomer: ['2026-07-01', '2026-08-31'],
    });
  });

  it('matches the published dates for 2022-2023', () => {
    assert.deepEqual(periods('2022-2023'), {
      herfst: ['2022-10-31', '2022-11-06'],
      kerst: ['2022-12-26', '2023-01-08'],
      krokus: ['2023-02-20', '2023-02-26'],
      paas: ['2023-04-03', '2023-04-16'],
      zomer: ['2023-07-01', '2023-08-31'],
    });
  });

  it('starts herfst on 2 November when 1 November is a Sunday (2026)', () => {
    assert.deepEqual(periods('2026-2027').herfst, ['2026-11-02', '2026-11-08']);
  });

  it('starts kerst on the Monday after when Christmas is a Saturday (2027) or a Sunday (2022)', () => {
    assert.deepEqual(periods('2027-2028').kerst, ['2027-12-27', '2028-01-09']);
    assert.deepEqual(periods('2022-2023').kerst, ['2022-12-26', '2023-01-08']);
  });

  it('starts paas on the Monday after Easter when Easter is in March (2027)', () => {
    assert.deepEqual(periods('2026-2027').paas, ['2027-03-29', '2027-04-11']);
  });

  it('starts paas on the 2nd Monday before Easter when Easter is after 15 April (2025)', () => {
    assert.deepEqual(periods('2024-2025').paas, ['2025-04-07', '2025-04-20']);
    assert.deepEqual(periods('2024-2025').krokus, ['2025-03-03', '2025-03-09']);
  });

  it('gives Dutch labels, chronological order, and week holidays from Monday to Sunday', () => {
    for (const year of ['2022-2023', '2025-2026', '2026-2027', '2027-2028', '2030-2031'] as SchoolYear[]) {
      const list = computeSchoolHolidays(year);
      assert.deepEqual(
        list.map((h) => h.label),
        ['herfstvakantie', 'kerstvakantie', 'krokusvakantie', 'paasvakantie', 'zomervakantie'],
      );
      for (const h of list.filter((x) => x.kind !== 'zomer')) {
        assert.equal(new Date(`${h.start}T00:00:00Z`).getUTCDay(), 1, `${year} ${h.kind} starts on a Monday`);
        assert.equal(new Date(`${h.end}T00:00:00Z`).getUTCDay(), 0, `${year} ${h.kind} ends on a Sunday`);
      }
      for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.end < list[i]!.start);
    }
  });

  it('rejects a malformed school year', () => {
    assert.throws(() => computeSchoolHolidays('2025-2027' as SchoolYear), RangeError);
  });
});

describe('calendar: Belgian public holidays', () => {
  it('lists 2026 exactly', () => {
    assert.deepEqual(computePublicHolidays(2026), [
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
    ]);
  });

  it('keeps chronological order when Ascension falls on 30 April (Easter 22 March 2285)', () => {
    const dates = computePublicHolidays(2285).map((h) => h.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(dates.includes('2285-04-30'));
  });
});

describe('calendar: the data table', () => {
  it('holds school years 2025-2026 to 2027-2028 and public holidays 2025 to 2028', () => {
    assert.deepEqual(Object.keys(holidayCalendar.schoolYears).sort(), ['2025-2026', '2026-2027', '2027-2028']);
    assert.deepEqual(Object.keys(holidayCalendar.publicHolidays).sort(), ['2025', '2026', '2027', '2028']);
  });

  it('equals the rules for its school years', () => {
    for (const [schoolYear, list] of Object.entries(holidayCalendar.schoolYears)) {
      assert.deepEqual(list, computeSchoolHolidays(schoolYear as SchoolYear), schoolYear);
    }
  });

  it('equals the rules for its public holidays', () => {
    for (const [year, list] of Object.entries(holidayCalendar.publicHolidays)) {
      assert.deepEqual(list, computePublicHolidays(Number(year)), year);
    }
  });
});

describe('calendar: coverage of the data', () => {
  it('is covered while this and next school year are in the data', () => {
    assert.deepEqual(calendarCoverage('2026-03-01'), { covered: true, lastCoveredDay: '2028-08-31' });
    assert.equal(calendarCoverage('2026-09-01').covered, true);
  });

  it('accepts an instant and reads it in Brussels time', () => {
    // 31 August 2027 23:30Z is already 1 September in Brussels: school year 2027-2028, next is missing.
    assert.equal(calendarCoverage(new Date('2027-08-31T21:30:00Z')).covered, true);
    assert.equal(calendarCoverage(new Date('2027-08-31T22:30:00Z')).covered, false);
  });

  it('warns which school year to add when the next one is missing', () => {
    const coverage = calendarCoverage('2027-10-01');
    assert.equal(coverage.covered, false);
    assert.equal(coverage.lastCoveredDay, '2028-08-31');
    assert.match(coverage.warning ?? '', /school year 2028-2029/);
    assert.match(coverage.warning ?? '', /public holidays of 2029/);
    assert.match(coverage.warning ?? '', /calendarData\.ts/);
  });

  it('warns when today\'s school year is missing', () => {
    const coverage = calendarCoverage('2024-10-01');
    assert.equal(coverage.covered, false);
    assert.match(coverage.warning ?? '', /school year 2024-2025/);
    assert.match(coverage.warning ?? '', /public holidays of 2024/);
    assert.doesNotMatch(coverage.warning ?? '', /2025-2026/);
  });

  it('notices missing public holidays too', () => {
    const without2027: HolidayCalendar = {
      schoolYears: holidayCalendar.schoolYears,
      publicHolidays: { 2025: holidayCalendar.publicHolidays[2025]!, 2026: holidayCalendar.publicHolidays[2026]! },
    };
    const coverage = calendarCoverage('2026-03-01', without2027);
    assert.equal(coverage.covered, false);
    assert.equal(coverage.lastCoveredDay, '2026-08-31');
    assert.match(coverage.warning ?? '', /public holidays of 2027/);
    assert.doesNotMatch(coverage.warning ?? '', /school holidays/);
  });

  it('reports an empty lastCoveredDay for an empty calendar', () => {
    const empty: HolidayCalendar = { schoolYears: {}, publicHolidays: {} };
    const coverage = calendarCoverage('2026-03-01', empty);
    assert.equal(coverage.covered, false);
    assert.equal(coverage.lastCoveredDay, '');
  });
});
