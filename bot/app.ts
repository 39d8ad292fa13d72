/**
 * Builds the teams-ai Application: adapter, turn state on Azure Tables, the tenant gate, one turn-error
 * handler, and every feature's listeners.
 */
// Deep imports: the package root also loads the AI planners, openai and gpt-tokenizer (about 15 MB
// of heap) that Poolster never uses.
import { Application } from '@microsoft/teams-ai/lib/Application';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import { CertificateServiceClientCredentialsFactory, type ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Storage, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from './config';
import { DEFAULT_RETRY, turnRetryPipelinePolicy, turnRetryPolicy, type RetryPolicy } from './messenger';
import { PoolsterError } from '../domain/errors';
import { answerFailedTurn } from './boundary';
import { createTeamsRouter } from './router';
import { actorOf } from './turn';
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
  addPolicy(policy: ReturnType<typeof turnRetryPipelinePolicy>, options?: { phase?: 'Retry' }): void;
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
 * Removes the SDK's own retry from a connector client. botframework-connector 4.23 builds its
 * ConnectorClient on @azure/core-client with the default pipeline, whose "defaultRetryPolicy" (phase
 * Retry) retries 429 after an uncapped Retry-After and 5xx three times (1, 2, 4 s, jittered) before
 * the caller sees anything. botbuilder offers no switch for it: `noRetryPolicy` is ignored by its
 * ServiceClientContext, `retryOptions` is not passed on, and ConnectorFactoryImpl overwrites
 * `requestPolicyFactories`. So the policy is removed from each client it creates (phase Retry holds
 * nothing else).
 */
export function withoutSdkRetries<C>(connectorClient: C, turnPolicy?: ReturnType<typeof turnRetryPipelinePolicy>): C {
  const pipeline = connectorPipeline(connectorClient);
  pipeline.removePolicy({ phase: 'Retry' });
  if (turnPolicy) pipeline.addPolicy(turnPolicy, { phase: 'Retry' });
  return connectorClient;
}

function hookedFactory<C>(factory: { create(serviceUrl: string, audience?: string): Promise<C> }, hook: (client: C) => C) {
  return { create: async (serviceUrl: string, audience?: string) => hook(await factory.create(serviceUrl, audience)) };
}

/**
 * TeamsAdapter whose connector clients carry exactly one retry layer: proactive ones
 * (continueConversationAsync, createConversationAsync: the messenger's, retried by
 * withConnectorRetries) none of the SDK's; those of an incoming turn the same policy, tighter, as a
 * pipeline policy (turnRetryPolicy).
 */
export class PoolsterAdapter extends TeamsAdapter {
  constructor(
    authConfig: ConstructorParameters<typeof TeamsAdapter>[0],
    options: { retry?: RetryPolicy; logger: Logger; credentialsFactory?: ServiceClientCredentialsFactory },
  ) {
    super(authConfig, options.credentialsFactory);
    const auth = this.botFrameworkAuthentication;
    const turnPolicy = turnRetryPipelinePolicy(turnRetryPolicy(options.retry ?? DEFAULT_RETRY), options.logger.child({ component: 'connector' }));
    const createConnectorFactory = auth.createConnectorFactory.bind(auth);
    auth.createConnectorFactory = (claimsIdentity) => hookedFactory(createConnectorFactory(claimsIdentity), (client) => withoutSdkRetries(client));
    const authenticateRequest = auth.authenticateRequest.bind(auth);
    auth.authenticateRequest = async (activity, authHeader) => {
      const result = await authenticateRequest(activity, authHeader);
      if (!result.connectorFactory) return result;
      return { ...result, connectorFactory: hookedFactory(result.connectorFactory, (client) => withoutSdkRetries(client, turnPolicy)) };
    };
  }
}

export function createAdapter(config: Config, logger: Logger, retry?: RetryPolicy): TeamsAdapter {
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

  const router = createTeamsRouter(app, { logger, now: input.now });
  for (const feature of input.features) feature(router);
  router.finish();
  return app;
}
