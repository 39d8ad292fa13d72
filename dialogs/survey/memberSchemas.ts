/**
 * What the member's survey cards send (zod at the boundary): one schema per card verb.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue';
import { PART_NUMBERS, type PartNumber } from '../../domain/survey/steps';
import { bouwsteenFormSchema, closingFormSchema } from '../../domain/survey/validate';

const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000);
const bouwsteenId = z.enum(BOUWSTEEN_IDS as unknown as [BouwsteenId, ...BouwsteenId[]]);
// A number 1..3 (PartNumber); the router types an action by its schema's input, so read it with asPart.
const part = z.coerce.number().int().min(1).max(PART_NUMBERS.length);

export function asPart(n: number | undefined): PartNumber | undefined {
  return n === undefined ? undefined : (PART_NUMBERS.find((p) => p === n) ?? 1);
}
const nav = z.enum(['prev', 'next', 'later']);

export const openSchema = z.object({
  roundId: id,
  target: z.union([z.enum(['resume', 'intro', 'overview', 'closing', 'confirm']), bouwsteenId]),
  /** The step of a bouwsteen target; its first open part when absent. */
  part: part.optional(),
});

/**
 * A step card's answer. `part` names the step the card showed: its inputs are the ones on the card.
 * Without `part` (cards sent before the survey was split in steps) the card held every question.
 */
export const answerSchema = bouwsteenFormSchema.extend({ roundId: id, bouwsteenId, part: part.optional(), version, nav });
export const closingSchema = closingFormSchema.extend({ roundId: id, version, nav });
export const submitSchema = z.object({ roundId: id });

export type OpenData = z.infer<typeof openSchema>;
export type AnswerData = z.infer<typeof answerSchema>;
export type ClosingData = z.infer<typeof closingSchema>;
