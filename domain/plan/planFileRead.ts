/**
 * Reads the content of a parsed plan file into a plan. The file's form is checked by one zod schema
 * (./planFileSchema.ts), the whole plan by the model's (./model.ts); every issue becomes a Dutch
 * message that says what to fix, on the line the yaml library's own node ranges give for its path.
 */
import { isMap, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';
import { z } from 'zod';
import { BOUWSTEEN_IDS } from '../catalogue/types';
import { closestWord } from '../closestWord';
import { parseSchoolYear } from '../schoolYear';
import { ACTION_STATUSES, LIMITS, PlanSchema, SPEERPUNT_NUMBERS, type Plan } from './model';
import { BLOCK_KEYS, flattenPlanFile, PlanFileSchema, SHORT_FORMS, SpeerpuntNumberField, type FilePath, type PlanFileOrigins } from './planFileSchema';
import { sortProblems, type PlanFileProblem } from './planFileProblems';

export type ReadPlanResult = { ok: true; plan: Plan } | { ok: false; problems: PlanFileProblem[] };

/** The plan in a YAML document without syntax errors, or every problem of its content. */
export function readPlan(doc: Document.Parsed, lines: LineCounter): ReadPlanResult {
  const lineOf = (path: FilePath) => lineOfPath(doc, lines, path);
  const unresolved: PlanFileProblem[] = [];
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) unresolved.push({ line: lines.linePos(node.range?.[0] ?? 0).line, message: UNRESOLVED_ALIAS(node.source) });
    },
  });
  if (unresolved.length > 0) return { ok: false, problems: sortProblems(unresolved) };
  let input: unknown;
  try {
    input = doc.toJS();
  } catch (error) {
    // The library refuses aliases that would blow up the document (a resource-exhaustion guard).
    if (!(error instanceof ReferenceError)) throw error;
    return { ok: false, problems: [{ line: 1, message: TOO_MANY_ALIASES }] };
  }

  const form = PlanFileSchema.safeParse(input);
  if (!form.success) return { ok: false, problems: sortProblems(formProblems(form.error.issues, input, lineOf)) };
  const { plan, origins } = flattenPlanFile(form.data);
  const checked = PlanSchema.safeParse(plan);
  if (!checked.success) return { ok: false, problems: sortProblems(checked.error.issues.map((i) => planProblem(i, plan, origins, lineOf))) };
  return { ok: true, plan: checked.data };
}

/**
 * The line of what `path` points at: a field's key, a list's item, or, for what is missing, the
 * nearest block that is there.
 */
function lineOfPath(doc: Document.Parsed, lines: LineCounter, path: FilePath): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = doc.getIn(path.slice(0, depth - 1), true);
    const step = path[depth - 1];
    const node = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(step))?.key
      : isSeq(parent)
        ? parent.items[Number(step)]
        : undefined;
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  const root = doc.contents;
  return root?.range ? lines.linePos(root.range[0]).line : 1;
}

// ---------------------------------------------------------------------------------------------
// Dutch messages

const UNRESOLVED_ALIAS = (source: string) =>
  `'*${source}' verwijst naar niets. Zet een tekst die met '*' begint tussen aanhalingstekens, bv. "*${source}".`;
const TOO_MANY_ALIASES = "Het bestand gebruikt te veel verwijzingen ('*'). Schrijf de teksten gewoon uit.";
const FOUR_SPEERPUNTEN = 'Het plan heeft precies vier speerpunten, genummerd 1 tot en met 4.';

/** How messages name a block, by the key of the list (or field) it stands in. */
const BLOCKS: Readonly<Record<string, { a: string; the: string; each?: string }>> = {
  '': { a: 'het plan', the: 'het plan' },
  speerpunten: { a: 'een speerpunt', the: 'een speerpunt', each: 'elk speerpunt' },
  doelstellingen: { a: 'een doelstelling', the: 'deze doelstelling', each: 'elke doelstelling' },
  acties: { a: 'een actie', the: 'deze actie', each: 'elke actie' },
  notities: { a: 'een notitie', the: 'een notitie', each: 'elke notitie' },
  eigenaar: { a: 'de eigenaar', the: 'de eigenaar' },
};

/** Messages of fields whose value is one of a few words, a number or a date (`raw` as written). */
const VALUE_MESSAGES: Readonly<Record<string, (raw: string) => string>> = {
  nummer: (raw) =>
    /^\d+$/.test(raw)
      ? `Speerpunt ${Number(raw)} bestaat niet. Het plan heeft vier speerpunten: gebruik een nummer van 1 tot en met 4.`
      : `'${raw}' is geen geldig speerpuntnummer. Gebruik 1, 2, 3 of 4.`,
  soort: (raw) => `Onbekende soort '${raw}' bij een doelstelling. Kies 'strategisch' of 'operationeel'.`,
  status: (raw) => `Onbekende status '${raw}'. Kies uit: ${ACTION_STATUSES.join(', ')}.`,
  bouwsteen: (raw) => `Onbekende bouwsteen '${raw}'. Kies uit: ${BOUWSTEEN_IDS.join(', ')}.`,
  deadline: (raw) => `'${raw}' is geen geldige datum voor de deadline. Schrijf een bestaande datum als JJJJ-MM-DD, bv. 2026-12-15.`,
  datum: (raw) => `'${raw}' is geen geldige datum voor een notitie. Schrijf een bestaande datum als JJJJ-MM-DD.`,
};

