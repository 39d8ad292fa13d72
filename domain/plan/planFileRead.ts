/**
 * Reads the content of a parsed plan file into a plan, reporting every problem with its line and a
 * Dutch message that says what to fix (the format is described in ./planFile.ts).
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../catalogue/types';
import { parseSchoolYear, type SchoolYear } from '../schoolYear';
import { isIsoDateTime, parseDutchDate } from '../time';
import {
  ACTION_STATUSES,
  DOELSTELLING_KINDS,
  ID_PATTERN,
  LIMITS,
  PlanSchema,
  type Actie,
  type ActionStatus,
  type Doelstelling,
  type DoelstellingKind,
  type Note,
  type Owner,
  type Plan,
  type Speerpunt,
  type SpeerpuntNumber,
} from './model';
import { closestWord } from '../closestWord';
import { sortProblems, type PlanFileProblem } from './planFileProblems';


const PLAN_KEYS = ['titel', 'periode', 'speerpunten'] as const;
const SPEERPUNT_KEYS = ['nummer', 'titel', 'om', 'vereist', 'daartoe', 'doelstellingen'] as const;
const DOELSTELLING_KEYS = ['id', 'titel', 'soort', 'hoofdstuk', 'acties'] as const;
const ACTIE_KEYS = [
  'id',
  'titel',
  'omschrijving',
  'eigenaar',
  'planning',
  'deadline',
  'status',
  'bouwsteen',
  'notities',
] as const;
const OWNER_KEYS = ['naam', 'gebruikersId'] as const;
const NOTE_KEYS = ['datum', 'auteur', 'tekst'] as const;

type AnyNode = Node | null | undefined;

class Checker {
  readonly problems: PlanFileProblem[] = [];
  /** Keys that an unknown (misspelt) key was taken for, per mapping: their absence is not reported again. */
  private readonly suggested = new WeakMap<Map<string, Pair>, Set<string>>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  lineAt(offset: number | undefined): number {
    if (offset === undefined) return 1;
    return this.lines.linePos(offset).line;
  }

  lineOf(node: AnyNode | Pair, fallback = 1): number {
    if (!node) return fallback;
    if (isPair(node)) {
      const key = node.key as AnyNode;
      return key && key.range ? this.lineAt(key.range[0]) : fallback;
    }
    return node.range ? this.lineAt(node.range[0]) : fallback;
  }

  add(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  resolve(node: unknown): AnyNode {
    if (isAlias(node)) return node.resolve(this.doc) as AnyNode;
    return node as AnyNode;
  }

  /**
   * Reads the pairs of a mapping, reporting unknown keys. Returns key → pair.
   * `what` names the thing in messages, e.g. "een actie".
   */
  fields<K extends string>(map: YAMLMap, allowed: readonly K[], what: string): Map<K, Pair> {
    const out = new Map<K, Pair>();
    const suggested = new Set<string>();
    this.suggested.set(out as Map<string, Pair>, suggested);
    for (const item of map.items) {
      const pair = item as Pair;
      const keyNode = this.resolve(pair.key);
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined || !(allowed as readonly string[]).includes(key)) {
        const shown = key ?? '?';
        const suggestion = key === undefined ? undefined : closestWord(key, allowed);
        if (suggestion) suggested.add(suggestion);
        this.add(
          this.lineOf(pair),
          `Onbekend veld '${shown}' bij ${what}.` +
            (suggestion ? ` Bedoel je '${suggestion}'?` : '') +
            ` Toegelaten velden: ${allowed.join(', ')}.`,
        );
        continue;
      }
      out.set(key as K, pair);
    }
    return out;
  }

  /** Reports a missing required field, unless a misspelling of it was already reported. */
  missing(fields: Map<string, Pair>, key: string, line: number, message: string): void {
    if (this.suggested.get(fields)?.has(key)) return;
    this.add(line, message);
  }

  valueOf(pair: Pair | undefined): AnyNode {
    return pair ? this.resolve(pair.value) : undefined;
  }

  /** A text field. Returns undefined when absent/empty (reporting when required) or invalid. */
  text(
    fields: Map<string, Pair>,
    key: string,
    opts: { required: boolean; max: number; what: string; itemLine: number; tooLongHint?: string },
  ): string | undefined {
    const pair = fields.get(key);
    const node = this.valueOf(pair);
    const line = pair ? this.lineOf(pair) : opts.itemLine;
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
      if (opts.required) {
        this.missing(fields, key, line, `${capitalize(opts.what)} heeft geen '${key}'. Vul '${key}:' in.`);
      }
      return undefined;
    }
    if (!isScalar(node)) {
      this.add(line, `'${key}' bij ${opts.what} moet een tekst zijn, geen lijst of blok met velden.`);
      return undefined;
    }
    const raw = scalarText(node);
    const value = raw.trim();
    if (value.length === 0) {
      if (opts.required) this.add(line, `'${key}' bij ${opts.what} is leeg. Vul een tekst in.`);
      return undefined;
    }
    if (value.length > opts.max) {
      this.add(
        line,
        `'${key}' bij ${opts.what} is te lang (${value.length} tekens). Houd het bij maximaal ${opts.max} tekens` +
          (opts.tooLongHint ? `; ${opts.tooLongHint}` : '') +
          '.',
      );
      return undefined;
    }
    return value;
  }

  /** A list of texts; null/absent → []. */
  textList(fields: Map<string, Pair>, key: string, max: number, what: string): string[] {
    const pair = fields.get(key);
    const node = this.valueOf(pair);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.add(this.lineOf(pair), `'${key}' bij ${what} moet een lijst zijn: zet elk punt op een eigen regel die begint met '- '.`);
      return [];
    }
    const out: string[] = [];
    for (const itemRaw of node.items) {
      const item = this.resolve(itemRaw);
      const line = this.lineOf(item, this.lineOf(pair));
      if (!isScalar(item) || item.value === null) {
        this.add(line, `Elk punt onder '${key}' bij ${what} moet een (niet-lege) tekst zijn.`);
        continue;
      }
      const value = scalarText(item).trim();
      if (value.length === 0) {
        this.add(line, `Elk punt onder '${key}' bij ${what} moet een (niet-lege) tekst zijn.`);
      } else if (value.length > max) {
        this.add(line, `Een punt onder '${key}' bij ${what} is te lang (${value.length} tekens). Houd het bij maximaal ${max} tekens.`);
      } else {
        out.push(value);
      }
    }
    return out;
  }

  /** A list of mappings; null/absent → []. Non-mapping items are reported. */
  mapList(fields: Map<string, Pair>, key: string, what: string, each: string): YAMLMap[] {
    const pair = fields.get(key);
    const node = this.valueOf(pair);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.add(this.lineOf(pair), `'${key}' bij ${what} moet een lijst zijn: begin ${each} met '- '.`);
      return [];
    }
    const out: YAMLMap[] = [];
    for (const itemRaw of node.items) {
      const item = this.resolve(itemRaw);
      if (!isMap(item)) {
        this.add(
          this.lineOf(item, this.lineOf(pair)),
          `${capitalize(each)} onder '${key}' moet velden hebben (zoals 'titel: ...'), geen losse tekst.`,
        );
        continue;
      }
      out.push(item);
    }
    return out;
  }

  /** An optional explicit id. */
  id(fields: Map<string, Pair>, what: string): { id: string; line: number } | undefined {
    const pair = fields.get('id');
    if (!pair) return undefined;
    const node = this.valueOf(pair);
    const line = this.lineOf(pair);
    if (node === undefined || node === null || (isScalar(node) && node.value === null)) return undefined;
    if (!isScalar(node)) {
      this.add(line, `De 'id' van ${what} moet een korte tekst zijn, bv. sp1-d2.`);
      return undefined;
    }
    const value = scalarText(node).trim();
    if (value.length === 0) return undefined;
    if (value.length > LIMITS.id || !ID_PATTERN.test(value)) {
      this.add(
        line,
        `De id '${value}' van ${what} is ongeldig. Gebruik enkel letters, cijfers, '.', '_' en '-' (maximaal ${LIMITS.id} tekens), bv. sp1-d2, of laat de id weg.`,
      );
      return undefined;
    }
    return { id: value, line };
  }
}

