/**
 * Proactive messages through the Bot Connector: continue a stored conversation, or open a 1:1 chat.
 * Retries (429 after Retry-After, 412/5xx with backoff and jitter, bounded) happen in the connector
 * client's pipeline (bot/connectorRetry.ts), so one call here is one delivery; what reaches this
 * layer is the final answer: 403 (bot removed or blocked) and 404 are reported as such, never retried.
 */
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRef } from '../domain/conversation';
import type { Messenger, Outgoing, SendFailure, SendOutcome } from '../dialogs/types';
import { toActivity } from './turn';
import { fileOfferActivities, type FileLinks } from './files';
import { createSendPacer, type SendPacer } from './sendPacer';

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: number; response?: { status?: number } };
  return e?.statusCode ?? e?.response?.status;
}

/** The caller's view of a connector call that failed after the pipeline's retries. */
export function sendFailureOf(error: unknown): SendFailure {
  const status = statusOf(error);
  if (status === 403) return { ok: false, reason: 'blocked', status };
  if (status === 404) return { ok: false, reason: 'not-found', status };
  return { ok: false, reason: status === 429 ? 'throttled' : 'failed', ...(status !== undefined ? { status } : {}), detail: (error as Error)?.message };
}

async function outcomeOf<T>(call: () => Promise<T>, log: Logger): Promise<T | SendFailure> {
  try {
    return await call();
  } catch (error) {
    const failure = sendFailureOf(error);
    log.warn({ status: failure.status, reason: failure.reason }, 'connector send failed');
    return failure;
  }
}

export function createMessenger(deps: { adapter: CloudAdapter; botAppId: string; logger: Logger; fileLinks?: FileLinks; pacer?: SendPacer }): Messenger {
  const log = deps.logger.child({ component: 'messenger' });
  // One pacer per messenger, i.e. per process: proactive calls stay within Teams' rate limits.
  const pacer = deps.pacer ?? createSendPacer();
  return {
    async send(ref: ConversationRef, message: Outgoing): Promise<SendOutcome> {
      const reference = ref as Partial<ConversationReference>;
      // A file: consent card plus a one-time link (issued once, before any retry), personal chats only.
      const activities =
        'file' in message
          ? await fileOfferActivities(message.file, { kind: reference.conversation?.conversationType === 'personal' ? 'personal' : reference.conversation?.conversationType ? 'groupChat' : 'unknown' }, deps.fileLinks, log)
          : [toActivity(message)];
      // Every activity is a connector request of its own; each counts until the send was answered.
      const answered: Array<() => void> = [];
      for (let i = 0; i < activities.length; i += 1) answered.push(await pacer.take(reference.conversation?.id));
      const result = await outcomeOf(
        async () => {
          let activityId: string | undefined;
          let sendError: unknown;
          await deps.adapter.continueConversationAsync(deps.botAppId, reference, async (context) => {
            // Caught here: thrown out of the callback it would reach the adapter's onTurnError, which
            // swallows it, and a 403/429/5xx would look like a success.
            try {
              const responses = await context.sendActivities(activities);
              activityId = responses?.[0]?.id;
            } catch (error) {
              sendError = error;
            }
          });
          if (sendError !== undefined) throw sendError;
          return { ok: true as const, activityId };
        },
        log,
      ).finally(() => answered.forEach((done) => done()));
      return result;
    },

    async openPersonalChat({ tenantId, channelUserId, serviceUrlFrom }) {
      const source = serviceUrlFrom as Partial<ConversationReference>;
      const serviceUrl = source.serviceUrl;
      if (!serviceUrl) return { ok: false, reason: 'failed', detail: 'no serviceUrl in the source reference' };
      const answered = await pacer.take();
      const result = await outcomeOf(
        async () => {
          let reference: ConversationRef | undefined;
          await deps.adapter.createConversationAsync(
            deps.botAppId,
            source.channelId ?? 'msteams',
            serviceUrl,
            'https://api.botframework.com',
            {
              isGroup: false,
              bot: source.bot ?? { id: deps.botAppId, name: 'Poolster' },
              members: [{ id: channelUserId, name: '' }],
              tenantId,
              channelData: { tenant: { id: tenantId } },
              activity: undefined as never,
            },
            async (context) => {
              reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as ConversationRef;
            },
          );
          if (!reference) throw new Error('createConversation returned no reference');
          return reference;
        },
        log,
      ).finally(answered);
      return result;
    },
  };
}
