/**
 * The yaml library's syntax errors as plan-file problems: a Dutch message per error code, on the
 * line the author has to fix. The code says what went wrong; for MISSING_CHAR, which the library
 * uses for several different slips, the source at the error's position tells which one it is.
 */
import { visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { PlanFileProblem } from './planFileProblems';

/** Dutch explanations for the yaml library's messages, most specific first. */
const YAML_MESSAGE_PATTERNS: readonly [RegExp, string][] = [
  [/^Missing closing/, "De tekst die op deze regel met een aanhalingsteken begint, wordt nergens afgesloten. Sluit ze af met hetzelfde teken (\" of ')."],
  [/^Implicit map keys need to be followed by map values/, "Na een veldnaam hoort een ':' en een spatie, bv. 'titel: ...'. Of de inspringing klopt niet."],
  [/^Sequence item without - indicator/, "De inspringing klopt niet: deze regel staat anders ingesprongen dan de velden erboven. Zet velden van hetzelfde blok even ver in."],
  [/^All sequence items must start at the same column/, "De inspringing klopt niet: zet alle '- ' van dezelfde lijst even ver in."],
  [/^Missing , (or : )?between/, "Er ontbreekt een komma tussen de elementen binnen [ ] of { }."],
  [/^Missing space after :/, "Zet een spatie na de ':'."],
  [/^Comments must be separated/, "Zet een spatie voor het '#'-teken van een opmerking, of zet de tekst tussen aanhalingstekens."],
  [/^Plain value cannot start with/, 'Een tekst mag niet met dit teken beginnen. Zet de tekst tussen aanhalingstekens ("...").'],
  [/^Nested mappings are not allowed in compact mappings/, 'Er staat een tweede \': \' op deze regel. Zet een tekst met \': \' tussen aanhalingstekens, bv. titel: "Doel: meer overleg".'],
  [/^Implicit keys need to be on a single line/, "Een veldnaam moet op één regel staan, gevolgd door ':'. Controleer of er geen ':' ontbreekt."],
  [/^Unexpected .* in flow/, 'Onverwacht teken binnen [ ] of { }. Controleer komma\'s en haakjes.'],
  [/^Expected a flow/, 'Een lijst of blok tussen [ ] of { } is niet correct afgesloten.'],
];

const YAML_CODE_MESSAGES: Partial<Record<string, string>> = {
  BAD_INDENT: 'De inspringing klopt niet. Gebruik spaties (geen tabs) en zet velden van hetzelfde niveau even ver in.',
  TAB_AS_INDENT: 'Er staat een tab in de inspringing. Gebruik alleen spaties om in te springen.',
  DUPLICATE_KEY: 'Dit veld staat twee keer in hetzelfde blok. Houd er één over.',
  MULTILINE_IMPLICIT_KEY: "Een veldnaam moet op één regel staan, gevolgd door ':'. Controleer of er geen ':' ontbreekt.",
  BLOCK_AS_IMPLICIT_KEY: "Hier staat een blok waar een veldnaam verwacht wordt. Controleer de ':' en de inspringing.",
  UNEXPECTED_TOKEN: "Onverwacht teken. Controleer de ':' en de inspringing, en zet tekst met ': ' of ' #' tussen aanhalingstekens.",
  BAD_SCALAR_START: 'Een tekst mag niet zo beginnen. Zet de tekst tussen aanhalingstekens ("...").',
  BAD_DQ_ESCAPE: 'Ongeldig \\-teken in een tekst tussen dubbele aanhalingstekens. Gebruik enkele aanhalingstekens.',
  MULTIPLE_DOCS: "Het bestand bevat meer dan één document ('---'). Houd één plan per bestand.",
  BAD_ALIAS: "Gebruik geen '&' of '*' aan het begin van een tekst, of zet de tekst tussen aanhalingstekens.",
  BLOCK_IN_FLOW: "Binnen [ ] of { } kan geen blok staan. Schrijf de lijst uit met '- ' op aparte regels.",
  TAG_RESOLVE_FAILED: "Gebruik geen '!' aan het begin van een tekst, of zet de tekst tussen aanhalingstekens.",
};

const YAML_FALLBACK_MESSAGE =
  "De YAML-opmaak klopt hier niet. Controleer de inspringing (spaties), de ':' na elke veldnaam en de aanhalingstekens.";

/**
 * For an unclosed quote or bracket the library points at where it gave up (often the end of the
 * file); the author needs the line where the quoted text or the [ ] / { } list starts.
 */
function unclosedStart(doc: Document.Parsed, pos: number, kind: 'quote' | 'flow'): number | undefined {
  let start: number | undefined;
  const consider = (range: readonly number[] | null | undefined): void => {
    if (!range) return;
    const from = range[0]!;
    const to = range[1]!;
    if (from < pos && to >= pos && (start === undefined || from > start)) start = from;
  };
  visit(doc, {
    Scalar(_key, node) {
      if (kind === 'quote' && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) consider(node.range);
    },
    Seq(_key, node) {
      if (kind === 'flow' && node.flow) consider(node.range);
    },
    Map(_key, node) {
      if (kind === 'flow' && node.flow) consider(node.range);
    },
  });
  return start;
}

/**
 * After the first syntax error the library often reports follow-up errors that are only
 * consequences of it. Keep the first error, plus later ones that are always real problems of their
 * own line; at most one per line.
 */
const INDEPENDENT_YAML_ERRORS: ReadonlySet<string> = new Set(['DUPLICATE_KEY', 'TAB_AS_INDENT', 'BAD_DQ_ESCAPE']);

export function yamlProblems(errors: readonly YAMLError[], lines: LineCounter, doc: Document.Parsed): PlanFileProblem[] {
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
          message:
            'YAML-fout: Deze regel staat verder ingesprongen dan de regel erboven. Zet velden van hetzelfde blok even ver in (met spaties).',
        }
      : yamlProblem(err, lines, doc);
    if (usedLines.has(problem.line)) continue;
    usedLines.add(problem.line);
    out.push(problem);
  }
  return out;
}

function yamlProblem(err: YAMLError, lines: LineCounter, doc: Document.Parsed): PlanFileProblem {
  const english = err.message.split('\n')[0] ?? '';
  let line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
  let dutch: string | undefined;
  if (/^Missing closing/.test(english)) {
    const start = unclosedStart(doc, err.pos[0], 'quote');
    if (start !== undefined) line = lines.linePos(start).line;
  } else if (/must (?:be sufficiently indented and )?end with a ([\]}])/.test(english)) {
    const start = unclosedStart(doc, err.pos[0], 'flow');
    if (start !== undefined) line = lines.linePos(start).line;
    const closer = english.endsWith('}') ? '}' : ']';
    const opener = closer === '}' ? '{' : '[';
    dutch = `De lijst die op deze regel met '${opener}' begint, wordt niet afgesloten. Sluit ze af met '${closer}' op dezelfde regel.`;
  }
  const byPattern = YAML_MESSAGE_PATTERNS.find(([re]) => re.test(english))?.[1];
  return { line, message: `YAML-fout: ${dutch ?? byPattern ?? YAML_CODE_MESSAGES[err.code] ?? YAML_FALLBACK_MESSAGE}` };
}

