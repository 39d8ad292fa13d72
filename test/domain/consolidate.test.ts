import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue/types';
import {
  bordaPoints,
  consolidateRound,
  lowerMedian,
  proposedStadia,
  rankPriorities,
  type BouwsteenResult,
  type TeamResult,
} from '../../domain/survey/consolidate';
import { compareGrowth, type ConfirmedInschaling } from '../../domain/survey/growth';
import {
  NAME_MARKER,
  arbStadium,
  arbSurveys,
  makeAnswer,
  makeClosing,
  makeSurvey,
  surveysWithStadia,
  withPermutation,
} from '../fixtures/surveys';

function bouwsteen(result: TeamResult, id: BouwsteenId): BouwsteenResult {
  const found = result.bouwstenen.find((b) => b.bouwsteenId === id);
  assert.ok(found, `no result for ${id}`);
  return found;
}

/** The stadium part of a single-bouwsteen round with the given stadia. */
function stadiumView(stadia: StadiumLevel[]) {
  const b = bouwsteen(consolidateRound(surveysWithStadia('4.1', stadia), { open: false }), '4.1');
  return {
    distribution: b.distribution,
    respondents: b.respondents,
    proposedStadium: b.proposedStadium,
    tie: b.tie,
    agreement: b.agreement,
    spread: b.spread,
  };
}

