/**
 * The command parser built from the features' declarations: tolerant of the way people type
 * (case, punctuation, filler words, number words, @mentions), a near-miss gets a suggestion, and
 * the work per message is bounded (counted in steps, never timed).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { declaredCommands } from '../../bot/main';
import { FILLER_WORDS, MAX_MESSAGE_CHARS, POLITE_WORDS, boundedEditDistance, buildCommandParser, type CommandDeclaration, type WorkMeter } from '../../domain/commands';

const declarations = declaredCommands();
const parser = buildCommandParser(declarations);
const parse = (text: string) => parser.parse(text);

/** Every declared word sequence with the command it selects. */
const phrases = declarations.flatMap((d) => d.words.map((words) => ({ name: d.name, words })));
/** Args made of plain words that are no filler (names, numbers, sub-commands). */
const argWord = fc.stringMatching(/^[a-z]{3,8}$/).filter((w) => !FILLER_WORDS.has(w));
const args = fc.array(fc.oneof(argWord, fc.integer({ min: 1, max: 99 }).map(String)), { maxLength: 3 }).map((words) => words.join(' '));
const filler = fc.constantFrom(...[...FILLER_WORDS].filter((w) => w.length > 1));
/** After a command, "een" may be a number ("sp een" is speerpunt 1), so it is no filler there. */
const fillerAfter = fc.constantFrom(...[...FILLER_WORDS].filter((w) => w.length > 1 && w !== 'een'));
const polite = fc.constantFrom(...POLITE_WORDS, 'a.u.b.');
const punctuation = fc.constantFrom('.', ',', '!', '?', '...', ' ?', '!!', ':');

function commandOf(text: string): { name: string; args: string } | undefined {
  const parsed = parse(text);
  return parsed.kind === 'command' ? { name: parsed.name, args: parsed.args } : undefined;
}

