/**
 * From individual answers to the team inschaling (domain.md, "From individual answers to the team
 * inschaling"). Pure: the same surveys always give the same result, whatever their order.
 *
 * Works on partial rounds too: every member's answers count for the bouwstenen they answered, and
 * every closing answer that is present counts (drafts included). `respondents` per bouwsteen and
 * `submittedCount` tell how complete the picture is.
 *
 * Privacy: in an anonymous round (`open: false`) the result holds no member name or id, and the
 * notes are sorted by question then text, so their order does not reveal who wrote what.
 */
import { BOUWSTEEN_IDS, STADIUM_LEVELS, type BouwsteenId, type StadiumLevel } from '../catalogue/types';
import type {
  Ambition,
  BouwsteenAnswer,
  ChoiceOrigin,
  ContextAnswer,
  ContextCategory,
  DifferenceKind,
  MemberSurvey,
} from './answers';

/** How close the members' stadia are. Never a judgement of the centre, only of the team's agreement. */
export type Agreement = 'eensgezind' | 'dicht-bij-elkaar' | 'bespreekpunt';

/** Which free-text field a note comes from. */
export type NoteQuestion = 'choice' | 'difference' | 'differenceOther' | 'levers' | 'obstacles';

/** The order notes are listed in: the order of the questions in the survey. */
export const NOTE_QUESTION_ORDER: readonly NoteQuestion[] = [
  'choice',
  'difference',
  'differenceOther',
  'levers',
  'obstacles',
];

export interface TeamNote {
  question: NoteQuestion;
  /** The toelichting or "anders" text, trimmed. */
  text: string;
  /** Only present in an open (transparent) round. */
  memberName?: string;
}

export type StadiumDistribution = Record<StadiumLevel, number>;
export type AmbitionDistribution = Record<Ambition, number>;
export type ChoiceDistribution = Record<ChoiceOrigin, number>;
/** Members per answer of question 4; a member may count under several "ja" kinds. */
export type DifferenceDistribution = Record<'nee' | DifferenceKind, number>;
/** Members per category of questions 5/6; `none` = "neen, geen hefbomen/knelpunten". */
export type ContextDistribution = Record<ContextCategory | 'none', number>;

export interface BouwsteenResult {
  bouwsteenId: BouwsteenId;
  /** Members who answered this bouwsteen. */
  respondents: number;
  /** Members per stadium; sums to `respondents`. */
  distribution: StadiumDistribution;
  /**
   * The stadium chosen by most members; on a tie for most, the lower median of all answers.
   * Absent when nobody answered.
   */
  proposedStadium?: StadiumLevel;
  /** true when several stadia share the highest count (then the proposal is the lower median). */
  tie: boolean;
  /** Absent when nobody answered. */
  agreement?: Agreement;
  /** Highest minus lowest stadium answered; absent when nobody answered. */
  spread?: number;
  /** Sums to `respondents`. */
  ambitions: AmbitionDistribution;
  /** Sums to `respondents`. */
  choice: ChoiceDistribution;
  differences: DifferenceDistribution;
  levers: ContextDistribution;
  obstacles: ContextDistribution;
  /** Sorted by question (survey order), then text, then (open rounds) name. */
  notes: TeamNote[];
}

export interface Bespreekpunt {
  bouwsteenId: BouwsteenId;
  spread: number;
  /** true when there was no single most-chosen stadium. */
  tie: boolean;
}

export interface PriorityEntry {
  bouwsteenId: BouwsteenId;
  /** Borda points: position p (0-based) in a member's list gives 5 − p points. */
  points: number;
  /** Members who put it first. */
  firstPlaces: number;
  /** Members who listed it. */
  mentions: number;
  /** 1-based; strict (ties are broken down to catalogue order). */
  rank: number;
}

export interface InspiringCount {
  bouwsteenId: BouwsteenId;
  /** Members who named it as inspirerende praktijk. */
  count: number;
}

export interface InspiringResult {
  /** All 11 bouwstenen, in catalogue order. */
  perBouwsteen: InspiringCount[];
  /** Members who answered "wij zitten momenteel nog niet op het punt ...". */
  notYetInspiringCount: number;
}

export interface TeamResult {
  /** Whether the round is open (transparent): only then do notes carry names. */
  open: boolean;
  /** Members taken into account (all surveys given, answered or not). */
  memberCount: number;
  /** Members who sent their survey definitively. */
  submittedCount: number;
  /** Members with a closing answer (counted for priorities and inspiring). */
  closingCount: number;
  /** All 11 bouwstenen, in catalogue order, also those without answers. */
  bouwstenen: BouwsteenResult[];
  /** Bouwstenen with agreement 'bespreekpunt', largest spread first, then catalogue order. */
  bespreekpunten: Bespreekpunt[];
  /** Bouwstenen mentioned in at least one priority list, by Borda rank. */
  priorities: PriorityEntry[];
  inspiring: InspiringResult;
}