describe('consolidateRound: worked examples', () => {
  it('[2,2,3,3,1]: tie between 2 and 3 → lower median of [1,2,2,3,3] = 2, bespreekpunt', () => {
    assert.deepEqual(stadiumView([2, 2, 3, 3, 1]), {
      distribution: { 1: 1, 2: 2, 3: 2, 4: 0 },
      respondents: 5,
      proposedStadium: 2,
      tie: true,
      agreement: 'bespreekpunt',
      spread: 2,
    });
  });

  it('[3,3,3]: eensgezind', () => {
    assert.deepEqual(stadiumView([3, 3, 3]), {
      distribution: { 1: 0, 2: 0, 3: 3, 4: 0 },
      respondents: 3,
      proposedStadium: 3,
      tie: false,
      agreement: 'eensgezind',
      spread: 0,
    });
  });

  it('[2,3,3]: dicht-bij-elkaar, proposal 3', () => {
    assert.deepEqual(stadiumView([2, 3, 3]), {
      distribution: { 1: 0, 2: 1, 3: 2, 4: 0 },
      respondents: 3,
      proposedStadium: 3,
      tie: false,
      agreement: 'dicht-bij-elkaar',
      spread: 1,
    });
  });

  it('[1,4,4]: bespreekpunt with spread 3, proposal 4 (the majority, no tie)', () => {
    assert.deepEqual(stadiumView([1, 4, 4]), {
      distribution: { 1: 1, 2: 0, 3: 0, 4: 2 },
      respondents: 3,
      proposedStadium: 4,
      tie: false,
      agreement: 'bespreekpunt',
      spread: 3,
    });
  });

  it('[2,3]: spread 1 but no single most-chosen stadium → bespreekpunt, lower median 2', () => {
    assert.deepEqual(stadiumView([3, 2]), {
      distribution: { 1: 0, 2: 1, 3: 1, 4: 0 },
      respondents: 2,
      proposedStadium: 2,
      tie: true,
      agreement: 'bespreekpunt',
      spread: 1,
    });
  });

  it('[4,1,3,2]: four-way tie → lower median of [1,2,3,4] = 2', () => {
    const view = stadiumView([4, 1, 3, 2]);
    assert.equal(view.proposedStadium, 2);
    assert.equal(view.tie, true);
    assert.equal(view.spread, 3);
  });

  it('[1,1,4,4,2]: the lower median (2) need not be one of the tied stadia', () => {
    const view = stadiumView([1, 1, 4, 4, 2]);
    assert.equal(view.proposedStadium, 2);
    assert.equal(view.tie, true);
    assert.equal(view.agreement, 'bespreekpunt');
  });

  it('a single answer is eensgezind', () => {
    const view = stadiumView([2]);
    assert.equal(view.proposedStadium, 2);
    assert.equal(view.agreement, 'eensgezind');
  });

  it('lists all 11 bouwstenen in catalogue order, also without answers', () => {
    const result = consolidateRound([], { open: false });
    assert.deepEqual(
      result.bouwstenen.map((b) => b.bouwsteenId),
      [...BOUWSTEEN_IDS],
    );
    const empty = bouwsteen(result, '6.5');
    assert.deepEqual(empty, {
      bouwsteenId: '6.5',
      respondents: 0,
      distribution: { 1: 0, 2: 0, 3: 0, 4: 0 },
      tie: false,
      ambitions: { aanhouden: 0, 2: 0, 3: 0, 4: 0 },
      choice: { welbewust: 0, context: 0, combinatie: 0 },
      differences: { nee: 0, teams: 0, werkgroepen: 0, disciplines: 0, vestigingen: 0, anders: 0 },
      levers: { missie: 0, mensen: 0, systemen: 0, none: 0 },
      obstacles: { missie: 0, mensen: 0, systemen: 0, none: 0 },
      notes: [],
    });
    assert.equal(empty.proposedStadium, undefined);
    assert.equal(empty.agreement, undefined);
    assert.deepEqual(result.bespreekpunten, []);
    assert.deepEqual(result.priorities, []);
    assert.equal(result.memberCount, 0);
    assert.equal(result.submittedCount, 0);
  });

  describe('a partial round of five members', () => {
    // 4.1: [2,2,3,3,1] (all), 4.2: [3,3,3] (m1-m3), 4.3: [2,3,3] (m1-m3),
    // 5.1: [1,4,4] (m1-m3), 5.2: [2,3] (m1-m2), the rest unanswered.
    const surveys = [
      makeSurvey({
        memberId: 'm1',
        memberName: 'An',
        stadia: { '4.1': 2, '4.2': 3, '4.3': 2, '5.1': 1, '5.2': 2 },
        submittedAt: '2025-10-01T08:00:00.000Z',
        closing: makeClosing(['4.1', '4.2', '4.3'], ['5.1']),
      }),
      makeSurvey({
        memberId: 'm2',
        memberName: 'Bert',
        stadia: { '4.1': 2, '4.2': 3, '4.3': 3, '5.1': 4, '5.2': 3 },
        submittedAt: '2025-10-02T08:00:00.000Z',
        closing: makeClosing(['4.2', '4.1', '4.3'], ['5.1', '6.1']),
      }),
      makeSurvey({
        memberId: 'm3',
        memberName: 'Chloë',
        stadia: { '4.1': 3, '4.2': 3, '4.3': 3, '5.1': 4 },
        closing: makeClosing(['4.1', '5.1', '5.2', '5.3']),
      }),
      makeSurvey({ memberId: 'm4', memberName: 'Dirk', stadia: { '4.1': 3 } }),
      makeSurvey({ memberId: 'm5', memberName: 'Els', stadia: { '4.1': 1 } }),
    ];
    const result = consolidateRound(surveys, { open: false });

    it('counts members, submissions and closing answers', () => {
      assert.equal(result.memberCount, 5);
      assert.equal(result.submittedCount, 2);
      assert.equal(result.closingCount, 3);
      assert.equal(result.open, false);
    });

    it('has respondents and proposals per bouwsteen', () => {
      const summary = result.bouwstenen.map((b) => [b.bouwsteenId, b.respondents, b.proposedStadium, b.agreement]);
      assert.deepEqual(summary, [
        ['4.1', 5, 2, 'bespreekpunt'],
        ['4.2', 3, 3, 'eensgezind'],
        ['4.3', 3, 3, 'dicht-bij-elkaar'],
        ['5.1', 3, 4, 'bespreekpunt'],
        ['5.2', 2, 2, 'bespreekpunt'],
        ['5.3', 0, undefined, undefined],
        ['6.1', 0, undefined, undefined],
        ['6.2', 0, undefined, undefined],
        ['6.3', 0, undefined, undefined],
        ['6.4', 0, undefined, undefined],
        ['6.5', 0, undefined, undefined],
      ]);
    });

    it('lists the bespreekpunten, largest spread first', () => {
      assert.deepEqual(result.bespreekpunten, [
        { bouwsteenId: '5.1', spread: 3, tie: false },
        { bouwsteenId: '4.1', spread: 2, tie: true },
        { bouwsteenId: '5.2', spread: 1, tie: true },
      ]);
    });

    it('breaks equal spreads by catalogue order', () => {
      const r = consolidateRound(
        [makeSurvey({ stadia: { '6.2': 1, '4.3': 1 } }), makeSurvey({ stadia: { '6.2': 3, '4.3': 3 } })],
        { open: false },
      );
      assert.deepEqual(
        r.bespreekpunten.map((b) => b.bouwsteenId),
        ['4.3', '6.2'],
      );
    });

    it('ranks the priorities by Borda count', () => {
      // m1 [4.1 4.2 4.3], m2 [4.2 4.1 4.3], m3 [4.1 5.1 5.2 5.3]
      // 4.1: 5+4+5 = 14, 4.2: 4+5 = 9, 4.3: 3+3 = 6, 5.1: 4, 5.2: 3, 5.3: 2
      assert.deepEqual(result.priorities, [
        { bouwsteenId: '4.1', points: 14, firstPlaces: 2, mentions: 3, rank: 1 },
        { bouwsteenId: '4.2', points: 9, firstPlaces: 1, mentions: 2, rank: 2 },
        { bouwsteenId: '4.3', points: 6, firstPlaces: 0, mentions: 2, rank: 3 },
        { bouwsteenId: '5.1', points: 4, firstPlaces: 0, mentions: 1, rank: 4 },
        { bouwsteenId: '5.2', points: 3, firstPlaces: 0, mentions: 1, rank: 5 },
        { bouwsteenId: '5.3', points: 2, firstPlaces: 0, mentions: 1, rank: 6 },
      ]);
    });

    it('counts the inspirerende praktijken', () => {
      const counts = Object.fromEntries(result.inspiring.perBouwsteen.map((i) => [i.bouwsteenId, i.count]));
      assert.deepEqual(counts, {
        '4.1': 0, '4.2': 0, '4.3': 0, '5.1': 2, '5.2': 0, '5.3': 0,
        '6.1': 1, '6.2': 0, '6.3': 0, '6.4': 0, '6.5': 0,
      });
      assert.deepEqual(
        result.inspiring.perBouwsteen.map((i) => i.bouwsteenId),
        [...BOUWSTEEN_IDS],
      );
      assert.equal(result.inspiring.notYetInspiringCount, 1);
    });

    it('gives the proposed stadia for growth', () => {
      assert.deepEqual(proposedStadia(result), { '4.1': 2, '4.2': 3, '4.3': 3, '5.1': 4, '5.2': 2 });
    });
  });

  describe('distributions and notes', () => {
    const answersOf = (name: string, answer: ReturnType<typeof makeAnswer>) =>
      makeSurvey({ memberId: `id-${name}`, memberName: name, answers: [answer] });
    const surveys = [
      answersOf(
        'Zoë',
        makeAnswer('5.3', 2, {
          ambition: 3,
          choice: 'context',
          choiceNote: '  Vooral door de fusie. ',
          difference: { none: false, kinds: ['teams', 'anders'], otherText: 'tussen de regio’s' },
          differenceNote: 'Team Oost loopt voor.',
          levers: { none: false, categories: ['mensen', 'systemen'] },
          obstacles: { none: false, categories: ['systemen'] },
          obstaclesNote: 'Te weinig tijd',
        }),
      ),
      answersOf(
        'Arno',
        makeAnswer('5.3', 2, {
          ambition: 'aanhouden',
          choice: 'welbewust',
          choiceNote: 'Bewuste keuze van het beleidsteam',
          difference: { none: false, kinds: ['teams', 'vestigingen'] },
          differenceNote: '   ',
          levers: { none: true, categories: [] },
          leversNote: 'Geen',
          obstacles: { none: false, categories: ['missie', 'systemen'] },
          obstaclesNote: 'Budget',
        }),
      ),
      answersOf('Mira', makeAnswer('5.3', 3, { ambition: 4, choice: 'combinatie' })),
    ];

    it('counts ambitions, choice, differences, levers and obstacles', () => {
      const b = bouwsteen(consolidateRound(surveys, { open: false }), '5.3');
      assert.deepEqual(b.ambitions, { aanhouden: 1, 2: 0, 3: 1, 4: 1 });
      assert.deepEqual(b.choice, { welbewust: 1, context: 1, combinatie: 1 });
      assert.deepEqual(b.differences, { nee: 1, teams: 2, werkgroepen: 0, disciplines: 0, vestigingen: 1, anders: 1 });
      assert.deepEqual(b.levers, { missie: 0, mensen: 1, systemen: 1, none: 2 });
      assert.deepEqual(b.obstacles, { missie: 1, mensen: 0, systemen: 2, none: 1 });
    });

    it('lists the notes without names, by question then text, in an anonymous round', () => {
      const b = bouwsteen(consolidateRound(surveys, { open: false }), '5.3');
      assert.deepEqual(b.notes, [
        { question: 'choice', text: 'Bewuste keuze van het beleidsteam' },
        { question: 'choice', text: 'Vooral door de fusie.' },
        { question: 'difference', text: 'Team Oost loopt voor.' },
        { question: 'differenceOther', text: 'tussen de regio’s' },
        { question: 'levers', text: 'Geen' },
        { question: 'obstacles', text: 'Budget' },
        { question: 'obstacles', text: 'Te weinig tijd' },
      ]);
      const json = JSON.stringify(consolidateRound(surveys, { open: false }));
      for (const word of ['Zoë', 'Arno', 'Mira', 'id-']) assert.ok(!json.includes(word), word);
    });

    it('adds the author in an open round', () => {
      const b = bouwsteen(consolidateRound(surveys, { open: true }), '5.3');
      assert.deepEqual(b.notes, [
        { question: 'choice', text: 'Bewuste keuze van het beleidsteam', memberName: 'Arno' },
        { question: 'choice', text: 'Vooral door de fusie.', memberName: 'Zoë' },
        { question: 'difference', text: 'Team Oost loopt voor.', memberName: 'Zoë' },
        { question: 'differenceOther', text: 'tussen de regio’s', memberName: 'Zoë' },
        { question: 'levers', text: 'Geen', memberName: 'Arno' },
        { question: 'obstacles', text: 'Budget', memberName: 'Arno' },
        { question: 'obstacles', text: 'Te weinig tijd', memberName: 'Zoë' },
      ]);
    });
  });
});

