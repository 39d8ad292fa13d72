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
import { describeSchedule, parseDigestScheduleArgs } from '../../domain/digest/scheduleText';
import type { DigestFailure, StoredRegistration } from '../../storage/digestChannels';
import { requireDirector } from '../context';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';
import { loadDigestContent } from './content';

import { notInCentreMessage } from '../../domain/errors';
import { commandHint, type ConversationKind } from '../../domain/conversation';
import { brusselsDate, dutchDate, dutchInstant } from '../../domain/time';
export { notInCentreMessage };

export function digestUsage(kind: ConversationKind): string {
  const hint = (words: string) => commandHint(words, kind);
  return (
    // `digest hier` only works in a channel or group chat: always shown with the @mention.
    `Gebruik: ${commandHint('digest hier', 'channel')} (dit kanaal krijgt elke week het actieoverzicht), ${hint('digest uit')} (stoppen), ` +
    `${hint('digest nu')} (nu een overzicht posten) of ${hint('digest status')} (wanneer het laatste overzicht vertrok).`
  );
}

export const NOT_DIRECTOR_MESSAGE =
  'Alleen de directeur van je centrum kan het wekelijkse actieoverzicht beheren. Vraag het gerust aan je directeur.';

export const PERSONAL_CHAT_REFUSAL =
  'Het wekelijkse actieoverzicht hoort in een kanaal of groepschat van jullie team, niet in ons persoonlijke gesprek. ' +
  'Voeg mij toe aan dat kanaal en typ daar **@Poolster digest hier**.';

/** A conversation as the digest knows it: a channel thread counts as its channel. */
export function conversationKeyOf(conversationId: string): string {
  return conversationId.split(';')[0]!;
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

/**
 * `digest status` (and `community status`, with `command` 'community'): where the overview goes.
 * Re-registering is typed in the channel itself, so that hint always carries the @mention.
 */
export function statusText(input: { centreName: string; registrations: StoredRegistration[]; here: string; now: Date; command?: 'digest' | 'community' }): string {
  const hier = (kind: ConversationKind) => commandHint(`${input.command ?? 'digest'} hier`, kind);
  if (input.registrations.length === 0) {
    return `Voor ${input.centreName} is nog geen wekelijks actieoverzicht ingesteld. Typ ${hier('channel')} in het kanaal van jullie team.`;
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
          `Voeg mij weer toe en typ ${hier(reg.conversationKind)} in dat gesprek.`,
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
  const existing = await deps.digests.channels.getRegistration(actor.tenantId, ctx.centre.centreId, conversationKey);
  const base: DigestSchedule = existing?.schedule ?? { ...DEFAULT_DIGEST_SCHEDULE, pausedHolidays: [...DEFAULT_DIGEST_SCHEDULE.pausedHolidays] };
  const parsed = parseDigestScheduleArgs(args, base, { words: 'digest hier', kind: actor.conversation.kind });
  if (!parsed.ok) {
    await turn.send({ text: parsed.message });
    return;
  }
  const now = turn.now;
  const { registration, created } = await deps.digests.channels.register({
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
      await deps.digests.channels.updateRegistration(registration, (reg) => ({ ...reg, lastSentWeek: due.weekKey }));
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
      `Typ ${commandHint('digest nu', actor.conversation.kind)} voor een overzicht meteen, ${commandHint('digest status', actor.conversation.kind)} om te zien wat er vertrok, ` +
      `of ${commandHint('digest uit', actor.conversation.kind)} om te stoppen.`,
  });
}

async function digestUit(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const { actor } = turn;
  if (actor.conversation.kind === 'personal') {
    const registrations = await deps.digests.channels.listRegistrations(actor.tenantId, ctx.centre.centreId);
    for (const reg of registrations) await deps.digests.channels.unregister(reg.tenantId, reg.centreId, reg.conversationKey);
    turn.log.info({ centreId: ctx.centre.centreId, removed: registrations.length }, 'digest stopped everywhere');
    await turn.send({
      text:
        registrations.length === 0
          ? `Er was geen wekelijks actieoverzicht ingesteld voor ${ctx.centre.name}; er is niets te stoppen.`
          : `Gestopt: ${ctx.centre.name} krijgt geen wekelijks actieoverzicht meer (${registrations.length === 1 ? 'in 1 gesprek' : `in ${registrations.length} gesprekken`}). ` +
            `Typ ${commandHint('digest hier', 'channel')} in een kanaal om het weer aan te zetten.`,
    });
    return;
  }
  const removed = await deps.digests.channels.unregister(actor.tenantId, ctx.centre.centreId, conversationKeyOf(actor.conversation.id));
  turn.log.info({ centreId: ctx.centre.centreId, removed }, 'digest stopped here');
  await turn.send({
    text: removed
      ? `Gestopt: hier komt geen wekelijks actieoverzicht meer. Typ ${commandHint('digest hier', actor.conversation.kind)} om het weer aan te zetten.`
      : `Hier kwam geen wekelijks actieoverzicht; er is niets te stoppen. Typ ${commandHint('digest status', actor.conversation.kind)} om te zien waar het wel komt.`,
  });
}

async function digestNu(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const { actor } = turn;
  const content = await loadDigestContent({ centres: deps.centres, sources: deps.digestSources }, actor.tenantId, ctx.centre.centreId, turn.now);
  await turn.send({ card: renderDigestCard(content, 'manual') });
  if (actor.conversation.kind !== 'personal') {
    const key = { tenantId: actor.tenantId, centreId: ctx.centre.centreId, conversationKey: conversationKeyOf(actor.conversation.id) };
    await deps.digests.channels.recordManual(key, turn.now.toISOString());
  }
  turn.log.info({ centreId: ctx.centre.centreId, empty: content.isEmpty }, 'digest posted on request');
}

/**
 * A registered conversation that writes to the bot shows where it is now: a reference that no longer
 * matches (another service URL, the app reinstalled in the team) is replaced, so the weekly digest
 * reaches it. Compared with the registrations this turn already read: unchanged costs no request.
 */
async function refreshRegisteredConversation(turn: Turn, deps: FeatureDeps, registrations: StoredRegistration[]): Promise<void> {
  if (turn.actor.conversation.kind === 'personal') return;
  const here = registrations.find((r) => r.conversationKey === conversationKeyOf(turn.actor.conversation.id));
  const changed = here && turn.changedConversationRef(here.ref);
  if (!here || !changed) return;
  await deps.digests.channels.updateRegistration(here, (reg) => ({ ...reg, ref: changed }));
  turn.log.info({ centreId: here.centreId }, 'digest conversation reference refreshed');
}

async function digestStatus(turn: Turn, deps: FeatureDeps, ctx: DirectorContext): Promise<void> {
  const registrations = await deps.digests.channels.listRegistrations(turn.actor.tenantId, ctx.centre.centreId);
  await refreshRegisteredConversation(turn, deps, registrations);
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
        await turn.send({ text: digestUsage(turn.actor.conversation.kind) });
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
