/**
 * `team`: the beleidsteam as a card where a director changes a role with one button and, in a
 * group chat or team, adds people of that conversation as members. Card data carries only ids;
 * who may do what is read from storage on every click (director of this centre, target in this
 * centre or in this conversation, never removing your own director role).
 */
import { z } from 'zod';
import { PoolsterError } from '../../domain/errors';
import { isDirector, type Person, type Role } from '../../domain/centre/model';
import { renderTeam, TEAM_VERBS } from '../../cards/team';
import { requireDirector, type PersonContext } from '../context';
import type { FeatureDeps } from '../deps';
import type { ActionResult, Router, Turn } from '../types';

const setRoleSchema = z.object({ userId: z.string().min(1).max(200), role: z.enum(['lid', 'directeur']) });
// Strict: the card sends only its one input (an unselected multi-select may send nothing at all).
// Other fields may ride along in card data, but only as short texts: an object (an operator, as in
// an injection attempt) is refused before any handler runs.
const addMembersSchema = z.object({ members: z.string().max(20_000).optional() }).catchall(z.union([z.string().max(200), z.array(z.string().max(200)).max(10)]));

export const ROLES_BY_WORD: Record<'lid' | 'directeur', Role[]> = { lid: ['lid'], directeur: ['directeur', 'lid'] };

/** Where a role command or the team card can reach colleagues: only a group chat or team shows them. */
export function whereToAddPeople(name?: string): string {
  const who = name ? `${name} toe te voegen` : 'collega\'s toe te voegen';
  return `Om ${who}: typ @Poolster team (met knoppen) of @Poolster rol lid ${name ?? '[naam]'} in een groepschat of team waar die persoon in zit. In ons 1-op-1-gesprek toont Teams mij alleen jou en je beleidsteam.`;
}

export function registerTeam(deps: FeatureDeps) {
  const teamCard = async (turn: Turn, context: PersonContext, notice?: { text: string; tone: 'good' | 'warning' }): Promise<ActionResult> => {
    const people = await deps.centres.listPeople(turn.actor.tenantId, context.centre.centreId);
    const group = turn.actor.conversation.kind !== 'personal';
    const members = group ? await turn.conversationMembers() : [];
    const addable = members.filter((m) => m.userId && !people.some((p) => p.userId === m.userId));
    const sorted = [...people].sort((a, b) => Number(isDirector(b)) - Number(isDirector(a)) || a.name.localeCompare(b.name, 'nl'));
    return {
      card: renderTeam({
        centreName: context.centre.name,
        people: sorted.map((p) => ({ userId: p.userId, name: p.name || 'Onbekende naam', director: isDirector(p), isYou: p.userId === turn.actor.userId })),
        addable: addable.map((m) => ({ userId: m.userId, name: m.name || 'Onbekende naam' })),
        where: group ? 'group' : 'personal',
        ...(notice ? { notice } : {}),
      }),
    };
  };

  return (router: Router): void => {
    router.command({
      name: 'team',
      topic: 'team',
      words: ['team', 'beleidsteam', 'rollen'],
      usage: 'team',
      description: 'Toont het beleidsteam: rollen wijzigen met een knop, en in een groepschat of team mensen toevoegen.',
      audience: 'directeur',
    }, async (turn) => {
      const context = await requireDirector(turn, deps);
      const { card } = await teamCard(turn, context);
      await turn.send({ card: card! });
    });

    router.action(TEAM_VERBS.setRole, setRoleSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      if (data.userId === turn.actor.userId) return teamCard(turn, context, { text: 'Je eigen rol wijzig je niet zelf: laat een andere directeur dat doen.', tone: 'warning' });
      const target = await deps.centres.getPerson(turn.actor.tenantId, data.userId);
      if (!target || target.centreId !== context.centre.centreId) throw new PoolsterError('not-in-centre', 'Deze persoon hoort niet (meer) bij je beleidsteam.');
      const roles = ROLES_BY_WORD[data.role];
      if (sameRoles(target.roles, roles)) return teamCard(turn, context, { text: `${target.name} is al ${label(data.role)}.`, tone: 'good' });
      const { etag, ...person } = target;
      try {
        await deps.centres.savePerson({ ...person, roles, updatedAt: turn.now.toISOString() }, etag);
      } catch (error) {
        if ((error as { statusCode?: number })?.statusCode !== 412) throw error;
        return teamCard(turn, context, { text: 'Iemand wijzigde net deze persoon. Bekijk het team opnieuw en probeer nog eens.', tone: 'warning' });
      }
      turn.log.info({ role: data.role }, 'role changed from the team card');
      return teamCard(turn, context, { text: `${target.name} is nu ${label(data.role)}.`, tone: 'good' });
    });

    router.action(TEAM_VERBS.addMembers, addMembersSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      if (turn.actor.conversation.kind === 'personal') return teamCard(turn, context, { text: whereToAddPeople(), tone: 'warning' });
      const chosen = new Set((data.members ?? '').split(',').map((s) => s.trim()).filter(Boolean));
      if (chosen.size === 0) return teamCard(turn, context, { text: 'Vink eerst aan wie erbij komt.', tone: 'warning' });
      // Only people who are in this conversation right now: ids from the card are checked, never trusted.
      const members = (await turn.conversationMembers()).filter((m) => chosen.has(m.userId));
      const added: string[] = [];
      const elsewhere: string[] = [];
      for (const member of members) {
        const existing = await deps.centres.getPerson(turn.actor.tenantId, member.userId);
        if (existing && existing.centreId !== context.centre.centreId) {
          elsewhere.push(member.name);
          continue;
        }
        if (existing) continue;
        const person: Person = {
          tenantId: turn.actor.tenantId,
          userId: member.userId,
          channelUserId: member.channelUserId,
          centreId: context.centre.centreId,
          name: member.name,
          roles: ['lid'],
          updatedAt: turn.now.toISOString(),
        };
        await deps.centres.savePerson(person);
        added.push(member.name);
      }
      turn.log.info({ added: added.length, elsewhere: elsewhere.length }, 'members added from the team card');
      const parts = [
        added.length > 0 ? `${joinNames(added)} ${added.length === 1 ? 'is nu lid' : 'zijn nu lid'} van het beleidsteam.` : 'Er is niemand bijgekomen.',
        ...(elsewhere.length > 0 ? [`${joinNames(elsewhere)} ${elsewhere.length === 1 ? 'hoort' : 'horen'} al bij een ander centrum.`] : []),
      ];
      return teamCard(turn, context, { text: parts.join(' '), tone: added.length > 0 ? 'good' : 'warning' });
    });
  };
}

function label(role: 'lid' | 'directeur'): string {
  return role === 'directeur' ? 'directeur' : 'lid van het beleidsteam';
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}
