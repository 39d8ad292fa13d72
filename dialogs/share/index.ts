/**
 * Sharing a published team result with the scholengroep (seed 004, "En daarna?"): a director
 * shares it with named people outside the beleidsteam (for example the algemeen directeur). They
 * get it in their 1:1 chat and can open it again with `resultaat`, read-only, and nothing else of
 * the centre. The director can withdraw it.
 *
 *   deel resultaat            (group chat or channel) a card to pick one of this chat's members
 *   deel resultaat <naam>     the same, by name (a member of this chat)
 *   deel status               who it is shared with, with a button to withdraw each
 *   deel intrekken <naam>     withdraws it
 *
 * People are chosen among the members of the current chat (re-read on every click), never from
 * card data alone; the role and centre come from storage.
 */
import { z } from 'zod';
import { renderPublishedResult } from '../../cards/result';
import { renderSharePick } from '../../cards/share';
import { renderMessageCard } from '../../cards/survey';
import type { ResultShare } from '../../domain/network/coordinator';
import { requireDirector, type PersonContext } from '../context';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';
import { VERBS } from '../../cards/verbs';
import { commandHint, type ConversationKind } from '../../domain/conversation';

export function shareUsage(kind: ConversationKind): string {
  const hint = (words: string) => commandHint(words, kind);
  return (
    `Zo gebruik je het: ${commandHint('deel resultaat', 'groupChat')} (in een groepschat of kanaal met die persoon: kies wie), ${commandHint('deel resultaat [naam]', 'groupChat')}, ` +
    `${hint('deel status')} (met wie gedeeld) of ${hint('deel intrekken [naam]')}.`
  );
}

export function notPublishedForSharing(kind: ConversationKind): string {
  return `Er is nog geen gepubliceerd teamresultaat om te delen. Bevestig en publiceer eerst het teamresultaat (typ ${commandHint('resultaat', kind)}).`;
}

/** Said in the 1:1 chat; the command it asks for is typed in a group chat, so with the @mention. */
export const SHARE_NEEDS_CHAT =
  `Ik ken alleen de mensen van het gesprek waarin je dit typt. Typ ${commandHint('deel resultaat', 'groupChat')} in een groepschat of kanaal waarin die persoon zit (bijvoorbeeld een chat met jou, de algemeen directeur en Poolster).`;

const schoolYear = z.string().regex(/^\d{4}-\d{4}$/);
const shareChoiceSchema = z.object({ schoolYear, recipient: z.string().min(1).max(200) });

type ShareDeps = Pick<FeatureDeps, 'centres' | 'inschalingen' | 'shares' | 'messenger'>;

interface Candidate {
  userId: string;
  channelUserId: string;
  name: string;
}

