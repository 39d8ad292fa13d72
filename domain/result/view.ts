/**
 * The team result as its cards (cards/result.ts) and the export (export.ts) show it: the counted
 * groups of one bouwsteen with their Dutch labels, read by both so they never drift apart, and the
 * facts and sentences of the result cards. Pure.
 */
import { BOUWSTEEN_IDS, STADIUM_LEVELS, stadiumName, type BouwsteenId, type StadiumLevel } from '../catalogue';
import type { Ambition } from '../survey/answers';
import { proposedStadia, type Bespreekpunt, type BouwsteenResult, type TeamNote, type TeamResult } from '../survey/consolidate';
import { compareGrowth } from '../survey/growth';
import { submittedSentence } from '../text/dutch';
import { formatDutchInstant } from '../time';
import { quotedCommand, type ConversationKind } from '../conversation';
import { toConfirmedInschaling, type Inschaling, type ResultSnapshot } from './inschaling';
import {
  AGREEMENT_LABELS,
  AMBITION_LABELS,
  AMBITION_ORDER,
  CHOICE_LABELS,
  CHOICE_ORDER,
  CONTEXT_LABELS,
  CONTEXT_ORDER,
  DIFFERENCE_LABELS,
  DIFFERENCE_ORDER,
  bouwsteenTitle,
  distributionText,
  movementText,
} from './labels';

/** One line of a FactSet: a title and its value. */
export type Fact = { title: string; value: string };

export interface CountEntry<K = string | number> {
  key: K;
  label: string;
  count: number;
}

export interface CountGroup<K = string | number> {
  /** The heading on the card. */
  title: string;
  /** The export's column names: "<prefix><label>". */
  columnPrefix: string;
  entries: Array<CountEntry<K>>;
}

export interface BouwsteenCounts {
  stadia: CountGroup<StadiumLevel>;
  ambitions: CountGroup<Ambition>;
  /** Questions 3 to 6, in survey order. */
  context: CountGroup[];
}

type Bouwsteen = Pick<BouwsteenResult, 'distribution' | 'ambitions' | 'choice' | 'differences' | 'levers' | 'obstacles'>;

export function bouwsteenCounts(b: Bouwsteen): BouwsteenCounts {
  return {
    stadia: {
      title: 'Huidige situering: aantal leden per stadium',
      columnPrefix: 'Aantal ',
      entries: STADIUM_LEVELS.map((s) => ({ key: s, label: stadiumName(s), count: b.distribution[s] })),
    },
    ambitions: {
      title: 'Naar de toekomst willen we (aantal leden)',
      columnPrefix: 'Ambitie: ',
      entries: AMBITION_ORDER.map((a) => ({ key: a, label: AMBITION_LABELS[a], count: b.ambitions[a] })),
    },
    context: [
      { title: 'De manier waarop we vandaag bezig zijn, is …', columnPrefix: 'Vandaag: ', entries: CHOICE_ORDER.map((c) => ({ key: c, label: CHOICE_LABELS[c], count: b.choice[c] })) },
      {
        title: 'Verschil in situering tussen teams, werkgroepen, disciplines of vestigingen',
        columnPrefix: 'Verschillen: ',
        entries: DIFFERENCE_ORDER.map((d) => ({ key: d, label: DIFFERENCE_LABELS[d], count: b.differences[d] })),
      },
      { title: 'Hefbomen in de organisatiecontext', columnPrefix: 'Hefbomen: ', entries: CONTEXT_ORDER.map((c) => ({ key: c, label: CONTEXT_LABELS[c], count: b.levers[c] })) },
      { title: 'Knelpunten in de organisatiecontext', columnPrefix: 'Knelpunten: ', entries: CONTEXT_ORDER.map((c) => ({ key: c, label: CONTEXT_LABELS[c], count: b.obstacles[c] })) },
    ],
  };
}