/** The text of a scalar as the author wrote it (numbers keep their spelling, e.g. 1.10). */
function scalarText(node: { value: unknown; source?: string }): string {
  if (typeof node.value === 'string') return node.value;
  if (typeof node.source === 'string' && node.source.length > 0) return node.source;
  return String(node.value);
}

function capitalize(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}



export type ReadPlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanFileProblem[] };

/** The plan in a YAML document without syntax errors, or every problem of its content. */
export function readPlan(doc: Document.Parsed, lines: LineCounter): ReadPlanResult {
  const c = new Checker(doc, lines);
  const root = c.resolve(doc.contents);
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
    return {
      ok: false,
      problems: [{ line: 1, message: "Het bestand is leeg. Begin met 'titel:', 'periode:' en 'speerpunten:'." }],
    };
  }
  if (!isMap(root)) {
    return {
      ok: false,
      problems: [
        {
          line: c.lineOf(root),
          message: "Het bestand moet beginnen met velden als 'titel: ...' en 'speerpunten:', niet met een lijst of losse tekst.",
        },
      ],
    };
  }

  const top = c.fields(root, PLAN_KEYS, 'het plan');
  const planTitle = c.text(top, 'titel', { required: true, max: LIMITS.planTitle, what: 'het plan', itemLine: c.lineOf(root) });
  const period = c.text(top, 'periode', { required: false, max: LIMITS.period, what: 'het plan', itemLine: c.lineOf(root) });

  const speerpunten: Speerpunt[] = [];
  const doelstellingen: Doelstelling[] = [];
  const acties: Actie[] = [];
  const doelIdLines = new Map<string, number>();
  const actieIdLines = new Map<string, number>();

  const spPair = top.get('speerpunten');
  if (!spPair) {
    c.missing(top, 'speerpunten', c.lineOf(root), "Het plan heeft geen 'speerpunten:'. Voeg de vier speerpunten toe (nummer 1 tot en met 4).");
  }
  const spMaps = c.mapList(top, 'speerpunten', 'het plan', 'elk speerpunt');
  const numberLines = new Map<number, number>();

  spMaps.forEach((spMap, spIndex) => {
    const spLine = c.lineOf(spMap);
    const f = c.fields(spMap, SPEERPUNT_KEYS, 'een speerpunt');
    const number = readSpeerpuntNumber(c, f, spLine, numberLines);
    const what = number !== undefined ? `speerpunt ${number}` : 'een speerpunt';
    const title = c.text(f, 'titel', { required: true, max: LIMITS.speerpuntTitle, what, itemLine: spLine });
    const why = c.text(f, 'om', { required: false, max: LIMITS.speerpuntText, what, itemLine: spLine }) ?? '';
    const requires = c.textList(f, 'vereist', LIMITS.speerpuntItem, what);
    const engagements = c.textList(f, 'daartoe', LIMITS.speerpuntItem, what);
    if (number !== undefined && title !== undefined) {
      speerpunten.push({ number, title, why, requires, engagements });
    }
    const idNumber = number ?? spIndex + 1;

    c.mapList(f, 'doelstellingen', what, 'elke doelstelling').forEach((dMap, dIndex) => {
      const dLine = c.lineOf(dMap);
      const df = c.fields(dMap, DOELSTELLING_KEYS, 'een doelstelling');
      const dWhat = 'deze doelstelling';
      const explicit = c.id(df, dWhat);
      const dId = explicit?.id ?? `sp${idNumber}-d${dIndex + 1}`;
      const dIdLine = explicit?.line ?? dLine;
      if (doelIdLines.has(dId)) {
        c.add(
          dIdLine,
          `De id '${dId}' wordt al gebruikt door de doelstelling op regel ${doelIdLines.get(dId)}. Geef elke doelstelling een eigen id.`,
        );
      } else {
        doelIdLines.set(dId, dIdLine);
      }
      const dTitle = c.text(df, 'titel', { required: true, max: LIMITS.doelstellingTitle, what: 'een doelstelling', itemLine: dLine });
      const kind = readKind(c, df);
      const chapter = c.text(df, 'hoofdstuk', { required: false, max: LIMITS.chapter, what: dWhat, itemLine: dLine });
      if (number !== undefined && dTitle !== undefined && kind !== undefined) {
        doelstellingen.push({ id: dId, speerpunt: number, kind, title: dTitle, ...(chapter !== undefined ? { chapter } : {}) });
      }

      c.mapList(df, 'acties', dWhat, 'elke actie').forEach((aMap, aIndex) => {
        const actie = readActie(c, aMap, dId, `sp${idNumber}-d${dIndex + 1}-a${aIndex + 1}`, actieIdLines);
        if (actie) acties.push(actie);
      });
    });
  });

  if (spPair) {
    const missing = ([1, 2, 3, 4] as const).filter((n) => !numberLines.has(n));
    const entries = spSeqLength(c, spPair);
    if (entries === undefined) {
      // Not a list: already reported.
    } else if (entries === 0) {
      c.add(c.lineOf(spPair), 'De lijst met speerpunten is leeg. Voeg de vier speerpunten toe (nummer 1 tot en met 4).');
    } else if (missing.length > 0 && entries === numberLines.size) {
      // Every entry has a valid number, so numbers are really missing.
      c.add(
        c.lineOf(spPair),
        missing.length === 1
          ? `Speerpunt ${missing[0]} ontbreekt. Het plan heeft precies vier speerpunten, genummerd 1 tot en met 4.`
          : `De speerpunten ${missing.join(', ')} ontbreken. Het plan heeft precies vier speerpunten, genummerd 1 tot en met 4.`,
      );
    } else if (entries < 4) {
      // Some entries have a bad number (already reported); still say that entries are missing.
      c.add(c.lineOf(spPair), `Het plan heeft ${entries} speerpunt(en); het moet er precies vier hebben, genummerd 1 tot en met 4.`);
    }
  }

  if (c.problems.length > 0) return { ok: false, problems: sortProblems(c.problems) };

  const plan = {
    title: planTitle!,
    ...(period !== undefined ? { period } : {}),
    speerpunten,
    doelstellingen,
    acties,
  };
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) {
    // Should not happen: the checks above cover the schema. Report rather than throw.
    return {
      ok: false,
      problems: checked.error.issues.map((i) => ({
        line: 1,
        message: `Het plan is ongeldig (${i.path.join('.')}: ${i.message}). Controleer het bestand.`,
      })),
    };
  }
  return { ok: true, plan: checked.data };
}

