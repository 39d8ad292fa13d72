/**
 * Text commands: what a feature declares about a command (its words, usage, audience, menu entries),
 * and a tolerant, linear-time parser built from those declarations. Pure: no bot, no I/O.
 *
 * Each feature declares its commands next to their handlers (`router.command(declaration, handler)`
 * in its register function); the router builds one parser from every declaration, and help and the
 * Teams manifest's command menu read the same declarations.
 */

import { commandHint, type ConversationKind } from './conversation';

export type Audience = 'iedereen' | 'lid' | 'directeur' | 'netwerkcoordinator';

/** An entry in Teams' command menu (the manifest's `commandLists`). */
export interface CommandMenuEntry {
  scope: 'personal' | 'team';
  /** What the menu inserts, e.g. "digest hier" (≤ 32 characters). */
  title: string;
  /** ≤ 128 characters. */
  description: string;
  /** Place in that scope's menu (Teams shows at most 10), lowest first. */
  position: number;
}

/** What a command is about; help groups commands by topic. */
export type CommandTopic = 'start' | 'inschaling' | 'resultaat' | 'beleidsplan' | 'team' | 'digest' | 'gegevens' | 'hulp';

export interface CommandDeclaration {
  /** Stable id: logs, `command.run` buttons. Never shown. */
  name: string;
  /**
   * What selects the command, e.g. `['status', 'speerpunt']` or `['mijn gegevens']`: word sequences,
   * compared the way the parser reads messages (case, accents, punctuation and filler words do not
   * matter). The longest match wins; the first one is the command's own word.
   */
  words: readonly string[];
  /** What the person types, as shown in help; alternatives separated by " · ". */
  usage: string;
  description: string;
  audience: Audience;
  /** Where help lists it; without a topic, under "Meer". */
  topic?: CommandTopic;
  /**
   * How the rest of the message reaches the handler. `words` (default): without filler words at
   * its edges, number words as digits ("speerpunt drie" → "speerpunt 3"). `text`: as typed, only
   * trimmed (names of people and centres).
   */
  args?: 'words' | 'text';
  /**
   * A message that is only a question mark ("?", "??", "@Poolster ?", "hallo?": question marks,
   * with at most a greeting or the bot's name) selects this command. At most one declaration says
   * so: help.
   */
  questionMark?: boolean;
  /** Entries in Teams' command menu, if any. */
  menu?: readonly CommandMenuEntry[];
}

/** Button args are short, fixed texts written by the bot. */
export const COMMAND_BUTTON_ARGS_MAX = 200;

/** Commands are short; a longer message is not parsed at all (bounded work per turn). */
export const MAX_MESSAGE_CHARS = 5_000;

/** A command the person probably meant: `words` is what they would type, e.g. "status speerpunt 3". */
export interface CommandSuggestion {
  name: string;
  args: string;
  words: string;
}

export type ParsedCommand =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'unknown'; text: string; suggestion?: CommandSuggestion }
  | { kind: 'empty' }
  | { kind: 'too-long' };

/** Counts the parser's elementary steps, so tests can bound its work without timing it. */
export interface WorkMeter {
  steps: number;
}

export interface CommandParser {
  parse(text: string, meter?: WorkMeter): ParsedCommand;
}

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

