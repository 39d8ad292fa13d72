/**
 * The community digest of a network's Lerende community channel: one card per page (see
 * domain/network/community.ts). Page 1 carries the network summary (shared priorities, who could
 * inspire whom, new inschalingen) and the first centres; later pages the next centres. Pure.
 * Shows centre names, bouwstenen and action titles only: no stadium, no answer, no person's name.
 */
import { commandHint, type ConversationKind } from '../domain/conversation';
import { ACTION_STATUS_LABELS } from '../domain/plan/model';
import { communityPages, type CommunityCentre, type CommunityDigest } from '../domain/network/community';
import { joinDutch } from '../domain/digest/scheduleText';
import { dutchDate } from '../domain/time';
import type { CardJson } from './cardJson';
import { cardBytes, expandCard, prepareCard } from './render';
import communityJson from './templates/community.json';

const communityTemplate = prepareCard(communityJson);

export const MAX_COMMUNITY_CARD_BYTES = 80 * 1024;

export type CommunityOccasion = 'weekly' | 'manual';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "juni 2026" for "2026-06". */
function monthText(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function centreView(centre: CommunityCentre) {
  return {
    name: centre.centreName,
    meta: `Teamprioriteiten uit de inschaling ${centre.schoolYear}`,
    priorities: centre.priorities.map((p, index) => {
      const lines = p.actions.map((a) => ({
        text: `• ${a.title} · ${ACTION_STATUS_LABELS[a.status].toLowerCase()}${a.dueMonth ? ` · tegen ${monthText(a.dueMonth)}` : ''}`,
      }));
      if (p.actions.length === 0) lines.push({ text: 'Nog geen geplande acties gekoppeld.' });
      if (p.moreActions > 0) lines.push({ text: `… en nog ${plural(p.moreActions, 'actie', 'acties')}.` });
      return { heading: `Prioriteit ${index + 1}: ${p.label}`, lines };
    }),
    completed:
      centre.completed.length === 0
        ? ''
        : `✔ Afgerond sinds het vorige overzicht: ${joinDutch(centre.completed.map((c) => c.title))}${centre.moreCompleted > 0 ? ` (en nog ${centre.moreCompleted})` : ''}.`,
  };
}

/** At most three names, then "en 5 andere centra". */
function offerers(names: readonly string[]): string {
  if (names.length <= 3) return joinDutch(names);
  return `${names.slice(0, 3).join(', ')} en ${plural(names.length - 3, 'ander centrum', 'andere centra')}`;
}

function summaryOf(digest: CommunityDigest) {
  const sections: Array<{ heading: string; lines: Array<{ text: string }> }> = [];
  if (digest.newlyConfirmed.length > 0) {
    sections.push({
      heading: 'Nieuwe inschalingen',
      lines: [
        ...digest.newlyConfirmed.slice(0, 10).map((c) => ({ text: `• ${c.centreName} bevestigde de inschaling ${c.schoolYear}.` })),
        ...(digest.newlyConfirmed.length > 10 ? [{ text: `… en nog ${plural(digest.newlyConfirmed.length - 10, 'centrum', 'centra')}.` }] : []),
      ],
    });
  }
  if (digest.shared.length > 0) {
    sections.push({
      heading: 'Prioriteiten die meerdere centra delen',
      lines: digest.shared.slice(0, 6).map((s) => ({ text: `• ${s.label}: ${plural(s.centreCount, 'centrum', 'centra')}` })),
    });
  }
  if (digest.matches.length > 0) {
    const shown = digest.matches.slice(0, 12);
    sections.push({
      heading: 'Wie kan met wie praten?',
      lines: [
        ...shown.map((m) => ({ text: `• ${m.centreName} zet in op ${m.label}; ${offerers(m.offeredBy)} ${m.offeredBy.length === 1 ? 'biedt' : 'bieden'} daar een inspirerende praktijk.` })),
        ...(digest.matches.length > shown.length ? [{ text: `… en nog ${digest.matches.length - shown.length} mogelijke gesprekken.` }] : []),
      ],
    });
  }
  return sections;
}

function introOf(digest: CommunityDigest, place: ConversationKind): string {
  if (digest.optedInCount === 0) return `Nog geen enkel centrum van ${digest.network} doet mee. Een directeur zet meedoen aan met ${commandHint('netwerk aan', place)}.`;
  const withResult = digest.optedInCount - digest.withoutInschaling;
  return (
    `${plural(digest.optedInCount, 'centrum doet', 'centra doen')} mee aan de netwerkvergelijking` +
    (digest.withoutInschaling > 0 ? `; ${plural(withResult, 'heeft', 'hebben')} al een bevestigde inschaling.` : '.')
  );
}

/**
 * The digest's messages: one card per page, each within MAX_COMMUNITY_CARD_BYTES. `place`: the
 * conversation they are posted in (a command hint there carries the @mention).
 */
export function renderCommunityCards(digest: CommunityDigest, occasion: CommunityOccasion, today: string, place: ConversationKind): CardJson[] {
  const pages = communityPages(digest);
  return pages.map((centres, index) => {
    const first = index === 0;
    const pageText = pages.length > 1 ? ` · deel ${index + 1} van ${pages.length}` : '';
    const from = index * pages[0]!.length + 1;
    return expandCard(communityTemplate, {
      title: first ? `Lerende community ${digest.network}` : `Lerende community ${digest.network} (vervolg)`,
      subtitle: `${occasion === 'weekly' ? 'Wekelijks overzicht' : 'Overzicht op vraag'} · ${dutchDate(today)}${pageText}`,
      intro: first ? introOf(digest, place) : '',
      summary: first ? summaryOf(digest) : [],
      centresHeading: pages.length > 1 ? `Centra ${from}–${from + centres.length - 1} van ${digest.centres.length}` : 'Per centrum',
      centres: centres.map(centreView),
      footer:
        'Alleen centra die meedoen (netwerk aan), met hun teamprioriteiten en gekoppelde acties: nooit individuele antwoorden, toelichtingen of stadia. ' +
        `Een directeur stopt met ${commandHint('netwerk uit', place)}; de netwerkcoördinator typt ${commandHint('community status', place)} voor het schema.`,
    });
  });
}

/** Bytes of the largest card (for tests and the size check). */
export function largestCardBytes(cards: readonly CardJson[]): number {
  return Math.max(...cards.map(cardBytes));
}