/**
 * How many entries the speerpunten list has (whatever their content); 0 when empty; undefined when
 * it is not a list (already reported).
 */
function spSeqLength(c: Checker, pair: Pair): number | undefined {
  const node = c.valueOf(pair);
  if (isSeq(node)) return node.items.length;
  return isEmptyValue(node) ? 0 : undefined;
}

function readSpeerpuntNumber(
  c: Checker,
  f: Map<string, Pair>,
  spLine: number,
  numberLines: Map<number, number>,
): SpeerpuntNumber | undefined {
  const pair = f.get('nummer');
  const node = c.valueOf(pair);
  if (!pair || node === null || node === undefined || (isScalar(node) && node.value === null)) {
    c.missing(f, 'nummer', spLine, "Dit speerpunt heeft geen 'nummer'. Vul 'nummer:' in met 1, 2, 3 of 4.");
    return undefined;
  }
  const line = c.lineOf(pair);
  const raw = isScalar(node) ? scalarText(node).trim() : '';
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n)) {
    c.add(line, `'${raw || '?'}' is geen geldig speerpuntnummer. Gebruik 1, 2, 3 of 4.`);
    return undefined;
  }
  if (n < 1 || n > 4) {
    c.add(line, `Speerpunt ${n} bestaat niet. Het plan heeft vier speerpunten: gebruik een nummer van 1 tot en met 4.`);
    return undefined;
  }
  if (numberLines.has(n)) {
    c.add(line, `Speerpunt ${n} staat al op regel ${numberLines.get(n)}. Elk nummer van 1 tot en met 4 komt precies één keer voor.`);
    return undefined;
  }
  numberLines.set(n, line);
  return n as SpeerpuntNumber;
}

