/**
 * `netwerk overzicht` (a network coordinator, in the 1:1 chat) and its export: the aggregate
 * picture of the opted-in centres of the coordinator's network(s) in this tenant
 * (domain/network/overview.ts). Role, network and tenant are read from storage on every turn and
 * on every file accept; the card's network is only a choice among the coordinator's own.
 */
import { z } from 'zod';
import { renderNetworkOverview } from '../../cards/networkOverview';
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue/types';
import { NETWORKS, type Network } from '../../domain/centre/model';
import { PoolsterError } from '../../domain/errors';
import { EXPORT_CONTENT_TYPES, fileSlug, workbookCsv, workbookXlsx, type ExportFormat } from '../../domain/export/workbook';
import { networkOverview, overviewTables, type NetworkOverview, type OverviewCentreInput } from '../../domain/network/overview';
import { formatDutchInstant } from '../../domain/time';
import { schoolYearOf } from '../../domain/schoolYear';
import type { FeatureDeps } from '../deps';
import type { OutgoingFile, Router, Turn } from '../types';
import { VERBS } from '../../cards/verbs';
import { NOT_COORDINATOR_MESSAGE } from '.';

export const NETWORK_EXPORT_FILE = 'network.export';
export const OVERVIEW_PERSONAL_ONLY =
  'Het netwerkoverzicht toon ik alleen in ons persoonlijke gesprek. Open Poolster in een 1-op-1-chat en typ daar **netwerk overzicht**.';

export const networkExportSchema = z.object({ network: z.enum(NETWORKS), format: z.enum(['xlsx', 'csv']) });
export type NetworkExportKey = z.infer<typeof networkExportSchema>;

type OverviewDeps = Pick<FeatureDeps, 'centres' | 'inschalingen' | 'survey' | 'coordinators'>;

async function loadOverview(deps: OverviewDeps, tenantId: string, network: Network, now: Date): Promise<NetworkOverview> {
  const centres = (await deps.centres.listCentres(tenantId)).filter((c) => c.network === network && c.networkOptIn === true);
  const inputs: OverviewCentreInput[] = await Promise.all(
    centres.map(async (c) => {
      const [inschalingen, rounds] = await Promise.all([deps.inschalingen.list(tenantId, c.centreId), deps.survey.listByCentre(tenantId, c.centreId)]);
      return {
        centreId: c.centreId,
        optIn: c.networkOptIn,
        roundYears: [...new Set(rounds.map((r) => r.schoolYear))],
        inschalingen: inschalingen.map((i) => ({
          schoolYear: i.schoolYear,
          stadia: Object.fromEntries(
            BOUWSTEEN_IDS.filter((id) => i.confirmations[id]).map((id) => [id, i.confirmations[id]!.stadium]),
          ) as Partial<Record<BouwsteenId, StadiumLevel>>,
          priorities: i.priorities,
          offeredInspiring: i.offeredInspiring,
        })),
      };
    }),
  );
  return networkOverview({ network, schoolYear: schoolYearOf(now), centres: inputs });
}

/** The coordinator's networks; a PoolsterError (Dutch) for anyone else. */
async function requireCoordinator(turn: Turn, deps: OverviewDeps, network?: Network): Promise<Network[]> {
  const networks = (await deps.coordinators.networksOf(turn.actor.tenantId, turn.actor.userId)).map((c) => c.network);
  if (networks.length === 0) throw new PoolsterError('not-director', NOT_COORDINATOR_MESSAGE.replace('Het kanaal van de Lerende community beheren', 'Het netwerkoverzicht bekijken'));
  if (network && !networks.includes(network)) throw new PoolsterError('not-director', `Je bent geen netwerkcoördinator van ${network}.`);
  return network ? [network] : networks;
}

export async function showNetworkOverview(turn: Turn, deps: OverviewDeps): Promise<void> {
  const networks = await requireCoordinator(turn, deps);
  if (turn.actor.conversation.kind !== 'personal') {
    await turn.send({ text: OVERVIEW_PERSONAL_ONLY });
    return;
  }
  for (const network of networks) {
    const overview = await loadOverview(deps, turn.actor.tenantId, network, turn.now);
    turn.log.info({ optedIn: overview.optedIn, withChart: overview.current !== undefined }, 'network overview shown');
    await turn.send({ card: renderNetworkOverview(overview) });
  }
}

async function exportFile(deps: OverviewDeps, turn: Turn, key: NetworkExportKey): Promise<Omit<OutgoingFile, 'source'>> {
  await requireCoordinator(turn, deps, key.network);
  const overview = await loadOverview(deps, turn.actor.tenantId, key.network, turn.now);
  const book = {
    heading: [`Netwerkoverzicht ${overview.network}`, overview.schoolYear],
    info: [
      ['Netwerk', overview.network],
      ['Schooljaar', overview.schoolYear],
      ['Inhoud', `Alleen tellingen over centra die meedoen; stadia pas vanaf 3 centra; nooit per centrum.`],
      ['Aangemaakt op', formatDutchInstant(turn.now.toISOString())],
    ] as Array<[string, string]>,
    tables: overviewTables(overview),
    generatedAt: turn.now,
  };
  const format: ExportFormat = key.format;
  return {
    name: `poolster-netwerkoverzicht-${fileSlug(overview.network, 'netwerk')}-${overview.schoolYear}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    content: format === 'xlsx' ? await workbookXlsx(book) : Buffer.from(workbookCsv(book), 'utf8'),
    description: `Netwerkoverzicht ${overview.network} ${overview.schoolYear} (${format === 'xlsx' ? 'Excel' : 'CSV'})`,
  };
}

export function registerNetworkOverview(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command(
      {
        name: 'netwerk-overzicht',
        topic: 'resultaat',
        words: ['netwerk overzicht', 'netwerkoverzicht'],
        usage: 'netwerk overzicht',
        description: 'Toont hoe de centra van je netwerk die meedoen met de bouwstenen bezig zijn (samen, nooit per centrum), met export.',
        audience: 'netwerkcoordinator',
      },
      (turn) => showNetworkOverview(turn, deps),
    );
    router.action(VERBS.network.export, networkExportSchema, async (turn, data) => {
      if (turn.actor.conversation.kind !== 'personal') return { text: OVERVIEW_PERSONAL_ONLY };
      const file = await exportFile(deps, turn, data);
      await turn.send({ file: { ...file, source: { kind: NETWORK_EXPORT_FILE, key: { network: data.network, format: data.format } } } });
      return { text: `Klik op **Toestaan** om ${file.name} in je OneDrive op te slaan.` };
    });
    router.fileSource(NETWORK_EXPORT_FILE, networkExportSchema, (turn, key) => exportFile(deps, turn, key));
  };
}
