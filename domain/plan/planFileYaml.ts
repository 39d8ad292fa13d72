/**
 * The yaml library's syntax errors as plan-file problems: a Dutch message per error code, on the
 * line the author has to fix. The code says what went wrong; for MISSING_CHAR, which the library
 * uses for several different slips, the source at the error's position tells which one it is.
 */
import { visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { PlanFileProblem } from './planFileProblems';

const MESSAGES = {
  unclosedQuote: "De tekst die op deze regel met een aanhalingsteken begint, wordt nergens afgesloten. Sluit ze af met hetzelfde teken (\" of ').",
  unclosedFlow: (opener: string, closer: string) =>
    `De lijst die op deze regel met '${opener}' begint, wordt niet afgesloten. Sluit ze af met '${closer}' op dezelfde regel.`,
  missingColon: "Na een veldnaam hoort een ':' en een spatie, bv. 'titel: ...'. Of de inspringing klopt niet.",
  missingDash: "De inspringing klopt niet: deze regel staat anders ingesprongen dan de velden erboven. Zet velden van hetzelfde blok even ver in.",
  listIndent: "De inspringing klopt niet: zet alle '- ' van dezelfde lijst even ver in.",
  flowComma: 'Er ontbreekt een komma tussen de elementen binnen [ ] of { }.',
  flowSpace: "Zet een spatie na de ':'.",
  flowToken: "Onverwacht teken binnen [ ] of { }. Controleer komma's en haakjes.",
  comment: "Zet een spatie voor het '#'-teken van een opmerking, of zet de tekst tussen aanhalingstekens.",
  secondColon: 'Er staat een tweede \': \' op deze regel. Zet een tekst met \': \' tussen aanhalingstekens, bv. titel: "Doel: meer overleg".',
  tooDeep: 'Deze regel staat verder ingesprongen dan de regel erboven. Zet velden van hetzelfde blok even ver in (met spaties).',
  fallback: "De YAML-opmaak klopt hier niet. Controleer de inspringing (spaties), de ':' na elke veldnaam en de aanhalingstekens.",
} as const;

/** One Dutch message per error code of the yaml library; MISSING_CHAR and a few others are told apart below. */
const CODE_MESSAGES: Partial<Record<YAMLError['code'], string>> = {
  BAD_INDENT: 'De inspringing klopt niet. Gebruik spaties (geen tabs) en zet velden van hetzelfde niveau even ver in.',
  TAB_AS_INDENT: 'Er staat een tab in de inspringing. Gebruik alleen spaties om in te springen.',
  DUPLICATE_KEY: 'Dit veld staat twee keer in hetzelfde blok. Houd er één over.',
  MULTILINE_IMPLICIT_KEY: "Een veldnaam moet op één regel staan, gevolgd door ':'. Controleer of er geen ':' ontbreekt.",
  BLOCK_AS_IMPLICIT_KEY: "Hier staat een blok waar een veldnaam verwacht wordt. Controleer de ':' en de inspringing.",
  UNEXPECTED_TOKEN: "Onverwacht teken. Controleer de ':' en de inspringing, en zet tekst met ': ' of ' #' tussen aanhalingstekens.",
  BAD_SCALAR_START: 'Een tekst mag niet met dit teken beginnen. Zet de tekst tussen aanhalingstekens ("...").',
  BAD_DQ_ESCAPE: 'Ongeldig \\-teken in een tekst tussen dubbele aanhalingstekens. Gebruik enkele aanhalingstekens.',
  MULTIPLE_DOCS: "Het bestand bevat meer dan één document ('---'). Houd één plan per bestand.",
  BAD_ALIAS: "Gebruik geen '&' of '*' aan het begin van een tekst, of zet de tekst tussen aanhalingstekens.",
  BLOCK_IN_FLOW: "Binnen [ ] of { } kan geen blok staan. Schrijf de lijst uit met '- ' op aparte regels.",
  TAG_RESOLVE_FAILED: "Gebruik geen '!' aan het begin van een tekst, of zet de tekst tussen aanhalingstekens.",
};

type Range = readonly number[] | null | undefined;
interface Enclosing {
  /** Where the quoted text or [ ] / { } list starts. */
  start: number;
  /** For a list: its brackets. */
  opener?: '[' | '{';
}

/**
 * The innermost quoted text or [ ] / { } list around `pos`, if any; `unclosed` keeps only those
 * the author did not close (the library points at where it gave up, often the end of the file;
 * the author needs the line where the text or list starts).
 */
function enclosing(doc: Document.Parsed, text: string, pos: number, kind: 'quote' | 'flow', unclosed: boolean): Enclosing | undefined {
  let found: Enclosing | undefined;
  const consider = (range: Range, closer: string, opener?: '[' | '{'): void => {
    if (!range) return;
    const from = range[0]!;
    const to = range[1]!;
    if (!(from < pos && (unclosed ? to >= pos : to > pos)) || (found && from <= found.start)) return;
    if (opener && text[from] !== opener) return; // a pair inside [ ] is a map without braces
    const source = text.slice(from, to).trimEnd();
    const closed = source.length >= 2 && source.endsWith(closer);
    if (unclosed && closed) return;
    found = opener ? { start: from, opener } : { start: from };
  };
  visit(doc, {
    Scalar(_key, node) {
      if (kind !== 'quote') return;
      if (node.type === 'QUOTE_DOUBLE') consider(node.range, '"');
      if (node.type === 'QUOTE_SINGLE') consider(node.range, "'");
    },
    Seq(_key, node) {
      if (kind === 'flow' && node.flow) consider(node.range, ']', '[');
    },
    Map(_key, node) {
      if (kind === 'flow' && node.flow) consider(node.range, '}', '{');
    },
  });
  return found;
}

/**
 * After the first syntax error the library often reports follow-up errors that are only
 * consequences of it. Keep the first error, plus later ones that are always real problems of their
 * own line; at most one per line.
 */
const INDEPENDENT_YAML_ERRORS: ReadonlySet<string> = new Set(['DUPLICATE_KEY', 'TAB_AS_INDENT', 'BAD_DQ_ESCAPE']);

export function yamlProblems(errors: readonly YAMLError[], lines: LineCounter, doc: Document.Parsed, text: string): PlanFileProblem[] {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const kept = sorted.filter((e, i) => i === 0 || INDEPENDENT_YAML_ERRORS.has(e.code));
  const out: PlanFileProblem[] = [];
  const usedLines = new Set<number>();
  for (const err of kept) {
    // "titel: Actie\n      status: x": the over-indented line turns the value above it into a
    // multi-line key. The library reports the line above; the line to fix is the indented one.
    const multiline =
      err.code === 'BLOCK_AS_IMPLICIT_KEY'
        ? sorted.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && e.pos[0] === err.pos[0] && e.linePos?.[1])
        : undefined;
    const problem: PlanFileProblem = multiline
      ? {
          line: multiline.linePos![1]!.line,
          message: `YAML-fout: ${MESSAGES.tooDeep}`,
        }
      : yamlProblem(err, lines, doc, text);
    if (usedLines.has(problem.line)) continue;
    usedLines.add(problem.line);
    out.push(problem);
  }
  return out;
}

