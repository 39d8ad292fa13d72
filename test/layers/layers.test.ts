/**
 * The layer check itself is tested: a small tree that breaks each rule once must fail with that
 * rule's name, and what the rules allow must not be reported. The tree lives in this folder
 * (test/layers/fixture/, ignored by git, the type check and the repository's own cruise) and is
 * removed afterwards. `npm test` runs the same rules over the real tree (`npm run depcheck`).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixture');
const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(REPO, '.dependency-cruiser.cjs');

/** One module per file: path (relative to the fixture root) → source. */
const FILES: Record<string, string> = {
  // Allowed: domain/ over domain/ and zod; the transport over the SDK; a feature over cards/ and domain/.
  'domain/model.ts': "import { z } from 'zod';\nexport const Name = z.string();\n",
  'cards/card.ts': "import { Name } from '../domain/model';\nexport const card = () => Name;\n",
  'bot/transport.ts': "import type { TurnContext } from 'botbuilder';\nexport type Context = TurnContext;\n",
  'dialogs/feature.ts': "import { card } from '../cards/card';\nexport const feature = () => card();\n",

  // One violation per rule.
  'domain/leaksCards.ts': "import { card } from '../cards/card';\nexport const x = card;\n",
  'cards/leaksFeature.ts': "import { feature } from '../dialogs/feature';\nexport const y = feature;\n",
  'storage/leaksFeature.ts': "import type { Holder } from '../dialogs/holder';\nexport type Z = Holder;\n",
  'dialogs/holder.ts': 'export interface Holder { value: string }\n',
  'dialogs/leaksTransport.ts': "import type { Context } from '../bot/transport';\nexport type W = Context;\n",
  'dialogs/leaksSdk.ts': "import type { Activity } from 'botframework-schema';\nexport type V = Activity;\n",
  // A cycle made of type-only imports still counts.
  'domain/cycleA.ts': "import type { B } from './cycleB';\nexport interface A { b?: B }\n",
  'domain/cycleB.ts': "import type { A } from './cycleA';\nexport interface B { a?: A }\n",
  // A typo in an import path.
  'bot/typo.ts': "import type { Context } from './transprot';\nexport type T = Context;\n",
};

function cruise(): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [DEPCRUISE, '--config', CONFIG, '--output-type', 'err', 'bot', 'cards', 'dialogs', 'domain', 'storage'],
      { cwd: FIXTURE, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` }),
    );
  });
}

describe('layer rules (dependency-cruiser)', function () {
  // Starting depcruise and reading the TypeScript config takes seconds on a loaded machine.
  this.timeout(120_000);

  let result: { code: number; output: string };

  before(async () => {
    rmSync(FIXTURE, { recursive: true, force: true });
    for (const [file, source] of Object.entries(FILES)) {
      mkdirSync(dirname(join(FIXTURE, file)), { recursive: true });
      writeFileSync(join(FIXTURE, file), source);
    }
    result = await cruise();
  });

  after(() => rmSync(FIXTURE, { recursive: true, force: true }));

  it('fails when a rule is broken', () => {
    assert.notEqual(result.code, 0, result.output);
  });

  const expected: Array<[rule: string, from: string, to: string]> = [
    ['domain-imports-only-domain', 'domain/leaksCards.ts', 'cards/card.ts'],
    ['cards-only-cards-and-domain', 'cards/leaksFeature.ts', 'dialogs/feature.ts'],
    ['storage-only-storage-and-domain', 'storage/leaksFeature.ts', 'dialogs/holder.ts'],
    ['dialogs-not-bot-or-scripts', 'dialogs/leaksTransport.ts', 'bot/transport.ts'],
    ['sdk-only-in-bot', 'dialogs/leaksSdk.ts', 'botframework-schema'],
    ['no-cycles', 'domain/cycleA.ts', 'domain/cycleB.ts'],
    ['not-to-unresolvable', 'bot/typo.ts', './transprot'],
  ];
  for (const [rule, from, to] of expected) {
    it(`names the rule ${rule} for ${from} → ${to}`, () => {
      const line = result.output.split('\n').find((l) => l.includes(`error ${rule}:`) && l.includes(from));
      assert.ok(line, `expected "${rule}" for ${from} in:\n${result.output}`);
      // A cycle lists its next module on the following line.
      const index = result.output.indexOf(line);
      assert.ok(result.output.slice(index, index + line.length + 200).includes(to), `${rule}: ${from} → ${to}`);
    });
  }

  it('reports nothing for what the layers allow (domain over zod, cards over domain, features over cards, bot over the SDK)', () => {
    for (const allowed of ['domain/model.ts', 'cards/card.ts', 'dialogs/feature.ts', 'bot/transport.ts']) {
      const reported = result.output.split('\n').filter((l) => /^\s*error /.test(l) && l.includes(`: ${allowed}`));
      assert.deepEqual(reported, [], allowed);
    }
    const count = /x (\d+) dependency violations/.exec(result.output);
    assert.equal(Number(count?.[1]), expected.length, result.output);
  });
});
