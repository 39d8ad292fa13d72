/**
 * `community hier | uit | nu | status`: a network coordinator manages the weekly digest of the
 * network's Lerende community channel, with the same schedule options and holiday rules as
 * `digest hier` (default Monday 09:00 Brussels, paused in every school holiday). Anyone else gets
 * a Dutch answer saying who can do it. The weekly digest itself goes out through the digest
 * scheduler (communityDigestTarget): the same claimed runs, retries and exactly-once guarantees.
 */
import { renderCommunityCards } from '../../cards/community';
import { holidayCalendar } from '../../domain/calendar/calendarData';
import { SCHOOL_HOLIDAY_KINDS } from '../../domain/calendar/holidays';
import { digestDue, type DigestSchedule } from '../../domain/calendar/schedule';
import type { Network } from '../../domain/centre/model';
import { nextDigest } from '../../domain/digest/nextDigest';
import { describeSchedule, parseDigestScheduleArgs } from '../../domain/digest/scheduleText';
import { composeCommunityDigest } from '../../domain/network/community';
import { coordinatorsOnlyText, parseNetwork, type Coordinator } from '../../domain/network/coordinator';
import { brusselsDate } from '../../domain/time';
import { commandHint, type ConversationKind } from '../../domain/conversation';
import type { StoredRegistration } from '../../storage/digestChannels';
import type { FeatureDeps } from '../deps';
import { conversationKeyOf, statusText } from '../digest';
import { dutchInstant } from '../../domain/time';
import type { WeeklyTarget } from '../digest/scheduler';
import type { Logger } from 'pino';
import type { Outgoing, Router, Turn } from '../types';

/** The community digest's default: Monday 09:00, off in every school holiday. */
export const DEFAULT_COMMUNITY_SCHEDULE: Readonly<DigestSchedule> = Object.freeze({
  weekday: 1,
  time: '09:00',
  pausedHolidays: Object.freeze([...SCHOOL_HOLIDAY_KINDS]) as DigestSchedule['pausedHolidays'],
});

export function communityUsage(kind: ConversationKind): string {
  const hint = (words: string) => commandHint(words, kind);
  return (
    // `community hier` only works in a channel or group chat: always shown with the @mention.
    `Gebruik: ${commandHint('community hier', 'channel')} (dit kanaal wordt het kanaal van de Lerende community; elke week een overzicht), ` +
    `${hint('community uit')} (stoppen), ${hint('community nu')} (nu een overzicht posten) of ${hint('community status')} (schema en laatste overzicht).`
  );
}

export const NOT_COORDINATOR_MESSAGE = coordinatorsOnlyText('Het kanaal van de Lerende community beheren');

export const COMMUNITY_PERSONAL_CHAT_REFUSAL =
  'Het overzicht van de Lerende community hoort in het kanaal van de community, niet in ons persoonlijke gesprek. ' +
  'Voeg mij toe aan dat kanaal en typ daar **@Poolster community hier**.';

type CommunityDeps = Pick<FeatureDeps, 'centres' | 'inschalingen' | 'plans'>;

/** Loads and composes the community digest of a network in a tenant, as messages (one per page). */
export async function communityMessages(
  deps: CommunityDeps,
  input: { tenantId: string; network: Network; now: Date; lastSentAt?: string; occasion: 'weekly' | 'manual'; place: ConversationKind },
): Promise<Outgoing[]> {
  const centres = (await deps.centres.listCentres(input.tenantId)).filter((c) => c.network === input.network && c.networkOptIn === true);
  const inputs = await Promise.all(
    centres.map(async (c) => {
      const [latest, plan] = await Promise.all([deps.inschalingen.latestConfirmed(c.tenantId, c.centreId), deps.plans.getPlan(c.centreId)]);
      return {
        centreId: c.centreId,
        centreName: c.name,
        optIn: c.networkOptIn,
        ...(latest ? { latest: { schoolYear: latest.schoolYear, confirmedAt: latest.confirmedAt, priorities: latest.priorities, offeredInspiring: latest.offeredInspiring } } : {}),
        ...(plan ? { plan } : {}),
      };
    }),
  );
  const today = brusselsDate(input.now);
  const digest = composeCommunityDigest({
    network: input.network,
    centres: inputs,
    today,
    ...(input.lastSentAt ? { lastDigestOn: brusselsDate(new Date(input.lastSentAt)), lastDigestAt: input.lastSentAt } : {}),
  });
  return renderCommunityCards(digest, input.occasion, today, input.place).map((card) => ({ card }));
}

