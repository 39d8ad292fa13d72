/**
 * What a member who already sent their inschaling can do to change it. A director who took part
 * reopens it themselves; nobody is told to ask a director when they are one.
 */

/** `directorName`: set when the member is a director of the centre (their name as in the round). */
export function reopenHint(directorName?: string): string {
  if (directorName) return `Wil je nog iets wijzigen? Als directeur heropen je je eigen inschaling met **heropen ${directorName}** zolang de ronde loopt.`;
  return 'Wil je nog iets wijzigen? Een directeur van je centrum kan je inschaling heropenen zolang de ronde loopt (als je zelf directeur bent: typ **heropen** en je naam).';
}