function readKind(c: Checker, f: Map<string, Pair>): DoelstellingKind | undefined {
  const pair = f.get('soort');
  const node = c.valueOf(pair);
  if (!pair || node === null || node === undefined || (isScalar(node) && node.value === null)) return 'strategisch';
  const raw = isScalar(node) ? scalarText(node).trim().toLowerCase() : '';
  if ((DOELSTELLING_KINDS as readonly string[]).includes(raw)) return raw as DoelstellingKind;
  c.add(
    c.lineOf(pair),
    `Onbekende soort '${isScalar(node) ? scalarText(node).trim() : '?'}' bij een doelstelling. Kies 'strategisch' of 'operationeel'.`,
  );
  return undefined;
}

function readActie(
  c: Checker,
  aMap: YAMLMap,
  doelstellingId: string,
  generatedId: string,
  actieIdLines: Map<string, number>,
): Actie | undefined {
  const before = c.problems.length;
  const aLine = c.lineOf(aMap);
  const f = c.fields(aMap, ACTIE_KEYS, 'een actie');
  const what = 'deze actie';

  const explicit = c.id(f, what);
  const id = explicit?.id ?? generatedId;
  const idLine = explicit?.line ?? aLine;
  if (actieIdLines.has(id)) {
    c.add(idLine, `De id '${id}' wordt al gebruikt door de actie op regel ${actieIdLines.get(id)}. Geef elke actie een eigen id.`);
  } else {
    actieIdLines.set(id, idLine);
  }

  const title = c.text(f, 'titel', {
    required: true,
    max: LIMITS.actieTitle,
    what: 'een actie',
    itemLine: aLine,
    tooLongHint: "zet de rest in 'omschrijving'",
  });
  const description = c.text(f, 'omschrijving', { required: false, max: LIMITS.actieDescription, what, itemLine: aLine });
  const owner = readOwner(c, f);
  const schoolYears = readPlanning(c, f);
  const deadline = readDeadline(c, f);
  const status = readStatus(c, f);
  const bouwsteenId = readBouwsteen(c, f);
  const notes = readNotes(c, f);

  // Any problem fails the whole file; only build the actie when this one is clean.
  if (c.problems.length > before || title === undefined || schoolYears === undefined || status === undefined || notes === undefined) {
    return undefined;
  }
  return {
    id,
    doelstellingId,
    title,
    ...(description !== undefined ? { description } : {}),
    ...(owner ? { owner } : {}),
    schoolYears,
    ...(deadline ? { deadline } : {}),
    status,
    notes,
    ...(bouwsteenId ? { bouwsteenId } : {}),
  };
}

