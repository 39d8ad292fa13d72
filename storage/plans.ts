/**
 * The policy plans (beleidsplannen) on the `Plans` table.
 *
 * PartitionKey = the centre id: a centre's whole plan lives in one partition, so reading it is one
 * query and replacing it can use entity group transactions. One row per record:
 *  - `plan`          the plan's title and period (its presence means "a plan is loaded");
 *  - `sp~<n>`        speerpunt n (1..4);
 *  - `doel~<id>`     a doelstelling;
 *  - `actie~<id>`    an actie (the unit people update; ETags guard concurrent changes).
 * Rows keep a `position` so the plan order survives the table's key order. Every row is parsed
 * with zod when read and the assembled plan is checked with PlanSchema (cross-references).
 */
import { randomBytes } from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { PoolsterError } from '../domain/errors';
import {
  ActieSchema,
  ActionStatusSchema,
  BouwsteenIdSchema,
  DoelstellingKindSchema,
  IdSchema,
  IsoDateSchema,
  NoteSchema,
  PlanSchema,
  SchoolYearSchema,
  SpeerpuntNumberSchema,
  type Actie,
  type Doelstelling,
  type Plan,
  type Speerpunt,
} from '../domain/plan/model';
import { isConflict, isNotFound, keyPart, odataString } from './tables';

/** Entity group transactions hold at most 100 entities of one partition. */
export const MAX_BATCH_ENTITIES = 100;
/**
 * Batches are also cut by size. Azure allows 4 MiB, but Azurite corrupts a multi-byte character
 * that straddles a 64 KiB request-body chunk, so a batch body stays well below 64 KiB.
 */
export const MAX_BATCH_BYTES = 48 * 1024;
/** Attempts of an optimistic update before giving up (each attempt re-reads the row). */
export const UPDATE_ATTEMPTS = 10;

/** One String property holds at most 32K UTF-16 characters; longer texts are split. */
const CHUNK_CHARS = 30_000;
/** ~900K characters over all chunks: stays below the 1 MiB entity limit. */
const MAX_CHUNKS = 30;

const PLAN_ROW = 'plan';
const spKey = (n: number) => `sp~${n}`;
const doelKey = (id: string) => `doel~${keyPart(id)}`;
const actieKey = (id: string) => `actie~${keyPart(id)}`;

export const CONFLICT_MESSAGE =
  'Iemand anders past deze actie net tegelijk aan. Probeer het zo dadelijk opnieuw; er ging niets verloren.';

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

// ---------------------------------------------------------------------------------------------
// Long texts and JSON in properties

/**
 * JSON with non-ASCII written as \u escapes (still valid JSON): large rows stay plain ASCII, which
 * also avoids Azurite's chunk-boundary corruption of multi-byte characters.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Writes `text` into `name`, `name_1`, `name_2`, ... with the part count in `name_parts`. */
function putChunked(row: Record<string, unknown>, name: string, text: string, what: string): void {
  const count = Math.max(1, Math.ceil(text.length / CHUNK_CHARS));
  if (count > MAX_CHUNKS) {
    throw new PoolsterError('invalid-input', `${what} is te groot om te bewaren (${text.length} tekens). Maak de teksten korter of verwijder oude notities.`);
  }
  for (let i = 0; i < count; i += 1) row[i === 0 ? name : `${name}_${i}`] = text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  row[`${name}_parts`] = count;
}

function getChunked(row: Row, name: string): unknown {
  const first = row[name];
  if (typeof first !== 'string') return first;
  const count = Number(row[`${name}_parts`] ?? 1);
  let text = first;
  for (let i = 1; i < count; i += 1) text += String(row[`${name}_${i}`] ?? '');
  return text;
}

/** A property holding JSON text, parsed and then checked by `inner`. */
function jsonOf<T extends z.ZodTypeAny>(inner: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);
}

/** Empty strings are how optional values are stored (a Replace drops absent properties anyway). */
const optionalText = <T extends z.ZodTypeAny>(inner: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), inner.optional());

// ---------------------------------------------------------------------------------------------
// Row schemas

const planRowSchema = z.object({
  rowType: z.literal('plan'),
  title: z.string(),
  period: optionalText(z.string()),
});

