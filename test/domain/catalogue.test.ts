import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BOUWSTEEN_IDS, BOUWSTENEN, CLUSTERS, STADIA, clusterOf, getBouwsteen } from '../../domain/catalogue';
import { BOUWSTEEN_QUESTIONS, CLOSING_QUESTIONS, questionText } from '../../domain/survey/questions';

/** Passages of seed 004 kept verbatim in the repository (the fixture says where they come from). */
const seedPassages = readFileSync(path.join(__dirname, '../fixtures/seed004-bouwsteen4.1.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .join('\n');
/** The passages with OCR line breaks folded, for sentence spot-checks. */
const foldedSeed = seedPassages.replace(/-\n/g, '').replace(/\s+/g, ' ');

describe('The catalogue of seed 004 as a whole', () => {
  it('has 3 clusters holding the 11 bouwstenen in seed order', () => {
    assert.equal(CLUSTERS.length, 3);
    assert.deepEqual(CLUSTERS.flatMap((c) => c.bouwsteenIds), [...BOUWSTEEN_IDS]);
    assert.deepEqual(BOUWSTENEN.map((b) => b.id), [...BOUWSTEEN_IDS]);
    assert.equal(clusterOf('5.2').title, 'Sterke partnerschappen binnen het ecosysteem');
    assert.equal(clusterOf('6.4').title, 'Het CLB-beleid');
  });

  it('gives every bouwsteen a definition and four non-empty stadium descriptions', () => {
    for (const b of BOUWSTENEN) {
      assert.ok(b.definition.length > 100, `${b.id} definition`);
      assert.equal(b.stadia.length, 4);
      b.stadia.forEach((text, i) => assert.ok(text.trim().length > 50, `${b.id} stadium ${i + 1}`));
      assert.ok(b.qualityExpectations.length > 0 && b.developmentScales.length > 0, `${b.id} RclbK and scales`);
    }
  });

  it('names the four stadia without grades, with their PDCA phase', () => {
    assert.deepEqual(STADIA.map((s) => s.name), ['Fragmentair', 'Planmatig', 'Geïntegreerd', 'Systematisch']);
    assert.deepEqual(STADIA.map((s) => s.pdca), ['', 'plan', 'plan + do', 'plan + do + check + act']);
    for (const s of STADIA) assert.doesNotMatch(s.meaning, /\d\s*\/\s*4|score|\bslecht\b|\bgoed\b/i);
  });

  it('spot-checks sentences against the seed, with the OCR damage repaired', () => {
    assert.match(getBouwsteen('4.1').definition, /Een behartiger van de leerling zet het belang van de leerling hierbij steeds centraal\./);
    assert.ok(foldedSeed.includes('Een behartiger van de leerling zet het belang van de leerling hierbij steeds centraal.'));
    assert.match(getBouwsteen('4.1').stadia[3], /geëvalueerd/);
    assert.ok(foldedSeed.includes('Ook wordt er blijvend geévalueerd'), 'the seed has the OCR damage that was repaired');
    const allText = JSON.stringify(BOUWSTENEN);
    for (const damage of ['geévalueerd', 'geintegreerd', 'continuim', 'cliént', 'creéert']) assert.ok(!allText.includes(damage), damage);
  });
});

describe('The questions of seed 004 §7.2 and §7.3', () => {
  it('asks six questions per bouwsteen, all required, with the seed\'s options', () => {
    assert.deepEqual(BOUWSTEEN_QUESTIONS.map((q) => q.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(BOUWSTEEN_QUESTIONS.every((q) => q.required));
    assert.deepEqual(BOUWSTEEN_QUESTIONS.map((q) => q.multiSelect), [false, false, false, true, true, true]);
    assert.deepEqual(BOUWSTEEN_QUESTIONS[1]!.options.map((o) => o.label), ['dit aanhouden', 'evolueren naar planmatig', 'evolueren naar geïntegreerd', 'evolueren naar systematisch']);
    assert.deepEqual(BOUWSTEEN_QUESTIONS[3]!.options.filter((o) => o.exclusive).map((o) => o.label), ['nee']);
    assert.deepEqual(BOUWSTEEN_QUESTIONS[3]!.textFor, { option: 'anders', field: 'differenceOther' });
    assert.match(BOUWSTEEN_QUESTIONS[4]!.options.find((o) => o.exclusive)!.label, /^neen, wij ondervinden momenteel geen hefbomen/);
    assert.match(BOUWSTEEN_QUESTIONS[5]!.options.find((o) => o.exclusive)!.label, /^neen, wij ondervinden momenteel geen knelpunten/);
    assert.deepEqual(BOUWSTEEN_QUESTIONS.map((q) => Boolean(q.noteField)), [false, false, true, true, true, true], 'Toelichting on questions 3 to 6');
  });

  it('puts the bouwsteen\'s name in the question', () => {
    assert.equal(questionText(BOUWSTEEN_QUESTIONS[0]!, getBouwsteen('5.1')), 'Op welke wijze is ons centrum vandaag bezig met sterk teamwerk?');
  });

  it('asks for up to 3 inspirerende praktijken or "nog niet", and 3 to 5 ranked priorities', () => {
    assert.equal(CLOSING_QUESTIONS.inspiring.max, 3);
    assert.match(CLOSING_QUESTIONS.inspiring.notYet.label, /nog niet op het punt dat we een inspirerende praktijk kunnen bieden/);
    assert.equal(CLOSING_QUESTIONS.priorities.min, 3);
    assert.equal(CLOSING_QUESTIONS.priorities.max, 5);
  });
});
