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
  if (sent === total) return `Alle ${total} deelnemers verzonden hun inschaling definitief.`;
  return sent === 1 ? `1 van de ${total} deelnemers verzond de inschaling definitief.` : `${sent} van de ${total} deelnemers verzonden hun inschaling definitief.`;
}

/** "1 van de 3 deelnemers kreeg een persoonlijke uitnodiging" and its other forms. */
export function invitedSentence(reached: number, total: number): string {
  if (total === 1) return reached === 1 ? 'De deelnemer kreeg een persoonlijke uitnodiging' : 'De deelnemer kreeg geen persoonlijke uitnodiging';
  if (reached === 0) return `Geen van de ${total} deelnemers kreeg een persoonlijke uitnodiging`;
  if (reached === total) return `Alle ${total} deelnemers kregen een persoonlijke uitnodiging`;
  return `${reached} van de ${total} deelnemers ${reached === 1 ? 'kreeg' : 'kregen'} een persoonlijke uitnodiging`;
}

/** A short headline count: "3 van 4 deelnemers verzonden", "1 van 4 deelnemers verzond", "1 deelnemer, nog niet verzonden". */
export function sentCount(sent: number, total: number): string {
  if (total === 1) return sent === 1 ? '1 deelnemer, verzonden' : '1 deelnemer, nog niet verzonden';
  return `${sent} van ${total} deelnemers ${sent === 1 ? 'verzond' : 'verzonden'}`;
}