/** The community digest as a kind of weekly digest for the scheduler. */
export function communityDigestTarget(deps: CommunityDeps & Pick<FeatureDeps, 'digests'>, logger: Logger): WeeklyTarget {
  const log = logger.child({ component: 'community-digest' });
  return {
    kind: 'community',
    store: deps.digests.communityChannels,
    paged: true,
    // For a community registration the scope id is the network's name.
    compose: (reg, now) =>
      communityMessages(deps, { tenantId: reg.tenantId, network: reg.centreId as Network, now, occasion: 'weekly', place: reg.conversationKind, ...(reg.lastSentAt ? { lastSentAt: reg.lastSentAt } : {}) }),
    onBlocked: async () => {
      // Coordinators have no stored personal chat; `community status` shows the block.
      log.warn('community channel unreachable: marked blocked');
    },
  };
}

/**
 * The network the acting coordinator means: their only one, or the one named first in the
 * arguments ("community hier go maandag 9u"). Undefined after telling them why not.
 */
async function coordinatorOf(turn: Turn, deps: Pick<FeatureDeps, 'coordinators'>, args: string): Promise<{ coordinator: Coordinator; rest: string } | undefined> {
  const appointments = await deps.coordinators.networksOf(turn.actor.tenantId, turn.actor.userId);
  if (appointments.length === 0) {
    await turn.send({ text: NOT_COORDINATOR_MESSAGE });
    return undefined;
  }
  if (appointments.length === 1) {
    const [first = '', ...others] = args.trim().split(/\s+/);
    const named = parseNetwork(first);
    return { coordinator: appointments[0]!, rest: named === appointments[0]!.network ? others.join(' ') : args };
  }
  const words = args.trim().split(/\s+/);
  for (const take of [3, 2, 1]) {
    const named = parseNetwork(words.slice(0, take).join(' '));
    const found = appointments.find((a) => a.network === named);
    if (found) return { coordinator: found, rest: words.slice(take).join(' ') };
  }
  await turn.send({
    text: `Je bent netwerkcoördinator van ${appointments.map((a) => a.network).join(' en ')}. Zeg welk netwerk je bedoelt, bijvoorbeeld **community hier go** of **community hier vrij**.`,
  });
  return undefined;
}

function registrationKey(turn: Turn, network: Network) {
  return { tenantId: turn.actor.tenantId, centreId: network, conversationKey: conversationKeyOf(turn.actor.conversation.id) };
}

async function communityHier(turn: Turn, deps: FeatureDeps, coordinator: Coordinator, args: string): Promise<void> {
  const { actor } = turn;
  if (actor.conversation.kind === 'personal') {
    await turn.send({ text: COMMUNITY_PERSONAL_CHAT_REFUSAL });
    return;
  }
  const key = registrationKey(turn, coordinator.network);
  const store = deps.digests.communityChannels;
  const existing = await store.getRegistration(key.tenantId, key.centreId, key.conversationKey);
  const base: DigestSchedule = existing?.schedule ?? { ...DEFAULT_COMMUNITY_SCHEDULE, pausedHolidays: [...DEFAULT_COMMUNITY_SCHEDULE.pausedHolidays] };
  const parsed = parseDigestScheduleArgs(args, base, { words: 'community hier', kind: actor.conversation.kind });
  if (!parsed.ok) {
    await turn.send({ text: parsed.message });
    return;
  }
  const { registration, created } = await store.register({
    ...key,
    conversationKind: actor.conversation.kind,
    ref: turn.conversationRef(),
    schedule: parsed.schedule,
    registeredBy: actor.userId,
    registeredByName: coordinator.name || actor.name,
    now: turn.now,
  });
  let lastSentWeek = registration.lastSentWeek;
  if (created) {
    // As for `digest hier`: a new registration starts with the next planned moment.
    const due = digestDue(registration.schedule, turn.now, holidayCalendar, lastSentWeek);
    if (due.due) {
      lastSentWeek = due.weekKey;
      await store.updateRegistration(registration, (reg) => ({ ...reg, lastSentWeek: due.weekKey }));
    }
  }
  turn.log.info({ created, kind: actor.conversation.kind }, 'community channel registered');
  const next = nextDigest(registration.schedule, turn.now, lastSentWeek);
  const nextLine = next.kind === 'at' ? ` Het volgende overzicht komt op ${dutchInstant(next.at)}.` : next.kind === 'now' ? ' Het volgende overzicht komt binnen enkele minuten.' : '';
  const where = actor.conversation.kind === 'channel' ? 'dit kanaal' : 'deze groepschat';
  await turn.send({
    text:
      `${created ? 'Afgesproken' : 'Bijgewerkt'}: ${where} is het kanaal van de Lerende community van ${coordinator.network}. ` +
      `Het overzicht komt ${describeSchedule(registration.schedule)}.${nextLine} ` +
      `Het toont alleen centra die meedoen (${commandHint('netwerk aan', actor.conversation.kind)}): hun teamprioriteiten met gekoppelde acties, gedeelde prioriteiten en wie wie kan inspireren. ` +
      `Typ ${commandHint('community nu', actor.conversation.kind)} voor een overzicht meteen, ${commandHint('community status', actor.conversation.kind)} of ${commandHint('community uit', actor.conversation.kind)}.`,
  });
}

