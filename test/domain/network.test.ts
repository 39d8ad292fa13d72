import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BOUWSTEEN_IDS } from '../../domain/catalogue/types';
import { networkView, type NetworkCentre } from '../../domain/network/view';

const centre = (
  centreId: string,
  optIn: boolean,
  priorities: NetworkCentre['priorities'],
  inspiring: NetworkCentre['inspiring'],
): NetworkCentre => ({ centreId, centreName: `CLB ${centreId}`, optIn, priorities, inspiring });

describe('networkView', () => {
  const centres: NetworkCentre[] = [
    centre('A', true, ['4.1', '5.1', '6.4'], ['4.3']),
    centre('B', true, ['5.1', '4.3', '6.1'], ['4.1', '6.4']),
    centre('C', true, ['4.3', '5.1', '4.1', '6.5'], ['4.1', '5.1']),
    centre('X', false, ['4.1', '5.1', '6.5'], ['5.1', '4.3', '6.1', '6.5']),
  ];
  const view = networkView(centres);

  it('counts the common priorities of opted-in centres only, most centres first', () => {
    assert.deepEqual(view.commonPriorities, [
      { bouwsteenId: '5.1', centreCount: 3 },
      { bouwsteenId: '4.1', centreCount: 2 },
      { bouwsteenId: '4.3', centreCount: 2 },
      { bouwsteenId: '6.1', centreCount: 1 },
      { bouwsteenId: '6.4', centreCount: 1 },
      { bouwsteenId: '6.5', centreCount: 1 },
    ]);
  });

  it('pairs each priority with the other opted-in centres that offer it', () => {
    const ref = (id: string) => ({ centreId: id, centreName: `CLB ${id}` });
    assert.deepEqual(view.matches, [
      { centreId: 'A', centreName: 'CLB A', bouwsteenId: '4.1', priorityRank: 1, offeredBy: [ref('B'), ref('C')] },
      { centreId: 'A', centreName: 'CLB A', bouwsteenId: '5.1', priorityRank: 2, offeredBy: [ref('C')] },
      { centreId: 'A', centreName: 'CLB A', bouwsteenId: '6.4', priorityRank: 3, offeredBy: [ref('B')] },
      { centreId: 'B', centreName: 'CLB B', bouwsteenId: '5.1', priorityRank: 1, offeredBy: [ref('C')] },
      { centreId: 'B', centreName: 'CLB B', bouwsteenId: '4.3', priorityRank: 2, offeredBy: [ref('A')] },
      { centreId: 'C', centreName: 'CLB C', bouwsteenId: '4.3', priorityRank: 1, offeredBy: [ref('A')] },
      // C's own 5.1 and 4.1 are not offered back to itself; B offers 4.1.
      { centreId: 'C', centreName: 'CLB C', bouwsteenId: '4.1', priorityRank: 3, offeredBy: [ref('B')] },
    ]);
  });

  it('never shows the centre that did not opt in', () => {
    const json = JSON.stringify(view);
    assert.ok(!json.includes('"X"') && !json.includes('CLB X'));
  });

  it('is empty when nobody opts in', () => {
    assert.deepEqual(
      networkView(centres.map((c) => ({ ...c, optIn: false }))),
      { commonPriorities: [], matches: [] },
    );
  });
});

describe('networkView: properties', () => {
  const arbCentres = fc
    .array(
      fc.record({
        optIn: fc.boolean(),
        priorities: fc.shuffledSubarray([...BOUWSTEEN_IDS], { minLength: 3, maxLength: 5 }),
        inspiring: fc.shuffledSubarray([...BOUWSTEEN_IDS], { maxLength: 3 }),
      }),
      { maxLength: 8 },
    )
    .map((list) =>
      list.map((c, i): NetworkCentre => ({
        ...c,
        centreId: `${c.optIn ? 'in' : 'out'}#${i}#`,
        centreName: `${c.optIn ? 'Deelnemer' : 'Afwezig'}#${i}#`,
      })),
    );

  it('never lets an opt-out centre appear, as seeker, offerer or count', () => {
    fc.assert(
      fc.property(arbCentres, (centres) => {
        const view = networkView(centres);
        const json = JSON.stringify(view);
        assert.ok(!json.includes('out#') && !json.includes('Afwezig'));
        const optedIn = centres.filter((c) => c.optIn);
        for (const p of view.commonPriorities) {
          assert.equal(p.centreCount, optedIn.filter((c) => c.priorities.includes(p.bouwsteenId)).length);
        }
        // Opt-out centres change nothing.
        assert.deepEqual(view, networkView(optedIn));
      }),
    );
  });

  it('matches only other centres that offer the bouwsteen', () => {
    fc.assert(
      fc.property(arbCentres, (centres) => {
        const byId = new Map(centres.map((c) => [c.centreId, c]));
        for (const m of networkView(centres).matches) {
          const seeker = byId.get(m.centreId)!;
          assert.equal(seeker.priorities[m.priorityRank - 1], m.bouwsteenId);
          assert.ok(m.offeredBy.length > 0);
          for (const o of m.offeredBy) {
            assert.notEqual(o.centreId, m.centreId);
            assert.ok(byId.get(o.centreId)!.inspiring.includes(m.bouwsteenId));
          }
        }
      }),
    );
  });

  it('sorts common priorities by count, then catalogue order', () => {
    fc.assert(
      fc.property(arbCentres, (centres) => {
        const list = networkView(centres).commonPriorities;
        for (let i = 1; i < list.length; i++) {
          const a = list[i - 1]!;
          const b = list[i]!;
          assert.ok(
            a.centreCount > b.centreCount ||
              (a.centreCount === b.centreCount &&
                BOUWSTEEN_IDS.indexOf(a.bouwsteenId) < BOUWSTEEN_IDS.indexOf(b.bouwsteenId)),
          );
        }
      }),
    );
  });
});
