/**
 * Welcome on install, `help` by role, and a friendly answer to anything unknown.
 */
import { unknownCommandReply, type Audience } from '../../domain/commands';
import { isDirector, isTeamMember } from '../../domain/centre/model';
import { renderHelpCard, renderWelcomeCard } from '../../cards/help';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';

async function audiencesOf(turn: Turn, deps: FeatureDeps): Promise<{ audiences: Audience[]; centreName?: string }> {
  const person = await deps.centres.getPerson(turn.actor.tenantId, turn.actor.userId);
  if (!person) return { audiences: ['iedereen'] };
  const centre = await deps.centres.getCentre(turn.actor.tenantId, person.centreId);
  const audiences: Audience[] = ['iedereen'];
  if (isTeamMember(person)) audiences.push('lid');
  if (isDirector(person)) audiences.push('directeur');
  return { audiences, centreName: centre?.name };
}

export function registerHelp(deps: FeatureDeps) {
  return (router: Router): void => {
    router.onInstall(async (turn) => {
      await turn.send({ card: renderWelcomeCard({ kind: turn.actor.conversation.kind }) });
    });

    router.command({ name: 'help', words: ['help', 'hulp', 'menu'], usage: 'help', description: 'Toont wat je mij kan vragen.', audience: 'iedereen', menu: [{ scope: 'personal', title: 'help', description: 'Wat je nu best doet, en wat je Poolster nog kan vragen.', position: 1 }, { scope: 'team', title: 'help', description: 'Wat Poolster in dit team of deze chat kan.', position: 1 }] }, async (turn) => {
      const { audiences, centreName } = await audiencesOf(turn, deps);
      await turn.send({ card: renderHelpCard({ commands: router.commands().filter((c) => audiences.includes(c.audience)), centreName, registered: audiences.length > 1 }) });
    });

    router.onUnknown(async (turn, { text }) => {
      await turn.send({ text: unknownCommandReply(text) });
    });
  };
}