/** Points for a position (0-based) in a priority list: 1st = 5 ... 5th = 1, whatever the list length. */
export const BORDA_MAX_POINTS = 5;

export function bordaPoints(position: number): number {
  return Math.max(0, BORDA_MAX_POINTS - position);
}

const catalogueIndex = (id: BouwsteenId): number => BOUWSTEEN_IDS.indexOf(id);

const isBouwsteenId = (value: unknown): value is BouwsteenId =>
  typeof value === 'string' && (BOUWSTEEN_IDS as readonly string[]).includes(value);

/** Code-unit comparison: deterministic, independent of the host's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct valid bouwstenen of a list, first occurrence kept. */
function distinctIds(ids: readonly BouwsteenId[]): BouwsteenId[] {
  const seen = new Set<BouwsteenId>();
  const result: BouwsteenId[] = [];
  for (const id of ids) {
    if (isBouwsteenId(id) && !seen.has(id)) {
      seen.add(id);
      result.push(id);
    }
  }
  return result;
}

/**
 * The proposal for a list of stadia: the single most-chosen one, or on a tie for most the lower
 * median (for an even count the lower of the two middle values).
 */
export function proposeStadium(
  stadia: readonly StadiumLevel[],
): { proposedStadium: StadiumLevel; tie: boolean } | undefined {
  if (stadia.length === 0) return undefined;
  const counts = countStadia(stadia);
  const max = Math.max(...STADIUM_LEVELS.map((s) => counts[s]));
  const mostChosen = STADIUM_LEVELS.filter((s) => counts[s] === max);
  if (mostChosen.length === 1) return { proposedStadium: mostChosen[0]!, tie: false };
  return { proposedStadium: lowerMedian(stadia), tie: true };
}

/** The lower median of a non-empty list. */
export function lowerMedian(stadia: readonly StadiumLevel[]): StadiumLevel {
  const sorted = [...stadia].sort((a, b) => a - b);
  const value = sorted[Math.floor((sorted.length - 1) / 2)];
  if (value === undefined) throw new RangeError('lowerMedian needs at least one stadium');
  return value;
}

function countStadia(stadia: readonly StadiumLevel[]): StadiumDistribution {
  const counts: StadiumDistribution = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const s of stadia) counts[s] += 1;
  return counts;
}

/** Agreement of a non-empty list of stadia. */
export function agreementOf(stadia: readonly StadiumLevel[]): { agreement: Agreement; spread: number } | undefined {
  const proposal = proposeStadium(stadia);
  if (proposal === undefined) return undefined;
  const spread = Math.max(...stadia) - Math.min(...stadia);
  if (spread === 0) return { agreement: 'eensgezind', spread };
  if (spread === 1 && !proposal.tie) return { agreement: 'dicht-bij-elkaar', spread };
  return { agreement: 'bespreekpunt', spread };
}

function countContext(answers: readonly ContextAnswer[]): ContextDistribution {
  const counts: ContextDistribution = { missie: 0, mensen: 0, systemen: 0, none: 0 };
  for (const answer of answers) {
    if (answer.none) {
      counts.none += 1;
      continue;
    }
    for (const category of new Set(answer.categories)) counts[category] += 1;
  }
  return counts;
}

function notesOf(answer: BouwsteenAnswer): Array<{ question: NoteQuestion; text: string }> {
  const raw: Array<[NoteQuestion, string | undefined]> = [
    ['choice', answer.choiceNote],
    ['difference', answer.differenceNote],
    ['differenceOther', answer.difference.otherText],
    ['levers', answer.leversNote],
    ['obstacles', answer.obstaclesNote],
  ];
  const notes: Array<{ question: NoteQuestion; text: string }> = [];
  for (const [question, text] of raw) {
    const trimmed = typeof text === 'string' ? text.trim() : '';
    if (trimmed !== '') notes.push({ question, text: trimmed });
  }
  return notes;
}

function compareNotes(a: TeamNote, b: TeamNote): number {
  return (
    NOTE_QUESTION_ORDER.indexOf(a.question) - NOTE_QUESTION_ORDER.indexOf(b.question) ||
    compareText(a.text, b.text) ||
    compareText(a.memberName ?? '', b.memberName ?? '')
  );
}

