/**
 * Builds the teams-ai Application: adapter, turn state on Azure Tables, the tenant gate, one turn-error
 * handler, and every feature's listeners.
 */
// Deep imports: the package root also loads the AI planners, openai and gpt-tokenizer (about 15 MB
// of heap) that Poolster never uses.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import {
  CertificateServiceClientCredentialsFactory,
  UserTokenClient,
  type AuthenticateRequestResult,
  type ConnectorClient,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { Activity, InvokeResponse, Storage, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { connectorRetryPipelinePolicy, DEFAULT_RETRY, turnRetryPolicy, type RetryPolicy } from './connectorRetry';
import { createSendPacer, pacingPipelinePolicy, type SendPacer } from './sendPacer';
import { PoolsterError } from '../domain/errors';
import { answerFailedTurn } from './boundary';
import { createTeamsRouter } from './router';
import { actorOf } from './turn';
import type { FileLinks, FileSource } from './files';
import type { Router } from '../dialogs/types';
import { TableBotStateStorage } from '../storage/botStateStorage';
import type { Tables } from '../storage/tables';

export const OTHER_TENANT_MESSAGE =
  'Poolster is niet beschikbaar voor jouw organisatie. Vraag je ICT-verantwoordelijke om jullie tenant toe te voegen.';

export type Feature = (router: Router) => void;

/**
 * teams-ai turn state, kept on Azure Tables. Card actions (Adaptive Card invokes) carry everything
 * they need in their data and repositories, so their turns neither read nor write turn state: an
 * answered survey card then costs one query and one batch write.
 */
export class PoolsterTurnState extends TurnState {
  private static isCardAction(context: TurnContext): boolean {
    return context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
  }

  override load(context: TurnContext, storage?: Storage): Promise<boolean> {
    // Without storage the scopes are created empty: teams-ai can still look at them, nothing is read.
    return super.load(context, PoolsterTurnState.isCardAction(context) ? undefined : storage);
  }

  override save(context: TurnContext, storage?: Storage): Promise<void> {
    return super.save(context, PoolsterTurnState.isCardAction(context) ? undefined : storage);
  }
}

/** A connector client's @azure/core-rest-pipeline pipeline (botbuilder keeps the client private). */
interface ConnectorPipeline {
  removePolicy(options: { name?: string; phase?: 'Serialize' | 'Deserialize' | 'Retry' | 'Sign' }): unknown[];
  addPolicy(policy: PipelinePolicy, options?: { phase?: 'Retry'; afterPhase?: 'Retry' }): void;
  getOrderedPolicies(): Array<{ name: string }>;
}

/** The pipeline of a botframework-connector ConnectorClient; throws if botbuilder changed its shape. */
export function connectorPipeline(connectorClient: unknown): ConnectorPipeline {
  const pipeline = (connectorClient as { client?: { pipeline?: Partial<ConnectorPipeline> } })?.client?.pipeline;
  if (typeof pipeline?.removePolicy !== 'function' || typeof pipeline.addPolicy !== 'function' || typeof pipeline.getOrderedPolicies !== 'function') {
    throw new Error('botframework-connector ConnectorClient has no core-rest-pipeline pipeline: check bot/app.ts after a botbuilder upgrade');
  }
  return pipeline as ConnectorPipeline;
}

/**
 * Puts our retry policy in place of the SDK's. botframework-connector 4.23 builds its
 * ConnectorClient on @azure/core-client with the default pipeline, whose "defaultRetryPolicy" (phase
 * Retry) retries 429 after an uncapped Retry-After and 5xx three times before the caller sees
 * anything. botbuilder offers no switch for it (`noRetryPolicy` is ignored, `retryOptions` not passed
 * on, `requestPolicyFactories` overwritten by ConnectorFactoryImpl), so this one place swaps the
 * Retry phase of each client it creates (the phase holds nothing else).
 */
export function withPoolsterRetries<C>(connectorClient: C, policy: PipelinePolicy, pacing?: PipelinePolicy): C {
  const pipeline = connectorPipeline(connectorClient);
  pipeline.removePolicy({ phase: 'Retry' });
  pipeline.addPolicy(policy, { phase: 'Retry' });
  // After the retry policy: every attempt on the wire is paced (bot/sendPacer.ts).
  if (pacing) pipeline.addPolicy(pacing, { afterPhase: 'Retry' });
  return connectorClient;
}

/** Connector clients kept per adapter and kind (at most this many: one per service URL in practice). */
const CONNECTOR_CLIENTS_KEPT = 32;

/**
 * A factory whose clients are built once per app id, service URL and audience (everything else a
 * ConnectorFactoryImpl holds is the adapter's fixed configuration) and then reused: botbuilder
 * builds a ConnectorClient, with its credentials and request pipeline, for every turn and every
 * proactive send, although a turn that only answers an invoke never uses it. A client holds no
 * per-conversation state; its credentials fetch and refresh their token themselves.
 */
function hookedFactory<C>(factory: { create(serviceUrl: string, audience?: string): Promise<C> }, hook: (client: C) => C, kept: Map<string, Promise<C>>) {
  const appId = (factory as { appId?: unknown }).appId;
  return {
    create: (serviceUrl: string, audience?: string): Promise<C> => {
      const key = JSON.stringify([typeof appId === 'string' ? appId : null, serviceUrl, audience ?? null]);
      const existing = kept.get(key);
      if (existing) {
        // Most recently used last, so the oldest is the one to go.
        kept.delete(key);
        kept.set(key, existing);
        return existing;
      }
      const client = factory.create(serviceUrl, audience).then(hook);
      kept.set(key, client);
      // A failed build (credentials) is not kept: the next turn tries again.
      client.catch(() => kept.get(key) === client && kept.delete(key));
      while (kept.size > CONNECTOR_CLIENTS_KEPT) kept.delete(kept.keys().next().value!);
      return client;
    },
  };
}

/**
 * A UserTokenClient built on first use. botbuilder builds one (credentials and a service client)
 * for every turn; Poolster signs nobody in, so a turn normally never calls it.
 */
class LazyUserTokenClient extends UserTokenClient {
  private client?: Promise<UserTokenClient>;

  constructor(private readonly build: () => Promise<UserTokenClient>) {
    super();
  }

  private real(): Promise<UserTokenClient> {
    this.client ??= this.build();
    return this.client;
  }

  async getUserToken(...args: Parameters<UserTokenClient['getUserToken']>) {
    return (await this.real()).getUserToken(...args);
  }

  async getSignInResource(...args: Parameters<UserTokenClient['getSignInResource']>) {
    return (await this.real()).getSignInResource(...args);
  }

  async signOutUser(...args: Parameters<UserTokenClient['signOutUser']>) {
    return (await this.real()).signOutUser(...args);
  }

  async getTokenStatus(...args: Parameters<UserTokenClient['getTokenStatus']>) {
    return (await this.real()).getTokenStatus(...args);
  }

  async getAadTokens(...args: Parameters<UserTokenClient['getAadTokens']>) {
    return (await this.real()).getAadTokens(...args);
  }

  async exchangeToken(...args: Parameters<UserTokenClient['exchangeToken']>) {
    return (await this.real()).exchangeToken(...args);
  }
}

/**
 * TeamsAdapter whose connector clients carry exactly one retry layer, ours: proactive ones
 * (continueConversationAsync, createConversationAsync) the policy as configured, those of an
 * incoming turn the same policy, tighter (turnRetryPolicy).
 */
export class PoolsterAdapter extends TeamsAdapter {
  constructor(
    authConfig: ConstructorParameters<typeof TeamsAdapter>[0],
    options: { retry?: RetryPolicy; logger: Logger; credentialsFactory?: ServiceClientCredentialsFactory; pacer?: SendPacer },
  ) {
    super(authConfig, options.credentialsFactory);
    const auth = this.botFrameworkAuthentication;
    const retry = options.retry ?? DEFAULT_RETRY;
    const log = options.logger.child({ component: 'connector' });
    const proactivePolicy = connectorRetryPipelinePolicy(retry, log);
    const turnPolicy = connectorRetryPipelinePolicy(turnRetryPolicy(retry), log);
    // One pacer for every connector client of this adapter, i.e. of this process.
    const pacing = pacingPipelinePolicy(options.pacer ?? createSendPacer());
    const proactiveClients = new Map<string, Promise<ConnectorClient>>();
    const turnClients = new Map<string, Promise<ConnectorClient>>();
    const createConnectorFactory = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (claimsIdentity) =>
      hookedFactory(createConnectorFactory(claimsIdentity), (client) => withPoolsterRetries(client, proactivePolicy, pacing), proactiveClients);
    const authenticateRequest = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      const result = await authenticateRequest(activity, authHeader);
      if (!result.connectorFactory) return result;
      return { ...result, connectorFactory: hookedFactory(result.connectorFactory, (client) => withPoolsterRetries(client, turnPolicy, pacing), turnClients) };
    };
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = async (claimsIdentity) => new LazyUserTokenClient(() => createUserTokenClient(claimsIdentity));
  }

  /** Token validation as this adapter runs it (its connector factory included), for the HTTP edge. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /**
   * Runs the turn of an activity whose request bot/server.ts already authenticated (with
   * `authenticate`) and checked: botbuilder's `process` would validate the token a second time and
   * parse the whole activity again with its own schema.
   */
  processAuthenticated(authentication: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, withDates(activity), logic);
  }
}