describe('Borda count (rankPriorities)', () => {
  it('gives position p (0-based) 5 − p points, whatever the list length', () => {
    assert.deepEqual([0, 1, 2, 3, 4].map(bordaPoints), [5, 4, 3, 2, 1]);
    assert.deepEqual(rankPriorities([['6.1', '6.2', '6.3']]).map((e) => e.points), [5, 4, 3]);
  });

  it('breaks ties by first places, then mentions, then catalogue order', () => {
    // A: [4.2 5.2 4.3 5.1]      → 4.2:5  5.2:4  4.3:3  5.1:2
    // B: [6.5 4.1 6.2 6.1 5.1]  → 6.5:5  4.1:4  6.2:3  6.1:2  5.1:1
    // C: [6.5 5.3 6.2 6.1 4.1]  → 6.5:5  5.3:4  6.2:3  6.1:2  4.1:1
    // Totals: 6.5 10 (2 firsts) · 6.2 6 · 4.2 5 (1 first) = 4.1 5 (0 firsts, 2 mentions)
    //   → first places decide, against catalogue order and mentions;
    // 6.1 4 (2 mentions) > 5.2 4 (1) = 5.3 4 (1) → mentions decide, then catalogue order;
    // 5.1 3 (2 mentions) > 4.3 3 (1 mention) → mentions decide, against catalogue order.
    const result = consolidateRound(
      [
        makeSurvey({ closing: makeClosing(['4.2', '5.2', '4.3', '5.1']) }),
        makeSurvey({ closing: makeClosing(['6.5', '4.1', '6.2', '6.1', '5.1']) }),
        makeSurvey({ closing: makeClosing(['6.5', '5.3', '6.2', '6.1', '4.1']) }),
      ],
      { open: false },
    );
    assert.deepEqual(result.priorities, [
      { bouwsteenId: '6.5', points: 10, firstPlaces: 2, mentions: 2, rank: 1 },
      { bouwsteenId: '6.2', points: 6, firstPlaces: 0, mentions: 2, rank: 2 },
      { bouwsteenId: '4.2', points: 5, firstPlaces: 1, mentions: 1, rank: 3 },
      { bouwsteenId: '4.1', points: 5, firstPlaces: 0, mentions: 2, rank: 4 },
      { bouwsteenId: '6.1', points: 4, firstPlaces: 0, mentions: 2, rank: 5 },
      { bouwsteenId: '5.2', points: 4, firstPlaces: 0, mentions: 1, rank: 6 },
      { bouwsteenId: '5.3', points: 4, firstPlaces: 0, mentions: 1, rank: 7 },
      { bouwsteenId: '5.1', points: 3, firstPlaces: 0, mentions: 2, rank: 8 },
      { bouwsteenId: '4.3', points: 3, firstPlaces: 0, mentions: 1, rank: 9 },
    ]);
  });
});

