/**
 * The result of one bouwsteen as counted groups with their Dutch labels: one view model read by
 * both the detail card (cards/result.ts) and the export (export.ts), so they never drift apart.
 * Pure.
 */
import { STADIUM_LEVELS, stadiumName, type StadiumLevel } from '../catalogue';
import type { Ambition } from '../survey/answers';
import type { BouwsteenResult } from '../survey/consolidate';
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
} from './labels';

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
