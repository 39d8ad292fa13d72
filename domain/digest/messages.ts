/**
 * The Dutch texts of the private reminders and of the "bot removed" notice. Pure. A reminder goes to
 * one person in their 1:1 chat only; nothing here is ever posted in a channel.
 */
import { commandHint } from '../conversation';
import type { OwnerReminderKind, RoundNudgeKind } from '../calendar/reminders';
import { daysBetween, dutchDate } from '../time';

export interface OwnerReminderItem {
  title: string;
  deadline: string;
  kind: OwnerReminderKind;
}

function whenText(today: string, deadline: string): string {
  const days = daysBetween(today, deadline);
  if (days === 0) return 'vandaag';
  if (days === 1) return 'morgen';
  return `over ${days} dagen`;
}

/** One message per owner, listing every action that needs a reminder today. */
export function ownerReminderText(input: { centreName: string; today: string; items: readonly OwnerReminderItem[] }): string {
  const lines = input.items.map((item) =>
    item.kind === 'voor-deadline'
      ? `- **${item.title}**: deadline ${dutchDate(item.deadline)} (${whenText(input.today, item.deadline)}).`
      : `- **${item.title}**: de deadline was ${dutchDate(item.deadline)} en de actie staat nog open.`,
  );
  const intro =
    input.items.length === 1
      ? `Een herinnering uit het beleidsplan van ${input.centreName}, voor een actie die jij opneemt:`
      : `Een herinnering uit het beleidsplan van ${input.centreName}, voor acties die jij opneemt:`;
  return [
    intro,
    '',
    ...lines,
    '',
    'Is een actie klaar of verschoven? Pas dan de status aan in het beleidsplan. Typ **acties** om al je acties te zien.',
  ].join('\n');
}

/** The private nudge for a round participant who has not sent their inschaling yet. */
export function roundNudgeText(input: { centreName: string; today: string; deadline: string; kind: RoundNudgeKind }): string {
  const days = daysBetween(input.today, input.deadline);
  const when =
    days <= 0
      ? `vandaag (${dutchDate(input.deadline)})`
      : days === 1
        ? `morgen (${dutchDate(input.deadline)})`
        : `op ${dutchDate(input.deadline)}, over ${days} dagen`;
  return (
    `Een herinnering: de inschalingsronde van ${input.centreName} sluit ${when}. ` +
    'Jouw inschaling is nog niet verzonden. Typ **verder** om verder te gaan waar je gebleven was. ' +
    'Je antwoorden blijven van jou: het team ziet alleen het gezamenlijke resultaat.'
  );
}

/** To a director: the bot can no longer post the digest in a conversation (403/404). */
export function digestBlockedText(input: { centreName: string; kind: 'channel' | 'groupChat'; registeredByName: string; registeredOn: string }): string {
  const [where, relative] = input.kind === 'channel' ? ['het kanaal', 'dat'] : ['de groepschat', 'die'];
  const whereFull = input.registeredByName
    ? `${where} ${relative} ${input.registeredByName} op ${dutchDate(input.registeredOn)} instelde`
    : where;
  return (
    `Ik kon het wekelijkse actieoverzicht van ${input.centreName} niet posten in ${whereFull}: ` +
    'ik heb daar geen toegang meer (misschien werd ik uit het team of de chat verwijderd). Ik probeer het daar niet opnieuw. ' +
    `Voeg mij weer toe en typ ${commandHint('digest hier', input.kind)} in dat gesprek om het overzicht opnieuw aan te zetten, of doe dat in een ander kanaal.`
  );
}
