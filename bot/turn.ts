/**
 * Maps a botbuilder TurnContext to the transport-neutral Turn that features see.
 */
import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Actor, Outgoing, Turn } from '../dialogs/types';
import type { ConversationKind, ConversationRef } from '../domain/conversation';

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
}

export function toActivity(message: Outgoing): Partial<Activity> {
  if ('file' in message) {
    const { file } = message;
    const context: FileConsentContext = { kind: file.source.kind, key: file.source.key };
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
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(message.card));
    if (message.text) activity.text = message.text;
    return activity;
  }
  const activity = MessageFactory.text(message.text);
  activity.textFormat = 'markdown';
  return activity;
}

export function createTurn(context: TurnContext, log: Logger, now: () => Date): Turn {
  const actor = actorOf(context.activity);
  return {
    actor,
    log,
    now: now(),
    async send(message) {
      await context.sendActivity(toActivity(message));
    },
    conversationRef(): ConversationRef {
      return JSON.parse(JSON.stringify(TurnContext.getConversationReference(context.activity))) as ConversationRef;
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
