/**
 * Card checks shared by tests: parse with the official `adaptivecards` library, and find actions.
 */
import assert from 'node:assert/strict';
import { AdaptiveCard, SerializationContext, ValidationEvent } from 'adaptivecards';

/** Parses a card with the adaptivecards library; fails on any parse or validation error. */
export function assertValidCard(card: unknown): void {
  assert.ok(card && typeof card === 'object', 'a card object');
  const context = new SerializationContext();
  const parsed = new AdaptiveCard();
  parsed.parse(card as object, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    // Unknown element types are reported for Teams-only elements with a fallback (charts): allowed.
    if (event.event === ValidationEvent.UnknownElementType || event.event === ValidationEvent.UnknownActionType) continue;
    problems.push(`parse ${ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    if (event.event === ValidationEvent.UnknownElementType || event.event === ValidationEvent.UnknownActionType) continue;
    problems.push(`validate ${ValidationEvent[event.event]}: ${event.message}`);
  }
  assert.deepEqual(problems, [], `card problems:\n${problems.join('\n')}`);
  assert.ok(Buffer.byteLength(JSON.stringify(card)) < 80 * 1024, 'card stays under 80 KB');
}

/** Every Action.Execute / Action.Submit in a card, with its verb and data. */
export function cardActions(card: any): Array<{ title: string; verb?: string; data: Record<string, any> }> {
  const found: Array<{ title: string; verb?: string; data: Record<string, any> }> = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute') found.push({ title: node.title, verb: node.verb, data: node.data ?? {} });
    for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value);
  };
  walk(card);
  return found;
}

export function actionTitled(card: any, title: string | RegExp): { title: string; verb?: string; data: Record<string, any> } {
  const action = cardActions(card).find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.ok(action, `no action titled ${String(title)} in card; actions: ${cardActions(card).map((a) => a.title).join(', ')}`);
  return action!;
}

/** The current value of an input in a card, by id. */
export function inputValue(card: any, id: string): string | undefined {
  let value: string | undefined;
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.id === id && typeof node.type === 'string' && node.type.startsWith('Input.')) value = node.value;
    Object.values(node).forEach(walk);
  };
  walk(card);
  return value;
}

/** The ids of every input in a card, in card order. */
export function inputIds(card: any): string[] {
  const ids: string[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.id === 'string' && typeof node.type === 'string' && node.type.startsWith('Input.')) ids.push(node.id);
    Object.values(node).forEach(walk);
  };
  walk(card);
  return ids;
}

/**
 * What a client sends when the member clicks `title`: the action's data and every input of the card,
 * with the values from `values` (an input the member left alone is sent empty), as Teams does.
 */
export function clickWith(card: any, title: string | RegExp, values: Record<string, string | undefined>): Record<string, any> {
  const inputs = Object.fromEntries(inputIds(card).map((id) => [id, values[id] ?? '']));
  return { ...actionTitled(card, title).data, ...inputs };
}

/** Every element of a type anywhere in a card (charts sit inside containers), in order. */
export function elementsOfType(card: any, type: string): any[] {
  const found: any[] = [];
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === type) found.push(node);
    for (const key of ['body', 'items', 'columns']) if (node[key]) walk(node[key]);
  };
  walk(card);
  return found;
}

/**
 * The bars of a card's stacked charts: one chart element per bar, so none draws its own legend
 * (that legend collapses to "+2 items" in a card). Asserts each chart holds exactly one bar.
 */
export function stackedBarsIn(card: any): Array<{ title: string; segments: Array<{ legend: string; value: number; color: string }>; chart: any }> {
  return elementsOfType(card, 'Chart.HorizontalBar.Stacked').map((chart) => {
    assert.equal(chart.data.length, 1, 'one bar per chart: no built-in legend');
    assert.ok(chart.fallback, 'every chart has a fallback');
    return { title: chart.data[0].title, segments: chart.data[0].data, chart };
  });
}
