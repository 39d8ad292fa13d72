import assert from 'node:assert/strict';
import { validateBouwsteenForm, validateClosingForm } from '../../domain/survey/validate';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';

describe('Survey validation (server side, per domain.md)', () => {
  it('turns a complete card into a typed answer', () => {
    const result = validateBouwsteenForm('4.2', validBouwsteenForm({ stadium: '2', ambition: '3', choiceNote: '  Bewust.  ' }));
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      bouwsteenId: '4.2',
      stadium: 2,
      ambition: 3,
      choice: 'welbewust',
      choiceNote: 'Bewust.',
      difference: { none: false, kinds: ['teams', 'anders'], otherText: 'tussen de antennepunten' },
      levers: { none: false, categories: ['mensen'] },
      leversNote: 'Een sterke werkgroep kwaliteit.',
      obstacles: { none: false, categories: ['systemen'] },
      obstaclesNote: 'Te weinig tijd in de jaarplanning.',
    });
  });

  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['stadium missing', { stadium: '' }, 'stadium', /Kies het stadium/],
    ['stadium not a stadium', { stadium: '5' }, 'stadium', /een van de vier stadia/],
    ['ambition equal to the current stadium', { stadium: '3', ambition: '3' }, 'ambition', /alleen naar een stadium hoger/],
    ['ambition below the current stadium', { stadium: '3', ambition: '2' }, 'ambition', /alleen naar een stadium hoger/],
    ['evolving from systematisch', { stadium: '4', ambition: '4' }, 'ambition', /kies "dit aanhouden"/],
    ['choice missing', { choice: '' }, 'choice', /welbewuste keuze/],
    ['"nee" with a "ja"', { difference: 'nee,teams' }, 'difference', /"Nee" kan je niet combineren/],
    ['"anders" without its text', { difference: 'anders', differenceOther: ' ' }, 'differenceOther', /beschrijf kort/],
    ['"neen" with a lever', { levers: 'geen,mensen' }, 'levers', /niet combineren/],
    ['no obstacles answer', { obstacles: '' }, 'obstacles', /knelpunten/],
    ['an unknown lever', { levers: 'geld' }, 'levers', /gegeven mogelijkheden/],
    ['a toelichting over the limit', { leversNote: 'x'.repeat(2001) }, 'leversNote', /maximum is 2000/],
  ];
  for (const [name, override, field, message] of cases) {
    it(`refuses ${name}, saying so at that question`, () => {
      const result = validateBouwsteenForm('4.1', validBouwsteenForm(override));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.errors[field as keyof typeof result.errors] ?? '', message);
    });
  }

  it('accepts "aanhouden" from any stadium, and "nee" / "neen" alone', () => {
    for (const stadium of ['1', '2', '3', '4']) assert.ok(validateBouwsteenForm('6.1', validBouwsteenForm({ stadium, ambition: 'aanhouden' })).ok);
    const result = validateBouwsteenForm('6.1', validBouwsteenForm({ difference: 'nee', levers: 'geen', obstacles: 'geen' }));
    assert.ok(result.ok);
    assert.deepEqual(result.value.difference, { none: true, kinds: [] });
    assert.deepEqual(result.value.levers, { none: true, categories: [] });
  });

  it('accepts 3 to 5 distinct ranked priorities and up to 3 inspirerende praktijken', () => {
    const result = validateClosingForm(validClosingForm({ priority4: '4.1', priority5: '6.5' }));
    assert.ok(result.ok);
    assert.deepEqual(result.value, { notYetInspiring: false, inspiring: ['5.1', '6.2'], priorities: ['6.4', '4.3', '5.3', '4.1', '6.5'] });
    const notYet = validateClosingForm(validClosingForm({ inspiring: 'nog-niet' }));
    assert.ok(notYet.ok && notYet.value.notYetInspiring && notYet.value.inspiring.length === 0);
  });

  const closingCases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['fewer than 3 priorities', { priority3: '' }, 'priority3', /minstens 3 prioriteiten/],
    ['the same bouwsteen twice', { priority2: '6.4' }, 'priority2', /staat al hoger/],
    ['a gap before priority 5', { priority4: '', priority5: '4.1' }, 'priority5', /zonder een plaats over te slaan/],
    ['an unknown bouwsteen', { priority1: '9.9' }, 'priority1', /uit de lijst/],
    ['4 inspirerende praktijken', { inspiring: '4.1,4.2,4.3,5.1' }, 'inspiring', /maximaal 3/],
    ['"nog niet" with a bouwsteen', { inspiring: 'nog-niet,4.1' }, 'inspiring', /niet combineren/],
    ['no inspirerende praktijken answer', { inspiring: '' }, 'inspiring', /nog niet/],
  ];
  for (const [name, override, field, message] of closingCases) {
    it(`refuses ${name} in the closing questions`, () => {
      const result = validateClosingForm(validClosingForm(override));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.match(result.errors[field as keyof typeof result.errors] ?? '', message);
    });
  }
});
