import { strict as assert } from 'node:assert';
import { parseSpeerpuntRef, type SpeerpuntRef } from '../../domain/plan/commandArgs';

const n = (value: number): SpeerpuntRef => ({ kind: 'number', value });
const none: SpeerpuntRef = { kind: 'none' };
const invalid = (text: string): SpeerpuntRef => ({ kind: 'invalid', text });

const TABLE: [string, SpeerpuntRef][] = [
  ['speerpunt 3', n(3)],
  ['Speerpunt   3', n(3)],
  ['speerpunt3', n(3)],
  ['SPEERPUNT 3', n(3)],
  [' SPEERPUNT 3 ', n(3)],
  ['sp 3', n(3)],
  ['sp3', n(3)],
  ['SP3', n(3)],
  ['sp. 3', n(3)],
  ['speerpunt nr 3', n(3)],
  ['speerpunt nr. 3', n(3)],
  ['speerpunt nummer 3', n(3)],
  ['speerpunt #3', n(3)],
  ['speerpunt 3.', n(3)],
  ['speerpunt 3?', n(3)],
  ['3', n(3)],
  ['  4  ', n(4)],
  ['03', n(3)],
  ['speerpunt drie', n(3)],
  ['speerpuntdrie', n(3)],
  ['Speerpunt Drie', n(3)],
  ['drie', n(3)],
  ['speerpunt een', n(1)],
  ['speerpunt één', n(1)],
  ['speerpunt eén', n(1)],
  ['speerpunt twee', n(2)],
  ['sp vier', n(4)],
  ['vijf', n(5)],
  ['zes', n(6)],
  ['zeven', n(7)],
  ['acht', n(8)],
  ['negen', n(9)],
  ['speerpunt tien', n(10)],
  ['speerpunt 9', n(9)],
  ['0', n(0)],
  ['speerpunt 12', n(12)],
  ['\tspeerpunt\t2\n', n(2)],
  ['', none],
  ['   ', none],
  ['speerpunt', none],
  ['sp', none],
  ['Speerpunt ?', none],
  ['speerpunt x', invalid('speerpunt x')],
  ['speerpunt 3 en 4', invalid('speerpunt 3 en 4')],
  ['3.5', invalid('3.5')],
  ['speerpunt elf', invalid('speerpunt elf')],
  ['hallo', invalid('hallo')],
  [' prioriteiten ', invalid('prioriteiten')],
  ['speerpunt 99999999999999999999', invalid('speerpunt 99999999999999999999')],
];

describe('parseSpeerpuntRef', () => {
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseSpeerpuntRef(input), expected);
    });
  }
});
