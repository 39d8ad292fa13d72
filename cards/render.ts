/**
 * Expands an Adaptive Card template (adaptivecards-templating) with typed data. Pure: no I/O.
 */
import { Template } from 'adaptivecards-templating';
import { COMMAND_RUN_VERB, type CommandName } from '../domain/commands';
import type { CardJson } from '../dialogs/types';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Expands `template` with `data`; the result is a plain card object ready to send. */
export function expandCard(template: object, data: object): CardJson {
  const card = new Template(template).expand({ $root: data }) as CardJson;
  return card;
}

/** Size of a card as Teams counts it (UTF-8 JSON); keep under 80 KB. */
export function cardBytes(card: CardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * The data of an Action.Submit that runs a command as if the person typed it (bot/router.ts handles
 * the `command.run` verb). Plain data, because imBack/messageBack buttons send nothing in the
 * Agents Playground.
 */
export function commandButtonData(command: CommandName, args?: string): Record<string, string> {
  return { verb: COMMAND_RUN_VERB, command, ...(args ? { args } : {}) };
}
