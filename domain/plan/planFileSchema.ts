/**
 * The plan file's form as one zod schema (the format is described in ./planFile.ts): Dutch keys,
 * nesting speerpunt → doelstelling → actie, and the short forms people write (Belgian dates, "21-22",
 * "Lopend", an owner as a bare name). Every field is the model's own schema (./model.ts) behind a
 * step that reads the text as written; objects are strict, so a misspelt key is an issue of its own.
 * `flattenPlanFile` turns the checked form into the flat model, remembering where each item came
 * from so that the model's whole-plan checks can be reported on the file's lines too.
 */
import { z } from 'zod';
import { parseSchoolYear } from '../schoolYear';
import { isIsoDateTime, parseDutchDate } from '../time';
import { ActieSchema, DoelstellingSchema, NoteSchema, OwnerSchema, PlanSchema, SchoolYearSchema, SpeerpuntSchema, type Actie, type Plan } from './model';

/** The short forms the file allows, written out in full (also used to find the value an issue is about). */
export const SHORT_FORMS: Readonly<Record<string, (value: unknown) => unknown>> = {
  /** "19-20, 20-21 of 2021-2022" is a list. */
  planning: (v) => (typeof v === 'string' ? v.split(/\s*(?:,|;|\bof\b|\ben\b)\s*/).map((s) => s.trim()).filter(Boolean) : v),
  /** "eigenaar: directeur" is an owner with only a name. */
  eigenaar: (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : { naam: v }) : v),
};

/** A text as written, trimmed; empty counts as absent where the field may be absent. */
function text<T extends z.ZodTypeAny>(schema: T, read: (s: string) => unknown = (s) => s) {
  return z.preprocess((v) => {
    if (v === null || typeof v !== 'string') return v ?? undefined;
    const trimmed = v.trim();
    return trimmed === '' && schema.isOptional() ? undefined : read(trimmed);
  }, schema);
}

/** A list; left empty it is an empty list. */
function list<T extends z.ZodTypeAny>(item: T, shortForm: (v: unknown) => unknown = (v) => v) {
  return z.preprocess((v) => (v === null || v === undefined ? [] : shortForm(v)), z.array(item));
}

const lowerCase = (s: string) => s.toLowerCase();
const plan = PlanSchema.innerType().shape;

const NoteFile = z
  .object({
    datum: text(NoteSchema.shape.date, (s) => (isIsoDateTime(s) ? s : (parseDutchDate(s) ?? s))),
    auteur: text(NoteSchema.shape.author),
    tekst: text(NoteSchema.shape.text),
  })
  .strict();

const OwnerFile = z.object({ naam: text(OwnerSchema.shape.name), gebruikersId: text(OwnerSchema.shape.userId) }).strict();

const Planning = list(
  text(SchoolYearSchema, (s) => parseSchoolYear(s) ?? s),
  SHORT_FORMS.planning,
).superRefine((years, ctx) => {
  years.forEach((year, i) => {
    if (years.indexOf(year) < i) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], params: { twice: true } });
  });
});

const ActieFile = z
  .object({
    id: text(ActieSchema.shape.id.optional()),
    titel: text(ActieSchema.shape.title),
    omschrijving: text(ActieSchema.shape.description),
    eigenaar: z.preprocess(SHORT_FORMS.eigenaar!, OwnerFile.optional()),
    planning: Planning,
    deadline: text(ActieSchema.shape.deadline, (s) => parseDutchDate(s) ?? s),
    status: text(ActieSchema.shape.status.default('gepland'), lowerCase),
    bouwsteen: text(ActieSchema.shape.bouwsteenId),
    notities: list(NoteFile),
  })
  .strict();

const DoelstellingFile = z
  .object({
    id: text(DoelstellingSchema.shape.id.optional()),
    titel: text(DoelstellingSchema.shape.title),
    soort: text(DoelstellingSchema.shape.kind.default('strategisch'), lowerCase),
    hoofdstuk: text(DoelstellingSchema.shape.chapter),
    acties: list(ActieFile),
  })
  .strict();

export const SpeerpuntNumberField = text(SpeerpuntSchema.shape.number, (s) => (/^\d+$/.test(s) ? Number(s) : s));

const SpeerpuntFile = z
  .object({
    nummer: SpeerpuntNumberField,
    titel: text(SpeerpuntSchema.shape.title),
    om: text(SpeerpuntSchema.shape.why.default('')),
    vereist: list(text(SpeerpuntSchema.shape.requires.element)),
    daartoe: list(text(SpeerpuntSchema.shape.engagements.element)),
    doelstellingen: list(DoelstellingFile),
  })
  .strict();

export const PlanFileSchema = z
  .object({
    titel: text(plan.title),
    periode: text(plan.period),
    speerpunten: z.preprocess((v) => (v === null ? [] : v), z.array(SpeerpuntFile)),
  })
  .strict();
export type PlanFile = z.output<typeof PlanFileSchema>;

/** The keys each kind of block allows, by the key of the list (or field) it stands in; '' is the file itself. */
export const BLOCK_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(PlanFileSchema.shape),
  speerpunten: Object.keys(SpeerpuntFile.shape),
  doelstellingen: Object.keys(DoelstellingFile.shape),
  acties: Object.keys(ActieFile.shape),
  notities: Object.keys(NoteFile.shape),
  eigenaar: Object.keys(OwnerFile.shape),
};

export type FilePath = (string | number)[];

/** Where each item of the flat plan stands in the file. */
export interface PlanFileOrigins {
  speerpunten: FilePath[];
  doelstellingen: FilePath[];
  acties: FilePath[];
}

/** Without the fields that are absent (the model leaves them out rather than undefined). */
function present<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The flat plan of a checked file. Missing ids come from positions: doelstelling i of speerpunt n is
 * "sp{n}-d{i}", its actie j "sp{n}-d{i}-a{j}".
 */
export function flattenPlanFile(file: PlanFile): { plan: Plan; origins: PlanFileOrigins } {
  const plan: Plan = { ...present({ title: file.titel, period: file.periode }), speerpunten: [], doelstellingen: [], acties: [] };
  const origins: PlanFileOrigins = { speerpunten: [], doelstellingen: [], acties: [] };
  file.speerpunten.forEach((sp, s) => {
    plan.speerpunten.push({ number: sp.nummer, title: sp.titel, why: sp.om, requires: sp.vereist, engagements: sp.daartoe });
    origins.speerpunten.push(['speerpunten', s]);
    sp.doelstellingen.forEach((d, di) => {
      const doelstellingId = d.id ?? `sp${sp.nummer}-d${di + 1}`;
      plan.doelstellingen.push(present({ id: doelstellingId, speerpunt: sp.nummer, kind: d.soort, title: d.titel, chapter: d.hoofdstuk }));
      origins.doelstellingen.push(['speerpunten', s, 'doelstellingen', di]);
      d.acties.forEach((a, ai) => {
        const actie: Actie = present({
          id: a.id ?? `sp${sp.nummer}-d${di + 1}-a${ai + 1}`,
          doelstellingId,
          title: a.titel,
          description: a.omschrijving,
          owner: a.eigenaar && present({ name: a.eigenaar.naam, userId: a.eigenaar.gebruikersId }),
          schoolYears: a.planning,
          deadline: a.deadline,
          status: a.status,
          notes: a.notities.map((n) => ({ date: n.datum, author: n.auteur, text: n.tekst })),
          bouwsteenId: a.bouwsteen,
        });
        plan.acties.push(actie);
        origins.acties.push(['speerpunten', s, 'doelstellingen', di, 'acties', ai]);
      });
    });
  });
  return { plan, origins };
}
