import assert from 'node:assert/strict';
import { renderSurveyStep } from '../../cards/survey';
import { cardWithoutMarkdown } from '../../cards/plainText';
import { cardText } from '../support/bot';
import { assertValidCard, cardActions } from '../support/cards';
import { validBouwsteenForm } from '../fixtures/surveyForms';

describe('Survey step card: each card is bound to its own data', () => {
  // Templates are parsed once and bound to many members' data; nothing may carry over between cards.
  it('shows one member’s errors and notice only on that member’s card', () => {
    const withErrors = renderSurveyStep({
      roundId: 'round-a',
      bouwsteenId: '4.1',
      version: 3,
      form: { choiceNote: 'eerste lid' },
      errors: { stadium: 'Kies een stadium.' },
      notice: { text: 'Nog niet alles is in orde.', tone: 'warning' },
    });
    const before = JSON.stringify(withErrors);
    const clean = renderSurveyStep({ roundId: 'round-b', bouwsteenId: '4.1', version: 0, form: validBouwsteenForm() });

    assertValidCard(withErrors);
    assertValidCard(clean);
    assert.match(cardText(withErrors), /Kies een stadium\./);
    assert.match(cardText(withErrors), /Nog niet alles is in orde\./);
    assert.doesNotMatch(cardText(clean), /Kies een stadium\.|Nog niet alles is in orde\.|eerste lid/);
    assert.deepEqual(new Set(cardActions(clean).map((a) => `${a.data.roundId}/${a.data.version}`)), new Set(['round-b/0']));
    assert.deepEqual(new Set(cardActions(withErrors).map((a) => `${a.data.roundId}/${a.data.version}`)), new Set(['round-a/3']));
    assert.equal(JSON.stringify(withErrors), before, 'rendering a second card leaves the first untouched');
  });

  it('keeps a member’s answers in the inputs of their card', () => {
    const form = validBouwsteenForm();
    const cards = ([1, 2, 3, 4, 5] as const).map((part) => renderSurveyStep({ roundId: 'round-c', bouwsteenId: '5.2', part, version: 1, form }));
    const card = { body: cards.map((c) => c.body) };
    const inputs = new Map<string, unknown>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') inputs.set(n.id, n.value);
      Object.values(n).forEach(walk);
    };
    walk(card);
    for (const [field, value] of Object.entries(form)) if (value) assert.equal(inputs.get(field), value, field);
  });
});

describe('Survey step card: what every card shows alike is built once', () => {
  const sectionWithId = (card: unknown, id: string): unknown =>
    ((card as { body: Array<{ id?: string }> }).body ?? []).find((element) => element.id === id);

  it('a part asks only its own questions; the "Over deze bouwsteen" section is shared, frozen and already without Markdown', () => {
    const inputIds = (card: unknown): string[] => {
      const ids: string[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') ids.push(n.id);
        Object.values(n).forEach(walk);
      };
      walk(card);
      return ids;
    };
    const first = renderSurveyStep({ roundId: 'round-d', bouwsteenId: '4.1', part: 2, version: 1, form: {} });
    const second = renderSurveyStep({ roundId: 'round-e', bouwsteenId: '4.1', part: 2, version: 7, form: validBouwsteenForm() });
    assertValidCard(first);
    assert.deepEqual(inputIds(first).sort(), ['choice', 'choiceNote']);
    const about = sectionWithId(first, 'about');
    assert.ok(about, 'the section is on the card');
    assert.equal(sectionWithId(second, 'about'), about, 'the same section object on both cards');
    assert.ok(Object.isFrozen(about), 'no card can change it for the others');
    assert.throws(() => {
      (about as { items: unknown[] }).items.push({ type: 'TextBlock', text: 'x' });
    }, TypeError);
    assert.doesNotMatch(JSON.stringify(about), /\*\*/, 'made plain once, when built');
    const plain = cardWithoutMarkdown(first);
    assert.equal(sectionWithId(plain, 'about'), about, 'the Markdown pass passes it through as it is');
    assert.deepEqual(inputIds(plain), inputIds(first));
  });
});
