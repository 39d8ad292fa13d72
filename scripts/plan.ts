/**
 * Plan in, plan out, for one centre:
 *
 *   npm run plan -- import <bestand.yaml> --centre <centreId> [--tenant <tenantId>]
 *   npm run plan -- export --centre <centreId> [--tenant <tenantId>] [--out <bestand.yaml>]
 *
 * Storage comes from the environment (STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_URL,
 * TABLE_PREFIX), read by bot/config.ts. `import` checks the whole file first and lists every
 * problem with its line; then nothing is changed and the exit code is 1.
 * Exit codes: 0 done, 1 problems (file, configuration, unknown centre, no plan), 2 wrong usage.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parsePlanFile, serializePlanFile } from '../domain/plan/planFile';
import { PlanRepository } from '../storage/plans';
import { openCentre, parseArgsOrExplain, parseOptions, runAsMain, type CliIo, UsageError } from './cli';

export const USAGE = [
  'Gebruik:',
  '  npm run plan -- import <bestand.yaml> --centre <centreId> [--tenant <tenantId>]',
  '  npm run plan -- export --centre <centreId> [--tenant <tenantId>] [--out <bestand.yaml>]',
  '',
  'De opslag komt uit STORAGE_CONNECTION_STRING (of STORAGE_ACCOUNT_URL) en TABLE_PREFIX.',
].join('\n');


interface Parsed {
  command: 'import' | 'export';
  file?: string;
  centre: string;
  tenant?: string;
  out?: string;
}

function parseCli(argv: string[]): Parsed {
  const parsed = parseOptions({
    args: argv,
    allowPositionals: true,
    options: {
      centre: { type: 'string' },
      tenant: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const [command, ...rest] = parsed.positionals;
  const centre = parsed.values.centre?.trim();
  if (command !== 'import' && command !== 'export') throw new UsageError(command ? `Onbekende opdracht '${command}'.` : 'Geef een opdracht: import of export.');
  if (!centre) throw new UsageError('Geef het centrum mee met --centre <centreId>.');
  if (command === 'import') {
    if (rest.length !== 1) throw new UsageError('Geef precies één planbestand mee om te importeren.');
    if (parsed.values.out) throw new UsageError('--out hoort bij export, niet bij import.');
    return { command, file: rest[0]!, centre, tenant: parsed.values.tenant?.trim() || undefined };
  }
  if (rest.length > 0) throw new UsageError(`Onverwacht argument '${rest[0]}' bij export.`);
  return { command, centre, tenant: parsed.values.tenant?.trim() || undefined, out: parsed.values.out };
}

/** Runs the CLI; resolves with the exit code. */
export async function runPlanCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgsOrExplain(() => parseCli(argv), USAGE, io);
  if (!args) return 2;

  if (args.command === 'import') {
    const file = args.file!;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.stderr(`Kan het bestand ${file} niet lezen: ${(error as Error).message}\n`);
      return 1;
    }
    const result = parsePlanFile(text);
    if (!result.ok) {
      for (const problem of result.problems) io.stderr(`${file}:${problem.line}: ${problem.message}\n`);
      const n = result.problems.length;
      io.stderr(`${n} ${n === 1 ? 'probleem' : 'problemen'} gevonden in ${file}. Er werd niets gewijzigd.\n`);
      return 1;
    }
    const opened = await openCentre(io, args.centre, args.tenant, ' Er werd niets gewijzigd.');
    if (!opened) return 1;
    const { tables, centre } = opened;
    const plans = new PlanRepository(tables.client('Plans'));
    const replaced = await plans.hasPlan(centre.centreId);
    const plan = result.plan;
    await plans.replacePlan(centre.centreId, plan, io.now?.() ?? new Date());
    io.stdout(
      `Beleidsplan "${plan.title}" geladen voor ${centre.name}: ${plan.speerpunten.length} speerpunten, ` +
        `${plan.doelstellingen.length} doelstellingen, ${plan.acties.length} acties.` +
        (replaced ? ' Het vorige plan van dit centrum werd vervangen.' : '') +
        '\n',
    );
    return 0;
  }

  const opened = await openCentre(io, args.centre, args.tenant);
  if (!opened) return 1;
  const { tables, centre } = opened;
  const plans = new PlanRepository(tables.client('Plans'));
  const plan = await plans.getPlan(centre.centreId);
  if (!plan) {
    io.stderr(`Er is nog geen beleidsplan geladen voor ${centre.name}.\n`);
    return 1;
  }
  const yaml = serializePlanFile(plan);
  if (args.out) {
    await writeFile(args.out, yaml, 'utf8');
    io.stderr(`Beleidsplan van ${centre.name} geschreven naar ${args.out} (${plan.acties.length} acties).\n`);
  } else {
    io.stdout(yaml);
  }
  return 0;
}

if (require.main === module) runAsMain(runPlanCli);
