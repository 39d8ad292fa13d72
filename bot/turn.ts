/**
 * Maps a botbuilder TurnContext to the transport-neutral Turn that features see.
 */
import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Actor, ConversationKind, ConversationRef, Outgoing, Turn } from '../dialogs/types';

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

export function toActivity(message: Outgoing): Partial<Activity> {
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
