/**
 * The weekly action digest card. Pure: DigestContent in, Adaptive Card 1.5 out.
 * Holds no individual survey answers (the round is counts only) and @-mentions nobody: owners are
 * plain text. Long lists are cut with "… en nog n" so the card stays well under 80 KB.
 */
import type { DigestContent, DigestItem } from '../domain/digest/compose';
import { ACTION_STATUS_LABELS } from '../domain/plan/model';
import { schoolYearOfDate } from '../domain/schoolYear';
import { submittedSentence } from '../domain/text/dutch';
import type { CardJson } from './cardJson';
import { cardBytes, expandCard, prepareCard } from './render';
import digestJson from './templates/digest.json';
import { dutchDate, dutchShortDate } from '../domain/time';

const digestTemplate = prepareCard(digestJson);

export const MAX_DIGEST_CARD_BYTES = 80 * 1024;

export type DigestOccasion = 'weekly' | 'manual';

interface Line {
  title: string;
  meta: string;
}

interface Section {
  heading: string;
  items: Line[];
  more: string;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function more(hidden: number): string {
  return hidden > 0 ? `… en nog ${plural(hidden, 'actie', 'acties')}.` : '';
}

/** As `status` names them. */
function ownerOf(item: DigestItem): string {
  return item.owner ?? 'zonder eigenaar';
}

/** "ma 25 mei", with the year when the date lies outside the school year of `today`. */
export function digestDate(isoDate: string, today: string): string {
  return schoolYearOfDate(isoDate) === schoolYearOfDate(today) ? dutchShortDate(isoDate) : `${dutchShortDate(isoDate)} ${isoDate.slice(0, 4)}`;
}

function speerpuntOf(item: DigestItem): string {
  return item.speerpunt !== undefined ? ` · speerpunt ${item.speerpunt}` : '';
}

function dueWhen(daysLeft: number): string {
  if (daysLeft === 0) return 'vandaag';
  if (daysLeft === 1) return 'morgen';
  return `over ${daysLeft} dagen`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function section<T extends DigestItem>(heading: string, items: T[], meta: (item: T) => string, limit: number): Section | undefined {
  if (items.length === 0) return undefined;
  return {
    heading,
    items: items.slice(0, limit).map((item) => ({ title: item.title, meta: meta(item) })),
    more: more(items.length - limit),
  };
}

function roundText(content: DigestContent): string {
  const round = content.round;
  if (!round) return '';
  const when =
    round.daysLeft < 0 ? 'verstreken' : round.daysLeft === 0 ? 'vandaag' : round.daysLeft === 1 ? 'morgen' : `nog ${round.daysLeft} dagen`;
  return (
    `${submittedSentence(round.finished, round.participants)} Deadline: ${dutchDate(round.deadline)} (${when}).`
  );
}

function emptyText(content: DigestContent): string {
  if (!content.hasPlan) return 'Niets te melden: er is nog geen beleidsplan geladen en er loopt geen inschalingsronde.';
  return (
    'Niets te melden deze week: geen acties met een deadline in de komende 7 dagen, niets achterstallig, ' +
    'niets afgerond in de voorbije week en geen open inschalingsronde.'
  );
}

function viewOf(content: DigestContent, occasion: DigestOccasion, limit: number) {
  const sections = content.isEmpty
    ? []
    : [
        section('Deadline in de komende 7 dagen', content.dueSoon, (i) => `${ownerOf(i)} · deadline ${digestDate(i.deadline, content.today)} (${dueWhen(i.daysLeft)})${speerpuntOf(i)}`, limit),
        section('Achterstallig', content.overdue, (i) => `${ownerOf(i)} · deadline ${digestDate(i.deadline, content.today)} (${plural(i.daysLate, 'dag', 'dagen')} over tijd)${speerpuntOf(i)}`, limit),
        section('Afgerond in de voorbije week', content.completed, (i) => `${ownerOf(i)} · afgerond op ${digestDate(i.completedOn, content.today)}${speerpuntOf(i)}`, limit),
      ].filter((s): s is Section => s !== undefined);

  const progress = content.isEmpty
    ? []
    : content.speerpunten.map((sp) => ({
        title: truncate(`Speerpunt ${sp.number}: ${sp.title}`, 80),
        value:
          sp.counted === 0
            ? 'nog geen acties'
            : sp.progressText + (sp.overdue > 0 ? ` ${sp.overdue} achterstallig.` : ''),
      }));

  const actionLimit = Math.max(3, Math.floor(limit / 2));
  const priorities = content.isEmpty
    ? []
    : content.priorities.map((p) => {
        const lines = p.actions.slice(0, actionLimit).map((a) => ({
          text: `• ${a.title} · ${ownerOf(a)} · ${ACTION_STATUS_LABELS[a.status].toLowerCase()}${a.deadline ? ` · deadline ${digestDate(a.deadline, content.today)}` : ''}`,
        }));
        if (p.actions.length === 0) lines.push({ text: 'Nog geen acties gekoppeld.' });
        const hidden = p.actions.length - actionLimit;
        if (hidden > 0) lines.push({ text: more(hidden) });
        return { heading: `Prioriteit ${p.rank}: ${p.label}`, lines };
      });

  return {
    title: occasion === 'weekly' ? 'Wekelijks actieoverzicht' : 'Actieoverzicht',
    subtitle: `${content.centreName} · ${dutchDate(content.today)}`,
    empty: content.isEmpty,
    emptyText: emptyText(content),
    sections,
    progress,
    priorities,
    roundText: roundText(content),
    footer:
      occasion === 'weekly'
        ? 'Elke week van Poolster. De directeur typt **digest status** voor het schema of **digest uit** om te stoppen.'
        : 'Op vraag gepost. Het wekelijkse overzicht komt zoals gepland.',
  };
}

/** The digest card; lists are shortened until the card fits in MAX_DIGEST_CARD_BYTES. */
export function renderDigestCard(content: DigestContent, occasion: DigestOccasion): CardJson {
  let card: CardJson | undefined;
  for (const limit of [10, 6, 3, 1]) {
    card = expandCard(digestTemplate, viewOf(content, occasion, limit));
    if (cardBytes(card) <= MAX_DIGEST_CARD_BYTES) return card;
  }
  return card!;
}
