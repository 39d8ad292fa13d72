/**
 * The one time module: calendar dates, Brussels wall-clock time and the Dutch date texts.
 */
import { strict as assert } from 'node:assert';
import {
  addDays,
  brusselsDate,
  brusselsTimeToInstant,
  daysBetween,
  dutchDate,
  dutchInstant,
  dutchShortDate,
  formatDutchDate,
  formatDutchInstant,
  isIsoDate,
  isoWeekOf,
  parseDutchDate,
} from '../../domain/time';

describe('time: calendar dates, Brussels time and Dutch texts', () => {
  it('does day arithmetic on calendar dates across a change of clock and a leap day', () => {
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
    assert.deepEqual(isoWeekOf('2027-01-01'), { year: 2026, week: 53 });
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.throws(() => addDays('2026-02-30', 1), RangeError);
  });

  it('reads dates as people type them, and refuses dates that do not exist', () => {
    assert.equal(parseDutchDate(' 18/12/2026 '), '2026-12-18');
    assert.equal(parseDutchDate('5.3.2027'), '2027-03-05');
    assert.equal(parseDutchDate('2026-1-5'), '2026-01-05');
    assert.equal(parseDutchDate('30/02/2026'), undefined);
    assert.equal(parseDutchDate('volgende week'), undefined);
  });

  it('takes the Brussels clock with daylight saving: the date of an instant, and the instant of a time', () => {
    assert.equal(brusselsDate(new Date('2026-03-28T23:30:00Z')), '2026-03-29', 'winter: +1 h');
    assert.equal(brusselsDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01', 'summer: +2 h');
    assert.equal(brusselsTimeToInstant('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z', 'twice: the first one');
    assert.equal(brusselsTimeToInstant('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z', 'missing: winter offset');
  });

  it('writes dates in Dutch (nl-BE)', () => {
    assert.equal(formatDutchDate('2026-12-18'), '18 december 2026');
    assert.equal(formatDutchDate('2026-03-01T23:30:00Z'), '2 maart 2026');
    assert.equal(dutchDate('2026-05-25'), 'maandag 25 mei 2026');
    assert.equal(dutchShortDate('2026-03-03'), 'di 3 mrt');
    assert.equal(dutchInstant(new Date('2026-05-25T06:00:00Z')), 'maandag 25 mei 2026 om 08:00');
    assert.equal(formatDutchInstant('2026-12-18T13:05:00Z'), '18 december 2026 om 14:05');
    assert.equal(formatDutchInstant('geen datum'), 'geen datum');
  });
});