/** Members of this chat outside every beleidsteam of the tenant (people of a centre see their own results). */
async function candidatesOf(turn: Turn, deps: ShareDeps, context: PersonContext): Promise<Candidate[]> {
  const members = await turn.conversationMembers();
  const result: Candidate[] = [];
  for (const m of members) {
    if (m.userId === context.person.userId) continue;
    if (await deps.centres.getPerson(turn.actor.tenantId, m.userId)) continue;
    result.push(m);
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

function matchByName<T extends { name: string }>(list: readonly T[], wanted: string): T[] {
  const w = wanted.trim().toLowerCase();
  return list.filter((c) => c.name.toLowerCase() === w || c.name.toLowerCase().startsWith(`${w} `));
}

async function share(turn: Turn, deps: ShareDeps, context: PersonContext, year: string, recipient: Candidate): Promise<string> {
  const published = await deps.inschalingen.get(turn.actor.tenantId, context.centre.centreId, year);
  if (!published?.published) return notPublishedForSharing(turn.actor.conversation.kind);
  const { etag: _etag, ...inschaling } = published;
  const record: ResultShare = {
    tenantId: turn.actor.tenantId,
    centreId: context.centre.centreId,
    schoolYear: year,
    recipientUserId: recipient.userId,
    recipientChannelUserId: recipient.channelUserId,
    recipientName: recipient.name,
    sharedBy: context.person.userId,
    sharedByName: context.person.name,
    sharedAt: turn.now.toISOString(),
  };
  await deps.shares.share(record);
  turn.log.info({ schoolYear: year }, 'team result shared');
  let delivered = false;
  if (recipient.channelUserId) {
    const chat = await deps.messenger.openPersonalChat({ tenantId: turn.actor.tenantId, channelUserId: recipient.channelUserId, serviceUrlFrom: turn.conversationRef() });
    if ('ok' in chat && chat.ok === false) {
      turn.log.warn({ reason: chat.reason, status: chat.status }, 'could not open a personal chat for a shared result');
    } else {
      const intro = await deps.messenger.send(chat, {
        text: `${context.person.name} (${context.centre.name}) deelt het teamresultaat van de inschaling ${year} met jou. Je kan het altijd opnieuw openen met **resultaat**.`,
      });
      const card = intro.ok ? await deps.messenger.send(chat, { card: renderPublishedResult({ centreName: context.centre.name, inschaling }) }) : intro;
      delivered = card.ok;
      if (!card.ok) turn.log.warn({ reason: card.reason, status: card.status }, 'shared result not delivered');
    }
  }
  return delivered
    ? `Gedeeld: ${recipient.name} kreeg het teamresultaat ${year} van ${context.centre.name} in een persoonlijke chat en kan het opnieuw openen met **resultaat** (alleen lezen). Intrekken kan met ${commandHint(`deel intrekken ${recipient.name}`, turn.actor.conversation.kind)}.`
    : `Gedeeld met ${recipient.name}, maar ik kon nog geen bericht sturen. Zodra ${recipient.name} Poolster opent en **resultaat** typt, verschijnt het teamresultaat.`;
}

export function registerShare(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command(
      {
        name: 'deel',
        topic: 'resultaat',
        words: ['deel', 'delen'],
        usage: 'deel resultaat [naam] | deel status | deel intrekken [naam]',
        description: 'Deelt het gepubliceerde teamresultaat met iemand buiten het beleidsteam (bv. de algemeen directeur), of trekt het in.',
        audience: 'directeur',
        args: 'text',
        menu: [{ scope: 'team', title: 'deel resultaat', description: 'Deel het gepubliceerde teamresultaat met iemand uit dit gesprek (bv. de algemeen directeur).', position: 7 }],
      },
      async (turn, args) => {
      const context = await requireDirector(turn, deps);
      const hint = (words: string) => commandHint(words, turn.actor.conversation.kind);
      const match = /^(\S+)\s*(.*)$/.exec(args.trim());
      const sub = match?.[1]?.toLowerCase() ?? '';
      const name = match?.[2]?.trim() ?? '';
      if (sub === 'resultaat' || sub === 'teamresultaat') {
        const year = (await deps.inschalingen.latestPublished(turn.actor.tenantId, context.centre.centreId))?.schoolYear;
        if (!year) {
          await turn.send({ text: notPublishedForSharing(turn.actor.conversation.kind) });
          return;
        }
        if (turn.actor.conversation.kind === 'personal') {
          await turn.send({ text: SHARE_NEEDS_CHAT });
          return;
        }
        const candidates = await candidatesOf(turn, deps, context);
        if (name === '') {
          await turn.send(
            candidates.length === 0
              ? { text: `Iedereen in dit gesprek hoort al bij een beleidsteam. ${SHARE_NEEDS_CHAT}` }
              : { card: renderSharePick({ centreName: context.centre.name, schoolYear: year, choices: candidates, place: turn.actor.conversation.kind }) },
          );
          return;
        }
        const found = matchByName(candidates, name);
        if (found.length !== 1) {
          await turn.send({
            text:
              found.length === 0
                ? `Ik vind niemand met de naam "${name}" in dit gesprek buiten de beleidsteams. Typ ${hint('deel resultaat')} om te kiezen uit wie hier zit.`
                : `Er zijn meerdere mensen met de naam "${name}". Typ de volledige naam, of ${hint('deel resultaat')} om te kiezen.`,
          });
          return;
        }
        await turn.send({ text: await share(turn, deps, context, year, found[0]!) });
        return;
      }
      if (sub === 'status') {
        const shares = await deps.shares.listByCentre(turn.actor.tenantId, context.centre.centreId);
        await turn.send({
          card: renderMessageCard({
            title: `Gedeelde teamresultaten van ${context.centre.name}`,
            paragraphs: [
              shares.length === 0
                ? `Het teamresultaat is met niemand buiten het beleidsteam gedeeld. Typ ${commandHint('deel resultaat', 'groupChat')} in een chat met die persoon.`
                : // They open it in their own 1:1 chat with Poolster.
                  'Deze mensen buiten het beleidsteam kunnen het teamresultaat openen met **resultaat** (alleen lezen).',
            ],
            facts: shares.map((s) => ({ title: s.recipientName || 'onbekend', value: `${s.schoolYear}, gedeeld door ${s.sharedByName || 'een directeur'}` })),
            buttons: shares.slice(0, 5).map((s) => ({ title: `Intrekken: ${s.recipientName}`, verb: VERBS.share.withdraw, data: { schoolYear: s.schoolYear, recipient: s.recipientUserId } })),
          }),
        });
        return;
      }
      if (sub === 'intrekken' && name !== '') {
        const shares = await deps.shares.listByCentre(turn.actor.tenantId, context.centre.centreId);
        const found = matchByName(
          shares.map((s) => ({ ...s, name: s.recipientName })),
          name,
        );
        if (found.length === 0) {
          await turn.send({ text: `Het teamresultaat is niet gedeeld met "${name}". Typ ${hint('deel status')} om te zien met wie wel.` });
          return;
        }
        for (const s of found) await deps.shares.withdraw(s);
        turn.log.info({ withdrawn: found.length }, 'team result share withdrawn');
        await turn.send({ text: `Ingetrokken: ${found[0]!.recipientName} ziet het teamresultaat van ${context.centre.name} niet meer.` });
        return;
      }
      await turn.send({ text: shareUsage(turn.actor.conversation.kind) });
      },
    );

    router.action(VERBS.share.add, shareChoiceSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      // The card only names a choice: the person must be a member of this chat, outside the beleidsteams.
      const recipient = (await candidatesOf(turn, deps, context)).find((c) => c.userId === data.recipient);
      if (!recipient) return { text: `Die persoon zit niet (meer) in dit gesprek of hoort bij een beleidsteam. Typ ${commandHint('deel resultaat', turn.actor.conversation.kind)} om opnieuw te kiezen.` };
      return { text: await share(turn, deps, context, data.schoolYear, recipient) };
    });

    router.action(VERBS.share.withdraw, shareChoiceSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      const removed = await deps.shares.withdraw({ tenantId: turn.actor.tenantId, centreId: context.centre.centreId, schoolYear: data.schoolYear, recipientUserId: data.recipient });
      turn.log.info({ removed }, 'team result share withdrawn');
      return { text: removed ? 'Ingetrokken: die persoon ziet het teamresultaat niet meer.' : 'Dat was al ingetrokken.' };
    });
  };
}

/**
 * `resultaat` for someone outside every beleidsteam: the results shared with them, read-only, while
 * still published. Undefined when nothing was shared (the caller answers as before).
 */
export async function sharedResultsFor(turn: Turn, deps: Pick<FeatureDeps, 'centres' | 'inschalingen' | 'shares'>): Promise<number | undefined> {
  const shares = await deps.shares.listForRecipient(turn.actor.tenantId, turn.actor.userId);
  let shown = 0;
  for (const s of shares) {
    const [centre, inschaling] = await Promise.all([deps.centres.getCentre(s.tenantId, s.centreId), deps.inschalingen.get(s.tenantId, s.centreId, s.schoolYear)]);
    if (!centre || !inschaling?.published) continue;
    const { etag: _etag, ...plain } = inschaling;
    await turn.send({ card: renderPublishedResult({ centreName: centre.name, inschaling: plain }) });
    shown += 1;
  }
  return shares.length === 0 ? undefined : shown;
}
