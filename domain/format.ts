/**
 * Dutch formatting for what the bot writes, shared by the cards and the features' messages.
 */
import { brusselsDate } from './schoolYear';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-11-23" (or an ISO date-time, read in Brussels time) → "23 november 2026". */
export function formatDate(isoDateOrDateTime: string): string {
  const date = isoDateOrDateTime.length > 10 ? brusselsDate(new Date(isoDateOrDateTime)) : isoDateOrDateTime;
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** One line of at most `max` characters: whitespace folded, an ellipsis where it was cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
