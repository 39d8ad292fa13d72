/**
 * The shape an incoming Bot Framework activity must have before botbuilder and teams-ai see it.
 *
 * botbuilder only checks that the body is an object with a string `type`; a missing conversation,
 * a non-string conversation type or a null mention entity then fails deep inside the SDK (often while
 * answering, so the caller got a 500 and the person nothing). Every activity Teams, the Agents
 * Playground or the Bot Connector sends has these fields, so anything else is refused at the edge
 * with a 400. Only the fields the SDK and our turn code read are checked; all others pass through
 * untouched (`passthrough`), and the content of `value` (card data) is left to each feature's schema.
 */
import { z } from 'zod';

/** A lone UTF-16 surrogate cannot be percent-encoded: ids become table keys and connector URLs. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (max: number) => z.string().max(max).refine((value) => !LONE_SURROGATE.test(value), 'not well-formed Unicode');

/**
 * Channel, conversation, user and tenant ids are printable ASCII in Teams ("a:1x…", "19:…@thread.v2",
 * "29:…", GUIDs). Anything else cannot even be answered: the connector puts the conversation id in
 * a request header, where Node refuses non-Latin-1 characters.
 */
const id = (max: number) => z.string().min(1).max(max).regex(/^[\x21-\x7E]+$/, 'printable ASCII without spaces');
const optionalId = (max: number) => id(max).optional();
const optionalText = (max: number) => wellFormed(max).optional();

const account = z
  .object({
    id: id(1_000),
    name: optionalText(1_000),
    aadObjectId: optionalId(200),
  })
  .passthrough();

export const activityEnvelopeSchema = z
  .object({
    type: id(100),
    id: optionalText(1_000),
    channelId: id(100),
    serviceUrl: z
      .string()
      .max(2_000)
      .url()
      .refine((url) => /^https?:\/\//i.test(url), 'http(s) only'),
    from: account,
    recipient: account,
    conversation: z
      .object({
        id: id(2_000),
        conversationType: optionalText(50),
        tenantId: optionalId(200),
        isGroup: z.boolean().optional(),
        name: optionalText(1_000),
      })
      .passthrough(),
    text: z.string().optional(),
    // Card data: checked by each verb's schema. Only null is refused (the channel omits absent values;
    // teams-ai reads `value[verb]` of a message whose value is any object, null included).
    value: z.unknown().refine((value) => value !== null, 'value may not be null'),
    textFormat: optionalText(50),
    name: optionalText(200),
    locale: optionalText(50),
    replyToId: optionalId(1_000),
    timestamp: optionalText(100),
    localTimestamp: optionalText(100),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
    channelData: z
      .object({
        tenant: z.object({ id: optionalId(200) }).passthrough().optional(),
        team: z.object({ id: optionalId(2_000) }).passthrough().optional(),
        channel: z.object({ id: optionalId(2_000) }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    entities: z.array(z.object({ type: z.string().max(200) }).passthrough()).max(100).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(200) }).passthrough()).max(50).optional(),
    membersAdded: z.array(account).max(1_000).optional(),
    membersRemoved: z.array(account).max(1_000).optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // botbuilder reads `mentioned.id` / `mentioned.name` of every mention entity.
    for (const [index, entity] of (activity.entities ?? []).entries()) {
      if (entity.type.toLowerCase() !== 'mention') continue;
      const mentioned = (entity as { mentioned?: unknown }).mentioned;
      if (!account.safeParse(mentioned).success) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['entities', index, 'mentioned'], message: 'a mention needs mentioned.id' });
      }
      if (typeof (entity as { text?: unknown }).text !== 'string') {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['entities', index, 'text'], message: 'a mention needs its text' });
      }
    }
  });

export type EnvelopeCheck = { ok: true } | { ok: false; problems: string[] };

/** Checks an incoming body; `problems` name the fields (never their values, which may be content). */
export function checkActivityEnvelope(body: unknown): EnvelopeCheck {
  const parsed = activityEnvelopeSchema.safeParse(body);
  if (parsed.success) return { ok: true };
  return { ok: false, problems: [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'))].slice(0, 10) };
}
