/**
 * Welcome on install, `help`, and the answer to a message that is no command. Each starts with the
 * one or two things that make sense now for this person in this place (domain/firstSteps.ts).
 */
import { unknownCommandReply, type Audience } from '../../domain/commands';
import { isDirector, isTeamMember } from '../../domain/centre/model';
import { completeCount } from '../../domain/survey/round';
import { firstSteps, type Situation } from '../../domain/firstSteps';
import { renderHelpCard, renderUnknownCard, renderWelcomeCard } from '../../cards/help';
import { conversationKeyOf } from '../digest';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';

interface Known {
  situation: Situation;
  audiences: Audience[];
  centreName?: string;
}

/** Reads what the first steps depend on: role, team, open round and this person's part, last result, plan. */
async function situationOf(turn: Turn, deps: FeatureDeps): Promise<Known> {
  const place = turn.actor.conversation.kind;
  const nobody: Known = { situation: { place, teamSize: 0, hasPlan: false, digestHere: false }, audiences: ['iedereen'] };
  const person = await deps.centres.getPerson(turn.actor.tenantId, turn.actor.userId);
  const coordinator = (await deps.coordinators.networksOf(turn.actor.tenantId, turn.actor.userId)).length > 0;
  if (!person) return coordinator ? { ...nobody, audiences: ['iedereen', 'netwerkcoordinator'] } : nobody;
  const centre = await deps.centres.getCentre(turn.actor.tenantId, person.centreId);
  if (!centre) return nobody;
  const audiences: Audience[] = ['iedereen'];
  if (isTeamMember(person)) audiences.push('lid');
  if (isDirector(person)) audiences.push('directeur');
  if (coordinator) audiences.push('netwerkcoordinator');
  const situation: Situation = {
    place,
    person: { director: isDirector(person), member: isTeamMember(person) },
    teamSize: 1,
    hasPlan: false,
    digestHere: false,
  };
  if (!isTeamMember(person)) return { situation, audiences, centreName: centre.name };

  const { tenantId } = turn.actor;
  const [people, hasPlan, rounds, draft, registration] = await Promise.all([
    deps.centres.listPeople(tenantId, centre.centreId),
    deps.plans.hasPlan(centre.centreId),
    deps.survey.listByCentre(tenantId, centre.centreId),
    centre.openRoundId ? deps.survey.getMemberDraft(centre.openRoundId, person.userId) : Promise.resolve(undefined),
    isDirector(person) && place !== 'personal' ? deps.digests.channels.getRegistration(tenantId, centre.centreId, conversationKeyOf(turn.actor.conversation.id)) : Promise.resolve(undefined),
  ]);
  situation.teamSize = people.filter(isTeamMember).length;
  situation.hasPlan = hasPlan;
  situation.digestHere = registration !== undefined;
  if (centre.openRoundId) {
    const participant = draft?.participant;
    situation.openRound = {
      participant: participant !== undefined,
      submitted: Boolean(participant?.submittedAt),
      started: Boolean(draft && (completeCount(draft) > 0 || participant?.position !== 'intro')),
    };
  }
  const lastClosed = rounds.find((r) => r.status === 'closed');
  if (lastClosed) {
    const inschaling = await deps.inschalingen.get(tenantId, centre.centreId, lastClosed.schoolYear);
    situation.lastResult = !inschaling || inschaling.roundId !== lastClosed.roundId ? 'to-confirm' : inschaling.published ? 'published' : 'confirmed';
  }
  return { situation, audiences, centreName: centre.name };
}

export function registerHelp(deps: FeatureDeps) {
  return (router: Router): void => {
    router.onInstall(async (turn) => {
      const { situation } = await situationOf(turn, deps);
      await turn.send({ card: renderWelcomeCard({ place: situation.place, steps: firstSteps(situation) }) });
    });

    router.command({
      name: 'help',
      topic: 'hulp',
      words: ['help', 'hulp', 'menu', 'opdrachten'],
      usage: 'help',
      description: 'Toont wat je mij kan vragen.',
      audience: 'iedereen',
      questionMark: true,
      menu: [
        { scope: 'personal', title: 'help', description: 'Wat je nu best doet, en wat je Poolster nog kan vragen.', position: 1 },
        { scope: 'team', title: 'help', description: 'Wat Poolster in dit team of deze chat kan.', position: 1 },
      ],
    }, async (turn) => {
        const { situation, audiences, centreName } = await situationOf(turn, deps);
        const registered = situation.person !== undefined;
        // Someone whose centre exists is never offered `setup`.
        const commands = router.commands().filter((c) => audiences.includes(c.audience) && !(registered && c.name === 'setup'));
        await turn.send({ card: renderHelpCard({ place: situation.place, steps: firstSteps(situation), commands, centreName, registered }) });
      },
    );

    router.onUnknown(async (turn, { text, suggestion }) => {
      const { situation } = await situationOf(turn, deps);
      const card = renderUnknownCard({ place: situation.place, steps: firstSteps(situation), ...(suggestion ? { suggestion } : {}) });
      await turn.send(suggestion ? { card } : { text: unknownCommandReply(text, situation.place), card });
    });
  };
}
