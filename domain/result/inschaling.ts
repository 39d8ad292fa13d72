/**
 * The confirmed team inschaling of a centre for one school year (domain.md, "From individual
 * answers to the team inschaling"): the director's team stadium per bouwsteen (the proposal or
 * another stadium with a reason, with who and when), the team priorities and the inspirerende
 * praktijken as consolidated at confirmation, and whether it was published to the team. Pure.
 *
 * The snapshot holds aggregates only (counts per answer, Borda points): never a name, an id of a
 * member, or a toelichting. Members read the published result from it, and the network view and
 * the plan feature read its priorities.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, STADIUM_LEVELS, stadiumName, type BouwsteenId, type StadiumLevel } from '../catalogue/types';
import type { SchoolYear } from '../schoolYear';
import type { ConfirmedInschaling } from '../survey/growth';
import type { InspiringResult, PriorityEntry, TeamResult } from '../survey/consolidate';

/** The team priorities are the first five of the Borda ranking (a member lists at most five). */
export const TEAM_PRIORITY_COUNT = 5;
/** Longest reason a director can give for a stadium that differs from the proposal. */
export const REASON_MAX_LENGTH = 1000;

const bouwsteenIdSchema = z.enum(BOUWSTEEN_IDS as unknown as [BouwsteenId, ...BouwsteenId[]]);
const stadiumSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const distributionSchema = z.object({ 1: z.number(), 2: z.number(), 3: z.number(), 4: z.number() });

export const bouwsteenConfirmationSchema = z.object({
  bouwsteenId: bouwsteenIdSchema,
  stadium: stadiumSchema,
  /** The proposal at confirmation; absent when nobody answered this bouwsteen. */
  proposal: stadiumSchema.optional(),
  /** Whether the proposal came from a tie (lower median). */
  tie: z.boolean().default(false),
  /** Why the stadium differs from the proposal (required then), or the director's note. */
  reason: z.string().max(REASON_MAX_LENGTH).optional(),
  confirmedBy: z.string(),
  confirmedByName: z.string(),
  confirmedAt: z.string(),
});
export type BouwsteenConfirmation = z.infer<typeof bouwsteenConfirmationSchema>;

export const snapshotBouwsteenSchema = z.object({
  bouwsteenId: bouwsteenIdSchema,
  respondents: z.number(),
  distribution: distributionSchema,
  proposedStadium: stadiumSchema.optional(),
  tie: z.boolean(),
  agreement: z.enum(['eensgezind', 'dicht-bij-elkaar', 'bespreekpunt']).optional(),
  spread: z.number().optional(),
  ambitions: z.object({ aanhouden: z.number(), 2: z.number(), 3: z.number(), 4: z.number() }),
});

export const resultSnapshotSchema = z.object({
  memberCount: z.number(),
  submittedCount: z.number(),
  closingCount: z.number(),
  bouwstenen: z.array(snapshotBouwsteenSchema),
  priorities: z.array(
    z.object({ bouwsteenId: bouwsteenIdSchema, points: z.number(), firstPlaces: z.number(), mentions: z.number(), rank: z.number() }),
  ),
  inspiring: z.object({
    perBouwsteen: z.array(z.object({ bouwsteenId: bouwsteenIdSchema, count: z.number() })),
    notYetInspiringCount: z.number(),
  }),
});
export type ResultSnapshot = z.infer<typeof resultSnapshotSchema>;

export interface Inschaling {
  tenantId: string;
  centreId: string;
  schoolYear: SchoolYear;
  /** The round the confirmation was made from. */
  roundId: string;
  visibility: 'anoniem' | 'open';
  /** Goes up by one with every confirmation; cards carry it so a stale card never overwrites. */
  version: number;
  confirmations: Record<BouwsteenId, BouwsteenConfirmation>;
  /** The team priorities, most important first (at most TEAM_PRIORITY_COUNT). */
  priorities: BouwsteenId[];
  /** Bouwstenen the centre offers as inspirerende praktijk (see `offeredInspiring`). */
  offeredInspiring: BouwsteenId[];
  snapshot: ResultSnapshot;
  confirmedAt: string;
  confirmedBy: string;
  confirmedByName: string;
  published: boolean;
  publishedAt?: string;
  publishedBy?: string;
  publishedByName?: string;
}