function isNullScalar(node: AnyNode): boolean {
  return isScalar(node) && node.value === null;
}

function isEmptyValue(node: AnyNode): boolean {
  return node === null || node === undefined || isNullScalar(node) || (isScalar(node) && scalarText(node).trim() === '');
}

/** undefined = no owner; null = invalid (reported). */
function readOwner(c: Checker, f: Map<string, Pair>): Owner | undefined | null {
  const pair = f.get('eigenaar');
  const node = c.valueOf(pair);
  if (!pair || isEmptyValue(node)) return undefined;
  const line = c.lineOf(pair);
  if (isScalar(node)) {
    const name = scalarText(node).trim();
    if (name.length > LIMITS.ownerName) {
      c.add(line, `De naam van de eigenaar is te lang (${name.length} tekens). Houd het bij maximaal ${LIMITS.ownerName} tekens.`);
      return null;
    }
    return { name };
  }
  if (isMap(node)) {
    const of = c.fields(node, OWNER_KEYS, 'de eigenaar');
    const before = c.problems.length;
    const name = c.text(of, 'naam', { required: true, max: LIMITS.ownerName, what: 'de eigenaar', itemLine: line });
    const userId = c.text(of, 'gebruikersId', { required: false, max: LIMITS.userId, what: 'de eigenaar', itemLine: line });
    if (name === undefined || c.problems.length > before) return null;
    return { name, ...(userId !== undefined ? { userId } : {}) };
  }
  c.add(line, "De 'eigenaar' moet een naam zijn (bv. 'eigenaar: directeur') of een blok met 'naam:' en 'gebruikersId:'.");
  return null;
}

/** [] when absent; undefined when invalid (reported). */
function readPlanning(c: Checker, f: Map<string, Pair>): SchoolYear[] | undefined {
  const pair = f.get('planning');
  const node = c.valueOf(pair);
  if (!pair || isEmptyValue(node)) return [];
  const pairLine = c.lineOf(pair);
  const entries: { text: string; line: number }[] = [];
  if (isScalar(node)) {
    for (const part of scalarText(node).split(/\s*(?:,|;|\bof\b|\ben\b)\s*/)) {
      if (part.trim()) entries.push({ text: part.trim(), line: pairLine });
    }
  } else if (isSeq(node)) {
    for (const itemRaw of node.items) {
      const item = c.resolve(itemRaw);
      const line = c.lineOf(item, pairLine);
      if (!isScalar(item) || item.value === null) {
        c.add(line, "Elk schooljaar onder 'planning' moet een tekst zijn zoals 20-21 of 2020-2021.");
        return undefined;
      }
      entries.push({ text: scalarText(item).trim(), line });
    }
  } else {
    c.add(pairLine, "'planning' moet een lijst van schooljaren zijn, bv. 'planning: [20-21, 21-22]'.");
    return undefined;
  }
  const out: SchoolYear[] = [];
  let ok = true;
  for (const e of entries) {
    const sy = parseSchoolYear(e.text);
    if (!sy) {
      c.add(e.line, `'${e.text}' is geen geldig schooljaar. Schrijf het als 20-21 of 2020-2021 (het tweede jaar volgt op het eerste).`);
      ok = false;
    } else if (out.includes(sy)) {
      c.add(e.line, `Het schooljaar ${sy} staat twee keer in de planning. Vermeld elk schooljaar één keer.`);
      ok = false;
    } else {
      out.push(sy);
    }
  }
  return ok ? out : undefined;
}