const speerpuntRowSchema = z.object({
  rowType: z.literal('speerpunt'),
  number: SpeerpuntNumberSchema,
  title: z.string(),
  why: z.string(),
  requires: jsonOf(z.array(z.string())),
  engagements: jsonOf(z.array(z.string())),
});

const doelstellingRowSchema = z.object({
  rowType: z.literal('doelstelling'),
  position: z.number().int(),
  id: IdSchema,
  speerpunt: SpeerpuntNumberSchema,
  kind: DoelstellingKindSchema,
  title: z.string(),
  chapter: optionalText(z.string()),
});

const actieRowSchema = z.object({
  rowType: z.literal('actie'),
  position: z.number().int(),
  id: IdSchema,
  doelstellingId: IdSchema,
  title: z.string(),
  description: optionalText(z.string()),
  ownerName: optionalText(z.string()),
  ownerUserId: optionalText(z.string()),
  schoolYears: jsonOf(z.array(SchoolYearSchema)),
  deadline: optionalText(IsoDateSchema),
  status: ActionStatusSchema,
  notes: jsonOf(z.array(NoteSchema)),
  bouwsteenId: optionalText(BouwsteenIdSchema),
});

function withChunks(row: Row, names: string[]): Row {
  const out: Row = { ...row };
  for (const name of names) out[name] = getChunked(row, name);
  return out;
}