/** Whether the innermost block collection around `pos` is a list or a block of fields. */
function innermostBlock(doc: Document.Parsed, pos: number): 'list' | 'fields' | undefined {
  let found: { start: number; kind: 'list' | 'fields' } | undefined;
  const consider = (range: Range, kind: 'list' | 'fields'): void => {
    if (!range || !(range[0]! <= pos && pos <= range[2]!) || (found && range[0]! < found.start)) return;
    found = { start: range[0]!, kind };
  };
  visit(doc, {
    Seq(_key, node) {
      if (!node.flow) consider(node.range, 'list');
    },
    Map(_key, node) {
      if (!node.flow) consider(node.range, 'fields');
    },
  });
  return found?.kind;
}

function yamlProblem(err: YAMLError, lines: LineCounter, doc: Document.Parsed, text: string): PlanFileProblem {
  const pos = err.pos[0];
  const lineOf = (offset: number): number => lines.linePos(offset).line;
  const at = (line: number, message: string): PlanFileProblem => ({ line, message: `YAML-fout: ${message}` });
  const here = err.linePos?.[0]?.line ?? lineOf(pos);
  const lineText = text.slice(text.lastIndexOf('\n', pos - 1) + 1, (text.indexOf('\n', pos) + 1 || text.length + 1) - 1);

  if (err.code === 'MISSING_CHAR' || err.code === 'BAD_INDENT') {
    const quote = enclosing(doc, text, pos, 'quote', true);
    if (quote && err.code === 'MISSING_CHAR') return at(lineOf(quote.start), MESSAGES.unclosedQuote);
    const list = enclosing(doc, text, pos, 'flow', true);
    if (list) return at(lineOf(list.start), list.opener === '{' ? MESSAGES.unclosedFlow('{', '}') : MESSAGES.unclosedFlow('[', ']'));
  }
  switch (err.code) {
    case 'MISSING_CHAR': {
      if (text[pos] === '#') return at(here, MESSAGES.comment);
      if (enclosing(doc, text, pos, 'flow', false)) {
        return at(here, /:\s*$/.test(text.slice(0, pos)) ? MESSAGES.flowSpace : MESSAGES.flowComma);
      }
      // In a block list, an item without '- '; in a block of fields, a field name without ':'.
      return at(here, innermostBlock(doc, pos) === 'list' ? MESSAGES.missingDash : MESSAGES.missingColon);
    }
    case 'BAD_INDENT':
      return at(here, lineText.trimStart().startsWith('-') ? MESSAGES.listIndent : CODE_MESSAGES.BAD_INDENT!);
    case 'BLOCK_AS_IMPLICIT_KEY':
      // "titel: Doel: meer overleg" (a second ': ' on the line), unless a block list stands where a key should.
      return at(here, /:\s.*:(\s|$)/.test(lineText) && innermostBlock(doc, pos) !== 'list' ? MESSAGES.secondColon : CODE_MESSAGES.BLOCK_AS_IMPLICIT_KEY!);
    case 'UNEXPECTED_TOKEN':
      return at(here, enclosing(doc, text, pos, 'flow', false) ? MESSAGES.flowToken : CODE_MESSAGES.UNEXPECTED_TOKEN!);
    default:
      return at(here, CODE_MESSAGES[err.code] ?? MESSAGES.fallback);
  }
}