describe('compareGrowth', () => {
  const previous: ConfirmedInschaling = {
    centreId: 'clb-1',
    schoolYear: '2024-2025',
    stadia: {
      '4.1': 1, '4.2': 2, '4.3': 2, '5.1': 3, '5.2': 4, '5.3': 1,
      '6.1': 2, '6.2': 2, '6.3': 1, '6.4': 3, '6.5': 2,
    },
    confirmedAt: '2025-06-01T10:00:00.000Z',
    confirmedBy: 'dir-1',
  };

  it('shows the movement per bouwsteen against proposals of a partial round', () => {
    const growth = compareGrowth(previous, { '4.1': 3, '4.2': 2, '5.2': 3 });
    assert.equal(growth.length, 11);
    assert.deepEqual(growth.slice(0, 3), [
      { bouwsteenId: '4.1', previous: 1, current: 3, delta: 2 },
      { bouwsteenId: '4.2', previous: 2, current: 2, delta: 0 },
      { bouwsteenId: '4.3', previous: 2 },
    ]);
    assert.deepEqual(growth[4], { bouwsteenId: '5.2', previous: 4, current: 3, delta: -1 });
  });

  it('accepts a confirmed inschaling as current and no previous one', () => {
    const growth = compareGrowth(undefined, { ...previous, schoolYear: '2025-2026' });
    assert.deepEqual(growth[0], { bouwsteenId: '4.1', current: 1 });
    assert.ok(growth.every((g) => g.delta === undefined && g.previous === undefined));
  });
});