/** undefined = none; null = invalid (reported). */
function readDeadline(c: Checker, f: Map<string, Pair>): string | undefined | null {
  const pair = f.get('deadline');
  const node = c.valueOf(pair);
  if (!pair || isEmptyValue(node)) return undefined;
  const raw = isScalar(node) ? scalarText(node).trim() : '';
  const date = parseDutchDate(raw);
  if (!date) {
    c.add(
      c.lineOf(pair),
      `'${raw || '?'}' is geen geldige datum voor de deadline. Schrijf een bestaande datum als JJJJ-MM-DD, bv. 2026-12-15.`,
    );
    return null;
  }
  return date;
}

function readStatus(c: Checker, f: Map<string, Pair>): ActionStatus | undefined {
  const pair = f.get('status');
  const node = c.valueOf(pair);
  if (!pair || isEmptyValue(node)) return 'gepland';
  const raw = isScalar(node) ? scalarText(node).trim() : '';
  const lower = raw.toLowerCase();
  if ((ACTION_STATUSES as readonly string[]).includes(lower)) return lower as ActionStatus;
  c.add(c.lineOf(pair), `Onbekende status '${raw || '?'}'. Kies uit: ${ACTION_STATUSES.join(', ')}.`);
  return undefined;
}

/** undefined = none; null = invalid (reported). */
function readBouwsteen(c: Checker, f: Map<string, Pair>): BouwsteenId | undefined | null {
  const pair = f.get('bouwsteen');
  const node = c.valueOf(pair);
  if (!pair || isEmptyValue(node)) return undefined;
  const raw = isScalar(node) ? scalarText(node).trim() : '';
  if ((BOUWSTEEN_IDS as readonly string[]).includes(raw)) return raw as BouwsteenId;
  c.add(c.lineOf(pair), `Onbekende bouwsteen '${raw || '?'}'. Kies uit: ${BOUWSTEEN_IDS.join(', ')}.`);
  return null;
}

/** [] when absent; undefined when invalid (reported). */
function readNotes(c: Checker, f: Map<string, Pair>): Note[] | undefined {
  const before = c.problems.length;
  const maps = c.mapList(f, 'notities', 'deze actie', 'elke notitie');
  const notes: Note[] = [];
  for (const nMap of maps) {
    const nLine = c.lineOf(nMap);
    const nf = c.fields(nMap, NOTE_KEYS, 'een notitie');
    const what = 'een notitie';
    const datePair = nf.get('datum');
    const dateNode = c.valueOf(datePair);
    let date: string | undefined;
    if (!datePair || isEmptyValue(dateNode)) {
      c.missing(nf, 'datum', nLine, "Een notitie heeft geen 'datum'. Vul 'datum:' in als JJJJ-MM-DD.");
    } else {
      const raw = isScalar(dateNode) ? scalarText(dateNode).trim() : '';
      date = isIsoDateTime(raw) ? raw : parseDutchDate(raw);
      if (!date) {
        c.add(c.lineOf(datePair), `'${raw || '?'}' is geen geldige datum voor een notitie. Schrijf een bestaande datum als JJJJ-MM-DD.`);
      }
    }
    const author = c.text(nf, 'auteur', { required: true, max: LIMITS.noteAuthor, what, itemLine: nLine });
    const text = c.text(nf, 'tekst', { required: true, max: LIMITS.noteText, what, itemLine: nLine });
    if (date && author !== undefined && text !== undefined) notes.push({ date, author, text });
  }
  return c.problems.length > before ? undefined : notes;
}