async function communityUit(turn: Turn, deps: FeatureDeps, coordinator: Coordinator): Promise<void> {
  const store = deps.digests.communityChannels;
  if (turn.actor.conversation.kind === 'personal') {
    const registrations = (await store.listRegistrations(turn.actor.tenantId, coordinator.network)).filter((r) => r.centreId === coordinator.network);
    for (const reg of registrations) await store.unregister(reg.tenantId, reg.centreId, reg.conversationKey);
    await turn.send({
      text:
        registrations.length === 0
          ? `Er was geen kanaal van de Lerende community ${coordinator.network} ingesteld; er is niets te stoppen.`
          : `Gestopt: de Lerende community ${coordinator.network} krijgt geen wekelijks overzicht meer (${registrations.length === 1 ? 'in 1 gesprek' : `in ${registrations.length} gesprekken`}).`,
    });
    return;
  }
  const key = registrationKey(turn, coordinator.network);
  const removed = await store.unregister(key.tenantId, key.centreId, key.conversationKey);
  turn.log.info({ removed }, 'community channel stopped here');
  await turn.send({
    text: removed
      ? `Gestopt: hier komt geen overzicht van de Lerende community meer. Typ ${commandHint('community hier', turn.actor.conversation.kind)} om het weer aan te zetten.`
      : `Hier kwam geen overzicht van de Lerende community; er is niets te stoppen. Typ ${commandHint('community status', turn.actor.conversation.kind)} om te zien waar het wel komt.`,
  });
}

async function communityNu(turn: Turn, deps: FeatureDeps, coordinator: Coordinator): Promise<void> {
  const messages = await communityMessages(deps, { tenantId: turn.actor.tenantId, network: coordinator.network, now: turn.now, occasion: 'manual', place: turn.actor.conversation.kind });
  for (const message of messages) await turn.send(message);
  if (turn.actor.conversation.kind !== 'personal') await deps.digests.communityChannels.recordManual(registrationKey(turn, coordinator.network), turn.now.toISOString());
  turn.log.info({ pages: messages.length }, 'community digest posted on request');
}

async function communityStatus(turn: Turn, deps: FeatureDeps, coordinator: Coordinator): Promise<void> {
  const registrations: StoredRegistration[] = (await deps.digests.communityChannels.listRegistrations(turn.actor.tenantId, coordinator.network)).filter(
    (r) => r.centreId === coordinator.network,
  );
  if (registrations.length === 0) {
    await turn.send({ text: `Voor de Lerende community ${coordinator.network} is nog geen kanaal ingesteld. Typ ${commandHint('community hier', 'channel')} in het kanaal van de community.` });
    return;
  }
  await turn.send({
    text: statusText({ centreName: `de Lerende community ${coordinator.network}`, registrations, here: conversationKeyOf(turn.actor.conversation.id), now: turn.now, command: 'community' })
      .replace('Wekelijks actieoverzicht van', 'Wekelijks overzicht van'),
  });
}

export function registerCommunity(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command(
      {
        name: 'community',
        topic: 'digest',
        words: ['community'],
        usage: 'community hier | uit | nu | status',
        description: 'Beheert het wekelijkse overzicht in het kanaal van de Lerende community van je netwerk.',
        audience: 'netwerkcoordinator',
        menu: [
          { scope: 'team', title: 'community hier', description: 'Netwerkcoördinator: dit kanaal krijgt elke week het overzicht van de Lerende community.', position: 8 },
          { scope: 'team', title: 'community nu', description: 'Netwerkcoördinator: post het overzicht van de Lerende community nu.', position: 9 },
        ],
      },
      async (turn, args) => {
      const [word = '', ...rest] = args.trim().split(/\s+/);
      const sub = word.toLowerCase();
      if (!['hier', 'uit', 'nu', 'status'].includes(sub)) {
        await turn.send({ text: communityUsage(turn.actor.conversation.kind) });
        return;
      }
      const found = await coordinatorOf(turn, deps, rest.join(' '));
      if (!found) return;
      if (sub === 'hier') await communityHier(turn, deps, found.coordinator, found.rest);
      else if (sub === 'uit') await communityUit(turn, deps, found.coordinator);
      else if (sub === 'nu') await communityNu(turn, deps, found.coordinator);
      else await communityStatus(turn, deps, found.coordinator);
      },
    );
  };
}