/** Aggregates of a team result, without notes or names. */
export function snapshotOf(result: TeamResult): ResultSnapshot {
  return {
    memberCount: result.memberCount,
    submittedCount: result.submittedCount,
    closingCount: result.closingCount,
    bouwstenen: result.bouwstenen.map((b) => ({
      bouwsteenId: b.bouwsteenId,
      respondents: b.respondents,
      distribution: { ...b.distribution },
      ...(b.proposedStadium !== undefined ? { proposedStadium: b.proposedStadium } : {}),
      tie: b.tie,
      ...(b.agreement !== undefined ? { agreement: b.agreement } : {}),
      ...(b.spread !== undefined ? { spread: b.spread } : {}),
      ambitions: { ...b.ambitions },
    })),
    priorities: result.priorities.map((p) => ({ ...p })),
    inspiring: {
      perBouwsteen: result.inspiring.perBouwsteen.map((i) => ({ ...i })),
      notYetInspiringCount: result.inspiring.notYetInspiringCount,
    },
  };
}

/** The team priorities: the first TEAM_PRIORITY_COUNT of the Borda ranking. */
export function teamPriorities(priorities: readonly PriorityEntry[]): BouwsteenId[] {
  return [...priorities].sort((a, b) => a.rank - b.rank).slice(0, TEAM_PRIORITY_COUNT).map((p) => p.bouwsteenId);
}

/**
 * A centre offers a bouwsteen as inspirerende praktijk when at least half of the members who
 * answered the closing questions named it (and at least one did).
 */
export function offeredInspiring(inspiring: InspiringResult, closingCount: number): BouwsteenId[] {
  return inspiring.perBouwsteen.filter((i) => i.count > 0 && i.count * 2 >= closingCount).map((i) => i.bouwsteenId);
}

/** The confirmation card's input ids for a bouwsteen ("4.1" → "stadium_4_1", "reason_4_1"). */
export function confirmationFields(id: BouwsteenId): { stadium: string; reason: string } {
  const key = id.replace('.', '_');
  return { stadium: `stadium_${key}`, reason: `reason_${key}` };
}

/** What the confirmation card sends: per bouwsteen a stadium ("1".."4") and a reason, as strings. */
export type ConfirmationForm = Record<string, string | undefined>;

export interface ConfirmationChoice {
  bouwsteenId: BouwsteenId;
  stadium: StadiumLevel;
  reason?: string;
}

export type ConfirmationValidation =
  | { ok: true; choices: ConfirmationChoice[] }
  | { ok: false; errors: Partial<Record<BouwsteenId, string>> };

const STADIUM_TEXT = new Map<string, StadiumLevel>(STADIUM_LEVELS.map((s) => [String(s), s]));

/**
 * Checks the confirmation of all 11 bouwstenen against the proposals: a stadium that exists, and a
 * reason when it differs from the proposal (or when there was no proposal because nobody answered).
 */
export function validateConfirmation(
  form: ConfirmationForm,
  proposals: Partial<Record<BouwsteenId, StadiumLevel>>,
): ConfirmationValidation {
  const errors: Partial<Record<BouwsteenId, string>> = {};
  const choices: ConfirmationChoice[] = [];
  for (const id of BOUWSTEEN_IDS) {
    const fields = confirmationFields(id);
    const stadiumText = form[fields.stadium]?.trim() ?? '';
    const reason = form[fields.reason]?.trim() ?? '';
    const proposal = proposals[id];
    if (stadiumText === '') {
      errors[id] = 'Kies het teamstadium voor deze bouwsteen.';
      continue;
    }
    const stadium = STADIUM_TEXT.get(stadiumText);
    if (stadium === undefined) {
      errors[id] = 'Dat stadium bestaat niet. Kies Fragmentair, Planmatig, Geïntegreerd of Systematisch.';
      continue;
    }
    if (reason.length > REASON_MAX_LENGTH) {
      errors[id] = `Je reden is ${reason.length} tekens lang; het maximum is ${REASON_MAX_LENGTH}. Kort ze wat in: je tekst staat er nog.`;
      continue;
    }
    if (reason === '' && proposal === undefined) {
      errors[id] = 'Niemand beantwoordde deze bouwsteen, dus er is geen voorstel: licht je keuze kort toe.';
      continue;
    }
    if (reason === '' && stadium !== proposal) {
      errors[id] = `Je koos een ander stadium dan het voorstel (${stadiumName(proposal!)}): geef kort de reden.`;
      continue;
    }
    choices.push({ bouwsteenId: id, stadium, ...(reason !== '' ? { reason } : {}) });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, choices };
}

