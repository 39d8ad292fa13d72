/**
 * The director runs a round: `start inschaling` (card), personal invitations, `voortgang` with a
 * private reminder, `sluit inschaling`, and `heropen <naam>`. One open round per centre.
 */
import { commandHint, quotedCommand } from '../../domain/conversation';
import { z } from 'zod';
import { PoolsterError, logTolerated } from '../../domain/errors';
import type { Person } from '../../domain/centre/model';
import { nextSchoolYear, schoolYearOf } from '../../domain/schoolYear';
import { progressOf, type Participant, type Round } from '../../domain/survey/round';
import { addDays, brusselsDate, formatDutchDate, parseDutchDate } from '../../domain/time';
import { invitedSentence } from '../../domain/text/dutch';
import { ROUND_VERBS } from '../../cards/verbs';
import { renderProgress, renderRoundStart, type RoundStartField } from '../../cards/round';
import { SURVEY_VERBS } from '../../cards/verbs';
import { renderMessageCard } from '../../cards/survey';
import { requireDirector, type PersonContext } from '../context';
import type { FeatureDeps } from '../deps';
import { failureText, reopenedLine, sendToPerson, type PersonalDelivery } from '../personalDelivery';
import type { ConversationRef } from '../../domain/conversation';
import type { Router, Turn } from '../types';

const createSchema = z.object({
  schoolYear: z.string().max(20).optional(),
  deadline: z.string().max(40).optional(),
  participants: z.string().max(20_000).optional(),
  visibility: z.string().max(20).optional(),
});
const roundIdSchema = z.object({ roundId: z.string().min(1).max(100) });

interface Candidate {
  userId: string;
  channelUserId: string;
  name: string;
  known?: Person & { etag?: string };
}

