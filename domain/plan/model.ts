/**
 * The policy plan (beleidsplan, seeds 000 and 001) as validated data:
 * speerpunt → doelstelling (strategisch or operationeel) → actie.
 *
 * The model is flat: doelstellingen point at their speerpunt by number, acties at their
 * doelstelling by id. `PlanSchema` checks the cross-references. The hand-written plan file
 * (./planFile.ts) nests them instead, which is easier to write.
 *
 * An actie "linked to a team priority" is simply one with a `bouwsteenId`: the team priorities are
 * bouwstenen (from the last confirmed inschaling), so no separate link is stored.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';
import { parseSchoolYear, type SchoolYear } from '../schoolYear';

// ---------------------------------------------------------------------------------------------
// Small building blocks

export const ACTION_STATUSES = ['gepland', 'lopend', 'afgerond', 'uitgesteld', 'geschrapt'] as const;
export const ActionStatusSchema = z.enum(ACTION_STATUSES);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** Dutch labels, as shown to users. */
export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  gepland: 'Gepland',
  lopend: 'Lopend',
  afgerond: 'Afgerond',
  uitgesteld: 'Uitgesteld',
  geschrapt: 'Geschrapt',
};

/** Statuses of actions that still need work ("open"). */
export const OPEN_STATUSES: readonly ActionStatus[] = ['gepland', 'lopend', 'uitgesteld'];

export function isOpenStatus(status: ActionStatus): boolean {
  return status !== 'afgerond' && status !== 'geschrapt';
}

/** Overdue first (oldest deadline first), then by deadline, then those without one; plan order on ties. */
export function byUrgency(acties: readonly Actie[], today: string): Actie[] {
  const rank = (a: Actie) => (!isOpenStatus(a.status) ? 3 : a.deadline === undefined ? 2 : a.deadline < today ? 0 : 1);
  return acties
    .map((a, i) => ({ a, i }))
    .sort((x, y) => {
      const r = rank(x.a) - rank(y.a);
      if (r !== 0) return r;
      const dx = x.a.deadline ?? '';
      const dy = y.a.deadline ?? '';
      if (dx !== dy) return dx < dy ? -1 : 1;
      return x.i - y.i;
    })
    .map(({ a }) => a);
}

export const SPEERPUNT_NUMBERS = [1, 2, 3, 4] as const;
export type SpeerpuntNumber = (typeof SPEERPUNT_NUMBERS)[number];
export const SpeerpuntNumberSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const DOELSTELLING_KINDS = ['strategisch', 'operationeel'] as const;
export const DoelstellingKindSchema = z.enum(DOELSTELLING_KINDS);
export type DoelstellingKind = z.infer<typeof DoelstellingKindSchema>;

export const DOELSTELLING_KIND_LABELS: Readonly<Record<DoelstellingKind, string>> = {
  strategisch: 'Strategische doelstelling',
  operationeel: 'Operationele doelstelling',
};

/** Length limits, shared with the plan-file parser so its messages match. */
export const LIMITS = {
  speerpuntTitle: 300,
  speerpuntText: 4000,
  speerpuntItem: 1000,
  doelstellingTitle: 500,
  chapter: 200,
  actieTitle: 300,
  actieDescription: 2000,
  ownerName: 100,
  userId: 200,
  noteAuthor: 100,
  noteText: 2000,
  id: 64,
  planTitle: 300,
  period: 50,
} as const;

/** Ids: letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const IdSchema = z.string().max(LIMITS.id).regex(ID_PATTERN);

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE_PATTERN.exec(text);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const ISO_DATETIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** True for an ISO 8601 date-time with a time zone (Z or offset) and a real calendar date. */
export function isIsoDateTime(text: string): boolean {
  const m = ISO_DATETIME_PATTERN.exec(text);
  return m !== null && isIsoDate(m[1]!);
}

export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'Expected a date YYYY-MM-DD' });

export const NoteDateSchema = z
  .string()
  .refine((s) => isIsoDate(s) || isIsoDateTime(s), { message: 'Expected YYYY-MM-DD or an ISO date-time' });

/** A school year in its long form "2020-2021" (second year follows the first). */
export const SchoolYearSchema = z.custom<SchoolYear>(
  (v) => typeof v === 'string' && /^\d{4}-\d{4}$/.test(v) && parseSchoolYear(v) === v,
  { message: 'Expected a school year such as 2020-2021' },
);

export const BouwsteenIdSchema = z.custom<BouwsteenId>(
  (v) => typeof v === 'string' && (BOUWSTEEN_IDS as readonly string[]).includes(v),
  { message: `Expected one of ${BOUWSTEEN_IDS.join(', ')}` },
);

const nonBlank = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => s.trim().length > 0, { message: 'Must not be empty' });

// ---------------------------------------------------------------------------------------------
// Entities