function parseRow<T extends z.ZodTypeAny>(schema: T, row: Row, chunked: string[] = []): z.infer<T> {
  const parsed = schema.safeParse(withChunks(row, chunked));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Plans row ${String(row.partitionKey)}/${String(row.rowKey)} is not valid: ${where}`);
  }
  return parsed.data as z.infer<T>;
}

function toActie(row: Row): { actie: Actie; position: number } {
  const r = parseRow(actieRowSchema, row, ['notes']);
  const actie = ActieSchema.parse({
    id: r.id,
    doelstellingId: r.doelstellingId,
    title: r.title,
    ...(r.description !== undefined ? { description: r.description } : {}),
    ...(r.ownerName !== undefined ? { owner: { name: r.ownerName, ...(r.ownerUserId !== undefined ? { userId: r.ownerUserId } : {}) } } : {}),
    schoolYears: r.schoolYears,
    ...(r.deadline !== undefined ? { deadline: r.deadline } : {}),
    status: r.status,
    notes: r.notes,
    ...(r.bouwsteenId !== undefined ? { bouwsteenId: r.bouwsteenId } : {}),
  });
  return { actie, position: r.position };
}

// ---------------------------------------------------------------------------------------------
// Rows from the model

interface Entity {
  partitionKey: string;
  rowKey: string;
  [key: string]: unknown;
}

function planEntity(pk: string, plan: Plan, updatedAt: string): Entity {
  return { partitionKey: pk, rowKey: PLAN_ROW, rowType: 'plan', title: plan.title, period: plan.period ?? '', updatedAt };
}

function speerpuntEntity(pk: string, sp: Speerpunt): Entity {
  const row: Entity = { partitionKey: pk, rowKey: spKey(sp.number), rowType: 'speerpunt', number: sp.number, title: sp.title, why: sp.why };
  putChunked(row, 'requires', asciiJson(sp.requires), `Speerpunt ${sp.number}`);
  putChunked(row, 'engagements', asciiJson(sp.engagements), `Speerpunt ${sp.number}`);
  return row;
}

function doelstellingEntity(pk: string, d: Doelstelling, position: number): Entity {
  return {
    partitionKey: pk,
    rowKey: doelKey(d.id),
    rowType: 'doelstelling',
    position,
    id: d.id,
    speerpunt: d.speerpunt,
    kind: d.kind,
    title: d.title,
    chapter: d.chapter ?? '',
  };
}

function actieEntity(pk: string, a: Actie, position: number): Entity {
  const row: Entity = {
    partitionKey: pk,
    rowKey: actieKey(a.id),
    rowType: 'actie',
    position,
    id: a.id,
    doelstellingId: a.doelstellingId,
    title: a.title,
    description: a.description ?? '',
    ownerName: a.owner?.name ?? '',
    ownerUserId: a.owner?.userId ?? '',
    schoolYears: JSON.stringify(a.schoolYears),
    deadline: a.deadline ?? '',
    status: a.status,
    bouwsteenId: a.bouwsteenId ?? '',
  };
  putChunked(row, 'notes', asciiJson(a.notes), `Actie ${a.id}`);
  return row;
}

/** Rough size of an entity in a batch body (UTF-8 JSON plus multipart overhead). */
function entityBytes(entity: Entity): number {
  return Buffer.byteLength(JSON.stringify(entity), 'utf8') + 400;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ReplaceResult {
  written: number;
  removed: number;
  batches: number;
}

export class PlanRepository {
  constructor(private readonly table: TableClient) {}

  /** The centre's plan in plan order, or undefined when none is loaded. One query. */
  async getPlan(centreId: string): Promise<Plan | undefined> {
    const pk = keyPart(centreId);
    let meta: z.infer<typeof planRowSchema> | undefined;
    const speerpunten: Speerpunt[] = [];
    const doels: Array<{ d: Doelstelling; position: number; rowKey: string }> = [];
    const acties: Array<{ actie: Actie; position: number; rowKey: string }> = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq ${odataString(pk)}` } })) {
      const rowKey = String(row.rowKey);
      if (rowKey === PLAN_ROW) {
        meta = parseRow(planRowSchema, row);
      } else if (rowKey.startsWith('sp~')) {
        const r = parseRow(speerpuntRowSchema, row, ['requires', 'engagements']);
        speerpunten.push({ number: r.number, title: r.title, why: r.why, requires: r.requires, engagements: r.engagements });
      } else if (rowKey.startsWith('doel~')) {
        const r = parseRow(doelstellingRowSchema, row);
        const d: Doelstelling = { id: r.id, speerpunt: r.speerpunt, kind: r.kind, title: r.title, ...(r.chapter !== undefined ? { chapter: r.chapter } : {}) };
        doels.push({ d, position: r.position, rowKey });
      } else if (rowKey.startsWith('actie~')) {
        acties.push({ ...toActie(row), rowKey });
      } else {
        throw new Error(`Plans row ${pk}/${rowKey} has an unknown key`);
      }
    }
    if (!meta) return undefined;
    const byPosition = (x: { position: number; rowKey: string }, y: { position: number; rowKey: string }) =>
      x.position - y.position || (x.rowKey < y.rowKey ? -1 : x.rowKey > y.rowKey ? 1 : 0);
    return PlanSchema.parse({
      title: meta.title,
      ...(meta.period !== undefined ? { period: meta.period } : {}),
      speerpunten: speerpunten.sort((a, b) => a.number - b.number),
      doelstellingen: doels.sort(byPosition).map((x) => x.d),
      acties: acties.sort(byPosition).map((x) => x.actie),
    });
  }

  /** True when the centre has a plan (one point read). */
  async hasPlan(centreId: string): Promise<boolean> {
    try {
      await this.table.getEntity(keyPart(centreId), PLAN_ROW);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * Replaces the centre's plan with `plan`: writes every row (batches of at most 100 entities) and
   * removes rows that are no longer in it. Rows are written before anything is removed, and acties
   * are removed before doelstellingen, so a reader in between never sees an actie without its
   * doelstelling.
   */
  async replacePlan(centreId: string, plan: Plan, now: Date = new Date()): Promise<ReplaceResult> {
    const valid = PlanSchema.parse(plan);
    const pk = keyPart(centreId);
    const entities: Entity[] = [
      ...valid.speerpunten.map((sp) => speerpuntEntity(pk, sp)),
      ...valid.doelstellingen.map((d, i) => doelstellingEntity(pk, d, i)),
      ...valid.acties.map((a, i) => actieEntity(pk, a, i)),
      // The plan row last: a plan "exists" once its content is there.
      planEntity(pk, valid, now.toISOString()),
    ];
    const keep = new Set(entities.map((e) => e.rowKey));
    const stale: string[] = [];
    for await (const row of this.table.listEntities<Row>({ queryOptions: { filter: `PartitionKey eq ${odataString(pk)}`, select: ['RowKey'] } })) {
      const rowKey = String(row.rowKey);
      if (!keep.has(rowKey)) stale.push(rowKey);
    }
    const rank = (rowKey: string) => (rowKey.startsWith('actie~') ? 0 : rowKey.startsWith('doel~') ? 1 : 2);
    stale.sort((a, b) => rank(a) - rank(b));

    const actions: Array<{ action: TransactionAction; bytes: number }> = [
      ...entities.map((e) => ({ action: ['upsert', e, 'Replace'] as TransactionAction, bytes: entityBytes(e) })),
      ...stale.map((rowKey) => ({ action: ['delete', { partitionKey: pk, rowKey }] as TransactionAction, bytes: 400 + rowKey.length })),
    ];
    let batches = 0;
    let batch: TransactionAction[] = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.table.submitTransaction(batch);
      batches += 1;
      batch = [];
      bytes = 0;
    };
    for (const { action, bytes: size } of actions) {
      if (batch.length >= MAX_BATCH_ENTITIES || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) await flush();
      batch.push(action);
      bytes += size;
    }
    await flush();
    return { written: entities.length, removed: stale.length, batches };
  }

  /** One actie of the centre's plan (a point read in the centre's own partition). */
  async getActie(centreId: string, actieId: string): Promise<Actie | undefined> {
    if (!IdSchema.safeParse(actieId).success) return undefined;
    try {
      const row = await this.table.getEntity<Row>(keyPart(centreId), actieKey(actieId));
      return toActie(row).actie;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Changes one actie with optimistic concurrency: reads the row, applies `change`, and writes it
   * back only if nobody changed it meanwhile (ETag). On a conflict it re-reads and applies `change`
   * again to the fresh actie, up to UPDATE_ATTEMPTS times, so concurrent changes are never lost.
   * `change` may run several times: keep it free of side effects; it may throw to refuse (e.g. a
   * permission check on the fresh actie). Returning the same object writes nothing.
   * Resolves with the stored actie, or undefined when the centre has no such actie.
   */
  async updateActie(centreId: string, actieId: string, change: (actie: Actie) => Actie): Promise<Actie | undefined> {
    if (!IdSchema.safeParse(actieId).success) return undefined;
    const pk = keyPart(centreId);
    const rowKey = actieKey(actieId);
    for (let attempt = 1; attempt <= UPDATE_ATTEMPTS; attempt += 1) {
      let row: Row;
      try {
        row = await this.table.getEntity<Row>(pk, rowKey);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
      const { actie, position } = toActie(row);
      const next = change(actie);
      if (next === actie) return actie;
      const valid = ActieSchema.parse({ ...next, id: actie.id });
      try {
        await this.table.updateEntity(actieEntity(pk, valid, position), 'Replace', { etag: String(row.etag) });
        return valid;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        if (!isConflict(error)) throw error;
        await sleep(Math.floor(Math.random() * 20 * attempt));
      }
    }
    throw new PoolsterError('conflict', CONFLICT_MESSAGE);
  }

  /**
   * Adds a new actie to the plan with a fresh id (`n-` and six letters/digits), after the existing
   * ones (`position`: e.g. the number of acties the caller saw). The doelstelling must exist.
   */
  async addActie(centreId: string, input: Omit<Actie, 'id'>, position: number): Promise<Actie> {
    const pk = keyPart(centreId);
    try {
      await this.table.getEntity(pk, doelKey(input.doelstellingId));
    } catch (error) {
      if (isNotFound(error)) throw new PoolsterError('not-found', 'Die doelstelling staat niet (meer) in het beleidsplan. Open het formulier opnieuw met **nieuwe actie**.');
      throw error;
    }
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const actie = ActieSchema.parse({ ...input, id: `n-${newIdSuffix()}` });
      try {
        await this.table.createEntity(actieEntity(pk, actie, Math.max(0, Math.floor(position))));
        return actie;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    throw new PoolsterError('conflict', 'Ik kon geen nieuw nummer voor de actie vinden. Probeer het opnieuw.');
  }
}

function newIdSuffix(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(6), (b) => alphabet[b % alphabet.length]).join('');
}
