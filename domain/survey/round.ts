/**
 * An inschaling round and its participants' progress. Pure.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';
import type { BouwsteenForm, ClosingForm } from './validate';

export const VISIBILITIES = ['anoniem', 'open'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const roundSchema = z.object({
  roundId: z.string().min(1),
  tenantId: z.string().min(1),
  centreId: z.string().min(1),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  visibility: z.enum(VISIBILITIES),
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  createdAt: z.string(),
  closedAt: z.string().optional(),
});
export type Round = z.infer<typeof roundSchema>;

/** Where a member is in the survey: the card to show when they come back. */
export type SurveyPosition = 'intro' | BouwsteenId | 'overview' | 'closing' | 'confirm';

export const participantSchema = z.object({
  userId: z.string().min(1),
  channelUserId: z.string().default(''),
  name: z.string(),
  position: z.string().default('intro'),
  invitedAt: z.string().optional(),
  /** Why the invitation could not be delivered, in Dutch (shown to the director). */
  inviteFailure: z.string().optional(),
  submittedAt: z.string().optional(),
  reopenedAt: z.string().optional(),
  lastNudgedAt: z.string().optional(),
  nudges: z.array(z.string()).default([]),
});
export type Participant = z.infer<typeof participantSchema>;

export interface StoredBouwsteenDraft {
  bouwsteenId: BouwsteenId;
  form: BouwsteenForm;
  complete: boolean;
  version: number;
}

export interface StoredClosingDraft {
  form: ClosingForm;
  complete: boolean;
  version: number;
}

/** One member's whole draft, as read in one query. */
export interface MemberDraft {
  round: Round;
  participant: Participant;
  bouwstenen: Partial<Record<BouwsteenId, StoredBouwsteenDraft>>;
  closing?: StoredClosingDraft;
}

export type ProgressState = 'verzonden' | 'bezig' | 'niet-gestart';

export interface ParticipantProgress {
  userId: string;
  name: string;
  state: ProgressState;
  completeBouwstenen: number;
  inviteFailure?: string;
}

export function completeCount(draft: Pick<MemberDraft, 'bouwstenen'>): number {
  return BOUWSTEEN_IDS.filter((id) => draft.bouwstenen[id]?.complete).length;
}

export function progressOf(participant: Participant, bouwstenen: MemberDraft['bouwstenen'], hasClosing: boolean): ParticipantProgress {
  const complete = completeCount({ bouwstenen });
  const started = complete > 0 || Object.keys(bouwstenen).length > 0 || hasClosing;
  return {
    userId: participant.userId,
    name: participant.name,
    state: participant.submittedAt ? 'verzonden' : started ? 'bezig' : 'niet-gestart',
    completeBouwstenen: complete,
    ...(participant.inviteFailure ? { inviteFailure: participant.inviteFailure } : {}),
  };
}

/** The first bouwsteen not yet complete, in survey order. */
export function firstIncomplete(draft: Pick<MemberDraft, 'bouwstenen'>): BouwsteenId | undefined {
  return BOUWSTEEN_IDS.find((id) => !draft.bouwstenen[id]?.complete);
}

export function nextBouwsteen(id: BouwsteenId): BouwsteenId | undefined {
  return BOUWSTEEN_IDS[BOUWSTEEN_IDS.indexOf(id) + 1];
}

export function previousBouwsteen(id: BouwsteenId): BouwsteenId | undefined {
  const index = BOUWSTEEN_IDS.indexOf(id);
  return index > 0 ? BOUWSTEEN_IDS[index - 1] : undefined;
}
