/**
 * The digest schedule in Dutch words, and the optional schedule arguments of `digest hier`
 * ("digest hier dinsdag 9u30 pauze zomer kerst"). Pure.
 */
import { SCHOOL_HOLIDAY_LABELS, type SchoolHolidayKind } from '../calendar/holidays';
import type { IsoWeekday } from '../time';
import type { DigestSchedule } from '../calendar/schedule';
import { commandHint, type ConversationKind } from '../conversation';

export const WEEKDAY_NAMES: Readonly<Record<IsoWeekday, string>> = {
  1: 'maandag',
  2: 'dinsdag',
  3: 'woensdag',
  4: 'donderdag',
  5: 'vrijdag',
  6: 'zaterdag',
  7: 'zondag',
};

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

const HOLIDAY_ORDER: readonly SchoolHolidayKind[] = ['herfst', 'kerst', 'krokus', 'paas', 'zomer'];

/** "de kerstvakantie en de zomervakantie" (calendar order within a school year). */
export function pausedHolidaysText(kinds: readonly SchoolHolidayKind[]): string {
  const ordered = HOLIDAY_ORDER.filter((k) => kinds.includes(k));
  return joinDutch(ordered.map((k) => `de ${SCHOOL_HOLIDAY_LABELS[k]}`));
}

/**
 * "elke maandag om 08:00 (Belgische tijd); op een feestdag de eerstvolgende werkdag; niet tijdens de
 * kerstvakantie en de zomervakantie".
 */
export function describeSchedule(schedule: DigestSchedule): string {
  const pause =
    schedule.pausedHolidays.length > 0
      ? `niet tijdens ${pausedHolidaysText(schedule.pausedHolidays)}`
      : 'ook tijdens de schoolvakanties';
  return `elke ${WEEKDAY_NAMES[schedule.weekday]} om ${schedule.time} (Belgische tijd); op een feestdag de eerstvolgende werkdag; ${pause}`;
}

// ---------------------------------------------------------------------------------------------
// Arguments of `digest hier`

const WEEKDAY_WORDS: Readonly<Record<string, IsoWeekday>> = {
  maandag: 1,
  ma: 1,
  dinsdag: 2,
  di: 2,
  woensdag: 3,
  wo: 3,
  donderdag: 4,
  do: 4,
  vrijdag: 5,
  vr: 5,
};

const WEEKEND_WORDS = new Set(['zaterdag', 'za', 'zondag', 'zo']);

const HOLIDAY_WORDS: Readonly<Record<string, SchoolHolidayKind>> = {
  herfst: 'herfst',
  herfstvakantie: 'herfst',
  kerst: 'kerst',
  kerstmis: 'kerst',
  kerstvakantie: 'kerst',
  krokus: 'krokus',
  krokusvakantie: 'krokus',
  paas: 'paas',
  pasen: 'paas',
  paasvakantie: 'paas',
  zomer: 'zomer',
  zomervakantie: 'zomer',
};

/** Words that may appear without meaning anything ("elke dinsdag om 9u"). */
const FILLER_WORDS = new Set(['elke', 'iedere', 'op', 'om', 'uur', 'en', 'in', 'de', 'het', 'tijdens']);

const TIME_PATTERN = /^(\d{1,2})(?:[:.hu](\d{2})?)?u?$/;

/** Where a schedule was typed: the command (`digest hier`, `community hier`) and the conversation. */
export interface ScheduleCommand {
  words: string;
  kind: ConversationKind;
}

function example(command: ScheduleCommand): string {
  return commandHint(`${command.words} dinsdag 09:00 pauze zomer kerst`, command.kind);
}

export type ScheduleArgsResult = { ok: true; schedule: DigestSchedule; changed: boolean } | { ok: false; message: string };

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[,;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads the optional schedule after `digest hier`: a weekday (maandag ... vrijdag, or ma ... vr), a
 * time (08:00, 8:00, 8u, 8u30, 8.30, 8h), and "pauze" followed by school holidays (herfst, kerst,
 * krokus, paas, zomer) or "geen". What is not given is taken from `base`.
 */
export function parseDigestScheduleArgs(text: string, base: DigestSchedule, command: ScheduleCommand): ScheduleArgsResult {
  const words = normalise(text).split(' ').filter(Boolean);
  let weekday: IsoWeekday | undefined;
  let time: string | undefined;
  let paused: SchoolHolidayKind[] | undefined;
  let inPause = false;

  for (const word of words) {
    if (word === 'pauze' || word === 'pauzeer' || word === 'pauzeren') {
      inPause = true;
      paused = paused ?? [];
      continue;
    }
    if (inPause) {
      if (word === 'geen' || word === 'nooit') {
        paused = [];
        continue;
      }
      const kind = HOLIDAY_WORDS[word];
      if (kind) {
        if (!paused!.includes(kind)) paused!.push(kind);
        continue;
      }
      if (FILLER_WORDS.has(word)) continue;
      inPause = false;
    }
    if (FILLER_WORDS.has(word)) continue;
    const day = WEEKDAY_WORDS[word];
    if (day !== undefined) {
      weekday = day;
      continue;
    }
    if (WEEKEND_WORDS.has(word)) {
      return { ok: false, message: `Kies een werkdag (maandag tot vrijdag) voor het overzicht, bijvoorbeeld ${example(command)}.` };
    }
    const match = TIME_PATTERN.exec(word);
    if (match) {
      const hours = Number(match[1]);
      const minutes = Number(match[2] ?? '0');
      if (hours > 23 || minutes > 59) {
        return { ok: false, message: `"${word}" is geen geldig uur. Schrijf het uur als 08:00 of 8u30.` };
      }
      time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
      continue;
    }
    const shown = word.length > 30 ? `${word.slice(0, 30)}…` : word;
    return {
      ok: false,
      message:
        `Ik begrijp "${shown}" niet. Je kan een werkdag, een uur en de schoolvakanties zonder overzicht meegeven, ` +
        `bijvoorbeeld ${example(command)}, of **pauze geen** om ook in de vakanties te posten.`,
    };
  }

  const schedule: DigestSchedule = {
    weekday: weekday ?? base.weekday,
    time: time ?? base.time,
    pausedHolidays: paused ?? [...base.pausedHolidays],
  };
  return { ok: true, schedule, changed: weekday !== undefined || time !== undefined || paused !== undefined };
}
