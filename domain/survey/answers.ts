/**
 * A member's answers to the inschaling (seed 004, sections 7.2 and 7.3), as typed data.
 * Validation rules live in ./validate.ts; this file only defines the shapes and option lists.
 */
import type { BouwsteenId, StadiumLevel } from '../catalogue/types';

/** Question 2: keep the current stadium, or evolve to a higher one. */
export type Ambition = 'aanhouden' | 2 | 3 | 4;

/** Question 3. */
export type ChoiceOrigin = 'welbewust' | 'context' | 'combinatie';

/** Question 4: the "ja" variants. "nee" is represented by an empty list with `nee: true`. */
export type DifferenceKind = 'teams' | 'werkgroepen' | 'disciplines' | 'vestigingen' | 'anders';

/** Questions 5 and 6: the categories of levers (hefbomen) and obstacles (knelpunten). */
export type ContextCategory = 'missie' | 'mensen' | 'systemen';

export interface DifferenceAnswer {
  /** true = "nee" (then `kinds` is empty). */
  none: boolean;
  kinds: DifferenceKind[];
  /** Required text when kinds includes 'anders'. */
  otherText?: string;
}

export interface ContextAnswer {
  /** true = "neen, geen hefbomen/knelpunten" (then `categories` is empty). */
  none: boolean;
  categories: ContextCategory[];
}

/** One member's complete answer for one bouwsteen. */
export interface BouwsteenAnswer {
  bouwsteenId: BouwsteenId;
  stadium: StadiumLevel;
  ambition: Ambition;
  choice: ChoiceOrigin;
  choiceNote?: string;
  difference: DifferenceAnswer;
  differenceNote?: string;
  levers: ContextAnswer;
  leversNote?: string;
  obstacles: ContextAnswer;
  obstaclesNote?: string;
}

/** Section 7.3. */
export interface ClosingAnswer {
  /** true = "wij zitten momenteel nog niet op het punt ..." (then `inspiring` is empty). */
  notYetInspiring: boolean;
  /** Up to 3 distinct bouwstenen. */
  inspiring: BouwsteenId[];
  /** 3 to 5 distinct bouwstenen, most important first. */
  priorities: BouwsteenId[];
}

/** Everything one member answered in one round. */
export interface MemberSurvey {
  memberId: string;
  /** Display name; only shown when the round is open (transparent). */
  memberName: string;
  answers: Partial<Record<BouwsteenId, BouwsteenAnswer>>;
  closing?: ClosingAnswer;
  /** Set when the member sent the survey definitively. */
  submittedAt?: string;
}

/** Option lists with the exact Dutch labels of seed 004 (domain.md). */
export const AMBITION_OPTIONS: ReadonlyArray<{ value: Ambition; label: string }> = [
  { value: 'aanhouden', label: 'dit aanhouden' },
  { value: 2, label: 'evolueren naar planmatig' },
  { value: 3, label: 'evolueren naar geïntegreerd' },
  { value: 4, label: 'evolueren naar systematisch' },
];

export const CHOICE_OPTIONS: ReadonlyArray<{ value: ChoiceOrigin; label: string }> = [
  { value: 'welbewust', label: 'is een welbewuste keuze' },
  { value: 'context', label: 'is geen welbewuste keuze, maar is vooral ingegeven door de organisatiecontext' },
  { value: 'combinatie', label: 'is een combinatie van beide' },
];

export const DIFFERENCE_OPTIONS: ReadonlyArray<{ value: 'nee' | DifferenceKind; label: string }> = [
  { value: 'nee', label: 'nee' },
  { value: 'teams', label: 'ja, tussen de teams' },
  { value: 'werkgroepen', label: 'ja, tussen de werkgroepen' },
  { value: 'disciplines', label: 'ja, tussen de disciplines' },
  { value: 'vestigingen', label: 'ja, tussen de vestigingen' },
  { value: 'anders', label: 'ja, anders:' },
];

export const CONTEXT_CATEGORY_LABELS: Readonly<Record<ContextCategory, string>> = {
  missie: 'gelinkt aan missie-visie-strategie, kernprocessen en leiderschap',
  mensen: 'gelinkt aan mensen en cultuur (bv. mindset, competenties of talenten, groepsdynamiek, waarden en normen...)',
  systemen: 'gelinkt aan systemen en structuur (bv. wetgeving, overleg, infrastructuur, middelen, IT...)',
};

export const NO_LEVERS_LABEL = 'neen, wij ondervinden momenteel geen hefbomen in onze organisatiecontext.';
export const NO_OBSTACLES_LABEL = 'neen, wij ondervinden momenteel geen knelpunten in onze organisatiecontext.';
export const NOT_YET_INSPIRING_LABEL =
  'wij zitten momenteel nog niet op het punt dat we een inspirerende praktijk kunnen bieden';

/** Text limits for toelichtingen and "anders" (keeps a row per bouwsteen well under 64 KiB per property). */
export const NOTE_MAX_LENGTH = 2000;
export const OTHER_TEXT_MAX_LENGTH = 200;
