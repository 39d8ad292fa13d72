/**
 * `digest hier | uit | nu | status`: the director manages the weekly action digest of their centre.
 * - hier: in a team channel or group chat, registers this conversation (its reference is stored)
 *   with an optional schedule ("digest hier dinsdag 9u pauze zomer"); refused in a personal chat;
 * - uit: stops it here (in a personal chat: everywhere for the centre);
 * - nu: posts a digest in this conversation now, outside the weekly claim;
 * - status: per registered conversation the schedule, the last digest, what comes next, problems.
 */
import { renderDigestCard } from '../../cards/digest';
import { holidayCalendar } from '../../domain/calendar/calendarData';
import { digestDue, DEFAULT_DIGEST_SCHEDULE, type DigestSchedule } from '../../domain/calendar/schedule';
import type { Centre, Person } from '../../domain/centre/model';
import { nextDigest } from '../../domain/digest/nextDigest';
import { brusselsTime, describeSchedule, dutchDate, parseDigestScheduleArgs } from '../../domain/digest/scheduleText';
import { brusselsDate } from '../../domain/schoolYear';
import type { DigestFailure, StoredRegistration } from '../../storage/digests';
import { requireDirector } from '../context';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';
import { loadDigestContent } from './content';

export const DIGEST_USAGE =
  'Gebruik: **digest hier** (dit kanaal krijgt elke week het actieoverzicht), **digest uit** (stoppen), ' +
  '**digest nu** (nu een overzicht posten) of **digest status** (wanneer het laatste overzicht vertrok).';

import { NOT_IN_CENTRE_MESSAGE } from '../../domain/errors';
export { NOT_IN_CENTRE_MESSAGE };

export const NOT_DIRECTOR_MESSAGE =
  'Alleen de directeur van je centrum kan het wekelijkse actieoverzicht beheren. Vraag het gerust aan je directeur.';

export const PERSONAL_CHAT_REFUSAL =
  'Het wekelijkse actieoverzicht hoort in een kanaal of groepschat van jullie team, niet in ons persoonlijke gesprek. ' +
  'Voeg mij toe aan dat kanaal en typ daar **@Poolster digest hier**.';

