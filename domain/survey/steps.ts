/**
 * A bouwsteen is answered in five short steps (parts), so every step card fits the visible chat:
 * Teams and the Agents Playground keep the view at the bottom of a message, and only about 635 px of
 * chat are visible at 1280×800. The six questions of seed 004 §7.2 keep their numbers and order.
 * Navigation rules are pure: the dialog asks here where a click leads.
 */
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';
import { validateBouwsteenForm, type BouwsteenField, type BouwsteenForm, type FieldErrors } from './validate';

export const PART_NUMBERS = [1, 2, 3, 4, 5] as const;
export type PartNumber = (typeof PART_NUMBERS)[number];

export interface SurveyPart {
  part: PartNumber;
  /** The card inputs of this part (questions with their Toelichting and "anders" fields). */
  fields: readonly BouwsteenField[];
  /** The question numbers it holds, for "vragen 3 en 4 van 6". */
  questions: readonly number[];
}

export const SURVEY_PARTS: readonly SurveyPart[] = [
  // The stadium and the ambition belong together: the ambition is checked against the stadium.
  { part: 1, fields: ['stadium', 'ambition'], questions: [1, 2] },
  // Questions 3 to 6 each have long options (and a Toelichting): two of them would not fit the
  // visible chat at 1280×800 for the bouwstenen with a two-line title.
  { part: 2, fields: ['choice', 'choiceNote'], questions: [3] },
  { part: 3, fields: ['difference', 'differenceOther', 'differenceNote'], questions: [4] },
  { part: 4, fields: ['levers', 'leversNote'], questions: [5] },
  { part: 5, fields: ['obstacles', 'obstaclesNote'], questions: [6] },
];

export const LAST_PART: PartNumber = 5;

export function partOf(part: PartNumber): SurveyPart {
  return SURVEY_PARTS[part - 1]!;
}

/** Which part a field is asked in. */
export function partOfField(field: BouwsteenField): PartNumber {
  return SURVEY_PARTS.find((p) => p.fields.includes(field))!.part;
}

/** A step of the survey: one part of one bouwsteen. */
export interface BouwsteenStep {
  bouwsteenId: BouwsteenId;
  part: PartNumber;
}

/**
 * The stored position of a step: "4.1" for its first part (as positions were stored before the
 * split), "4.1~2" to "4.1~5" for the others.
 */
export function stepPosition(step: BouwsteenStep): string {
  return step.part === 1 ? step.bouwsteenId : `${step.bouwsteenId}~${step.part}`;
}

/** The step a stored position names, or undefined when it is not a bouwsteen step. */
export function parseStepPosition(position: string): BouwsteenStep | undefined {
  const [id, part = '1'] = position.split('~');
  if (!(BOUWSTEEN_IDS as readonly string[]).includes(id ?? '')) return undefined;
  const n = Number(part);
  if (!(PART_NUMBERS as readonly number[]).includes(n)) return undefined;
  return { bouwsteenId: id as BouwsteenId, part: n as PartNumber };
}

/** The errors of one part only (what blocks Volgende on that part's card). */
export function errorsInPart(errors: FieldErrors<BouwsteenField>, part: PartNumber): FieldErrors<BouwsteenField> {
  const fields = partOf(part).fields;
  return Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field as BouwsteenField))) as FieldErrors<BouwsteenField>;
}

/** The parts of a bouwsteen's form that still need an answer (or have one that is not valid). */
export function incompleteParts(bouwsteenId: BouwsteenId, form: BouwsteenForm | undefined): PartNumber[] {
  const validation = validateBouwsteenForm(bouwsteenId, form ?? {});
  if (validation.ok) return [];
  return PART_NUMBERS.filter((part) => Object.keys(errorsInPart(validation.errors, part)).length > 0);
}

/** Where to enter a bouwsteen: its first part that still needs an answer, else its first part. */
export function entryStep(bouwsteenId: BouwsteenId, form: BouwsteenForm | undefined): BouwsteenStep {
  return { bouwsteenId, part: incompleteParts(bouwsteenId, form)[0] ?? 1 };
}

export type NextTarget = { step: BouwsteenStep } | { overview: true };

/**
 * Where Volgende leads from a part whose own answers are valid: to the next part of this bouwsteen
 * that still needs an answer; when the bouwsteen is complete, to the next bouwsteen (at its first
 * open part), or back to the overview once every bouwsteen is complete (a change made from there).
 * An earlier part left open (the member went back and emptied it) is shown again before moving on.
 */
export function nextTarget(
  from: BouwsteenStep,
  form: BouwsteenForm,
  formOf: (id: BouwsteenId) => { form?: BouwsteenForm; complete: boolean } | undefined,
): NextTarget {
  const open = incompleteParts(from.bouwsteenId, form);
  const later = open.find((p) => p > from.part);
  if (later) return { step: { bouwsteenId: from.bouwsteenId, part: later } };
  if (open.length > 0) return { step: { bouwsteenId: from.bouwsteenId, part: open[0]! } };
  const othersComplete = BOUWSTEEN_IDS.every((id) => id === from.bouwsteenId || formOf(id)?.complete);
  if (othersComplete) return { overview: true };
  const next = BOUWSTEEN_IDS[BOUWSTEEN_IDS.indexOf(from.bouwsteenId) + 1];
  if (!next) return { overview: true };
  return { step: entryStep(next, formOf(next)?.form) };
}

/** Where Vorige leads: the previous part, or the previous bouwsteen's last part, or the intro. */
export function previousStep(from: BouwsteenStep): BouwsteenStep | undefined {
  if (from.part > 1) return { bouwsteenId: from.bouwsteenId, part: (from.part - 1) as PartNumber };
  const index = BOUWSTEEN_IDS.indexOf(from.bouwsteenId);
  return index > 0 ? { bouwsteenId: BOUWSTEEN_IDS[index - 1]!, part: LAST_PART } : undefined;
}
