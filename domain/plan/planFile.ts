/**
 * The plan file: a YAML format a director can write by hand, with Dutch keys and nesting
 * speerpunt → doelstelling → actie. Example:
 *
 *   titel: Beleidsplan 2020-2024
 *   periode: 2020-2024
 *   speerpunten:
 *     - nummer: 1
 *       titel: Ons Vrij CLB is stevig verankerd in de lokale gemeenschap
 *       om: |
 *         Om ...
 *       vereist:
 *         - een sterk bestuur
 *       daartoe:
 *         - bouwt elk CLB zijn bestuursorganen uit ...
 *       doelstellingen:
 *         - titel: Een sterk bestuur
 *           soort: strategisch          # or operationeel; default strategisch
 *           hoofdstuk: 1. Leiderschap   # optional
 *           acties:
 *             - titel: Quickscan Toolbox Waardevol Besturen
 *               planning: [21-22]       # or "21-22, 22-23" or [2021-2022]
 *               status: lopend          # default gepland
 *               eigenaar: directeur     # or { naam: Els, gebruikersId: "<teams id>" }
 *               deadline: 2026-12-15
 *               bouwsteen: "6.1"
 *               omschrijving: ...
 *               notities:
 *                 - { datum: 2026-10-05, auteur: Els, tekst: Eerste overleg gehad. }
 *
 * Ids are optional. Missing ids are generated from positions: doelstelling i of speerpunt n gets
 * "sp{n}-d{i}", its actie j gets "sp{n}-d{i}-a{j}". They are stable as long as the order does not
 * change; `serializePlanFile` always writes the ids, so a saved plan keeps them.
 *
 * `parsePlanFile` checks the whole file and reports every problem with its 1-based line number and
 * a Dutch message saying what to fix. When the YAML itself cannot be read, only the syntax errors
 * are reported (the content checks would be unreliable); likewise the plan-wide checks (four
 * speerpunten, each number and id once) follow once every field of the file is right.
 */
import { LineCounter, parseDocument } from 'yaml';
import { sortProblems, type PlanFileProblem } from './planFileProblems';
import { readPlan, type ReadPlanResult } from './planFileRead';
import { yamlProblems } from './planFileYaml';

export type { PlanFileProblem } from './planFileProblems';
export { serializePlanFile } from './planFileWrite';

export type PlanFileResult = ReadPlanResult;

/** Parses and validates a plan file. See the file comment for the format. */
export function parsePlanFile(text: string): PlanFileResult {
  const lines = new LineCounter();
  // Every value is text as written ("1.10" stays 1.10, "ja" stays ja); only an empty value is null.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, schema: 'failsafe', customTags: ['null'] });
  if (doc.errors.length > 0) {
    return { ok: false, problems: sortProblems(yamlProblems(doc.errors, lines, doc, text)) };
  }
  return readPlan(doc, lines);
}
