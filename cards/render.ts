/**
 * Expands an Adaptive Card template (adaptivecards-templating) with typed data. Pure: no I/O.
 */
import { Template } from 'adaptivecards-templating';
import type { CardJson } from './cardJson';
import { VERBS } from './verbs';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * A card template with its \${…} expressions parsed. Parsing is most of the cost of expanding a card,
 * and adaptivecards-templating's Template is made to be bound to many data objects, so each template
 * is prepared once, where its renderer is defined.
 */
export interface CardTemplate {
  readonly prepared: Template;
}

export function prepareCard(json: object): CardTemplate {
  return Object.freeze({ prepared: new Template(json) });
}

/** Expands `template` with `data`; the result is a new plain card object, ready to send. */
export function expandCard(template: CardTemplate, data: object): CardJson {
  return template.prepared.expand({ $root: data }) as CardJson;
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
export function commandButtonData(command: string, args?: string): Record<string, string> {
  return { verb: VERBS.command.run, command, ...(args ? { args } : {}) };
}
