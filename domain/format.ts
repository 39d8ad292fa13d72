/**
 * Dutch formatting for what the bot writes, shared by the cards and the features' messages
 * (dates: ./time.ts).
 */
/** One line of at most `max` characters: whitespace folded, an ellipsis where it was cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // Cut where the text already trails off ("1G1Plan,...") without doubling the dots: "1G1Plan…".
  return `${flat.slice(0, max - 1).replace(/[\s.,;:…]+$/u, '')}…`;
}