/**
 * Words people add around a command that change nothing: politeness, "hoe staat ... ervoor",
 * "toon", "mijn", articles, the bot's own name typed without a mention. Never a command word.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'u', 'aub', 'svp', 'graag', 'alsjeblieft', 'alstublieft', 'asjeblief', 'please', 'pls', 'eens', 'es', 'even', 'nog', 'eventjes',
  'hoe', 'staat', 'staan', 'het', 'ervoor', 'erbij', 'er', 'voor', 'van', 'met', 'over', 'de', 'een', 'den', 'die', 'dat', 'deze', 'dit',
  'toon', 'tonen', 'toont', 'zien', 'bekijk', 'bekijken', 'geef', 'geeft', 'krijgen', 'wil', 'wilt', 'willen', 'zou', 'kan', 'kun', 'kunnen',
  'mag', 'mijn', 'me', 'mij', 'ik', 'je', 'jij', 'jou', 'jouw', 'we', 'wij', 'ons', 'onze', 'is', 'zijn', 'wat', 'welke', 'hoever', 'laat',
  'hallo', 'hoi', 'hey', 'hi', 'dag', 'goeiedag', 'goedemorgen', 'dank', 'bedankt', 'merci', 'ok', 'oke', 'okay', 'poolster', 'bot',
]);

/** Words that only address the bot: with a question mark and nothing else they ask for help. */
const ADDRESS_WORDS: ReadonlySet<string> = new Set(['poolster', 'bot', 'hallo', 'hoi', 'hey', 'hi', 'dag', 'goeiedag', 'goedemorgen']);

/** Dutch number words up to twenty; "een" counts only right after a word that asks for a number. */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  nul: 0, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19, twintig: 20,
};
const NUMBER_BEFORE = new Set(['speerpunt', 'sp', 'nummer', 'nr', 'no', 'bouwsteen', 'actie']);

/** Fuzzy matching looks at tokens this long at most (longer ones are no typo of a command word). */
const MAX_FUZZY_TOKEN = 20;
/** A command's words are looked for this many words into a message that starts with something else. */
const MAX_SUGGESTION_OFFSET = 12;

interface Token {
  /** Lower case, without accents; number words as digits. */
  key: string;
  start: number;
  end: number;
  filler: boolean;
  number: boolean;
}

function foldCase(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters and digits, split where one turns into the other ("sp3" → "sp", "3"). Linear in the text. */
function tokenize(text: string, meter: WorkMeter): Token[] {
  meter.steps += text.length;
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}]+|\p{N}+/gu)) {
    const raw = match[0];
    const start = match.index;
    const folded = foldCase(raw);
    const previous = tokens.length > 0 ? tokens[tokens.length - 1]!.key : '';
    let key = folded;
    let number = /^\p{N}+$/u.test(raw);
    if (folded in NUMBER_WORDS) {
      key = String(NUMBER_WORDS[folded]);
      number = true;
    } else if (folded === 'een' && (raw !== 'een' || NUMBER_BEFORE.has(previous))) {
      // "één" (with accents) is always a number; "een" only after "speerpunt", "nummer", ...
      key = '1';
      number = true;
    }
    tokens.push({ key, start, end: start + raw.length, filler: !number && FILLER_WORDS.has(key), number });
  }
  return tokens;
}

/**
 * Optimal string alignment distance (edits, and swaps of two neighbours) when it is at most
 * `bound`, else `bound + 1`. Only a band of width 2·bound+1 is filled: O(length · bound).
 */
export function boundedEditDistance(a: string, b: string, bound: number, meter: WorkMeter = { steps: 0 }): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const over = bound + 1;
  let previous2: number[] = [];
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => (j <= bound ? j : over));
  for (let i = 1; i <= a.length; i++) {
    const current: number[] = new Array<number>(b.length + 1).fill(over);
    current[0] = i <= bound ? i : over;
    let rowMin = current[0];
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    for (let j = from; j <= to; j++) {
      meter.steps++;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = Math.min(value, over);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > bound) return over;
    previous2 = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, over);
}

