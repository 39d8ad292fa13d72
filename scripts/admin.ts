/**
 * What the operator of an installation does that nobody can do in chat: appointing the network
 * coordinators.
 *
 *   npm run admin -- coordinator add --tenant <tenantId> --network <netwerk> --user <userId> --name <naam> [--by <naam>]
 *   npm run admin -- coordinator remove --tenant <tenantId> --network <netwerk> --user <userId>
 *   npm run admin -- coordinator list [--tenant <tenantId>]
 *
 * <netwerk> is "GO! CLB" (or "go") or "Vrij CLB Netwerk" (or "vrij"); <userId> is the person's
 * Entra object id (Teams admin centre, or Entra ID → Users → Object ID). --by names who appoints
 * (default: the operating-system user); every appointment stores who appointed whom and when.
 * Storage comes from the environment, as for `npm run plan`.
 * Exit codes: 0 done, 1 problems (configuration, not found), 2 wrong usage.
 */
import { userInfo } from 'node:os';
import { z } from 'zod';
import { NETWORKS } from '../domain/centre/model';
import { parseNetwork, type Coordinator } from '../domain/network/coordinator';
import { brusselsDate } from '../domain/time';
import { CoordinatorRepository } from '../storage/network';
import { openStorage, parseArgsOrExplain, parseOptions, runAsMain, type CliIo, UsageError } from './cli';

export const USAGE = [
  'Gebruik:',
  '  npm run admin -- coordinator add --tenant <tenantId> --network <netwerk> --user <userId> --name <naam> [--by <naam>]',
  '  npm run admin -- coordinator remove --tenant <tenantId> --network <netwerk> --user <userId>',
  '  npm run admin -- coordinator list [--tenant <tenantId>]',
  '',
  `<netwerk> is een van: ${NETWORKS.filter((n) => n !== 'andere').map((n) => `"${n}"`).join(', ')}. <userId> is de Entra object-id van de persoon.`,
  'De opslag komt uit STORAGE_CONNECTION_STRING (of STORAGE_ACCOUNT_URL) en TABLE_PREFIX.',
].join('\n');


const idText = z.string().trim().min(1).max(200).regex(/^[^/\\#?\u0000-\u001f]+$/, 'mag geen / \\ # ? of stuurtekens bevatten');
const networkText = z
  .string()
  .transform((text, ctx) => {
    const network = parseNetwork(text);
    if (!network || network === 'andere') {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `onbekend netwerk '${text}'` });
      return z.NEVER;
    }
    return network;
  });

const argsSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('add'), tenant: idText, network: networkText, user: idText, name: z.string().trim().min(1).max(200), by: z.string().trim().min(1).max(200) }),
  z.object({ command: z.literal('remove'), tenant: idText, network: networkText, user: idText }),
  z.object({ command: z.literal('list'), tenant: idText.optional() }),
]);
type AdminArgs = z.infer<typeof argsSchema>;

const OPTION_NAMES: Record<string, string> = { tenant: '--tenant', network: '--network', user: '--user', name: '--name', by: '--by' };

function parseCli(argv: string[]): AdminArgs {
  const parsed = parseOptions({
    args: argv,
    allowPositionals: true,
    options: { tenant: { type: 'string' }, network: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' }, by: { type: 'string' } },
  });
  const [subject, command, ...rest] = parsed.positionals;
  if (subject !== 'coordinator') throw new UsageError(subject ? `Onbekende opdracht '${subject}'.` : 'Geef een opdracht: coordinator add, remove of list.');
  if (rest.length > 0) throw new UsageError(`Onverwacht argument '${rest[0]}'.`);
  if (command !== 'add' && command !== 'remove' && command !== 'list') {
    throw new UsageError(command ? `Onbekende opdracht 'coordinator ${command}'.` : 'Geef aan wat er moet gebeuren: coordinator add, remove of list.');
  }
  const values = { ...parsed.values, ...(command === 'add' && !parsed.values.by ? { by: userInfo().username } : {}) };
  const result = argsSchema.safeParse({ command, ...values });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const option = OPTION_NAMES[String(issue.path[0])] ?? String(issue.path[0]);
      return issue.code === 'invalid_type' && issue.received === 'undefined' ? `${option} ontbreekt.` : `${option}: ${issue.message}.`;
    });
    throw new UsageError(problems.join('\n'));
  }
  const allowed = command === 'add' ? ['tenant', 'network', 'user', 'name', 'by'] : command === 'remove' ? ['tenant', 'network', 'user'] : ['tenant'];
  const extra = Object.keys(parsed.values).find((k) => !allowed.includes(k));
  if (extra) throw new UsageError(`${OPTION_NAMES[extra]} hoort niet bij coordinator ${command}.`);
  return result.data;
}

function line(c: Coordinator): string {
  return `${c.network} · ${c.name} (${c.userId}) · tenant ${c.tenantId} · aangesteld door ${c.appointedBy} op ${brusselsDate(new Date(c.appointedAt))}`;
}

/** Runs the CLI; resolves with the exit code. */
export async function runAdminCli(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgsOrExplain(() => parseCli(argv), USAGE, io);
  if (!args) return 2;
  const tables = await openStorage(io);
  if (!tables) return 1;
  const coordinators = new CoordinatorRepository(tables.client('Network'));

  if (args.command === 'add') {
    const coordinator: Coordinator = {
      tenantId: args.tenant,
      network: args.network,
      userId: args.user,
      name: args.name,
      appointedBy: args.by,
      appointedAt: (io.now?.() ?? new Date()).toISOString(),
    };
    const { created } = await coordinators.appoint(coordinator);
    io.stdout(`${created ? 'Aangesteld' : 'Opnieuw aangesteld'} als netwerkcoördinator: ${line(coordinator)}.\n`);
    return 0;
  }
  if (args.command === 'remove') {
    const removed = await coordinators.remove(args.tenant, args.network, args.user);
    if (!removed) {
      io.stderr(`${args.user} is geen netwerkcoördinator van ${args.network} in tenant ${args.tenant}. Er werd niets gewijzigd.\n`);
      return 1;
    }
    io.stdout(`${args.user} is geen netwerkcoördinator van ${args.network} meer in tenant ${args.tenant}.\n`);
    return 0;
  }
  const list = args.tenant ? await coordinators.list(args.tenant) : await coordinators.listAll();
  if (list.length === 0) {
    io.stdout(`Er zijn geen netwerkcoördinatoren${args.tenant ? ` in tenant ${args.tenant}` : ''}.\n`);
    return 0;
  }
  io.stdout(`${list.map(line).join('\n')}\n`);
  return 0;
}

if (require.main === module) runAsMain(runAdminCli);