describe('Command parser (built from the declarations)', () => {
  it('understands the way Flemish directors type', () => {
    const cases: Array<[string, string, string]> = [
      ['hoe staat speerpunt 3 ervoor?', 'status', '3'],
      ['speerpunt 3', 'status', '3'],
      ['Help!', 'help', ''],
      ['Status speerpunt drie', 'status', 'speerpunt 3'],
      ['STATUS SP3', 'status', 'SP3'],
      ['<at>Poolster</at> digest hier', 'digest', 'hier'],
      ['@Poolster digest hier aub', 'digest', 'hier'],
      ['toon mijn acties, graag', 'acties', ''],
      ['kan ik mijn gegevens eens zien?', 'mijn-gegevens', ''],
      ['sluit de inschaling', 'sluit-inschaling', ''],
      ['/help', 'help', ''],
      ['speerpunt één', 'status', '1'],
      ['?', 'help', ''],
      ['??', 'help', ''],
      ['help?', 'help', ''],
      ['<at>Poolster</at> ?', 'help', ''],
      ['@Poolster ??', 'help', ''],
    ];
    for (const [text, name, expectedArgs] of cases) assert.deepEqual(commandOf(text), { name, args: expectedArgs }, text);
  });

  it('keeps names as typed for commands whose args are text', () => {
    assert.deepEqual(commandOf('setup Vrij CLB De Brug'), { name: 'setup', args: 'Vrij CLB De Brug' });
    assert.deepEqual(commandOf('heropen: Bert Lid.'), { name: 'heropen', args: 'Bert Lid' });
    assert.deepEqual(commandOf('rol lid Ann Peeters'), { name: 'rol', args: 'lid Ann Peeters' });
  });

  it('offers the closest command for a near-miss, with the args the person typed', () => {
    const parsed = parse('statsu speerpunt 3');
    assert.equal(parsed.kind, 'unknown');
    assert.deepEqual(parsed.kind === 'unknown' && parsed.suggestion, { name: 'status', args: 'speerpunt 3', words: 'status speerpunt 3' });
    for (const [typo, name] of [['inschaeling', 'inschaling'], ['verdr', 'verder'], ['prioritijten', 'prioriteiten'], ['resultat', 'resultaat']] as const) {
      const result = parse(typo);
      assert.equal(result.kind === 'unknown' && result.suggestion?.name, name, typo);
    }
    const noGuess = parse('hoe laat is het?');
    assert.deepEqual(noGuess, { kind: 'unknown', text: 'hoe laat is het?' }, 'no far-fetched suggestion');
  });

  it('property: a message that is only a question mark (with a greeting or a mention at most) opens help', () => {
    const piece = fc.constantFrom('?', '??', '?!', ' ? ', '...?', '!', '<at>Poolster</at>', '@Poolster', 'Hallo', 'hoi,', 'Poolster');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.nat(6), (pieces, at) => {
        const withQuestion = [...pieces.slice(0, at), '?', ...pieces.slice(at)].join(' ');
        assert.deepEqual(commandOf(withQuestion), { name: 'help', args: '' }, withQuestion);
      }),
      { numRuns: 300 },
    );
    // A question about something else stays that question: a command, or a suggestion.
    assert.deepEqual(commandOf('status?'), { name: 'status', args: '' });
    assert.equal(parse('hoe laat is het?').kind, 'unknown', 'a question of filler words is not a question to Poolster');
    assert.equal(parse('x?').kind, 'unknown');
    assert.equal(parse('!').kind, 'unknown', 'no question mark, no help');
  });

  it('refuses declarations that clash or say nothing', () => {
    const base: CommandDeclaration = { name: 'a', words: ['status'], usage: 'a', description: 'a', audience: 'lid' };
    assert.throws(() => buildCommandParser([base, { ...base, name: 'b', words: ['Status!'] }]), /both use the words/);
    assert.throws(() => buildCommandParser([base, { ...base }]), /declared twice/);
    assert.throws(() => buildCommandParser([{ ...base, words: ['toon mijn'] }]), /no word that is not filler/);
    assert.throws(
      () => buildCommandParser([{ ...base, questionMark: true }, { ...base, name: 'b', words: ['hulp'], questionMark: true }]),
      /both answer a lone question mark/,
    );
  });

  it('property: capitals, punctuation and filler words do not change the command or its args', () => {
    fc.assert(
      fc.property(fc.constantFrom(...phrases), args, fc.array(fc.boolean(), { maxLength: 40 }), filler, fillerAfter, polite, punctuation, (phrase, rest, caps, before, anyAfter, politeAfter, mark) => {
        // Args that are names keep every word but politeness at the end.
        const after = declarations.find((d) => d.name === phrase.name)!.args === 'text' ? politeAfter : anyAfter;
        const typed = `${phrase.words} ${rest}`.trim();
        const expected = commandOf(typed);
        assert.ok(expected, typed);
        assert.equal(expected!.name, phrase.name);
        const shouted = [...typed].map((ch, i) => (caps[i % Math.max(caps.length, 1)] ? ch.toUpperCase() : ch)).join('');
        assert.deepEqual(commandOf(shouted)?.name, phrase.name, shouted);
        assert.deepEqual(commandOf(`${before} ${typed}${mark}`), expected, `${before} ${typed}${mark}`);
        assert.deepEqual(commandOf(`${typed} ${after}${mark}`), expected, `${typed} ${after}${mark}`);
      }),
      { numRuns: 300 },
    );
  });

  it('property: idempotent: what the parser understood, typed back, is understood the same', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(...phrases), args, (noise, phrase, rest) => {
        for (const text of [noise, `${phrase.words} ${rest}`, `${noise} ${phrase.words}`]) {
          const parsed = parse(text);
          if (parsed.kind === 'command') {
            const words = declarations.find((d) => d.name === parsed.name)!.words[0]!;
            assert.deepEqual(commandOf(`${words} ${parsed.args}`), { name: parsed.name, args: parsed.args }, text);
          }
          if (parsed.kind === 'unknown' && parsed.suggestion) {
            assert.deepEqual(commandOf(parsed.suggestion.words), { name: parsed.suggestion.name, args: parsed.suggestion.args }, text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: one typo in a command word of five letters or more still finds that command', () => {
    const long = phrases.filter((p) => !p.words.includes(' ') && p.words.length >= 5);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), (phrase, at, letter) => {
        const i = at % phrase.words.length;
        const typo = phrase.words.slice(0, i) + letter + phrase.words.slice(i + 1);
        const parsed = parse(typo);
        const found = parsed.kind === 'command' ? parsed.name : parsed.kind === 'unknown' ? parsed.suggestion?.name : undefined;
        assert.ok(found, `${typo}: a command or a suggestion`);
        // The typo may itself be another command's word; otherwise it is this one.
        if (parsed.kind !== 'command') assert.ok(found === phrase.name || phrases.some((p) => p.name === found), typo);
      }),
      { numRuns: 300 },
    );
  });

  it('property: work is linear in the message, whatever it holds (counted, not timed)', () => {
    const adversarial = fc.oneof(
      fc.string({ maxLength: MAX_MESSAGE_CHARS }),
      fc.constantFrom('statu ', 'speerpun ', 'aaaaaaaaaaaaaaaaaaaaaaaaa', 'mijn ', 'a.u.b. ', '<at>', '3', 'é', 'sluit ', '?', 'hallo? ').chain((unit) =>
        fc.integer({ min: 1, max: Math.floor(MAX_MESSAGE_CHARS / unit.length) }).map((n) => unit.repeat(n)),
      ),
    );
    fc.assert(
      fc.property(adversarial, (text) => {
        const meter: WorkMeter = { steps: 0 };
        parser.parse(text, meter);
        assert.ok(meter.steps <= 4 * text.length + 20_000, `${meter.steps} steps for ${text.length} characters`);
      }),
      { numRuns: 200 },
    );
    const meter: WorkMeter = { steps: 0 };
    assert.deepEqual(parser.parse('a'.repeat(MAX_MESSAGE_CHARS + 1), meter), { kind: 'too-long' });
    assert.equal(meter.steps, 0, 'a message over the limit is not read at all');
  });

  it('bounded edit distance: exact within the bound, bound + 1 beyond, swaps count once', () => {
    assert.equal(boundedEditDistance('status', 'status', 2), 0);
    assert.equal(boundedEditDistance('statsu', 'status', 2), 1);
    assert.equal(boundedEditDistance('stat', 'status', 2), 2);
    assert.equal(boundedEditDistance('xxxxxx', 'status', 2), 3);
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), fc.integer({ min: 0, max: 3 }), (a, b, bound) => {
        const d = boundedEditDistance(a, b, bound);
        assert.ok(d >= 0 && d <= bound + 1);
        assert.equal(d, boundedEditDistance(b, a, bound), 'symmetric');
        if (a === b) assert.equal(d, 0);
      }),
    );
  });
});
