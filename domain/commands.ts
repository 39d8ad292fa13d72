/**
 * The text commands people type, and a tolerant parser for them. Pure: no bot, no I/O.
 */

export type CommandName =
  | 'help'
  | 'setup'
  | 'rol'
  | 'team'
  | 'start-inschaling'
  | 'inschaling'
  | 'verder'
  | 'voortgang'
  | 'sluit-inschaling'
  | 'heropen'
  | 'resultaat'
  | 'netwerk'
  | 'status'
  | 'acties'
  | 'nieuwe-actie'
  | 'prioriteiten'
  | 'digest'
  | 'mijn-gegevens'
  | 'verwijder-mijn-gegevens';

export type Audience = 'iedereen' | 'lid' | 'directeur';

export interface CommandInfo {
  name: CommandName;
  /** What the person types, as shown in help. */
  usage: string;
  description: string;
  audience: Audience;
  /** Lower-case word sequences that select this command; the longest match wins. */
  triggers: string[];
}

export const COMMANDS: readonly CommandInfo[] = [
  { name: 'help', usage: 'help', description: 'Toont wat je mij kan vragen.', audience: 'iedereen', triggers: ['help', 'hulp', '?', 'menu'] },
  { name: 'setup', usage: 'setup [naam van het centrum]', description: 'Registreert je centrum; jij wordt er directeur van.', audience: 'iedereen', triggers: ['setup', 'installeer'] },
  { name: 'inschaling', usage: 'inschaling', description: 'Start of toont jouw inschaling in de open ronde.', audience: 'lid', triggers: ['inschaling', 'survey', 'zelfscan'] },
  { name: 'verder', usage: 'verder', description: 'Gaat verder waar je in je inschaling gebleven was.', audience: 'lid', triggers: ['verder', 'ga verder', 'hervat'] },
  { name: 'resultaat', usage: 'resultaat', description: 'Toont het teamresultaat van de inschaling.', audience: 'lid', triggers: ['resultaat', 'resultaten', 'teamresultaat'] },
  { name: 'status', usage: 'status of status speerpunt 3', description: 'Toont de voortgang van het beleidsplan of van één speerpunt.', audience: 'lid', triggers: ['status'] },
  { name: 'acties', usage: 'acties', description: 'Toont jouw acties uit het beleidsplan.', audience: 'lid', triggers: ['acties', 'mijn acties'] },
  { name: 'prioriteiten', usage: 'prioriteiten', description: 'Toont de teamprioriteiten en de acties die eraan gekoppeld zijn.', audience: 'lid', triggers: ['prioriteiten', 'prioriteit'] },
  { name: 'mijn-gegevens', usage: 'mijn gegevens', description: 'Geeft je alles wat ik over jou bewaar.', audience: 'iedereen', triggers: ['mijn gegevens'] },
  { name: 'verwijder-mijn-gegevens', usage: 'verwijder mijn gegevens', description: 'Wist wat ik over jou bewaar (na bevestiging).', audience: 'iedereen', triggers: ['verwijder mijn gegevens', 'wis mijn gegevens'] },
  { name: 'start-inschaling', usage: 'start inschaling', description: 'Opent een nieuwe inschalingsronde voor je beleidsteam.', audience: 'directeur', triggers: ['start inschaling', 'nieuwe inschaling', 'nieuwe ronde'] },
  { name: 'voortgang', usage: 'voortgang', description: 'Toont wie de inschaling al afrondde.', audience: 'directeur', triggers: ['voortgang'] },
  { name: 'sluit-inschaling', usage: 'sluit inschaling', description: 'Sluit de open inschalingsronde.', audience: 'directeur', triggers: ['sluit inschaling', 'sluit ronde'] },
  { name: 'heropen', usage: 'heropen [naam]', description: 'Heropent de verzonden inschaling van één lid.', audience: 'directeur', triggers: ['heropen'] },
  { name: 'netwerk', usage: 'netwerk | netwerk aan | netwerk uit', description: 'Toont gedeelde prioriteiten en inspirerende praktijken van centra in je netwerk, of zet meedoen aan of uit.', audience: 'directeur', triggers: ['netwerk'] },
  { name: 'team', usage: 'team', description: 'Toont het beleidsteam en laat je rollen toekennen of intrekken.', audience: 'directeur', triggers: ['team', 'beleidsteam', 'rollen'] },
  { name: 'rol', usage: 'rol [directeur|lid|geen] [naam]', description: 'Kent een rol toe aan iemand uit dit gesprek, of trekt ze in.', audience: 'directeur', triggers: ['rol'] },
  { name: 'nieuwe-actie', usage: 'nieuwe actie', description: 'Voegt een actie toe aan het beleidsplan.', audience: 'directeur', triggers: ['nieuwe actie', 'actie toevoegen'] },
  { name: 'digest', usage: 'digest hier | uit | nu | status', description: 'Beheert het wekelijkse actieoverzicht in dit kanaal.', audience: 'directeur', triggers: ['digest'] },
];

/** Button args are short, fixed texts written by the bot. */
export const COMMAND_BUTTON_ARGS_MAX = 200;

export type ParsedCommand = { name: CommandName; args: string } | { name: 'unknown'; text: string } | { name: 'empty' };

/** Strips Teams mention markup (`<at>Poolster</at>`), HTML tags and entities, and folds whitespace. */
export function cleanMessageText(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    // `[^<>]`, not `[^>]`: a text of many "<" without ">" would otherwise take quadratic time.
    .replace(/<[^<>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

function normalise(text: string): string {
  return text.toLowerCase().normalize('NFC');
}

/**
 * Finds the command in a message: case-insensitive, extra spaces ignored, a leading slash allowed.
 * The args keep their original case (names, centre names).
 */
export function parseCommand(rawText: string): ParsedCommand {
  const cleaned = cleanMessageText(rawText).replace(/^\//, '').trim();
  if (cleaned === '') return { name: 'empty' };
  const lower = normalise(cleaned);
  let best: { name: CommandName; length: number } | undefined;
  for (const command of COMMANDS) {
    for (const trigger of command.triggers) {
      const matches = lower === trigger || lower.startsWith(`${trigger} `) || (trigger.length > 3 && lower.startsWith(trigger) && /^\d/.test(lower.slice(trigger.length)));
      if (matches && (!best || trigger.length > best.length)) best = { name: command.name, length: trigger.length };
    }
  }
  if (!best) return { name: 'unknown', text: cleaned };
  return { name: best.name, args: cleaned.slice(best.length).trim() };
}

export function commandsFor(audiences: readonly Audience[]): CommandInfo[] {
  return COMMANDS.filter((c) => audiences.includes(c.audience));
}

/** The answer to a message that is no command. */
export function unknownCommandReply(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return shown ? `Ik begrijp "${shown}" niet. Typ **help** om te zien wat je mij kan vragen.` : 'Typ **help** om te zien wat je mij kan vragen.';
}
