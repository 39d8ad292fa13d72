/**
 * Tolerant parsing of the argument of the `status` command (the caller strips the command word
 * "status" and any @mention first).
 *
 * Accepted, case- and accent-insensitive, with any spacing: "speerpunt 3", "speerpunt3", "sp 3",
 * "sp3", "sp. 3", "speerpunt nr 3", "speerpunt nummer 3", "speerpunt #3", "3", "speerpunt drie",
 * "drie", with an optional trailing ".", "?" or "!". Dutch number words een/één .. tien.
 *
 * The range is the caller's concern: "speerpunt 9" gives { kind: 'number', value: 9 }.
 * An empty text, or the word "speerpunt"/"sp" alone, gives { kind: 'none' }.
 */

export type SpeerpuntRef =
  | { kind: 'number'; value: number }
  | { kind: 'none' }
  | { kind: 'invalid'; text: string };

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  nul: 0,
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
};

/** Lower case, accents removed (één → een), whitespace collapsed, trimmed. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const PREFIX = /^(?:speerpunt|sp\.?)\s*(?:(?:nr\.?|nummer|no\.?|#)\s*)?/;

export function parseSpeerpuntRef(text: string): SpeerpuntRef {
  const original = text.trim();
  let rest = normalize(text).replace(/[.?!]+$/, '').trim();
  if (rest.length === 0) return { kind: 'none' };

  const prefix = PREFIX.exec(rest);
  if (prefix) {
    rest = rest.slice(prefix[0].length).trim();
    if (rest.length === 0) return { kind: 'none' };
  } else {
    rest = rest.replace(/^(?:nr\.?|nummer|#)\s*/, '');
  }

  if (/^[+-]?\d+$/.test(rest)) {
    const value = Number(rest);
    if (Number.isSafeInteger(value)) return { kind: 'number', value: value === 0 ? 0 : value };
    return { kind: 'invalid', text: original };
  }
  const word = NUMBER_WORDS[rest];
  if (word !== undefined) return { kind: 'number', value: word };
  return { kind: 'invalid', text: original };
}
