/**
 * Dutch counts that agree: "1 actie", "2 acties"; "1 van de 4 deelnemers verzond", "3 van de 4
 * deelnemers verzonden"; "de enige deelnemer verzond". Pure.
 */

/** "1 actie" / "3 acties". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * "n of total" with the noun and verb agreeing with n: `partOf(1, 4, 'deelnemer', 'deelnemers',
 * 'verzond', 'verzonden')` → "1 van de 4 deelnemers verzond"; with a total of 1 → "de enige
 * deelnemer verzond" or "de enige deelnemer verzond niet" (n = 0: `negated`).
 */
export function partOf(n: number, total: number, noun: { singular: string; plural: string }, verb: { singular: string; plural: string }, negated?: string): string {
  if (total === 1) return n === 1 ? `de enige ${noun.singular} ${verb.singular}` : `de enige ${noun.singular} ${negated ?? `${verb.singular} niet`}`;
  if (total === 0) return `geen ${noun.plural}`;
  return `${n} van de ${total} ${noun.plural} ${n === 1 ? verb.singular : verb.plural}`;
}

/** First letter upper case (sentence start). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const PARTICIPANT = { singular: 'deelnemer', plural: 'deelnemers' } as const;

/** "3 van de 4 deelnemers verzonden hun inschaling definitief." and its singular forms. */
export function submittedSentence(sent: number, total: number): string {
  if (total === 0) return 'Er waren geen deelnemers.';
  if (total === 1) return sent === 1 ? 'De enige deelnemer verzond de inschaling definitief.' : 'De enige deelnemer verzond de inschaling niet.';
  if (sent === 0) return `Geen van de ${total} deelnemers verzond de inschaling definitief.`;
  return sent === 1 ? `1 van de ${total} deelnemers verzond de inschaling definitief.` : `${sent} van de ${total} deelnemers verzonden hun inschaling definitief.`;
}
