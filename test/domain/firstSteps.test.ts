/**
 * The first steps help, the welcome and an unknown message offer: one or two, for this person in
 * this place, never setup for someone whose centre exists, and every typed hint outside the 1:1
 * chat with the @mention.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstSteps, typed, type Situation } from '../../domain/firstSteps';

const director = { director: true, member: true };
const member = { director: false, member: true };
const base: Situation = { place: 'personal', person: director, teamSize: 3, hasPlan: false, digestHere: false };
const commands = (s: Situation) => firstSteps(s).map((step) => step.command);

describe('First steps (pure)', () => {
  it('no centre: register one, with the name typed on the card', () => {
    const [step, ...rest] = firstSteps({ ...base, person: undefined });
    assert.equal(step?.command, 'setup');
    assert.ok(step?.input, 'the centre name is an input');
    assert.deepEqual(rest, []);
  });

  it('a director: team first when alone, then the round, its result, and its publication', () => {
    assert.deepEqual(commands({ ...base, teamSize: 1 }), ['team', 'start-inschaling']);
    assert.deepEqual(commands(base), ['start-inschaling']);
    assert.deepEqual(commands({ ...base, openRound: { participant: true, submitted: false, started: true } }), ['verder', 'voortgang']);
    assert.deepEqual(commands({ ...base, openRound: { participant: false, submitted: false, started: false } }), ['voortgang']);
    assert.deepEqual(commands({ ...base, lastResult: 'to-confirm', hasPlan: true }), ['resultaat', 'status']);
    assert.match(firstSteps({ ...base, lastResult: 'confirmed' })[0]!.title, /publiceren/);
    assert.deepEqual(commands({ ...base, lastResult: 'published', hasPlan: true }), ['status']);
  });

  it('a director in a channel: the weekly overview here first, unless it is on already', () => {
    assert.deepEqual(commands({ ...base, place: 'channel' }), ['digest', 'start-inschaling']);
    assert.match(firstSteps({ ...base, place: 'channel' })[0]!.why, /@Poolster digest hier/);
    assert.deepEqual(commands({ ...base, place: 'channel', digestHere: true }), ['start-inschaling']);
  });

  it('a member: the survey while it is open for them (in the 1:1 chat), then the result and the plan', () => {
    assert.deepEqual(commands({ ...base, person: member, openRound: { participant: true, submitted: false, started: false }, hasPlan: true }), ['inschaling', 'status']);
    const inGroup = firstSteps({ ...base, person: member, place: 'groupChat', openRound: { participant: true, submitted: false, started: true } });
    assert.equal(inGroup[0]!.command, undefined, 'no survey button in a group chat: a note where to fill it in');
    assert.match(inGroup[0]!.why, /1-op-1-chat/);
    assert.deepEqual(commands({ ...base, person: member, lastResult: 'published', hasPlan: true }), ['resultaat', 'status']);
    assert.deepEqual(commands({ ...base, person: member, lastResult: 'to-confirm' }), [], 'nothing to do yet: only the list');
    assert.deepEqual(commands({ ...base, person: { director: false, member: false } }), [], 'no role: nothing offered');
  });

  it('property: at most two steps; setup only without a centre; hints outside the 1:1 chat carry the mention', () => {
    const situation = fc.record({
      place: fc.constantFrom('personal', 'groupChat', 'channel') as fc.Arbitrary<Situation['place']>,
      person: fc.option(fc.record({ director: fc.boolean(), member: fc.boolean() }), { nil: undefined }),
      teamSize: fc.integer({ min: 0, max: 30 }),
      openRound: fc.option(fc.record({ participant: fc.boolean(), submitted: fc.boolean(), started: fc.boolean() }), { nil: undefined }),
      lastResult: fc.option(fc.constantFrom('to-confirm', 'confirmed', 'published') as fc.Arbitrary<NonNullable<Situation['lastResult']>>, { nil: undefined }),
      hasPlan: fc.boolean(),
      digestHere: fc.boolean(),
    });
    fc.assert(
      fc.property(situation, (s) => {
        const steps = firstSteps(s);
        assert.ok(steps.length <= 2);
        assert.equal(steps.some((step) => step.command === 'setup'), s.person === undefined);
        if (s.place !== 'personal') {
          // "typ daar **verder**" is typed in the 1:1 chat, not here.
          for (const step of steps) for (const hint of step.why.replace(/typ daar \*\*[^*]+\*\*/g, '').match(/\*\*[^*]+\*\*/g) ?? []) assert.match(hint, /^\*\*@Poolster /, `${hint} in ${s.place}`);
        }
      }),
      { numRuns: 1000 },
    );
    assert.equal(typed('digest hier', 'channel'), '@Poolster digest hier');
    assert.equal(typed('help', 'personal'), 'help');
  });
});
