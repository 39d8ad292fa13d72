/**
 * Dutch wording of the team result, shared by the cards and the exports. Pure.
 * Stadia are positions on a continuum, never grades: movement is described, not judged.
 */
import { STADIUM_LEVELS, bouwsteenLabel, stadiumName, type BouwsteenId, type StadiumLevel } from '../catalogue';
import type { Ambition, ChoiceOrigin, ContextCategory, DifferenceKind } from '../survey/answers';
import type { Agreement, NoteQuestion, StadiumDistribution } from '../survey/consolidate';

export const AGREEMENT_LABELS: Readonly<Record<Agreement, string>> = {
  eensgezind: 'eensgezind',
  'dicht-bij-elkaar': 'dicht bij elkaar',
  bespreekpunt: 'bespreekpunt',
};

export const AMBITION_LABELS: Readonly<Record<Ambition, string>> = {
  aanhouden: 'dit aanhouden',
  2: 'evolueren naar planmatig',
  3: 'evolueren naar geïntegreerd',
  4: 'evolueren naar systematisch',
};
export const AMBITION_ORDER: readonly Ambition[] = ['aanhouden', 2, 3, 4];

export const CHOICE_LABELS: Readonly<Record<ChoiceOrigin, string>> = {
  welbewust: 'een welbewuste keuze',
  context: 'vooral ingegeven door de organisatiecontext',
  combinatie: 'een combinatie van beide',
};
export const CHOICE_ORDER: readonly ChoiceOrigin[] = ['welbewust', 'context', 'combinatie'];

export const DIFFERENCE_LABELS: Readonly<Record<'nee' | DifferenceKind, string>> = {
  nee: 'nee',
  teams: 'ja, tussen de teams',
  werkgroepen: 'ja, tussen de werkgroepen',
  disciplines: 'ja, tussen de disciplines',
  vestigingen: 'ja, tussen de vestigingen',
  anders: 'ja, anders',
};
export const DIFFERENCE_ORDER: ReadonlyArray<'nee' | DifferenceKind> = ['nee', 'teams', 'werkgroepen', 'disciplines', 'vestigingen', 'anders'];

export const CONTEXT_LABELS: Readonly<Record<ContextCategory | 'none', string>> = {
  missie: 'missie-visie-strategie, kernprocessen en leiderschap',
  mensen: 'mensen en cultuur',
  systemen: 'systemen en structuur',
  none: 'geen',
};
export const CONTEXT_ORDER: ReadonlyArray<ContextCategory | 'none'> = ['missie', 'mensen', 'systemen', 'none'];

export const NOTE_QUESTION_LABELS: Readonly<Record<NoteQuestion, string>> = {
  choice: 'Welbewuste keuze of organisatiecontext',
  difference: 'Verschillen binnen het centrum',
  differenceOther: 'Verschillen: anders',
  levers: 'Hefbomen',
  obstacles: 'Knelpunten',
};

export function stadiumLabel(level: StadiumLevel | undefined): string {
  return level === undefined ? 'geen antwoorden' : stadiumName(level);
}

/** "Fragmentair 1 · Planmatig 2 · Geïntegreerd 0 · Systematisch 0" */
export function distributionText(distribution: StadiumDistribution): string {
  return STADIUM_LEVELS.map((s) => `${stadiumName(s)} ${distribution[s]}`).join(' · ');
}

/** Movement between the previous confirmed stadium and the current one, without judgement. */
export function movementText(delta: number): string {
  if (delta === 0) return 'zelfde plaats op het continuüm';
  const steps = Math.abs(delta) === 1 ? '1 stadium' : `${Math.abs(delta)} stadia`;
  return delta > 0 ? `${steps} verder op het continuüm` : `${steps} terug op het continuüm`;
}

/** "4.1 Behartiger van de leerling" */
export function bouwsteenTitle(id: BouwsteenId): string {
  return bouwsteenLabel(id);
}

/** "2 van de 3" style counts. */
export function ofText(n: number, m: number): string {
  return `${n} van ${m}`;
}