/** The export's column names of a group. */
export function groupColumns(group: CountGroup): string[] {
  return group.entries.map((e) => `${group.columnPrefix}${e.label}`);
}

/** The proposed team stadium, in words (a tie says how it was decided). */
export function proposalText(b: Pick<BouwsteenResult, 'proposedStadium' | 'tie'>): string {
  if (b.proposedStadium === undefined) return 'nog geen antwoorden';
  return b.tie ? `${stadiumName(b.proposedStadium)} (gelijke stand: het middelste van alle antwoorden, te bespreken)` : stadiumName(b.proposedStadium);
}

/** "dicht bij elkaar (spreiding 1 stadium)" */
export function agreementText(b: Pick<BouwsteenResult, 'agreement' | 'spread' | 'tie'>): string {
  if (!b.agreement) return '–';
  const spread = b.spread ?? 0;
  const spreadText = spread === 0 ? '' : ` (spreiding ${spread} ${spread === 1 ? 'stadium' : 'stadia'})`;
  return `${AGREEMENT_LABELS[b.agreement]}${spreadText}${b.tie ? ' · gelijke stand' : ''}`;
}

/** Per bouwsteen: the previous confirmed stadium next to the current one (compareGrowth). */
export function growthFacts(current: Partial<Record<BouwsteenId, StadiumLevel>>, previous: Inschaling | undefined, currentWord: string): Map<BouwsteenId, Fact> {
  const facts = new Map<BouwsteenId, Fact>();
  if (!previous) return facts;
  for (const entry of compareGrowth(toConfirmedInschaling(previous), current)) {
    if (entry.previous === undefined) continue;
    const movement = entry.delta === undefined ? '' : ` → ${currentWord}: ${movementText(entry.delta)}`;
    facts.set(entry.bouwsteenId, { title: `Bevestigd ${previous.schoolYear}`, value: `${stadiumName(entry.previous)}${movement}` });
  }
  return facts;
}

/** The stadia to compare with the previous year: confirmed where confirmed, else the proposal. */
export function currentStadia(result: Pick<TeamResult, 'bouwstenen'>, inschaling: Inschaling | undefined): Partial<Record<BouwsteenId, StadiumLevel>> {
  if (inschaling) return toConfirmedInschaling(inschaling).stadia;
  return proposedStadia(result as TeamResult);
}

/** The confirmed stadium of a bouwsteen and the director's reason, when confirmed. */
export function confirmedFact(inschaling: Inschaling | undefined, id: BouwsteenId): Fact[] {
  const c = inschaling?.confirmations[id];
  if (!c) return [];
  const facts: Fact[] = [{ title: 'Bevestigd teamstadium', value: stadiumName(c.stadium) }];
  if (c.reason) facts.push({ title: c.proposal !== undefined && c.proposal !== c.stadium ? 'Reden' : 'Toelichting directeur', value: c.reason });
  return facts;
}

/** The team priorities (and the other bouwstenen mentioned) with their points, in rank order. */
export function priorityFacts(priorities: ResultSnapshot['priorities'], team: readonly BouwsteenId[]) {
  const fact = (p: ResultSnapshot['priorities'][number]) => ({
    title: `${p.rank}. ${bouwsteenTitle(p.bouwsteenId)}`,
    value: `${p.points} punten · ${p.firstPlaces}× op de eerste plaats · ${p.mentions} ${p.mentions === 1 ? 'vermelding' : 'vermeldingen'}`,
  });
  const sorted = [...priorities].sort((a, b) => a.rank - b.rank);
  return {
    priorities: sorted.filter((p) => team.includes(p.bouwsteenId)).map(fact),
    alsoMentioned: sorted.filter((p) => !team.includes(p.bouwsteenId)).map(fact),
  };
}

