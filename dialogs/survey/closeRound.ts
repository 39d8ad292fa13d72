/**
 * `sluit inschaling`: the director first sees what closing means (who can no longer answer, what
 * happens next, that a closed round does not open again) and confirms with Bevestig; Annuleer
 * leaves the round open. The close itself re-checks role, centre and that this round is still the
 * open one, so an old confirmation card never closes a newer round.
 */
import { quotedCommand } from '../../domain/conversation';
import { z } from 'zod';
import { PoolsterError } from '../../domain/errors';
import { countOf, submittedSentence } from '../../domain/text/dutch';
import { formatDutchDate } from '../../domain/time';
import { renderConfirmStep, renderStepDone } from '../../cards/confirmStep';
import { renderMessageCard } from '../../cards/survey';
import { ROUND_VERBS } from '../../cards/verbs';
import { requireDirector } from '../context';
import type { FeatureDeps } from '../deps';
import type { Router, Turn } from '../types';
import type { CardJson } from '../../cards/cardJson';

const closeSchema = z.object({ roundId: z.string().min(1).max(100) });

export const NO_OPEN_ROUND_MESSAGE = 'Er is geen open inschalingsronde om te sluiten.';

export function registerRoundClosing(deps: FeatureDeps) {
  const openRound = async (turn: Turn, roundId?: string) => {
    const context = await requireDirector(turn, deps);
    const openId = context.centre.openRoundId;
    if (!openId || (roundId !== undefined && roundId !== openId)) return { context, round: undefined };
    const round = await deps.survey.getRound(openId);
    return { context, round: round && round.status === 'open' ? round : undefined };
  };

  const askCard = async (roundId: string, schoolYear: string, deadline: string): Promise<CardJson> => {
    const drafts = await deps.survey.listDrafts(roundId);
    const sent = drafts.filter((d) => d.participant.submittedAt).length;
    const notSent = drafts.length - sent;
    return renderConfirmStep({
      title: `Inschalingsronde ${schoolYear} sluiten?`,
      facts: [
        {
          label: 'Waar de ronde nu staat',
          text: `${submittedSentence(sent, drafts.length)} De deadline is ${formatDutchDate(deadline)}.`,
        },
        {
          label: 'Wat er gebeurt',
          text:
            notSent > 0
              ? `Niemand kan nog antwoorden of iets wijzigen. Wie nog niet verzond (${countOf(notSent, 'deelnemer', 'deelnemers')}), kan dat dan niet meer; de bouwstenen die ${notSent === 1 ? 'die deelnemer' : 'zij'} volledig invulde${notSent === 1 ? '' : 'n'}, tellen wel mee. Herinneringen stoppen.`
              : 'Niemand kan nog antwoorden of iets wijzigen. Herinneringen stoppen.',
        },
        { label: 'Wie het hoort', text: 'Niemand krijgt een bericht. Je bekijkt daarna het teamresultaat met resultaat, bespreekt het met het team en bevestigt de teamstadia.' },
        { label: 'Ongedaan maken', text: 'Een afgesloten ronde gaat niet meer open, en heropen werkt dan niet meer. Twijfel je? Klik op Annuleer: de ronde loopt gewoon verder.' },
      ],
      confirm: { title: 'Bevestig: sluit de ronde', verb: ROUND_VERBS.close, data: { roundId } },
      cancel: { verb: ROUND_VERBS.closeCancel, data: { roundId } },
    });
  };

  return (router: Router): void => {
    router.command({
      name: 'sluit-inschaling',
      topic: 'inschaling',
      words: ['sluit inschaling', 'sluit ronde'],
      usage: 'sluit inschaling',
      description: 'Sluit de open inschalingsronde (na een bevestiging).',
      audience: 'directeur',
    }, async (turn) => {
      const { round } = await openRound(turn);
      if (!round) throw new PoolsterError('round-not-found', NO_OPEN_ROUND_MESSAGE);
      await turn.send({ card: await askCard(round.roundId, round.schoolYear, round.deadline) });
    });

    router.action(ROUND_VERBS.close, closeSchema, async (turn, data) => {
      const { context, round } = await openRound(turn, data.roundId);
      if (!round) return { card: renderMessageCard({ title: 'Deze ronde is al afgesloten', paragraphs: [`Er is niets meer te sluiten. Bekijk het teamresultaat met ${quotedCommand('resultaat', turn.actor.conversation.kind)}.`] }) };
      await deps.survey.saveRound({ ...withoutEtag(round), status: 'closed', closedAt: turn.now.toISOString() }, round.etag);
      await deps.centres.updateCentre({ ...withoutEtag(context.centre), openRoundId: undefined }, context.centre.etag);
      const drafts = await deps.survey.listDrafts(round.roundId);
      const finished = drafts.filter((d) => d.participant.submittedAt).length;
      turn.log.info({ roundId: round.roundId }, 'round closed after confirmation');
      return {
        card: renderStepDone({
          title: `Inschalingsronde ${round.schoolYear} is afgesloten`,
          paragraphs: [submittedSentence(finished, drafts.length), 'Volgende stap: bekijk het teamresultaat, bespreek het met het team en bevestig de teamstadia.'],
          commands: [{ title: 'Bekijk het teamresultaat', command: 'resultaat' }],
        }),
      };
    });

    router.action(ROUND_VERBS.closeCancel, closeSchema, async (turn) => {
      await requireDirector(turn, deps);
      return { card: renderMessageCard({ title: 'De ronde loopt verder', paragraphs: ['Er is niets veranderd. Volg de ronde op met voortgang; sluit ze later met sluit inschaling.'] }) };
    });
  };
}

function withoutEtag<T extends { etag: string }>(value: T): Omit<T, 'etag'> {
  const { etag: _etag, ...rest } = value;
  return rest;
}
