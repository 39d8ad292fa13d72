/**
 * `setup <naam>`: the first person registers their centre and becomes its director.
 * `rol <directeur|lid|geen> <naam>`: a director grants or revokes roles for people in the current
 * team or chat (or people already in the centre). `team` lives in ./team.ts.
 */
import { commandHint } from '../../domain/conversation';
import { networkOf, parseCentreName, type Person, type Role } from '../../domain/centre/model';
import { renderMessageCard } from '../../cards/survey';
import type { FeatureDeps } from '../deps';
import { requireDirector } from '../context';
import { whereToAddPeople } from './team';
import type { Router } from '../types';

const ROLE_WORDS: Record<string, Role[] | 'none'> = {
  directeur: ['directeur', 'lid'],
  director: ['directeur', 'lid'],
  lid: ['lid'],
  member: ['lid'],
  geen: 'none',
  intrekken: 'none',
};

export function registerCentre(deps: FeatureDeps) {
  return (router: Router): void => {
    router.command({
      name: 'setup',
      topic: 'start',
      words: ['setup', 'installeer'],
      usage: 'setup [naam van het centrum]',
      description: 'Registreert je centrum; jij wordt er directeur van.',
      audience: 'iedereen',
      args: 'text',
    }, async (turn, args) => {
      const existing = await deps.centres.getPerson(turn.actor.tenantId, turn.actor.userId);
      if (existing) {
        const centre = await deps.centres.getCentre(turn.actor.tenantId, existing.centreId);
        await turn.send({ text: `Je hoort al bij ${centre?.name ?? 'een centrum'}. Een persoon hoort bij één centrum. Typ ${commandHint('help', turn.actor.conversation.kind)} om te zien wat je kan doen.` });
        return;
      }
      const parsed = parseCentreName(args, turn.actor.conversation.kind);
      if (!parsed.ok) {
        await turn.send({ text: parsed.message });
        return;
      }
      const { centre } = await deps.centres.createCentre({
        tenantId: turn.actor.tenantId,
        name: parsed.name,
        network: networkOf(parsed.name),
        director: {
          tenantId: turn.actor.tenantId,
          userId: turn.actor.userId,
          channelUserId: turn.actor.channelUserId,
          name: turn.actor.name,
          personalChat: turn.actor.conversation.kind === 'personal' ? turn.conversationRef() : undefined,
        },
        now: turn.now,
      });
      await turn.send({
        card: renderMessageCard({
          title: `${centre.name} is geregistreerd`,
          paragraphs: [
            'Je bent de directeur van dit centrum in Poolster.',
            'Voeg je beleidsteam toe: voeg Poolster toe aan een groepschat of team met hen en typ daar @Poolster team; daar vink je aan wie erbij komt. Start daarna een ronde met start inschaling.',
          ],
        }),
      });
    });

    router.command({
      name: 'rol',
      topic: 'team',
      words: ['rol'],
      usage: 'rol [directeur|lid|geen] [naam]',
      description: 'Kent een rol toe aan iemand uit dit gesprek, of trekt ze in.',
      audience: 'directeur',
      args: 'text',
    }, async (turn, args) => {
      const { person: director, centre } = await requireDirector(turn, deps);
      const match = /^(\S+)\s+(.+)$/.exec(args.trim());
      const roles = match ? ROLE_WORDS[match[1]!.toLowerCase()] : undefined;
      if (!match || !roles) {
        await turn.send({ text: 'Zo gebruik je het: **rol lid [naam]**, **rol directeur [naam]** of **rol geen [naam]** (rol intrekken).' });
        return;
      }
      const wanted = match[2]!.trim().toLowerCase();
      const people = await deps.centres.listPeople(turn.actor.tenantId, centre.centreId);
      const chatMembers = await turn.conversationMembers();
      const candidates: Array<Pick<Person, 'userId' | 'channelUserId' | 'name'>> = [
        ...people,
        ...chatMembers.filter((m) => !people.some((p) => p.userId === m.userId)),
      ];
      const found = candidates.filter((c) => c.name.toLowerCase() === wanted || c.name.toLowerCase().startsWith(`${wanted} `));
      if (found.length !== 1) {
        await turn.send({
          text:
            found.length === 0
              ? turn.actor.conversation.kind === 'personal'
                ? `"${match[2]}" zit nog niet in je beleidsteam. ${whereToAddPeople(match[2])}`
                : `Ik vind niemand met de naam "${match[2]}" in dit gesprek of in je beleidsteam. Typ de naam zoals Teams ze toont, of kies met @Poolster team.`
              : `Er zijn meerdere mensen met de naam "${match[2]}". Typ de volledige naam.`,
        });
        return;
      }
      const target = found[0]!;
      if (target.userId === director.userId && roles !== 'none' && !roles.includes('directeur')) {
        await turn.send({ text: 'Je kan je eigen directeursrol niet intrekken. Laat een andere directeur dat doen.' });
        return;
      }
      const existing = await deps.centres.getPerson(turn.actor.tenantId, target.userId);
      if (existing && existing.centreId !== centre.centreId) {
        await turn.send({ text: `${target.name} hoort al bij een ander centrum en kan niet aan ${centre.name} worden toegevoegd.` });
        return;
      }
      if (roles === 'none') {
        if (target.userId === director.userId) {
          await turn.send({ text: 'Je kan je eigen directeursrol niet intrekken. Laat een andere directeur dat doen.' });
          return;
        }
        await deps.centres.deletePerson(turn.actor.tenantId, target.userId);
        await turn.send({ text: `${target.name} hoort niet langer bij het beleidsteam van ${centre.name}.` });
        return;
      }
      await deps.centres.savePerson(
        {
          tenantId: turn.actor.tenantId,
          userId: target.userId,
          channelUserId: target.channelUserId || existing?.channelUserId || '',
          centreId: centre.centreId,
          name: target.name,
          roles,
          personalChat: existing?.personalChat,
          updatedAt: turn.now.toISOString(),
        },
        existing?.etag,
      );
      const label = roles.includes('directeur') ? 'directeur' : 'lid van het beleidsteam';
      await turn.send({ text: `${target.name} is nu ${label} van ${centre.name}.` });
    });

  };
}