/** A conversation as the digest knows it: a channel thread counts as its channel. */
export function conversationKeyOf(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

/** "maandag 25 mei 2026 om 08:00" for an instant (Brussels). */
export function dutchInstant(instant: Date): string {
  return `${dutchDate(brusselsDate(instant))} om ${brusselsTime(instant)}`;
}

const FAILURE_TEXTS: Record<string, string> = {
  blocked: 'ik heb geen toegang meer tot het gesprek',
  'not-found': 'het gesprek bestaat niet meer',
  throttled: 'Teams vroeg herhaaldelijk om te wachten',
  failed: 'het verzenden mislukte',
  error: 'het overzicht kon niet worden opgesteld',
};

function failureText(failure: DigestFailure): string {
  const what = FAILURE_TEXTS[failure.reason] ?? 'het verzenden mislukte';
  return `${dutchInstant(new Date(failure.at))}: ${what}${failure.status ? ` (${failure.status})` : ''}`;
}

function placeOf(reg: StoredRegistration, here: string): string {
  if (reg.conversationKey === here) return reg.conversationKind === 'channel' ? 'Dit kanaal' : 'Deze groepschat';
  return reg.conversationKind === 'channel' ? 'Een ander kanaal' : 'Een groepschat';
}

function nextText(reg: StoredRegistration, now: Date): string {
  if (reg.blockedAt) return 'geen: ik kan hier niet meer posten';
  const next = nextDigest(reg.schedule, now, reg.lastSentWeek);
  if (next.kind === 'now') return 'binnen enkele minuten';
  if (next.kind === 'at') return dutchInstant(next.at);
  return 'niets gepland in de komende weken';
}

export function statusText(input: { centreName: string; registrations: StoredRegistration[]; here: string; now: Date }): string {
  if (input.registrations.length === 0) {
    return `Voor ${input.centreName} is nog geen wekelijks actieoverzicht ingesteld. Typ **digest hier** in het kanaal van jullie team.`;
  }
  const ordered = [...input.registrations].sort((a, b) => Number(b.conversationKey === input.here) - Number(a.conversationKey === input.here));
  const blocks = ordered.map((reg) => {
    const lines = [
      `**${placeOf(reg, input.here)}**${reg.registeredByName ? `, ingesteld door ${reg.registeredByName}` : ''} op ${dutchDate(brusselsDate(new Date(reg.registeredAt)))}`,
      `- Schema: ${describeSchedule(reg.schedule)}.`,
      `- Laatste wekelijkse overzicht: ${reg.lastSentAt ? dutchInstant(new Date(reg.lastSentAt)) : 'nog geen'}.`,
      `- Volgende: ${nextText(reg, input.now)}.`,
    ];
    if (reg.lastManualAt) lines.push(`- Laatst op vraag gepost: ${dutchInstant(new Date(reg.lastManualAt))}.`);
    if (reg.blockedAt) {
      lines.push(
        `- Sinds ${dutchInstant(new Date(reg.blockedAt))} kan ik hier niet meer posten (ik werd verwijderd of geblokkeerd). ` +
          'Voeg mij weer toe en typ **digest hier** in dat gesprek.',
      );
    }
    const failures = reg.failures.slice(-3).reverse();
    lines.push(failures.length === 0 ? '- Problemen: geen.' : `- Problemen: ${failures.map(failureText).join('; ')}.`);
    return lines.join('\n');
  });
  return [`Wekelijks actieoverzicht van ${input.centreName}:`, ...blocks].join('\n\n');
}

interface DirectorContext {
  person: Person;
  centre: Centre;
}

async function digestHier(turn: Turn, deps: FeatureDeps, ctx: DirectorContext, args: string): Promise<void> {
  const { actor } = turn;
  if (actor.conversation.kind === 'personal') {
    await turn.send({ text: PERSONAL_CHAT_REFUSAL });
    return;
  }
  const conversationKey = conversationKeyOf(actor.conversation.id);
  const existing = await deps.digests.getRegistration(actor.tenantId, ctx.centre.centreId, conversationKey);
  const base: DigestSchedule = existing?.schedule ?? { ...DEFAULT_DIGEST_SCHEDULE, pausedHolidays: [...DEFAULT_DIGEST_SCHEDULE.pausedHolidays] };
  const parsed = parseDigestScheduleArgs(args, base);
  if (!parsed.ok) {
    await turn.send({ text: parsed.message });
    return;
  }
  const now = turn.now;
  const { registration, created } = await deps.digests.register({
    tenantId: actor.tenantId,
    centreId: ctx.centre.centreId,
    conversationKey,
    conversationKind: actor.conversation.kind,
    ref: turn.conversationRef(),
    schedule: parsed.schedule,
    registeredBy: actor.userId,
    registeredByName: ctx.person.name || actor.name,
    now,
  });
  let lastSentWeek = registration.lastSentWeek;
  if (created) {
    // A new registration starts with the next planned digest: this week's moment, if past, is not
    // caught up (`digest nu` posts one right away).
    const due = digestDue(registration.schedule, now, holidayCalendar, lastSentWeek);
    if (due.due) {
      lastSentWeek = due.weekKey;
      await deps.digests.updateRegistration(registration, (reg) => ({ ...reg, lastSentWeek: due.weekKey }));
    }
  }
  turn.log.info({ centreId: ctx.centre.centreId, created, kind: actor.conversation.kind }, 'digest registered');
  const next = nextDigest(registration.schedule, now, lastSentWeek);
  const nextLine =
    next.kind === 'at' ? ` Het volgende overzicht komt op ${dutchInstant(next.at)}.` : next.kind === 'now' ? ' Het volgende overzicht komt binnen enkele minuten.' : '';
  const where = actor.conversation.kind === 'channel' ? 'dit kanaal' : 'deze groepschat';
  const opening = created
    ? `Afgesproken: het actieoverzicht van ${ctx.centre.name} komt voortaan in ${where}`
    : `Bijgewerkt: het actieoverzicht van ${ctx.centre.name} komt in ${where}`;
  await turn.send({
    text:
      `${opening}, ${describeSchedule(registration.schedule)}.${nextLine} ` +
      'Typ **digest nu** voor een overzicht meteen, **digest status** om te zien wat er vertrok, of **digest uit** om te stoppen.',
  });
}

async function digestUit(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const { actor } = turn;
  if (actor.conversation.kind === 'personal') {
    const registrations = await deps.digests.listRegistrations(actor.tenantId, ctx.centre.centreId);
    for (const reg of registrations) await deps.digests.unregister(reg.tenantId, reg.centreId, reg.conversationKey);
    turn.log.info({ centreId: ctx.centre.centreId, removed: registrations.length }, 'digest stopped everywhere');
    await turn.send({
      text:
        registrations.length === 0
          ? `Er was geen wekelijks actieoverzicht ingesteld voor ${ctx.centre.name}; er is niets te stoppen.`
          : `Gestopt: ${ctx.centre.name} krijgt geen wekelijks actieoverzicht meer (${registrations.length === 1 ? 'in 1 gesprek' : `in ${registrations.length} gesprekken`}). ` +
            'Typ **digest hier** in een kanaal om het weer aan te zetten.',
    });
    return;
  }
  const removed = await deps.digests.unregister(actor.tenantId, ctx.centre.centreId, conversationKeyOf(actor.conversation.id));
  turn.log.info({ centreId: ctx.centre.centreId, removed }, 'digest stopped here');
  await turn.send({
    text: removed
      ? 'Gestopt: hier komt geen wekelijks actieoverzicht meer. Typ **digest hier** om het weer aan te zetten.'
      : 'Hier kwam geen wekelijks actieoverzicht; er is niets te stoppen. Typ **digest status** om te zien waar het wel komt.',
  });
}

async function digestNu(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const { actor } = turn;
  const content = await loadDigestContent({ centres: deps.centres, sources: deps.digestSources }, actor.tenantId, ctx.centre.centreId, turn.now);
  await turn.send({ card: renderDigestCard(content, 'manual') });
  if (actor.conversation.kind !== 'personal') {
    const key = { tenantId: actor.tenantId, centreId: ctx.centre.centreId, conversationKey: conversationKeyOf(actor.conversation.id) };
    await deps.digests.recordManual(key, turn.now.toISOString());
  }
  turn.log.info({ centreId: ctx.centre.centreId, empty: content.isEmpty }, 'digest posted on request');
}

async function digestStatus(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const registrations = await deps.digests.listRegistrations(turn.actor.tenantId, ctx.centre.centreId);
  await turn.send({
    text: statusText({ centreName: ctx.centre.name, registrations, here: conversationKeyOf(turn.actor.conversation.id), now: turn.now }),
  });
}

export function registerDigest(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command({
      name: 'digest',
      topic: 'digest',
      words: ['digest', 'actieoverzicht'],
      usage: 'digest hier | uit | nu | status',
      description: 'Beheert het wekelijkse actieoverzicht in dit kanaal.',
      audience: 'directeur',
      menu: [
        { scope: 'team', title: 'digest hier', description: 'Post het wekelijkse actieoverzicht voortaan in dit kanaal of deze chat.', position: 3 },
        { scope: 'team', title: 'digest nu', description: 'Post het actieoverzicht nu meteen.', position: 4 },
      ],
    }, async (turn, args) => {
      const [word = '', ...rest] = args.trim().split(/\s+/);
      const sub = word.toLowerCase();
      if (!['hier', 'uit', 'nu', 'status'].includes(sub)) {
        await turn.send({ text: DIGEST_USAGE });
        return;
      }
      const ctx: DirectorContext = await requireDirector(turn, deps, NOT_DIRECTOR_MESSAGE);
      if (sub === 'hier') await digestHier(turn, deps, ctx, rest.join(' '));
      else if (sub === 'uit') await digestUit(turn, deps, ctx);
      else if (sub === 'nu') await digestNu(turn, deps, ctx);
      else await digestStatus(turn, deps, ctx);
    });
  };
}
