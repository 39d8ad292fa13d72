import assert from 'node:assert/strict';
import { composeDigest } from '../../domain/digest/compose';
import { speerpuntStatus, progressText } from '../../domain/plan/status';
import { BOUWSTEEN_QUESTIONS, questionText, BOUWSTEEN_IN_QUESTION } from '../../domain/survey/questions';
import { BOUWSTEEN_IDS, getBouwsteen } from '../../domain/catalogue';
import { invitedSentence, sentCount, submittedSentence } from '../../domain/text/dutch';
import { digestDate, renderDigestCard } from '../../cards/digest';
import { renderSpeerpuntCard } from '../../cards/plan';
import { cardText } from '../support/bot';
import { demoPlan } from '../support/planFixture';
import { shorten } from '../../domain/format';

/** Issue 13.7: words and numbers a director reads without looking anything up. */
describe('Words and numbers', () => {
  it('makes counts agree in number: one participant, all, none, some', () => {
    assert.equal(submittedSentence(1, 1), 'De enige deelnemer verzond de inschaling definitief.');
    assert.equal(submittedSentence(0, 1), 'De enige deelnemer verzond de inschaling niet.');
    assert.equal(submittedSentence(1, 4), '1 van de 4 deelnemers verzond de inschaling definitief.');
    assert.equal(submittedSentence(3, 4), '3 van de 4 deelnemers verzonden hun inschaling definitief.');
    assert.equal(submittedSentence(4, 4), 'Alle 4 deelnemers verzonden hun inschaling definitief.');
    assert.equal(submittedSentence(0, 3), 'Geen van de 3 deelnemers verzond de inschaling definitief.');
    assert.equal(invitedSentence(1, 1), 'De deelnemer kreeg een persoonlijke uitnodiging');
    assert.equal(invitedSentence(1, 3), '1 van de 3 deelnemers kreeg een persoonlijke uitnodiging');
    assert.equal(sentCount(1, 1), '1 deelnemer, verzonden');
    assert.equal(sentCount(1, 3), '1 van 3 deelnemers verzond');
    assert.equal(sentCount(2, 3), '2 van 3 deelnemers verzonden');
  });

  it('shortens a line with one ellipsis, also where the text already trailed off', () => {
    assert.equal(shorten('We investeren in methodieken (bv. OGT, PH, 1G1Plan,...) op maat', 44), 'We investeren in methodieken (bv. OGT, PH…');
    assert.equal(shorten('methodieken (bv. PH, 1G1Plan,...) op maat die', 33), 'methodieken (bv. PH, 1G1Plan…');
    assert.equal(shorten('  kort   genoeg ', 20), 'kort genoeg');
    assert.ok(shorten('a'.repeat(100), 80).length <= 80);
  });

  it('puts every bouwsteen into the questions as it reads in a Dutch sentence', () => {
    const first = BOUWSTEEN_QUESTIONS[0]!;
    assert.equal(questionText(first, getBouwsteen('4.3')), 'Op welke wijze is ons centrum vandaag bezig met preventie?');
    assert.equal(questionText(first, getBouwsteen('4.1')), 'Op welke wijze is ons centrum vandaag bezig met het CLB als behartiger van de leerling?');
    assert.equal(questionText(first, getBouwsteen('6.4')), 'Op welke wijze is ons centrum vandaag bezig met een onderzoekende houding?');
    for (const id of BOUWSTEEN_IDS) {
      assert.ok(BOUWSTEEN_IN_QUESTION[id], `${id} has its phrase`);
      for (const q of BOUWSTEEN_QUESTIONS) assert.doesNotMatch(questionText(q, getBouwsteen(id)), /\[bouwsteen\]|: intern|\?\?/);
    }
  });

  it('counts a speerpunt with one computation: `status speerpunt N` and the digest say the same', () => {
    const plan = demoPlan();
    // A geschrapt action is what made them differ ("25" in one, "14 van 24" in the other).
    plan.acties[0]!.status = 'geschrapt';
    const today = '2026-11-23';
    const digest = composeDigest({ plan, priorities: [], openRound: undefined, today, centreName: 'Demo' });
    for (const sp of digest.speerpunten) {
      const status = speerpuntStatus(plan, sp.number, today)!;
      assert.equal(sp.progressText, progressText(status.countsByStatus));
      assert.ok(cardText(renderSpeerpuntCard({ status, today })).includes(sp.progressText), `status speerpunt ${sp.number} shows "${sp.progressText}"`);
    }
    assert.ok(digest.speerpunten.some((sp) => /geschrapt, niet meegeteld/.test(sp.progressText)), 'a geschrapt action is named, not silently dropped');
  });

  it('shows a deadline outside this school year with its year; lists a priority\'s open actions first, with owners', () => {
    assert.equal(digestDate('2026-06-03', '2026-06-01'), 'wo 3 jun');
    assert.equal(digestDate('2026-09-03', '2026-06-01'), 'do 3 sep 2026', 'next school year');
    assert.equal(digestDate('2025-06-03', '2026-06-01'), 'di 3 jun 2025', 'an earlier school year');
    const plan = demoPlan();
    for (const a of plan.acties) delete a.bouwsteenId;
    const linked = plan.acties.slice(0, 3);
    linked.forEach((a) => (a.bouwsteenId = '4.3'));
    linked[0]!.status = 'afgerond';
    linked[1]!.status = 'lopend';
    linked[2]!.status = 'gepland';
    delete linked[2]!.owner;
    const digest = composeDigest({ plan, priorities: ['4.3'], openRound: undefined, today: '2026-11-23', centreName: 'Demo' });
    assert.deepEqual(digest.priorities[0]!.actions.map((a) => a.status), ['lopend', 'gepland', 'afgerond']);
    const text = cardText(renderDigestCard({ ...digest, isEmpty: false }, 'manual'));
    assert.match(text, new RegExp(`• ${linked[2]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · zonder eigenaar · gepland`));
  });
});