/** What botbuilder's `process` does to an activity before its turn: timestamps become Dates (raw text kept). */
function withDates(activity: Activity): Activity {
  const a = activity as Activity & { rawTimestamp?: string; rawExpiration?: string; rawLocalTimestamp?: string };
  const text = activity as unknown as { timestamp?: unknown; expiration?: unknown; localTimestamp?: unknown };
  if (typeof text.timestamp === 'string') {
    a.rawTimestamp = text.timestamp;
    a.timestamp = new Date(text.timestamp);
  }
  if (typeof text.expiration === 'string') {
    a.rawExpiration = text.expiration;
    a.expiration = new Date(text.expiration);
  }
  if (typeof text.localTimestamp === 'string') {
    a.rawLocalTimestamp = text.localTimestamp;
    a.localTimestamp = new Date(text.localTimestamp);
  }
  return a;
}

export function createAdapter(config: Config, logger: Logger, retry?: RetryPolicy): PoolsterAdapter {
  const { appId, tenantId, certificate } = config.auth;
  // A certificate (instead of a secret) signs the bot's own tokens; botbuilder takes it as a factory.
  const credentialsFactory =
    appId && certificate ? new CertificateServiceClientCredentialsFactory(appId, certificate.thumbprint, certificate.privateKey, tenantId) : undefined;
  const adapter = new PoolsterAdapter(
    config.auth.appId
      ? {
          MicrosoftAppId: config.auth.appId,
          MicrosoftAppPassword: config.auth.appPassword,
          MicrosoftAppType: config.auth.appType,
          MicrosoftAppTenantId: config.auth.tenantId,
        }
      : {},
    { logger, ...(retry ? { retry } : {}), ...(credentialsFactory ? { credentialsFactory } : {}) },
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => answerFailedTurn(context, error, logger);
  return adapter;
}

export function createApplication(input: {
  config: Config;
  adapter: TeamsAdapter;
  tables: Tables;
  logger: Logger;
  now: () => Date;
  features: Feature[];
  /** Download links and the file sources they rebuild from (bot/files.ts). */
  files?: { links: FileLinks; sources: Map<string, FileSource> };
}): Application<PoolsterTurnState> {
  const { config, adapter, tables, logger } = input;
  const app = new Application<PoolsterTurnState>({
    turnStateFactory: () => new PoolsterTurnState(),
    adapter,
    botAppId: config.auth.appId ?? '',
    storage: new TableBotStateStorage(tables.client('BotState')),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
  });

  // botbuilder validates tokens but never the tenant: that is ours (nothing is stored for others).
  app.turn('beforeTurn', async (context) => {
    if (config.allowedTenants.length === 0) return true;
    const { tenantId } = actorOf(context.activity);
    if (config.allowedTenants.includes(tenantId)) return true;
    // Answered through the one error path (logged as a warning there); nothing runs, nothing is stored.
    const log = logger.child({ conversationId: context.activity.conversation?.id, activityId: context.activity.id, activityType: context.activity.type });
    await answerFailedTurn(context, new PoolsterError('wrong-tenant', OTHER_TENANT_MESSAGE), log);
    return false;
  });

  // The one error boundary of every turn (bot/boundary.ts); the adapter's handler is the same.
  app.error(async (context, error) => answerFailedTurn(context, error, logger));

  const router = createTeamsRouter(app, { logger, now: input.now, ...(input.files ? { fileLinks: input.files.links, fileSources: input.files.sources } : {}) });
  for (const feature of input.features) feature(router);
  router.finish();
  return app;
}