describe('consolidateRound: properties', () => {
  const anonymousAndOpen = fc.boolean();

  it('does not depend on the order of the surveys', () => {
    fc.assert(
      fc.property(withPermutation(arbSurveys()), anonymousAndOpen, ([surveys, permuted], open) => {
        assert.deepStrictEqual(consolidateRound(permuted, { open }), consolidateRound(surveys, { open }));
      }),
    );
  });

  it('proposes a stadium someone chose: the single most-chosen one, or the lower median on a tie', () => {
    fc.assert(
      fc.property(fc.array(arbStadium, { minLength: 1, maxLength: 12 }), (stadia) => {
        const b = bouwsteen(consolidateRound(surveysWithStadia('5.1', stadia), { open: false }), '5.1');
        assert.ok(b.proposedStadium !== undefined && stadia.includes(b.proposedStadium));
        const max = Math.max(...Object.values(b.distribution));
        const mostChosen = ([1, 2, 3, 4] as const).filter((s) => b.distribution[s] === max);
        if (mostChosen.length === 1) {
          assert.equal(b.tie, false);
          assert.equal(b.proposedStadium, mostChosen[0]);
        } else {
          assert.equal(b.tie, true);
          assert.equal(b.proposedStadium, lowerMedian(stadia));
          assert.equal(b.agreement, 'bespreekpunt');
        }
        assert.equal(b.spread, Math.max(...stadia) - Math.min(...stadia));
      }),
    );
  });

  it('has counts that sum to the respondents', () => {
    fc.assert(
      fc.property(arbSurveys(), (surveys) => {
        const result = consolidateRound(surveys, { open: false });
        const sum = (record: Record<string | number, number>) => Object.values(record).reduce((a, b) => a + b, 0);
        for (const b of result.bouwstenen) {
          const expected = surveys.filter((s) => s.answers[b.bouwsteenId] !== undefined).length;
          assert.equal(b.respondents, expected);
          assert.equal(sum(b.distribution), expected);
          assert.equal(sum(b.ambitions), expected);
          assert.equal(sum(b.choice), expected);
          assert.ok(sum(b.differences) >= expected);
          assert.ok(b.levers.none <= expected && b.obstacles.none <= expected);
          assert.equal(b.agreement === undefined, expected === 0);
        }
        assert.equal(result.submittedCount, surveys.filter((s) => s.submittedAt !== undefined).length);
      }),
    );
  });

  it('hands out exactly the Borda points of the members’ lists', () => {
    fc.assert(
      fc.property(arbSurveys(), (surveys) => {
        const result = consolidateRound(surveys, { open: false });
        const expected = surveys.reduce(
          (total, s) => total + (s.closing?.priorities ?? []).reduce((t, _id, p) => t + (5 - p), 0),
          0,
        );
        assert.equal(
          result.priorities.reduce((t, e) => t + e.points, 0),
          expected,
        );
        assert.deepEqual(
          result.priorities.map((e) => e.rank),
          result.priorities.map((_e, i) => i + 1),
        );
        for (let i = 1; i < result.priorities.length; i++) {
          assert.ok(result.priorities[i - 1]!.points >= result.priorities[i]!.points);
        }
      }),
    );
  });

  it('reveals no member name or id in an anonymous round', () => {
    fc.assert(
      fc.property(arbSurveys(), (surveys) => {
        const json = JSON.stringify(consolidateRound(surveys, { open: false }));
        assert.ok(!json.includes(NAME_MARKER));
        for (const s of surveys) {
          assert.ok(!json.includes(s.memberName));
          assert.ok(!json.includes(s.memberId));
        }
      }),
    );
  });

  it('names the author of every note in an open round', () => {
    fc.assert(
      fc.property(arbSurveys(), (surveys) => {
        const result = consolidateRound(surveys, { open: true });
        const names = new Set(surveys.map((s) => s.memberName));
        for (const b of result.bouwstenen) {
          for (const note of b.notes) {
            assert.ok(note.memberName !== undefined && names.has(note.memberName));
            assert.notEqual(note.text.trim(), '');
          }
        }
      }),
    );
  });
});
