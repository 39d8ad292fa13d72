/**
 * Expands an Adaptive Card template (adaptivecards-templating) with typed data. Pure: no I/O.
 */
import { Template } from 'adaptivecards-templating';
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