export const SpeerpuntSchema = z.object({
  number: SpeerpuntNumberSchema,
  title: nonBlank(LIMITS.speerpuntTitle),
  /** The "Om ..." text: why this speerpunt matters. May span several lines. */
  why: z.string().max(LIMITS.speerpuntText),
  /** The "Dit vereist ..." items: the conditions. */
  requires: z.array(nonBlank(LIMITS.speerpuntItem)),
  /** The "Daartoe ..." items: what each CLB will do. */
  engagements: z.array(nonBlank(LIMITS.speerpuntItem)),
});
export type Speerpunt = z.infer<typeof SpeerpuntSchema>;

export const DoelstellingSchema = z.object({
  id: IdSchema,
  speerpunt: SpeerpuntNumberSchema,
  kind: DoelstellingKindSchema,
  title: nonBlank(LIMITS.doelstellingTitle),
  /** Where the goal comes from in the centre's own plan, e.g. an EFQM chapter "1. Leiderschap". */
  chapter: z.string().max(LIMITS.chapter).optional(),
});
export type Doelstelling = z.infer<typeof DoelstellingSchema>;

export const OwnerSchema = z.object({
  name: nonBlank(LIMITS.ownerName),
  /** Teams/AAD user id, when the owner is known to the bot. */
  userId: z.string().min(1).max(LIMITS.userId).optional(),
});
export type Owner = z.infer<typeof OwnerSchema>;

export const NoteSchema = z.object({
  /** YYYY-MM-DD or an ISO date-time. */
  date: NoteDateSchema,
  author: nonBlank(LIMITS.noteAuthor),
  text: nonBlank(LIMITS.noteText),
});
export type Note = z.infer<typeof NoteSchema>;

export const ActieSchema = z.object({
  id: IdSchema,
  doelstellingId: IdSchema,
  title: nonBlank(LIMITS.actieTitle),
  /** Optional longer text (e.g. the full paragraph of the source plan). */
  description: z.string().max(LIMITS.actieDescription).optional(),
  owner: OwnerSchema.optional(),
  /** Planned school years, long form "2020-2021". May be empty (not yet planned). */
  schoolYears: z.array(SchoolYearSchema),
  deadline: IsoDateSchema.optional(),
  status: ActionStatusSchema,
  notes: z.array(NoteSchema),
  /** Link to a bouwsteen of the self-assessment (and so to a team priority on that bouwsteen). */
  bouwsteenId: BouwsteenIdSchema.optional(),
});
export type Actie = z.infer<typeof ActieSchema>;

export const PlanSchema = z
  .object({
    title: nonBlank(LIMITS.planTitle),
    /** e.g. "2020-2024" */
    period: z.string().max(LIMITS.period).optional(),
    speerpunten: z.array(SpeerpuntSchema).length(4),
    doelstellingen: z.array(DoelstellingSchema),
    acties: z.array(ActieSchema),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<number>();
    plan.speerpunten.forEach((sp, i) => {
      if (seen.has(sp.number)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['speerpunten', i, 'number'], message: `Duplicate speerpunt ${sp.number}` });
      }
      seen.add(sp.number);
    });
    const doelIds = new Set<string>();
    plan.doelstellingen.forEach((d, i) => {
      if (!seen.has(d.speerpunt)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['doelstellingen', i, 'speerpunt'], message: `Unknown speerpunt ${d.speerpunt}` });
      }
      if (doelIds.has(d.id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['doelstellingen', i, 'id'], message: `Duplicate doelstelling id ${d.id}` });
      }
      doelIds.add(d.id);
    });
    const actieIds = new Set<string>();
    plan.acties.forEach((a, i) => {
      if (!doelIds.has(a.doelstellingId)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['acties', i, 'doelstellingId'], message: `Unknown doelstelling ${a.doelstellingId}` });
      }
      if (actieIds.has(a.id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['acties', i, 'id'], message: `Duplicate actie id ${a.id}` });
      }
      actieIds.add(a.id);
    });
  });
export type Plan = z.infer<typeof PlanSchema>;

// ---------------------------------------------------------------------------------------------
// Lookups

export function findSpeerpunt(plan: Plan, number: number): Speerpunt | undefined {
  return plan.speerpunten.find((s) => s.number === number);
}

export function findDoelstelling(plan: Plan, id: string): Doelstelling | undefined {
  return plan.doelstellingen.find((d) => d.id === id);
}

export function findActie(plan: Plan, id: string): Actie | undefined {
  return plan.acties.find((a) => a.id === id);
}

/** The speerpunt number an actie belongs to (through its doelstelling). */
export function speerpuntOfActie(plan: Plan, actie: Actie): SpeerpuntNumber | undefined {
  return findDoelstelling(plan, actie.doelstellingId)?.speerpunt;
}

/** The acties under a speerpunt, in plan order. */
export function actiesOfSpeerpunt(plan: Plan, number: number): Actie[] {
  const doelIds = new Set(plan.doelstellingen.filter((d) => d.speerpunt === number).map((d) => d.id));
  return plan.acties.filter((a) => doelIds.has(a.doelstellingId));
}