export function registerSurveyRound(deps: FeatureDeps) {
  /** The people a director can invite: the beleidsteam plus the members of this chat or team. */
  const candidatesFor = async (turn: Turn, context: PersonContext): Promise<Candidate[]> => {
    const people = await deps.centres.listPeople(turn.actor.tenantId, context.centre.centreId);
    const candidates: Candidate[] = people.map((p) => ({ userId: p.userId, channelUserId: p.channelUserId, name: p.name, known: p }));
    for (const member of await turn.conversationMembers()) {
      if (!candidates.some((c) => c.userId === member.userId)) candidates.push(member);
    }
    return candidates;
  };

  const startCard = async (turn: Turn, context: PersonContext, form: Partial<Record<RoundStartField, string>>, errors?: Partial<Record<RoundStartField, string>>, notice?: string) => {
    const candidates = await candidatesFor(turn, context);
    const current = schoolYearOf(turn.now);
    return renderRoundStart({
      centreName: context.centre.name,
      schoolYears: [current, nextSchoolYear(current)],
      people: candidates.map((c) => ({ title: c.known ? c.name : `${c.name} (uit dit gesprek)`, value: c.userId })),
      peopleHint:
        turn.actor.conversation.kind === 'personal'
          ? candidates.length <= 1
            ? 'Alleen jij staat hier: in een 1-op-1-gesprek toont Teams mij niemand anders. Collega\'s uitnodigen? Typ @Poolster start inschaling in een groepschat of team met hen (dan staan ze hier mee), of voeg ze eerst toe met @Poolster team.'
            : 'Hier staat je beleidsteam. Ontbreekt er iemand? Typ @Poolster start inschaling in een groepschat of team met die persoon, of voeg ze toe met @Poolster team.'
          : 'Je beleidsteam en de mensen uit dit gesprek. Wie je hier aanvinkt en nog niet in het team zit, komt erbij als lid.',
      form: {
        schoolYear: current,
        deadline: addDays(brusselsDate(turn.now), 21),
        visibility: 'anoniem',
        participants: candidates.filter((c) => c.known).map((c) => c.userId).join(','),
        ...form,
      },
      errors,
      notice,
    });
  };

  /** Sends the personal invitation; returns a Dutch failure reason or undefined. */
  /** Where an invitation comes from: captured from the director's turn, usable after it ended. */
  interface InvitationSource {
    conversationRef: ConversationRef;
    inviterName: string;
  }

  const invite = async (source: InvitationSource, round: Round, centreName: string, person: Pick<Person, 'tenantId' | 'userId' | 'channelUserId' | 'personalChat'>): Promise<PersonalDelivery> =>
    sendToPerson(
      deps,
      person,
      {
        card: renderMessageCard({
          title: `Uitnodiging: inschaling ${round.schoolYear}`,
          paragraphs: [
            `${source.inviterName || 'Je directeur'} nodigt je uit voor de inschaling van ${centreName} in het poolster-CLB.`,
            `Je situeert het centrum voor 11 bouwstenen; reken op 30 tot 45 minuten. Je kan altijd pauzeren. Deadline: ${formatDutchDate(round.deadline)}.`,
            round.visibility === 'open' ? 'Deze ronde is **open**: toelichtingen verschijnen met je naam in het teamresultaat.' : 'Deze ronde is **anoniem**: het teamresultaat toont geen namen.',
          ],
          buttons: [{ title: 'Bekijk de inschaling', verb: SURVEY_VERBS.open, data: { roundId: round.roundId, target: 'intro' } }],
        }),
      },
      source.conversationRef,
    );

  return (router: Router): void => {
    router.command({
      name: 'start-inschaling',
      topic: 'inschaling',
      words: ['start inschaling', 'nieuwe inschaling', 'nieuwe ronde', 'start ronde'],
      usage: 'start inschaling',
      description: 'Opent een nieuwe inschalingsronde voor je beleidsteam.',
      audience: 'directeur',
      menu: [
        { scope: 'team', title: 'start inschaling', description: 'Start een nieuwe inschalingsronde voor het beleidsteam.', position: 5 },
      ],
    }, async (turn) => {
      const context = await requireDirector(turn, deps);
      if (context.centre.openRoundId) {
        throw new PoolsterError('round-already-open', `Er loopt al een inschalingsronde. Bekijk ze met ${commandHint('voortgang', turn.actor.conversation.kind)} of sluit ze eerst met ${commandHint('sluit inschaling', turn.actor.conversation.kind)}.`);
      }
      await turn.send({ card: await startCard(turn, context, {}) });
    });

    router.action(ROUND_VERBS.create, createSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      const form: Partial<Record<RoundStartField, string>> = { ...data };
      if (context.centre.openRoundId) {
        return { text: `Er loopt al een inschalingsronde voor je centrum. Bekijk ze met ${commandHint('voortgang', turn.actor.conversation.kind)}.` };
      }
      const errors: Partial<Record<RoundStartField, string>> = {};
      const current = schoolYearOf(turn.now);
      const schoolYear = data.schoolYear?.trim();
      if (!schoolYear || ![current, nextSchoolYear(current)].includes(schoolYear as typeof current)) errors.schoolYear = `Kies ${current} of ${nextSchoolYear(current)}.`;
      const deadline = parseDutchDate(data.deadline ?? '');
      const today = brusselsDate(turn.now);
      if (!deadline) errors.deadline = 'Kies een geldige datum als deadline.';
      else if (deadline <= today) errors.deadline = 'De deadline moet na vandaag liggen.';
      else if (deadline > addDays(today, 366)) errors.deadline = 'Kies een deadline binnen het jaar.';
      const visibility = data.visibility === 'open' ? 'open' : data.visibility === 'anoniem' ? 'anoniem' : undefined;
      if (!visibility) errors.visibility = 'Kies anoniem of open.';
      const candidates = await candidatesFor(turn, context);
      const selectedIds = [...new Set((data.participants ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
      const selected = candidates.filter((c) => selectedIds.includes(c.userId));
      if (selected.length === 0) errors.participants = 'Kies minstens één deelnemer.';
      else if (selected.length !== selectedIds.length) errors.participants = 'Sommige gekozen personen horen niet bij je beleidsteam of dit gesprek. Kies opnieuw.';
      if (Object.keys(errors).length > 0) {
        return { card: await startCard(turn, context, form, errors, 'Nog niet alles is in orde: bekijk de opmerkingen hieronder.') };
      }

      // People from this chat who are not in the centre yet join the beleidsteam as members.
      for (const candidate of selected) {
        if (candidate.known) continue;
        const elsewhere = await deps.centres.getPerson(turn.actor.tenantId, candidate.userId);
        if (elsewhere && elsewhere.centreId !== context.centre.centreId) {
          return { card: await startCard(turn, context, form, { participants: `${candidate.name} hoort bij een ander centrum en kan niet deelnemen.` }) };
        }
        const person: Person = { tenantId: turn.actor.tenantId, userId: candidate.userId, channelUserId: candidate.channelUserId, centreId: context.centre.centreId, name: candidate.name, roles: ['lid'], updatedAt: turn.now.toISOString() };
        await deps.centres.addPersonIfNew(person);
        candidate.known = person;
      }

      const participants: Participant[] = selected.map((c) => ({ userId: c.userId, channelUserId: c.channelUserId, name: c.name, position: 'intro', nudges: [] }));
      const round = await deps.survey.createRound(
        { tenantId: turn.actor.tenantId, centreId: context.centre.centreId, schoolYear: schoolYear!, deadline: deadline!, visibility: visibility!, createdBy: turn.actor.userId, createdAt: turn.now },
        participants,
      );
      try {
        await deps.centres.updateCentre({ ...context.centre, openRoundId: round.roundId }, context.centre.etag);
      } catch (error) {
        // Another director opened a round at the same moment: keep theirs.
        const stored = await deps.survey.getRound(round.roundId);
        if (stored) await deps.survey.saveRound({ ...stored, status: 'closed', closedAt: turn.now.toISOString() }, stored.etag);
        throw new PoolsterError('round-already-open', `Er werd net een andere ronde gestart. Bekijk ze met ${commandHint('voortgang', turn.actor.conversation.kind)}.`, { cause: error });
      }

      // Invitations can take longer than Teams waits for an answer: they go on after this reply,
      // and the director gets an overview in this conversation when they are done.
      const source: InvitationSource = { conversationRef: turn.conversationRef(), inviterName: turn.actor.name };
      const place = turn.actor.conversation.kind;
      const invitedAt = turn.now.toISOString();
      const centreName = context.centre.name;
      deps.background.run('round.invitations', async () => {
        const failures: string[] = [];
        const reopened: string[] = [];
        const stored = await deps.survey.listParticipants(round.roundId);
        for (const { etag, ...participant } of stored) {
          const candidate = selected.find((c) => c.userId === participant.userId)!;
          const person = await deps.centres.getPerson(round.tenantId, participant.userId);
          const delivery = await invite(source, round, centreName, person ?? { ...candidate, tenantId: round.tenantId });
          const failure = delivery.ok ? undefined : failureText(delivery);
          if (delivery.ok && delivery.via === 'reopened') reopened.push(participant.name);
          await deps.survey.saveParticipant(round.roundId, { ...participant, invitedAt, ...(failure ? { inviteFailure: failure } : {}) }, etag);
          if (failure) failures.push(`${participant.name}: ${failure}`);
        }
        const reached = stored.length - failures.length;
        const reopenedText = reopenedLine(reopened, 'de uitnodiging');
        await deps.messenger.send(source.conversationRef, {
          card: renderMessageCard({
            title: 'Uitnodigingen verstuurd',
            paragraphs: [
              `${invitedSentence(reached, stored.length)} voor de inschaling ${round.schoolYear}.`,
              ...(reopenedText ? [reopenedText] : []),
              ...(failures.length > 0 ? [`Niet bereikt (vraag hen om Poolster in Teams te openen en typ daarna ${quotedCommand('voortgang', place)}):`, ...failures.map((f) => `- ${f}`)] : []),
              `Volg de ronde op met ${quotedCommand('voortgang', place)}.`,
            ],
          }),
        });
      });
      return {
        card: renderMessageCard({
          title: `Inschalingsronde ${round.schoolYear} gestart`,
          paragraphs: [
            `Ik stuur nu ${selected.length} ${selected.length === 1 ? 'persoonlijke uitnodiging' : 'persoonlijke uitnodigingen'}; zodra ze verstuurd zijn, zie je hier wie bereikt werd.`,
            `Deadline: ${formatDutchDate(round.deadline)}. Zichtbaarheid: ${round.visibility}.`,
          ],
        }),
      };
    });

    const progressCard = async (turn: Turn, roundId: string, notice?: string) => {
      const drafts = await deps.survey.listDrafts(roundId);
      const round = drafts[0]?.round ?? (await deps.survey.getRound(roundId));
      if (!round) throw new PoolsterError('round-not-found', 'Deze ronde bestaat niet meer.');
      return renderProgress({
        roundId,
        schoolYear: round.schoolYear,
        deadlineText: formatDutchDate(round.deadline),
        open: round.status === 'open',
        progress: drafts.map((d) => progressOf(d.participant, d.bouwstenen, Boolean(d.closing))),
        notice,
      });
    };

    const latestRound = async (context: PersonContext): Promise<Round | undefined> => {
      if (context.centre.openRoundId) return deps.survey.getRound(context.centre.openRoundId);
      return (await deps.survey.listByCentre(context.centre.tenantId, context.centre.centreId))[0];
    };

    router.command({
      name: 'voortgang',
      topic: 'inschaling',
      words: ['voortgang'],
      usage: 'voortgang',
      description: 'Toont wie de inschaling al afrondde.',
      audience: 'directeur',
      menu: [
        { scope: 'personal', title: 'voortgang', description: 'Voor directeurs: wie de inschaling al afrondde, met een herinnering.', position: 4 },
      ],
    }, async (turn) => {
      const context = await requireDirector(turn, deps);
      const round = await latestRound(context);
      if (!round) throw new PoolsterError('round-not-found', `Er is nog geen inschalingsronde. Start er een met ${commandHint('start inschaling', turn.actor.conversation.kind)}.`);
      await turn.send({ card: await progressCard(turn, round.roundId) });
    });

    router.action(ROUND_VERBS.remind, roundIdSchema, async (turn, data) => {
      const context = await requireDirector(turn, deps);
      const round = await deps.survey.getRound(data.roundId);
      if (!round || round.centreId !== context.centre.centreId || round.tenantId !== turn.actor.tenantId) {
        throw new PoolsterError('round-not-found', 'Deze ronde hoort niet bij je centrum.');
      }
      if (round.status !== 'open') return { card: await progressCard(turn, round.roundId, 'Deze ronde is afgesloten: er worden geen herinneringen meer verstuurd.') };
      const drafts = await deps.survey.listDrafts(round.roundId);
      const participants = await deps.survey.listParticipants(round.roundId);
      let sent = 0;
      const failures: string[] = [];
      const reopened: string[] = [];
      for (const draft of drafts) {
        if (draft.participant.submittedAt) continue;
        const person = await deps.centres.getPerson(round.tenantId, draft.participant.userId);
        const progress = progressOf(draft.participant, draft.bouwstenen, Boolean(draft.closing));
        if (!person?.personalChat) {
          failures.push(draft.participant.name);
          continue;
        }
        const outcome = await sendToPerson(deps, person, {
          card: renderMessageCard({
            title: 'Herinnering: je inschaling',
            paragraphs: [
              progress.state === 'niet-gestart' ? 'Je bent nog niet gestart met de inschaling.' : `Je hebt ${progress.completeBouwstenen} van de 11 bouwstenen volledig ingevuld.`,
              `De deadline is ${formatDutchDate(round.deadline)}. Alles wat je al invulde, is bewaard.`,
            ],
            buttons: [{ title: 'Ga verder', verb: SURVEY_VERBS.open, data: { roundId: round.roundId, target: 'resume' } }],
          }),
        });
        if (outcome.ok) {
          sent += 1;
          if (outcome.via === 'reopened') reopened.push(draft.participant.name);
          const row = participants.find((p) => p.userId === draft.participant.userId);
          if (row) {
            const { etag, ...participant } = row;
            // Bookkeeping only: the reminder was sent; a failed (or raced) write must not undo that answer.
            await deps.survey
              .saveParticipant(round.roundId, { ...participant, lastNudgedAt: turn.now.toISOString(), nudges: [...participant.nudges, `manual:${turn.now.toISOString()}`] }, etag)
              .catch(logTolerated(turn.log, 'could not record the manual reminder'));
          }
        } else failures.push(draft.participant.name);
      }
      const reopenedText = reopenedLine(reopened, 'de herinnering');
      const notice = `Herinnering privé verstuurd naar ${sent} ${sent === 1 ? 'persoon' : 'personen'}.${reopenedText ? ` ${reopenedText}` : ''}${failures.length ? ` Niet bereikt: ${failures.join(', ')}.` : ''}`;
      return { card: await progressCard(turn, round.roundId, notice) };
    });

    router.command({
      name: 'heropen',
      topic: 'inschaling',
      words: ['heropen'],
      usage: 'heropen [naam]',
      description: 'Heropent de verzonden inschaling van één lid.',
      audience: 'directeur',
      args: 'text',
    }, async (turn, args) => {
      const context = await requireDirector(turn, deps);
      if (!context.centre.openRoundId) throw new PoolsterError('round-not-found', 'Er is geen open inschalingsronde.');
      const wanted = args.trim().toLowerCase();
      if (!wanted) {
        await turn.send({ text: `Typ de naam van wie je inschaling wil heropenen, bijvoorbeeld: ${commandHint('heropen Megan Bowen', turn.actor.conversation.kind)}.` });
        return;
      }
      const participants = await deps.survey.listParticipants(context.centre.openRoundId);
      const found = participants.filter((p) => p.name.toLowerCase() === wanted || p.name.toLowerCase().startsWith(`${wanted} `));
      if (found.length !== 1) {
        await turn.send({ text: found.length === 0 ? `Niemand met de naam "${args.trim()}" neemt deel aan deze ronde.` : `Meerdere deelnemers heten "${args.trim()}". Typ de volledige naam.` });
        return;
      }
      const { etag, ...participant } = found[0]!;
      if (!participant.submittedAt) {
        await turn.send({ text: `${participant.name} heeft nog niet verzonden; er is niets te heropenen.` });
        return;
      }
      await deps.survey.saveParticipant(context.centre.openRoundId, { ...participant, submittedAt: undefined, reopenedAt: turn.now.toISOString(), position: 'overview' }, etag);
      const person = await deps.centres.getPerson(turn.actor.tenantId, participant.userId);
      if (person?.personalChat) {
        await sendToPerson(deps, person, {
          card: renderMessageCard({
            title: 'Je inschaling is heropend',
            paragraphs: ['Je directeur heeft je inschaling heropend: je kan je antwoorden wijzigen en daarna opnieuw definitief verzenden.'],
            buttons: [{ title: 'Naar mijn overzicht', verb: SURVEY_VERBS.open, data: { roundId: context.centre.openRoundId, target: 'overview' } }],
          }),
        });
      }
      await turn.send({ text: `De inschaling van ${participant.name} is heropend.` });
    });
  };
}
