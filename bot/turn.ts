/**
 * Maps a botbuilder TurnContext to the transport-neutral Turn that features see.
 */
import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import { cardWithoutMarkdown } from '../cards/plainText';
import type { Actor, OutgoingFile, Outgoing, Turn } from '../dialogs/types';
import type { ConversationKind, ConversationRef } from '../domain/conversation';

/** Turns a file into the activities that offer it (bot/files.ts fileOfferActivities, bound by the router). */
export type FileOffer = (file: OutgoingFile, actor: Actor, log: Logger) => Promise<Array<Partial<Activity>>>;

export function actorOf(activity: Activity): Actor {
  const channelData = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const kind = (activity.conversation?.conversationType ?? 'personal') as ConversationKind;
  return {
    tenantId: activity.conversation?.tenantId ?? channelData.tenant?.id ?? '',
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? '',
    channelUserId: activity.from?.id ?? '',
    name: activity.from?.name ?? '',
    conversation: {
      id: activity.conversation?.id ?? '',
      kind: kind === 'groupChat' || kind === 'channel' ? kind : 'personal',
      teamId: channelData.team?.id,
      channelId: channelData.channel?.id,
    },
  };
}

/** Teams' file consent card (personal chats only) and the card that shows an uploaded file. */
export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';

/** What comes back as `context` in the fileConsent/invoke: which file source, and its key. */
export interface FileConsentContext {
  kind: string;
  key: Record<string, string>;
  /** The file's name, for a download link offered after a decline. */
  name?: string;
}

export function toActivity(message: Outgoing): Partial<Activity> {
  if ('file' in message) {
    const { file } = message;
    const context: FileConsentContext = { kind: file.source.kind, key: file.source.key, name: file.name.slice(0, 200) };
    return {
      type: 'message',
      attachments: [
        {
          contentType: FILE_CONSENT_CONTENT_TYPE,
          name: file.name,
          content: { description: file.description, sizeInBytes: file.content.length, acceptContext: context, declineContext: context },
        },
      ],
    };
  }
  if ('card' in message) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(cardWithoutMarkdown(message.card)));
    if (message.text) activity.text = message.text;
    return activity;
  }
  const activity = MessageFactory.text(message.text);
  activity.textFormat = 'markdown';
  return activity;
}

/**
 * Whether a stored reference still reaches the conversation of `current`: same channel, service
 * URL, conversation, tenant, bot and person. The activity id, names and locale change every turn
 * and do not count, so an unchanged conversation costs no write.
 */
export function sameConversation(stored: ConversationRef, current: ConversationRef): boolean {
  const key = (ref: ConversationRef) => {
    const r = ref as Partial<ConversationReference>;
    // A channel's reference names the thread it came from (";messageid="): the channel is the same.
    const conversationId = r.conversation?.id?.split(';messageid=')[0];
    return JSON.stringify([r.channelId, r.serviceUrl, conversationId, r.conversation?.tenantId, r.bot?.id, r.user?.id]);
  };
  return key(stored) === key(current);
}

export function createTurn(context: TurnContext, log: Logger, now: () => Date, offerFile?: FileOffer): Turn {
  const actor = actorOf(context.activity);
  const conversationRef = (): ConversationRef => JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as ConversationRef;
  return {
    actor,
    log,
    now: now(),
    async send(message) {
      if ('file' in message && offerFile) {
        await context.sendActivities(await offerFile(message.file, actor, log));
        return;
      }
      await context.sendActivity(toActivity(message));
    },
    conversationRef,
    changedConversationRef(stored) {
      const current = conversationRef();
      return stored && sameConversation(stored, current) ? undefined : current;
    },
    async conversationMembers() {
      if (actor.conversation.kind === 'personal') return [];
      const members: Array<{ userId: string; channelUserId: string; name: string }> = [];
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(context, 200, token);
        for (const m of page.members) {
          members.push({ userId: m.aadObjectId ?? m.id, channelUserId: m.id, name: m.name ?? m.givenName ?? '' });
        }
        token = page.continuationToken || undefined;
      } while (token);
      return members;
    },
  };
}

/** The message that shows a file the person accepted and the bot uploaded to their OneDrive. */
export function fileInfoActivity(upload: { name?: string; contentUrl?: string; uniqueId?: string; fileType?: string }, text: string): Partial<Activity> {
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    attachments: [
      {
        contentType: FILE_INFO_CONTENT_TYPE,
        contentUrl: upload.contentUrl,
        name: upload.name,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
      },
    ],
  };
}