/** Messages for a field that is not there, where the general one says too little. */
const MISSING_MESSAGES: Readonly<Record<string, string>> = {
  nummer: "Dit speerpunt heeft geen 'nummer'. Vul 'nummer:' in met 1, 2, 3 of 4.",
  datum: "Een notitie heeft geen 'datum'. Vul 'datum:' in als JJJJ-MM-DD.",
  speerpunten: "Het plan heeft geen 'speerpunten:'. Voeg de vier speerpunten toe (nummer 1 tot en met 4).",
};

const TOO_LONG_HINTS: Readonly<Record<string, string>> = { 'acties.titel': "zet de rest in 'omschrijving'" };

/** The value at `path` in the file as converted by the yaml library, with short forms written out. */
function valueAt(input: unknown, path: FilePath): unknown {
  let value = input;
  for (const step of path) {
    value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
    if (typeof step === 'string') value = SHORT_FORMS[step]?.(value) ?? value;
  }
  return value;
}

/** The key of the list (or field) a block stands in: the last key on its path; '' for the file itself. */
function blockKeyOf(path: FilePath): string {
  return String([...path].reverse().find((step) => typeof step === 'string') ?? '');
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Where an issue is: the field (and the item, in a list), the block that holds it and how messages name that block. */
function locate(path: FilePath, input: unknown) {
  const item = typeof path.at(-1) === 'number' ? (path.at(-1) as number) : undefined;
  const fieldPath = item === undefined ? path : path.slice(0, -1);
  const key = String(fieldPath.at(-1) ?? '');
  const blockPath = fieldPath.slice(0, -1);
  const blockKey = blockKeyOf(blockPath);
  const names = BLOCKS[blockKey] ?? BLOCKS['']!;
  const number = blockKey === 'speerpunten' ? SpeerpuntNumberField.safeParse(valueAt(input, [...blockPath, 'nummer'])).data : undefined;
  const value = valueAt(input, path);
  return {
    item,
    key,
    blockKey,
    /** For the block as a whole ("een actie"); a speerpunt by its number when it has a good one. */
    a: number ? `speerpunt ${number}` : names.a,
    /** For one of its fields ("deze actie"); its title is the block's, though ("een actie"). */
    the: number ? `speerpunt ${number}` : key === 'titel' ? names.a : names.the,
    value,
    raw: typeof value === 'string' && value.trim() !== '' ? value.trim() : '?',
  };
}

function formProblems(issues: readonly z.ZodIssue[], input: unknown, lineOf: (path: FilePath) => number): PlanFileProblem[] {
  const problems: PlanFileProblem[] = [];
  // A misspelt key is reported once, as unknown with a suggestion, not also as the missing field it meant.
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== z.ZodIssueCode.unrecognized_keys) continue;
    const block = BLOCKS[blockKeyOf(issue.path)] ?? BLOCKS['']!;
    const allowed = BLOCK_KEYS[blockKeyOf(issue.path)] ?? [];
    for (const key of issue.keys) {
      const suggestion = closestWord(key, allowed);
      if (suggestion) meant.add(JSON.stringify([...issue.path, suggestion]));
      problems.push({
        line: lineOf([...issue.path, key]),
        message:
          `Onbekend veld '${key || '?'}' bij ${block.a}.` + (suggestion ? ` Bedoel je '${suggestion}'?` : '') + ` Toegelaten velden: ${allowed.join(', ')}.`,
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys || meant.has(JSON.stringify(issue.path))) continue;
    const message = formMessage(issue, locate(issue.path, input));
    problems.push({ line: lineOf(issue.path), message });
  }
  return problems;
}

function formMessage(issue: z.ZodIssue, at: ReturnType<typeof locate>): string {
  const { key, item, the, raw } = at;
  if (issue.path.length === 0) {
    return at.value === null || at.value === undefined
      ? "Het bestand is leeg. Begin met 'titel:', 'periode:' en 'speerpunten:'."
      : "Het bestand moet beginnen met velden als 'titel: ...' en 'speerpunten:', niet met een lijst of losse tekst.";
  }
  if (item === undefined && (at.value === null || at.value === undefined)) {
    return MISSING_MESSAGES[key] ?? `${capitalize(at.a)} heeft geen '${key}'. Vul '${key}:' in.`;
  }
  if (key === 'planning' && item !== undefined) {
    if (typeof at.value !== 'string') return "Elk schooljaar onder 'planning' moet een tekst zijn zoals 20-21 of 2020-2021.";
    if (issue.code === z.ZodIssueCode.custom && issue.params?.twice) {
      return `Het schooljaar ${parseSchoolYear(raw) ?? raw} staat twee keer in de planning. Vermeld elk schooljaar één keer.`;
    }
    return `'${raw}' is geen geldig schooljaar. Schrijf het als 20-21 of 2020-2021 (het tweede jaar volgt op het eerste).`;
  }
  if (item === undefined && VALUE_MESSAGES[key]) return VALUE_MESSAGES[key](raw);
  if (issue.code === z.ZodIssueCode.invalid_type && issue.expected === 'array') {
    if (key === 'planning') return "'planning' moet een lijst van schooljaren zijn, bv. 'planning: [20-21, 21-22]'.";
    const each = BLOCKS[key]?.each;
    return each
      ? `'${key}' bij ${the} moet een lijst zijn: begin ${each} met '- '.`
      : `'${key}' bij ${the} moet een lijst zijn: zet elk punt op een eigen regel die begint met '- '.`;
  }
  if (issue.code === z.ZodIssueCode.invalid_type && issue.expected === 'object') {
    if (key === 'eigenaar') return "De 'eigenaar' moet een naam zijn (bv. 'eigenaar: directeur') of een blok met 'naam:' en 'gebruikersId:'.";
    return `${capitalize(BLOCKS[key]?.each ?? 'elk punt')} onder '${key}' moet velden hebben (zoals 'titel: ...'), geen losse tekst.`;
  }
  if (key === 'id') {
    return typeof at.value === 'string'
      ? `De id '${raw}' van ${the} is ongeldig. Gebruik enkel letters, cijfers, '.', '_' en '-' (maximaal ${LIMITS.id} tekens), bv. sp1-d2, of laat de id weg.`
      : `De 'id' van ${the} moet een korte tekst zijn, bv. sp1-d2.`;
  }
  if (item !== undefined) {
    return issue.code === z.ZodIssueCode.too_big
      ? `Een punt onder '${key}' bij ${the} is te lang (${raw.length} tekens). Houd het bij maximaal ${issue.maximum} tekens.`
      : `Elk punt onder '${key}' bij ${the} moet een (niet-lege) tekst zijn.`;
  }
  if (issue.code === z.ZodIssueCode.too_big) {
    const hint = TOO_LONG_HINTS[`${at.blockKey}.${key}`];
    return `'${key}' bij ${the} is te lang (${raw.length} tekens). Houd het bij maximaal ${issue.maximum} tekens${hint ? `; ${hint}` : ''}.`;
  }
  if (issue.code === z.ZodIssueCode.invalid_type) return `'${key}' bij ${the} moet een tekst zijn, geen lijst of blok met velden.`;
  return `'${key}' bij ${the} is leeg. Vul een tekst in.`;
}

/** The model's whole-plan checks (four speerpunten, each number and id once) on the file's lines. */
function planProblem(issue: z.ZodIssue, plan: Plan, origins: PlanFileOrigins, lineOf: (path: FilePath) => number): PlanFileProblem {
  const [list, index, field] = issue.path as ['speerpunten' | 'doelstellingen' | 'acties', number | undefined, string | undefined];
  if (index === undefined) {
    const numbers = new Set(plan.speerpunten.map((s) => s.number));
    const missing = SPEERPUNT_NUMBERS.filter((n) => !numbers.has(n));
    const count = plan.speerpunten.length;
    return {
      line: lineOf(['speerpunten']),
      message:
        count === 0
          ? 'De lijst met speerpunten is leeg. Voeg de vier speerpunten toe (nummer 1 tot en met 4).'
          : count < 4 && missing.length === 1
            ? `Speerpunt ${missing[0]} ontbreekt. ${FOUR_SPEERPUNTEN}`
            : count < 4
              ? `De speerpunten ${missing.join(', ')} ontbreken. ${FOUR_SPEERPUNTEN}`
              : `Het plan heeft ${count} speerpunten. ${FOUR_SPEERPUNTEN}`,
    };
  }
  // Each doelstelling hangs under its speerpunt and each actie under its doelstelling in the file, so
  // the model's references always hold; what is left is a number or an id used twice.
  const items: readonly Record<string, unknown>[] = plan[list];
  const fileField = field === 'number' ? 'nummer' : 'id';
  const value = items[index]![field === 'number' ? 'number' : 'id'];
  const first = items.findIndex((other) => other[field === 'number' ? 'number' : 'id'] === value);
  const line = lineOf([...origins[list][index]!, fileField]);
  const firstLine = lineOf([...origins[list][first]!, fileField]);
  if (list === 'speerpunten') {
    return { line, message: `Speerpunt ${String(value)} staat al op regel ${firstLine}. Elk nummer van 1 tot en met 4 komt precies één keer voor.` };
  }
  const noun = list === 'doelstellingen' ? 'doelstelling' : 'actie';
  return { line, message: `De id '${String(value)}' wordt al gebruikt door de ${noun} op regel ${firstLine}. Geef elke ${noun} een eigen id.` };
}