function consolidateBouwsteen(
  bouwsteenId: BouwsteenId,
  answered: ReadonlyArray<{ survey: MemberSurvey; answer: BouwsteenAnswer }>,
  open: boolean,
): BouwsteenResult {
  const stadia = answered.map(({ answer }) => answer.stadium);

  const ambitions: AmbitionDistribution = { aanhouden: 0, 2: 0, 3: 0, 4: 0 };
  const choice: ChoiceDistribution = { welbewust: 0, context: 0, combinatie: 0 };
  const differences: DifferenceDistribution = {
    nee: 0,
    teams: 0,
    werkgroepen: 0,
    disciplines: 0,
    vestigingen: 0,
    anders: 0,
  };
  const notes: TeamNote[] = [];

  for (const { survey, answer } of answered) {
    ambitions[answer.ambition] += 1;
    choice[answer.choice] += 1;
    if (answer.difference.none) {
      differences.nee += 1;
    } else {
      for (const kind of new Set(answer.difference.kinds)) differences[kind] += 1;
    }
    for (const note of notesOf(answer)) {
      notes.push(open ? { ...note, memberName: survey.memberName } : note);
    }
  }
  notes.sort(compareNotes);

  const result: BouwsteenResult = {
    bouwsteenId,
    respondents: answered.length,
    distribution: countStadia(stadia),
    tie: false,
    ambitions,
    choice,
    differences,
    levers: countContext(answered.map(({ answer }) => answer.levers)),
    obstacles: countContext(answered.map(({ answer }) => answer.obstacles)),
    notes,
  };
  const proposal = proposeStadium(stadia);
  const agreement = agreementOf(stadia);
  if (proposal !== undefined && agreement !== undefined) {
    result.proposedStadium = proposal.proposedStadium;
    result.tie = proposal.tie;
    result.agreement = agreement.agreement;
    result.spread = agreement.spread;
  }
  return result;
}

/** Borda count over the given priority lists; see `PriorityEntry`. */
export function rankPriorities(lists: ReadonlyArray<readonly BouwsteenId[]>): PriorityEntry[] {
  const tally = new Map<BouwsteenId, { points: number; firstPlaces: number; mentions: number }>();
  for (const list of lists) {
    distinctIds(list).forEach((id, position) => {
      const points = bordaPoints(position);
      if (points <= 0) return; // beyond the 5th place: not a valid list, ignored
      const entry = tally.get(id) ?? { points: 0, firstPlaces: 0, mentions: 0 };
      entry.points += points;
      entry.mentions += 1;
      if (position === 0) entry.firstPlaces += 1;
      tally.set(id, entry);
    });
  }
  return [...tally.entries()]
    .map(([bouwsteenId, t]) => ({ bouwsteenId, ...t }))
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.firstPlaces - a.firstPlaces ||
        b.mentions - a.mentions ||
        catalogueIndex(a.bouwsteenId) - catalogueIndex(b.bouwsteenId),
    )
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/** Consolidates the members' answers of one round into the team view. */
export function consolidateRound(surveys: readonly MemberSurvey[], options: { open: boolean }): TeamResult {
  const open = options.open;

  const bouwstenen = BOUWSTEEN_IDS.map((bouwsteenId) => {
    const answered: Array<{ survey: MemberSurvey; answer: BouwsteenAnswer }> = [];
    for (const survey of surveys) {
      const answer = survey.answers[bouwsteenId];
      if (answer !== undefined) answered.push({ survey, answer });
    }
    return consolidateBouwsteen(bouwsteenId, answered, open);
  });

  const bespreekpunten: Bespreekpunt[] = bouwstenen
    .filter((b) => b.agreement === 'bespreekpunt')
    .map((b) => ({ bouwsteenId: b.bouwsteenId, spread: b.spread ?? 0, tie: b.tie }))
    .sort((a, b) => b.spread - a.spread || catalogueIndex(a.bouwsteenId) - catalogueIndex(b.bouwsteenId));

  const closings = surveys.flatMap((s) => (s.closing === undefined ? [] : [s.closing]));

  const inspiringCounts = new Map<BouwsteenId, number>();
  let notYetInspiringCount = 0;
  for (const closing of closings) {
    if (closing.notYetInspiring) {
      notYetInspiringCount += 1; // exclusive: any listed bouwstenen are ignored
      continue;
    }
    for (const id of distinctIds(closing.inspiring)) inspiringCounts.set(id, (inspiringCounts.get(id) ?? 0) + 1);
  }

  return {
    open,
    memberCount: surveys.length,
    submittedCount: surveys.filter((s) => s.submittedAt !== undefined && s.submittedAt !== '').length,
    closingCount: closings.length,
    bouwstenen,
    bespreekpunten,
    priorities: rankPriorities(closings.map((c) => c.priorities)),
    inspiring: {
      perBouwsteen: BOUWSTEEN_IDS.map((bouwsteenId) => ({ bouwsteenId, count: inspiringCounts.get(bouwsteenId) ?? 0 })),
      notYetInspiringCount,
    },
  };
}

/** The proposed team stadia of a result, e.g. as `current` for `compareGrowth`. */
export function proposedStadia(result: TeamResult): Partial<Record<BouwsteenId, StadiumLevel>> {
  const stadia: Partial<Record<BouwsteenId, StadiumLevel>> = {};
  for (const b of result.bouwstenen) {
    if (b.proposedStadium !== undefined) stadia[b.bouwsteenId] = b.proposedStadium;
  }
  return stadia;
}
