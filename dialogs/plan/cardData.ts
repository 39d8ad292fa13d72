/**
 * The schemas of the data the beleidsplan cards send (the verbs are in cards/verbs.ts).
 * Ids travel in the card data, never in the verb. Card data is untrusted: these schemas only check
 * its shape; who may do what is decided from storage by the handlers.
 */
import { z } from 'zod';
import { LIMITS } from '../../domain/plan/model';

/** An actie id as it may arrive from a card (checked against the plan by the handler). */
const actieId = z.string().min(1).max(LIMITS.id);
/** Free input: generous upper bounds, so a too-long value gets a Dutch answer, not a rejection. */
const input = (max: number) => z.string().max(max).optional();

export const setStatusSchema = z.object({
  actieId,
  status: z.enum(['lopend', 'afgerond']),
});
export type SetStatusData = z.infer<typeof setStatusSchema>;

export const postponeSchema = z.object({
  actieId,
  newDeadline: input(100),
});
export type PostponeData = z.infer<typeof postponeSchema>;

export const addNoteSchema = z.object({
  actieId,
  note: input(20_000),
});
export type AddNoteData = z.infer<typeof addNoteSchema>;

export const createSchema = z.object({
  doelstellingId: input(200),
  title: input(5_000),
  ownerUserId: input(500),
  ownerName: input(1_000),
  /** Multi-select ChoiceSet: comma-separated school years. */
  schoolYears: input(500),
  deadline: input(100),
  bouwsteenId: input(20),
});
export type CreateData = z.infer<typeof createSchema>;

export const linkPrioritySchema = z.discriminatedUnion('mode', [
  /** Link an existing actie (chosen in the card) to a priority (chosen in the card). */
  z.object({ mode: z.literal('link'), bouwsteenId: input(20), actieId: input(LIMITS.id) }),
  /** Open the "nieuwe actie" form for a priority. */
  z.object({ mode: z.literal('create'), bouwsteenId: z.string().min(1).max(20) }),
]);
export type LinkPriorityData = z.infer<typeof linkPrioritySchema>;