/**
 * The new confirmed inschaling. A bouwsteen whose stadium and reason did not change since the
 * previous confirmation of the same round keeps its original who and when.
 */
export function buildInschaling(input: {
  tenantId: string;
  centreId: string;
  schoolYear: SchoolYear;
  roundId: string;
  visibility: 'anoniem' | 'open';
  result: TeamResult;
  choices: readonly ConfirmationChoice[];
  previous?: Inschaling;
  actor: { userId: string; name: string };
  now: Date;
}): Inschaling {
  const at = input.now.toISOString();
  const sameRound = input.previous?.roundId === input.roundId ? input.previous : undefined;
  const confirmations = {} as Record<BouwsteenId, BouwsteenConfirmation>;
  for (const choice of input.choices) {
    const b = input.result.bouwstenen.find((r) => r.bouwsteenId === choice.bouwsteenId);
    const before = sameRound?.confirmations[choice.bouwsteenId];
    const unchanged = before && before.stadium === choice.stadium && (before.reason ?? '') === (choice.reason ?? '') && before.proposal === b?.proposedStadium;
    confirmations[choice.bouwsteenId] = unchanged
      ? before
      : {
          bouwsteenId: choice.bouwsteenId,
          stadium: choice.stadium,
          ...(b?.proposedStadium !== undefined ? { proposal: b.proposedStadium } : {}),
          tie: b?.tie ?? false,
          ...(choice.reason ? { reason: choice.reason } : {}),
          confirmedBy: input.actor.userId,
          confirmedByName: input.actor.name,
          confirmedAt: at,
        };
  }
  const missing = BOUWSTEEN_IDS.filter((id) => !confirmations[id]);
  if (missing.length > 0) throw new RangeError(`confirmation misses ${missing.join(', ')}`);
  const snapshot = snapshotOf(input.result);
  return {
    tenantId: input.tenantId,
    centreId: input.centreId,
    schoolYear: input.schoolYear,
    roundId: input.roundId,
    visibility: input.visibility,
    version: (input.previous?.version ?? 0) + 1,
    confirmations,
    priorities: teamPriorities(input.result.priorities),
    offeredInspiring: offeredInspiring(input.result.inspiring, input.result.closingCount),
    snapshot,
    confirmedAt: at,
    confirmedBy: input.actor.userId,
    confirmedByName: input.actor.name,
    // A changed confirmation is shown to the team only after it is published again.
    published: false,
  };
}

/** The confirmed stadia in the shape `compareGrowth` takes. */
export function toConfirmedInschaling(inschaling: Inschaling): ConfirmedInschaling {
  const stadia = {} as Record<BouwsteenId, StadiumLevel>;
  const reasons: Partial<Record<BouwsteenId, string>> = {};
  for (const id of BOUWSTEEN_IDS) {
    const c = inschaling.confirmations[id];
    stadia[id] = c.stadium;
    if (c.reason) reasons[id] = c.reason;
  }
  return {
    centreId: inschaling.centreId,
    schoolYear: inschaling.schoolYear,
    stadia,
    confirmedAt: inschaling.confirmedAt,
    confirmedBy: inschaling.confirmedBy,
    reasons,
  };
}
