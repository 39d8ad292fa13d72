/**
 * The composition root: config → logger → storage → adapter → application → server (+ scheduler).
 * `startPoolster` is used by `npm start`, `npm run dev` and the tests alike.
 */
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { createAdapter, createApplication, type Feature } from './app';
import { createMessenger } from './messenger';
import type { RetryPolicy } from './connectorRetry';
import { createServer } from './server';
import { createTables, type Tables } from '../storage/tables';
import { CentreRepository } from '../storage/centres';
import type { FeatureDeps } from '../dialogs/deps';
import { createBackgroundTasks } from '../dialogs/background';
import type { Messenger, Router } from '../dialogs/types';
import type { CommandDeclaration } from '../domain/commands';
import { registerHelp } from '../dialogs/help';
import { registerPlan } from '../dialogs/plan';
import { PlanRepository } from '../storage/plans';
import { registerCentre } from '../dialogs/centre';
import { registerTeam } from '../dialogs/centre/team';
import { registerSurveyMember } from '../dialogs/survey/member';
import { registerSurveyRound } from '../dialogs/survey/round';
import { registerRoundClosing } from '../dialogs/survey/closeRound';
import { SurveyRepository } from '../storage/survey';
import { DEFAULT_DRAFT_CACHE, MemberDraftCache } from '../storage/draftCache';
import { registerResult } from '../dialogs/result';
import { InschalingRepository } from '../storage/inschalingen';
import { registerDigest } from '../dialogs/digest';
import { createDigestScheduler, type DigestScheduler } from '../dialogs/digest/scheduler';
import { createDigestStores, type DigestStores } from '../storage/digests';
import { digestSourcesFrom } from './digestSources';
import { channelPostReference } from './references';
import { loadPlaygroundDemo } from './demo';
import { loadPlaygroundNetworkDemo } from './demoNetwork';
import { registerPrivacy } from '../dialogs/privacy';
import { communityDigestTarget, registerCommunity } from '../dialogs/community';
import { registerNetworkOverview } from '../dialogs/community/overview';
import { registerShare } from '../dialogs/share';
import { createRetentionJob, type RetentionJob } from '../dialogs/privacy/retention';
import { PrivacyRepository } from '../storage/privacy';
import { CoordinatorRepository, ResultShareRepository } from '../storage/network';
import { DownloadRepository } from '../storage/downloads';
import { createFileLinks, type FileSource } from './files';

export interface Poolster {
  url: string;
  config: Config;
  tables: Tables;
  deps: FeatureDeps;
  /** The nightly retention job, when the scheduler is on (`run()` is one run now). */
  retention?: RetentionJob;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  now?: () => Date;
  retry?: RetryPolicy;
}

export function buildFeatures(deps: FeatureDeps): Feature[] {
  return [registerHelp(deps), registerCentre(deps), registerTeam(deps), registerSurveyRound(deps), registerRoundClosing(deps), registerSurveyMember(deps), registerDigest(deps), registerPlan(deps), registerResult(deps), registerPrivacy(deps), registerCommunity(deps), registerNetworkOverview(deps), registerShare(deps)];
}

/**
 * Every command the features declare, read without starting anything: the Teams manifest's
 * command menu is built from them, as help is during turns.
 */
export function declaredCommands(): CommandDeclaration[] {
  const declarations: CommandDeclaration[] = [];
  const ignore = (): void => undefined;
  const recorder: Router = { command: (declaration) => void declarations.push(declaration), commands: () => declarations, action: ignore, onInstall: ignore, onUnknown: ignore, fileSource: ignore };
  // Features use their deps only inside handlers; any other use fails loudly here.
  const noDeps = new Proxy({} as FeatureDeps, {
    get: (_target, key) => {
      throw new Error(`deps.${String(key)} was used while only reading command declarations`);
    },
  });
  for (const feature of buildFeatures(noDeps)) feature(recorder);
  return declarations;
}