/** How many members named each bouwsteen as an inspiring practice, most first. */
export function inspiringFacts(inspiring: ResultSnapshot['inspiring'], closingCount: number): Fact[] {
  const facts = inspiring.perBouwsteen
    .filter((i) => i.count > 0)
    .sort((a, b) => b.count - a.count || BOUWSTEEN_IDS.indexOf(a.bouwsteenId) - BOUWSTEEN_IDS.indexOf(b.bouwsteenId))
    .map((i) => ({ title: bouwsteenTitle(i.bouwsteenId), value: `${i.count} van ${closingCount} ${closingCount === 1 ? 'lid' : 'leden'}` }));
  if (inspiring.notYetInspiringCount > 0) {
    facts.push({ title: 'Nog niet op dat punt', value: `${inspiring.notYetInspiringCount} van ${closingCount} ${closingCount === 1 ? 'lid' : 'leden'}` });
  }
  return facts;
}

/** Who answered: the submitted count and those who answered the closing questions. */
export function respondentsText(r: Pick<ResultSnapshot, 'memberCount' | 'submittedCount' | 'closingCount'>): string {
  return `${submittedSentence(r.submittedCount, r.memberCount)} Per bouwsteen tellen alle volledig ingevulde antwoorden; ${r.closingCount} ${r.closingCount === 1 ? 'lid beantwoordde' : 'leden beantwoordden'} de overkoepelende vragen.`;
}

/** Where the result stands: interim, confirmed, published, or confirmed from another round. */
export function statusText(context: {
  schoolYear: string;
  roundOpen: boolean;
  inschaling?: Inschaling;
  confirmedFromOtherRound?: boolean;
  /** Where the card is shown; absent: the 1:1 chat. Its command hints carry the @mention elsewhere. */
  place?: ConversationKind;
}): string {
  const i = context.inschaling;
  if (i?.published && i.publishedAt) {
    return `Bevestigd door ${i.confirmedByName} op ${formatDutchInstant(i.confirmedAt)} en gepubliceerd op ${formatDutchInstant(i.publishedAt)}: de leden zien het teamresultaat met ${quotedCommand('resultaat', context.place ?? 'personal')}.`;
  }
  if (i) return `Bevestigd door ${i.confirmedByName} op ${formatDutchInstant(i.confirmedAt)}. Nog niet gepubliceerd: de leden zien het pas na de knop Publiceer voor het team.`;
  if (context.roundOpen) return `De ronde loopt nog: dit is een tussentijds resultaat. Sluit de ronde met ${quotedCommand('sluit inschaling', context.place ?? 'personal')} om de teamstadia te bevestigen.`;
  if (context.confirmedFromOtherRound) return `Voor ${context.schoolYear} werd al een andere ronde bevestigd. Bevestig je deze ronde, dan vervangt ze die bevestiging.`;
  return 'Nog niet bevestigd. Bespreek het resultaat met het team en bevestig daarna de teamstadia.';
}

/** Note text as shown: quoted, with the author only in an open round. */
export function noteText(note: TeamNote): string {
  return note.memberName ? `${note.text}\n\n— ${note.memberName}` : note.text;
}

/** A bespreekpunt's spread (from which stadium to which), distribution and proposal. */
export function bespreekpuntFacts(p: Pick<Bespreekpunt, 'spread' | 'tie'>, b: Pick<BouwsteenResult, 'distribution' | 'proposedStadium' | 'tie'>): Fact[] {
  const answered = STADIUM_LEVELS.filter((s) => b.distribution[s] > 0);
  const range = answered.length > 0 ? `van ${stadiumName(answered[0]!)} tot ${stadiumName(answered[answered.length - 1]!)}` : '';
  const facts: Fact[] = [
    { title: 'Spreiding', value: `${p.spread} ${p.spread === 1 ? 'stadium' : 'stadia'}${range ? ` (${range})` : ''}` },
    { title: 'Verdeling', value: distributionText(b.distribution) },
    { title: 'Voorstel', value: proposalText(b) },
  ];
  if (p.tie) facts.push({ title: 'Gelijke stand', value: 'geen stadium werd het vaakst gekozen' });
  return facts;
}
