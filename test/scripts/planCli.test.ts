import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { parsePlanFile } from '../../domain/plan/planFile';
import { runPlanCli } from '../../scripts/plan';
import { CentreRepository } from '../../storage/centres';
import { PlanRepository } from '../../storage/plans';
import { createTables, type Tables } from '../../storage/tables';
import { demoPlan } from '../support/planFixture';
import { specClock } from '../support/clock';

const DEMO_FILE = path.resolve(__dirname, '..', '..', 'data', 'demo-plan.yaml');
const TENANT = '00000000-0000-0000-0000-000000000001';

const BAD_FILE = `titel: Beleidsplan met fouten
speerpunten:
  - nummer: 1
    titel: Eén
    doelstellingen:
      - titel: Doel
        acties:
          - titel: Actie met een verkeerde status
            status: bezig
  - nummer: 2
    titel: Twee
  - nummer: 3
    titel: Drie
  - nummer: 7
    titel: Zeven
`;

describe('plan CLI: npm run plan -- import/export (real Azurite)', () => {
  let tables: Tables;
  let env: NodeJS.ProcessEnv;
  let dir: string;
  let centreId: string;
  let plans: PlanRepository;
  const clock = specClock();

  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runPlanCli(argv, { env, now: clock.now, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    return { code, stdout: out.join(''), stderr: err.join('') };
  };

  beforeEach(async () => {
    const prefix = `cli${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    env = { STORAGE_CONNECTION_STRING: process.env.POOLSTER_TEST_STORAGE, TABLE_PREFIX: prefix, NODE_ENV: 'development' };
    tables = createTables({ connectionString: process.env.POOLSTER_TEST_STORAGE, tablePrefix: prefix });
    await tables.ensure();
    const centres = new CentreRepository(tables.client('Centres'), tables.client('People'));
    plans = new PlanRepository(tables.client('Plans'));
    const { centre } = await centres.createCentre({
      tenantId: TENANT,
      name: 'Vrij CLB Test',
      network: 'Vrij CLB Netwerk',
      director: { tenantId: TENANT, userId: 'dir-1', channelUserId: '29:dir-1', name: 'Dirk' },
      now: clock.now(),
    });
    centreId = centre.centreId;
    dir = await mkdtemp(path.join(tmpdir(), 'poolster-plan-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a good file into the centre and says what it loaded', async () => {
    const { code, stdout, stderr } = await run('import', DEMO_FILE, '--centre', centreId);
    assert.equal(code, 0, stderr);
    const plan = demoPlan();
    assert.match(stdout, new RegExp(`geladen voor Vrij CLB Test: 4 speerpunten, ${plan.doelstellingen.length} doelstellingen, ${plan.acties.length} acties`));
    assert.deepEqual(await plans.getPlan(centreId), plan);
  });

  it('checks the tenant when one is given', async () => {
    assert.equal((await run('import', DEMO_FILE, '--centre', centreId, '--tenant', TENANT)).code, 0);
    const wrong = await run('import', DEMO_FILE, '--centre', centreId, '--tenant', '99999999-0000-0000-0000-000000000009');
    assert.equal(wrong.code, 1);
    assert.match(wrong.stderr, /bestaat niet in tenant/);
  });

  it('a bad file changes nothing and reports every problem with its line', async () => {
    assert.equal((await run('import', DEMO_FILE, '--centre', centreId)).code, 0);
    const before = await plans.getPlan(centreId);
    const file = path.join(dir, 'fout.yaml');
    await writeFile(file, BAD_FILE, 'utf8');
    const { code, stderr } = await run('import', file, '--centre', centreId);
    assert.equal(code, 1);
    const expected = parsePlanFile(BAD_FILE);
    assert.equal(expected.ok, false);
    if (expected.ok) return;
    assert.ok(expected.problems.length >= 2, 'the file has several problems');
    for (const problem of expected.problems) assert.ok(stderr.includes(`${file}:${problem.line}: ${problem.message}`), `reports line ${problem.line}`);
    assert.match(stderr, /:9: .*bezig/, 'the wrong status on line 9');
    assert.match(stderr, /:14: /, 'the wrong speerpunt number on line 14');
    assert.match(stderr, /Er werd niets gewijzigd/);
    assert.deepEqual(await plans.getPlan(centreId), before, 'the stored plan is untouched');
  });

  it('a YAML syntax error is reported with its line, before storage is even opened', async () => {
    const file = path.join(dir, 'syntax.yaml');
    await writeFile(file, 'titel: "niet afgesloten\nspeerpunten:\n', 'utf8');
    const { code, stderr } = await run('import', file, '--centre', centreId);
    assert.equal(code, 1);
    assert.match(stderr, /syntax\.yaml:1: YAML-fout/);
    assert.equal(await plans.getPlan(centreId), undefined);
  });

  it('refuses an unknown centre without writing anything', async () => {
    const { code, stderr } = await run('import', DEMO_FILE, '--centre', 'geen-centrum');
    assert.equal(code, 1);
    assert.match(stderr, /Centrum geen-centrum bestaat niet/);
    assert.equal(await plans.getPlan('geen-centrum'), undefined);
  });

  it('exports the stored plan as a plan file that imports again to the same plan', async () => {
    await run('import', DEMO_FILE, '--centre', centreId);
    await plans.updateActie(centreId, demoPlan().acties[0]!.id, (a) => ({ ...a, notes: [...a.notes, { date: '2026-11-23', author: 'Dirk', text: 'Bijgewerkt in Teams.' }] }));
    const stored = await plans.getPlan(centreId);
    const toStdout = await run('export', '--centre', centreId);
    assert.equal(toStdout.code, 0);
    const reparsed = parsePlanFile(toStdout.stdout);
    assert.ok(reparsed.ok);
    if (reparsed.ok) assert.deepEqual(reparsed.plan, stored);

    const out = path.join(dir, 'export.yaml');
    const toFile = await run('export', '--centre', centreId, '--out', out);
    assert.equal(toFile.code, 0);
    assert.equal(await readFile(out, 'utf8'), toStdout.stdout);
    assert.match(toFile.stderr, /geschreven naar/);
  });

  it('says so when there is no plan to export', async () => {
    const { code, stderr } = await run('export', '--centre', centreId);
    assert.equal(code, 1);
    assert.match(stderr, /Er is nog geen beleidsplan geladen voor Vrij CLB Test/);
  });

  it('explains its usage on wrong arguments (exit code 2)', async () => {
    for (const argv of [[], ['import', DEMO_FILE], ['import', '--centre', 'x'], ['wis', '--centre', 'x'], ['export', '--centre', 'x', '--bogus']]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /Gebruik:/);
    }
  });

  it('says in Dutch which option it did not understand, never in the parser\'s English', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['export', '--centre', 'x', '--bogus'], /^Onbekende optie --bogus\./],
      [['export', '--centre'], /^De optie --centre verwacht een waarde: --centre <waarde>\./],
    ];
    for (const [argv, expected] of cases) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, expected);
      assert.doesNotMatch(stderr, /Unknown option|argument missing|To specify a positional/);
    }
  });

  it('names the missing storage setting', async () => {
    env = { TABLE_PREFIX: 'x' };
    const { code, stderr } = await run('import', DEMO_FILE, '--centre', centreId);
    assert.equal(code, 1);
    assert.match(stderr, /STORAGE_CONNECTION_STRING/);
  });
});