export async function startPoolster(config: Config, options: StartOptions = {}): Promise<Poolster> {
  const logger = options.logger ?? createLogger(config.log);
  const now = options.now ?? (() => new Date());
  const tables = createTables(config.storage);
  await tables.ensure();

  const adapter = createAdapter(config, logger, options.retry);
  // Download links point at PUBLIC_BASE_URL; without it, outside production, at the listening address.
  let listeningUrl: string | undefined;
  const publicBaseUrl = () => config.publicBaseUrl ?? (config.mode === 'production' ? undefined : listeningUrl);
  const downloads = new DownloadRepository(tables.client('Downloads'));
  const fileLinks = createFileLinks({ downloads, baseUrl: publicBaseUrl, now });
  const fileSources = new Map<string, FileSource>();
  const messenger: Messenger = createMessenger({ adapter, botAppId: config.auth.appId ?? '', logger, fileLinks });
  const drafts = new MemberDraftCache({ ...DEFAULT_DRAFT_CACHE, now: () => now().getTime() });
  const deps: FeatureDeps = {
    background: createBackgroundTasks(logger),
    centres: new CentreRepository(tables.client('Centres'), tables.client('People'), { log: logger.child({ component: 'centres' }) }),
    survey: new SurveyRepository(tables.client('Survey'), drafts),
    inschalingen: new InschalingRepository(tables.client('Inschalingen')),
    plans: new PlanRepository(tables.client('Plans')),
    digests: createDigestStores(tables.client('Digests')),
    digestSources: digestSourcesFrom(tables),
    privacy: new PrivacyRepository(tables.client('Survey')),
    coordinators: new CoordinatorRepository(tables.client('Network')),
    shares: new ResultShareRepository(tables.client('Network')),
    downloads,
    messenger,
    logger,
    now,
  };
  if (config.demoData) {
    const demo = await loadPlaygroundDemo({ tables, centres: deps.centres, now, logger });
    await loadPlaygroundNetworkDemo({ deps, firstCentreId: demo.centreId, now, logger });
  }
  const app = createApplication({ config, adapter, tables, logger, now, features: buildFeatures(deps), files: { links: fileLinks, sources: fileSources } });
  const server = createServer({ adapter, app, tables, logger, maxBodyBytes: config.maxBodyBytes, requireToken: Boolean(config.auth.appId), downloads: { repository: downloads, sources: fileSources, now } });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
  listeningUrl = url;
  if (!publicBaseUrl()) logger.warn('PUBLIC_BASE_URL is not set: files are offered through Teams file consent only, without a download link');
  if (!config.auth.appId) {
    logger.warn({ url }, 'development mode: no app registration, token validation is off; listening on localhost only');
  }
  logger.info({ url: `${url}/api/messages` }, 'Poolster is listening');
  let scheduler: DigestScheduler | undefined;
  if (config.scheduler) {
    scheduler = createDigestScheduler({ ...deps, sources: deps.digestSources, postReference: channelPostReference, weeklyTargets: [communityDigestTarget(deps, logger)] });
    scheduler.start();
  }
  // Retention of closed rounds' answers (daily; separate from the digest scheduler).
  let retention: RetentionJob | undefined;
  if (config.scheduler) {
    retention = createRetentionJob({ privacy: deps.privacy, digests: deps.digests, downloads: deps.downloads, logger, now, retentionMonths: config.retentionMonths });
    retention.start();
  }

  return {
    url,
    config,
    tables,
    deps,
    ...(retention ? { retention } : {}),
    async close() {
      drafts.clear();
      await scheduler?.stop();
      await retention?.stop();
      const http = server.server;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      http.closeIdleConnections();
      await deps.background.drain();
      const forced = setTimeout(() => http.closeAllConnections(), 2000);
      await closed;
      clearTimeout(forced);
    },
  };
}

/** `node bot/main.ts`: start from the environment; stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      const logger = createLogger({ level: 'info', format: 'json' });
      logger.fatal({ problems: error.problems }, 'Poolster cannot start: fix these settings (see .env.example)');
      process.stderr.write(`\n${error.message}\n\nSee .env.example and README.md (Configuration).\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.log);
  const poolster = await startPoolster(config, { logger });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await poolster.close();
    logger.flush?.();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Poolster failed to start: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
