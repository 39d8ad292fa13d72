/**
 * Teams addressing rules for stored conversation references (transport knowledge, kept out of
 * the features).
 */
import type { ConversationRef } from '../domain/conversation';

/**
 * A message typed in a channel thread carries the conversation id "19:...@thread.tacv2;messageid=...":
 * sending to it answers in that thread. Sending to the channel's own id starts a new post, which is
 * what a weekly digest should be. References of group chats and 1:1 chats are returned unchanged.
 */
export function channelPostReference(ref: ConversationRef): ConversationRef {
  const conversation = ref.conversation as { id?: unknown } | undefined;
  if (!conversation || typeof conversation.id !== 'string' || !conversation.id.includes(';messageid=')) return ref;
  return { ...ref, conversation: { ...conversation, id: conversation.id.split(';messageid=')[0] } };
}
