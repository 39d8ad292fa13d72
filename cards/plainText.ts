/**
 * Card text without Markdown. Texts are shared between chat messages (where Teams renders
 * `**bold**`) and cards or card-action answers (where the clients show the asterisks as they are),
 * so every card and every short action answer passes through here on its way out. Pure.
 */
import type { CardJson } from './cardJson';

/** `typ **verder**` → `typ verder`; a stray `**` is dropped. */
export function withoutMarkdown(text: string): string {
  return text.replace(/\*\*([^*]+?)\*\*/g, '$1').replace(/\*\*/g, '');
}

/** Card parts made plain once (plainCardPart): frozen, shared between cards, never walked again. */
const ALREADY_PLAIN = new WeakSet<object>();

/** Freezes every object and array in `node` and remembers each as plain (it can be used on its own). */
function freezePlain<T>(node: T): T {
  if (node && typeof node === 'object' && !ALREADY_PLAIN.has(node)) {
    for (const value of Object.values(node)) freezePlain(value);
    Object.freeze(node);
    ALREADY_PLAIN.add(node);
  }
  return node;
}

/**
 * A part of many cards that never changes (e.g. a bouwsteen's "Over deze bouwsteen" section), made
 * plain once: the result is frozen and may go into any number of cards as it is; cardWithoutMarkdown
 * passes it through without copying or walking it.
 */
export function plainCardPart<T>(part: T): T {
  return freezePlain(withoutMarkdownIn(part) as T);
}

/** A copy of the card whose TextBlocks, TextRuns, facts and action titles carry no Markdown (inputs untouched). */
export function cardWithoutMarkdown(card: CardJson): CardJson {
  return withoutMarkdownIn(card) as CardJson;
}

function withoutMarkdownIn(root: unknown): unknown {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    if (ALREADY_PLAIN.has(node)) return node;
    const n = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const type = typeof n.type === 'string' ? n.type : '';
    const isText = type === 'TextBlock' || type === 'TextRun';
    const isFact = type === '' && 'title' in n && 'value' in n && typeof n.value === 'string';
    const isAction = type.startsWith('Action.');
    for (const [key, value] of Object.entries(n)) {
      if (typeof value === 'string' && ((isText && key === 'text') || (isFact && (key === 'title' || key === 'value')) || (isAction && key === 'title'))) {
        out[key] = withoutMarkdown(value);
      } else if (key === 'data' && isAction) {
        out[key] = value;
      } else {
        out[key] = walk(value);
      }
    }
    return out;
  };
  return walk(root);
}