/** How many typos a word of this length may have: none for short words, one for 4–6, two beyond. */
function typoAllowance(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

interface Phrase {
  name: string;
  /** The phrase's significant keys. */
  keys: string[];
  /** As written in the declaration, for suggestions. */
  display: string;
  args: 'words' | 'text';
}

interface TrieNode {
  children: Map<string, TrieNode>;
  phrase?: Phrase;
}

/** Joins the tokens' original spellings from `from` on, without filler words at the edges, numbers as digits. */
function wordsArgs(text: string, tokens: readonly Token[], from: number): string {
  let first = from;
  let last = tokens.length - 1;
  while (first <= last && tokens[first]!.filler) first++;
  while (last >= first && tokens[last]!.filler) last--;
  if (first > last) return '';
  let out = '';
  let cursor = tokens[first]!.start;
  for (let i = first; i <= last; i++) {
    const token = tokens[i]!;
    out += text.slice(cursor, token.start) + (token.number ? token.key : text.slice(token.start, token.end));
    cursor = token.end;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Politeness at the end of a message, trimmed even from args that are names ("setup Vrij CLB aub"). */
export const POLITE_WORDS: ReadonlySet<string> = new Set(['aub', 'svp', 'graag', 'alsjeblieft', 'alstublieft', 'asjeblief', 'please', 'pls', 'bedankt', 'merci']);

/** The rest of the message as typed, from offset `from`, trimmed of punctuation and trailing politeness. */
function textArgs(text: string, tokens: readonly Token[], from: number): string {
  let end = text.length;
  for (let i = tokens.length - 1; i >= 0 && tokens[i]!.start >= from; i--) {
    const key = tokens[i]!.key;
    if (!POLITE_WORDS.has(key)) break;
    end = tokens[i]!.start;
  }
  return text.slice(from, end).replace(/^[\s.,:;!?-]+/, '').replace(/[\s.,;:!?]+$/, '');
}

/**
 * Builds the parser for a set of declarations. Throws when two commands claim the same words, or
 * a declaration has words that are nothing but filler: both are programming errors.
 *
 * A message is read as: filler words anywhere before the command are skipped; the longest declared
 * word sequence at the start of what remains selects the command; the rest is its args. Without a
 * match, the command whose words are within a typo or two of the message's first words is offered
 * as a suggestion. Work is linear in the message (tokens are visited a bounded number of times;
 * fuzzy matching compares a bounded number of short tokens with a banded edit distance).
 */
export function buildCommandParser(declarations: readonly CommandDeclaration[]): CommandParser {
  const root: TrieNode = { children: new Map() };
  const phrases: Phrase[] = [];
  const names = new Set<string>();
  for (const declaration of declarations) {
    if (names.has(declaration.name)) throw new Error(`Command "${declaration.name}" is declared twice`);
    names.add(declaration.name);
    for (const words of declaration.words) {
      const keys = tokenize(words, { steps: 0 }).filter((t) => !t.filler).map((t) => t.key);
      if (keys.length === 0) throw new Error(`Command "${declaration.name}": "${words}" has no word that is not filler`);
      let node = root;
      for (const key of keys) {
        let child = node.children.get(key);
        if (!child) {
          child = { children: new Map() };
          node.children.set(key, child);
        }
        node = child;
      }
      if (node.phrase) throw new Error(`Commands "${node.phrase.name}" and "${declaration.name}" both use the words "${words}"`);
      node.phrase = { name: declaration.name, keys, display: words, args: declaration.args ?? 'words' };
      phrases.push(node.phrase);
    }
  }
  const longestPhrase = Math.max(1, ...phrases.map((p) => p.keys.length));
  const askers = declarations.filter((d) => d.questionMark === true);
  if (askers.length > 1) throw new Error(`Commands "${askers[0]!.name}" and "${askers[1]!.name}" both answer a lone question mark`);
  const questionCommand = askers[0]?.name;

  const suggest = (text: string, tokens: readonly Token[], significant: readonly number[], meter: WorkMeter): CommandSuggestion | undefined => {
    let best: { phrase: Phrase; distance: number; at: number } | undefined;
    for (const phrase of phrases) {
      if (significant.length < phrase.keys.length) continue;
      let distance = 0;
      for (let i = 0; i < phrase.keys.length && distance <= 2; i++) {
        const typed = tokens[significant[i]!]!.key;
        const wanted = phrase.keys[i]!;
        meter.steps++;
        if (typed === wanted) continue;
        if (typed.length > MAX_FUZZY_TOKEN) {
          distance = Infinity;
          break;
        }
        const allowed = typoAllowance(wanted);
        const d = boundedEditDistance(typed, wanted, allowed, meter);
        distance += d > allowed ? Infinity : d;
      }
      if (distance === 0 || distance > 2) continue;
      if (!best || distance < best.distance || (distance === best.distance && phrase.keys.length > best.phrase.keys.length)) best = { phrase, distance, at: 0 };
    }
    // No typo of a command at the start: a command's words further on ("wanneer komt de digest").
    for (let at = 1; !best && at < significant.length && at < MAX_SUGGESTION_OFFSET; at++) {
      let node: TrieNode | undefined = root;
      for (let i = at; i < significant.length && i < at + longestPhrase && node; i++) {
        meter.steps++;
        node = node.children.get(tokens[significant[i]!]!.key);
        if (node?.phrase) best = { phrase: node.phrase, distance: 0, at };
      }
    }
    if (!best) return undefined;
    const after = significant[best.at + best.phrase.keys.length - 1]! + 1;
    const args = best.phrase.args === 'text' ? textArgs(text, tokens, tokens[after - 1]!.end) : wordsArgs(text, tokens, after);
    // What the person would type: the declared words, then their own args.
    const words = `${best.phrase.display} ${args}`.trim();
    return { name: best.phrase.name, args, words };
  };

  return {
    parse(rawText, meter = { steps: 0 }) {
      if (rawText.length > MAX_MESSAGE_CHARS) return { kind: 'too-long' };
      meter.steps += rawText.length;
      // "a.u.b." read as one word, keeping every offset ("aub   ").
      const text = cleanMessageText(rawText).replace(/\ba\.\s?u\.\s?b\b\.?/gi, (abbreviation) => 'aub'.padEnd(abbreviation.length));
      if (text === '') return { kind: 'empty' };
      const tokens = tokenize(text, meter);
      const significant: number[] = [];
      for (let i = 0; i < tokens.length; i++) if (!tokens[i]!.filler) significant.push(i);

      // Longest declared phrase at the start of the significant tokens (a trie walk: at most
      // `longestPhrase` steps).
      let node: TrieNode | undefined = root;
      let match: { phrase: Phrase; lastToken: number } | undefined;
      for (let i = 0; i < significant.length && i < longestPhrase && node; i++) {
        meter.steps++;
        node = node.children.get(tokens[significant[i]!]!.key);
        if (node?.phrase) match = { phrase: node.phrase, lastToken: significant[i]! };
      }
      if (match) {
        const args = match.phrase.args === 'text' ? textArgs(text, tokens, tokens[match.lastToken]!.end) : wordsArgs(text, tokens, match.lastToken + 1);
        return { kind: 'command', name: match.phrase.name, args };
      }
      // Only a question mark, perhaps after a greeting: the person asks what they can do (one scan).
      if (questionCommand && text.includes('?') && tokens.every((t) => ADDRESS_WORDS.has(t.key))) return { kind: 'command', name: questionCommand, args: '' };
      const suggestion = suggest(text, tokens, significant.slice(0, MAX_SUGGESTION_OFFSET + longestPhrase), meter);
      return suggestion ? { kind: 'unknown', text, suggestion } : { kind: 'unknown', text };
    },
  };
}

/** The answer to a message that is no command (the help feature adds buttons to it). */
export function unknownCommandReply(text: string, place: ConversationKind): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const help = commandHint('help', place);
  return shown ? `Ik begrijp "${shown}" niet. Typ ${help} om te zien wat je mij kan vragen.` : `Typ ${help} om te zien wat je mij kan vragen.`;
}

/** Teams' command menus (the manifest's `commandLists`), from the declarations' menu entries. */
export function commandMenus(declarations: readonly CommandDeclaration[]): Record<CommandMenuEntry['scope'], Array<{ title: string; description: string }>> {
  const entries = declarations.flatMap((d) => d.menu ?? []);
  const menu = (scope: CommandMenuEntry['scope']) =>
    entries
      .filter((e) => e.scope === scope)
      .sort((a, b) => a.position - b.position)
      .map(({ title, description }) => ({ title, description }));
  return { personal: menu('personal'), team: menu('team') };
}
