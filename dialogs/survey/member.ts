/**
 * The member's survey in a 1:1 chat: intro → 11 bouwstenen (three short steps each) → overview →
 * overkoepelende vragen → definitive send. Every click stores a draft at once; a stale or double
 * click never overwrites newer answers. Card data schemas live in memberSchemas.ts, the cards in
 * memberCards.ts, the step navigation rules in domain/survey/steps.ts.
 */
import { commandHint } from '../../domain/conversation';
import type { z } from 'zod';
import { BOUWSTEEN_IDS, bouwsteenLabel, type BouwsteenId } from '../../domain/catalogue';
import { PoolsterError } from '../../domain/errors';
import { completeCount, firstIncomplete, type SurveyPosition } from '../../domain/survey/round';
import { LAST_PART, errorsInPart, incompleteParts, nextTarget, partOf, previousStep, stepPosition, type BouwsteenStep, type PartNumber } from '../../domain/survey/steps';
import {
  bouwsteenFormSchema,
  closingFormSchema,
  validateBouwsteenForm,
  validateClosingForm,
  type BouwsteenForm,
  type ClosingForm,
} from '../../domain/survey/validate';
import { SURVEY_VERBS } from '../../cards/verbs';
import { renderClosing, renderMessageCard } from '../../cards/survey';
import type { MemberDraftWithEtags } from '../../storage/memberDraft';
import { SurveyConflictError } from '../../storage/survey';
import { requirePerson } from '../context';
import { isDirector } from '../../domain/centre/model';
import { reopenHint } from './reopenHint';
import type { FeatureDeps } from '../deps';
import type { ActionResult, Router, Turn } from '../types';
import { NOT_VALID_NOTICE, STALE_NOTICE, surveyCards, type CardTarget } from './memberCards';
import { answerSchema, asPart, closingSchema, openSchema, submitSchema } from './memberSchemas';

/** A step card's answer, its part read as a PartNumber. */
type AnswerData = Omit<z.infer<typeof answerSchema>, 'part'> & { part?: PartNumber };

export { answerSchema, closingSchema, openSchema, submitSchema } from './memberSchemas';

function formOf<T extends Record<string, unknown>, K extends string>(data: T, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, typeof data[k] === 'string' ? (data[k] as string) : undefined])) as Record<K, string | undefined>;
}

const BOUWSTEEN_FORM_KEYS = Object.keys(bouwsteenFormSchema.shape) as Array<keyof BouwsteenForm>;
const CLOSING_FORM_KEYS = Object.keys(closingFormSchema.shape) as Array<keyof ClosingForm>;

/**
 * The bouwsteen's form after a step card's answer: the card's own inputs as sent (an input it held
 * but did not send is empty), every other answer as stored. A card without a part held them all.
 */
function mergedForm(data: AnswerData, stored: BouwsteenForm | undefined): BouwsteenForm {
  const sent = formOf(data, BOUWSTEEN_FORM_KEYS);
  if (data.part === undefined) return sent;
  const onCard = new Set<string>(partOf(data.part).fields);
  return Object.fromEntries(
    BOUWSTEEN_FORM_KEYS.map((k) => [k, sent[k] ?? (onCard.has(k) ? undefined : stored?.[k])]),
  ) as BouwsteenForm;
}

/**
 * Loads the member's draft for a round, checking they take part. `allowCached` only for answers,
 * which run through `onLatestDraft`.
 */
export async function loadDraft(deps: FeatureDeps, turn: Turn, roundId: string, options: { allowCached?: boolean } = {}): Promise<MemberDraftWithEtags> {
  const draft = await deps.survey.getMemberDraft(roundId, turn.actor.userId, options);
  if (!draft || draft.round.tenantId !== turn.actor.tenantId) {
    throw new PoolsterError('not-participant', 'Je neemt niet deel aan deze inschalingsronde. Vraag je directeur om je uit te nodigen.');
  }
  return draft;
}

/** What an answer returns when it cannot decide on a cached draft: decide again on a fresh read. */
const READ_AGAIN: unique symbol = Symbol('read again');
type AnswerOutcome = ActionResult | typeof READ_AGAIN;

/**
 * Runs an answer on the member's draft, starting from this instance's cached copy when there is
 * one (an answered card then costs a single storage write). Whatever could stem from a stale copy
 * (the write's ETag check failing, a card version that does not match, a closed round or a sent
 * survey) is decided again on a fresh read, so a member never sees a refusal the stored data does
 * not support. `answer` returns READ_AGAIN for those cases; on a fresh draft, READ_AGAIN means
 * someone else wrote in between: the member gets their current card, with nothing overwritten.
 */
async function onLatestDraft(
  deps: FeatureDeps,
  turn: Turn,
  roundId: string,
  answer: (draft: MemberDraftWithEtags) => Promise<AnswerOutcome>,
  currentCard: () => Promise<ActionResult>,
): Promise<ActionResult> {
  const first = await loadDraft(deps, turn, roundId, { allowCached: true });
  if (first.fromCache) {
    const outcome = await answer(first).catch((error: unknown): AnswerOutcome => {
      if (error instanceof PoolsterError && (error.code === 'round-closed' || error.code === 'survey-submitted')) return READ_AGAIN;
      throw error;
    });
    if (outcome !== READ_AGAIN) return outcome;
    turn.log.debug('cached draft was stale; reading it again');
  }
  const fresh = first.fromCache ? await loadDraft(deps, turn, roundId) : first;
  const outcome = await answer(fresh);
  return outcome === READ_AGAIN ? currentCard() : outcome;
}

function assertWritable(draft: MemberDraftWithEtags): void {
  if (draft.round.status === 'closed') {
    throw new PoolsterError('round-closed', 'Deze inschalingsronde is afgesloten: antwoorden kunnen niet meer worden gewijzigd.');
  }
  if (draft.participant.submittedAt) {
    throw new PoolsterError(
      'survey-submitted',
      `Je hebt je inschaling al definitief verzonden. ${reopenHint()}`,
    );
  }
}

const isBouwsteen = (target: string): target is BouwsteenId => (BOUWSTEEN_IDS as readonly string[]).includes(target);

export function registerSurveyMember(deps: FeatureDeps) {
  const cards = surveyCards(deps);

  /** Finds the open round the person takes part in, for `inschaling` and `verder`. */
  const openDraftFor = async (turn: Turn): Promise<MemberDraftWithEtags> => {
    const { centre } = await requirePerson(turn, deps);
    if (!centre.openRoundId) {
      throw new PoolsterError('round-not-found', `Er loopt op dit moment geen inschalingsronde in je centrum. Je directeur start er een met ${commandHint('start inschaling', turn.actor.conversation.kind)}.`);
    }
    return loadDraft(deps, turn, centre.openRoundId);
  };

  /** Re-reads and shows the current card after a conflicting or stale click. */
  const currentCard = async (turn: Turn, roundId: string): Promise<ActionResult> => {
    const fresh = await loadDraft(deps, turn, roundId);
    return { card: await cards.cardFor(fresh, 'resume', STALE_NOTICE) };
  };

  /**
   * A step card's answer: saved at once, then the next step (or the same step with the errors of
   * its own questions). Volgende needs only this step's answers to be valid.
   */
  const answerBouwsteen = async (turn: Turn, data: AnswerData, draft: MemberDraftWithEtags): Promise<AnswerOutcome> => {
    assertWritable(draft);
    const stored = draft.bouwstenen[data.bouwsteenId];
    if ((stored?.version ?? 0) !== data.version) {
      if (draft.fromCache) return READ_AGAIN;
      turn.log.info({ expected: data.version, stored: stored?.version ?? 0 }, 'stale survey card');
      return { card: await cards.cardFor(draft, { bouwsteenId: data.bouwsteenId, part: data.part ?? 1 }, STALE_NOTICE) };
    }
    const form = mergedForm(data, stored?.form);
    const validation = validateBouwsteenForm(data.bouwsteenId, form);
    // A card without a part held every question: it counts as the last step, and shows its first open part.
    const here: BouwsteenStep = { bouwsteenId: data.bouwsteenId, part: data.part ?? incompleteParts(data.bouwsteenId, form)[0] ?? LAST_PART };
    const blocking = validation.ok ? {} : errorsInPart(validation.errors, here.part);
    const stepOk = Object.keys(blocking).length === 0;
    const next = data.nav === 'next' && stepOk
      ? nextTarget(data.part === undefined ? { ...here, part: LAST_PART } : here, form, (id) => draft.bouwstenen[id])
      : undefined;
    const previous = data.nav === 'prev' ? previousStep(data.part === undefined ? { ...here, part: 1 } : here) : undefined;
    const position: SurveyPosition | string = next
      ? 'overview' in next ? 'overview' : stepPosition(next.step)
      : data.nav === 'prev' ? (previous ? stepPosition(previous) : 'intro') : stepPosition(here);
    try {
      const saved = await deps.survey.saveBouwsteenDraft(draft, data.bouwsteenId, form, validation.ok, position);
      draft.bouwstenen[data.bouwsteenId] = saved;
      draft.participant.position = position;
    } catch (error) {
      if (error instanceof SurveyConflictError) return READ_AGAIN;
      throw error;
    }
    if (data.nav === 'next' && !stepOk) return { card: cards.stepCard(draft, here, { form, errors: blocking, notice: NOT_VALID_NOTICE }) };
    if (data.nav === 'later') {
      return {
        card: renderMessageCard({
          title: 'Je antwoorden zijn bewaard',
          paragraphs: [
            `Je was bij ${bouwsteenLabel(data.bouwsteenId)}, stap ${here.part} van 5 (${completeCount(draft)} van 11 bouwstenen volledig).`,
            'Typ **verder** wanneer je wil verdergaan, of klik hieronder.',
          ],
          buttons: [{ title: 'Ga verder', verb: SURVEY_VERBS.open, data: { roundId: draft.round.roundId, target: 'resume' } }],
        }),
      };
    }
    if (data.nav === 'prev') return { card: previous ? cards.stepCard(draft, previous) : await cards.introCard(draft) };
    if (next && 'step' in next) {
      // Back to an earlier step of this bouwsteen that was left open: say why, at its questions.
      const earlier = next.step.bouwsteenId === here.bouwsteenId && next.step.part < here.part;
      const errors = earlier && !validation.ok ? errorsInPart(validation.errors, next.step.part) : undefined;
      return { card: cards.stepCard(draft, next.step, earlier ? { errors, notice: { text: 'Deze vragen van de bouwsteen zijn nog niet volledig beantwoord.', tone: 'warning' } } : {}) };
    }
    return { card: cards.overviewCard(draft) };
  };

  /** The closing questions' answer. */
  const answerClosing = async (data: z.infer<typeof closingSchema>, draft: MemberDraftWithEtags): Promise<AnswerOutcome> => {
    assertWritable(draft);
    if ((draft.closing?.version ?? 0) !== data.version) {
      if (draft.fromCache) return READ_AGAIN;
      return { card: await cards.cardFor(draft, 'closing', STALE_NOTICE) };
    }
    const form = formOf(data, CLOSING_FORM_KEYS);
    const validation = validateClosingForm(form);
    const position: SurveyPosition = data.nav === 'prev' ? 'overview' : data.nav === 'next' && validation.ok ? 'confirm' : 'closing';
    try {
      draft.closing = await deps.survey.saveClosingDraft(draft, form, validation.ok, position);
    } catch (error) {
      if (error instanceof SurveyConflictError) return READ_AGAIN;
      throw error;
    }
    if (data.nav === 'prev') return { card: cards.overviewCard(draft) };
    if (data.nav === 'later') {
      return {
        card: renderMessageCard({
          title: 'Je antwoorden zijn bewaard',
          paragraphs: ['Je was bij de overkoepelende vragen. Typ **verder** wanneer je wil verdergaan.'],
          buttons: [{ title: 'Ga verder', verb: SURVEY_VERBS.open, data: { roundId: draft.round.roundId, target: 'resume' } }],
        }),
      };
    }
    if (!validation.ok) {
      return {
        card: renderClosing({
          roundId: draft.round.roundId,
          version: draft.closing.version,
          form,
          errors: validation.errors,
          notice: { text: 'Nog niet alles is in orde: bekijk de opmerkingen hieronder. Wat je invulde, is bewaard.', tone: 'warning' },
        }),
      };
    }
    const missing = firstIncomplete(draft);
    if (missing) return { card: cards.overviewCard(draft, { text: `Vul eerst ${bouwsteenLabel(missing)} volledig in.`, tone: 'warning' }) };
    return { card: cards.confirmCard(draft) };
  };

  return (router: Router): void => {
    router.command({
      name: 'inschaling',
      topic: 'inschaling',
      words: ['inschaling', 'survey', 'zelfscan'],
      usage: 'inschaling',
      description: 'Start of toont jouw inschaling in de open ronde.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'inschaling', description: 'Start je persoonlijke inschaling van de poolster-bouwstenen.', position: 2 },
      ],
    }, async (turn) => {
      const draft = await openDraftFor(turn);
      if (turn.actor.conversation.kind !== 'personal') {
        await turn.send({ text: 'Je inschaling vul je in ons persoonlijke gesprek in: open de chat met Poolster en typ daar **inschaling**.' });
        return;
      }
      const started = Object.keys(draft.bouwstenen).length > 0 || draft.participant.position !== 'intro';
      await turn.send({ card: await cards.cardFor(draft, started && !draft.participant.submittedAt ? 'intro' : 'resume') });
    });

    router.command({
      name: 'verder',
      topic: 'inschaling',
      words: ['verder', 'ga verder', 'hervat'],
      usage: 'verder',
      description: 'Gaat verder waar je in je inschaling gebleven was.',
      audience: 'lid',
      menu: [
        { scope: 'personal', title: 'verder', description: 'Ga verder met je inschaling waar je gebleven was.', position: 3 },
      ],
    }, async (turn) => {
      const draft = await openDraftFor(turn);
      if (turn.actor.conversation.kind !== 'personal') {
        await turn.send({ text: 'Je inschaling vul je in ons persoonlijke gesprek in: open de chat met Poolster en typ daar **verder**.' });
        return;
      }
      await turn.send({ card: await cards.cardFor(draft, 'resume') });
    });

    router.action(SURVEY_VERBS.open, openSchema, async (turn, data) => {
      const draft = await loadDraft(deps, turn, data.roundId);
      const writable = !draft.participant.submittedAt && draft.round.status === 'open';
      // "Start" from the intro goes to the first bouwsteen still open, at its first open step;
      // "Wijzig" from the overview opens a bouwsteen at its first step.
      const first = firstIncomplete(draft);
      const target: CardTarget =
        data.target === 'resume' && draft.participant.position === 'intro' && writable
          ? first ? cards.entryOf(draft, first) : 'overview'
          : isBouwsteen(data.target) ? { bouwsteenId: data.target, part: asPart(data.part) ?? 1 } : data.target;
      const position = typeof target === 'object' ? stepPosition(target) : target;
      if (position !== 'resume' && position !== 'intro' && writable && position !== draft.participant.position) {
        // Remember where the member went, so `verder` brings them back here.
        draft.participant.position = position;
        await deps.survey.saveParticipant(draft.round.roundId, draft.participant, draft.etags.participant).catch((error: unknown) => {
          if (!(error instanceof SurveyConflictError)) throw error;
          // The draft changed meanwhile: showing the card matters more than remembering the position.
          turn.log.info('position not saved: the draft changed meanwhile');
        });
      }
      return { card: await cards.cardFor(draft, target) };
    });

    router.action(SURVEY_VERBS.answer, answerSchema, (turn, data) =>
      onLatestDraft(deps, turn, data.roundId, (draft) => answerBouwsteen(turn, { ...data, part: asPart(data.part) }, draft), () => currentCard(turn, data.roundId)),
    );

    router.action(SURVEY_VERBS.closing, closingSchema, (turn, data) =>
      onLatestDraft(deps, turn, data.roundId, (draft) => answerClosing(data, draft), () => currentCard(turn, data.roundId)),
    );

    router.action(SURVEY_VERBS.submit, submitSchema, async (turn, data) => {
      const draft = await loadDraft(deps, turn, data.roundId);
      if (draft.participant.submittedAt) return { card: await cards.cardFor(draft, 'resume') };
      assertWritable(draft);
      const missing = firstIncomplete(draft);
      if (missing) return { card: cards.overviewCard(draft, { text: `Je kan nog niet verzenden: ${bouwsteenLabel(missing)} is nog niet volledig.`, tone: 'warning' }) };
      if (!draft.closing?.complete) return { card: cards.closingCard(draft, { text: 'Beantwoord eerst de overkoepelende vragen.', tone: 'warning' }) };
      const submittedAt = turn.now.toISOString();
      try {
        await deps.survey.saveParticipant(draft.round.roundId, { ...draft.participant, submittedAt, position: 'confirm' }, draft.etags.participant);
      } catch (error) {
        if (error instanceof SurveyConflictError) return currentCard(turn, data.roundId);
        throw error;
      }
      draft.participant.submittedAt = submittedAt;
      return {
        card: cards.summaryCard(draft, 'Dank je wel! Je inschaling is verzonden', [
          'Je antwoorden zijn definitief verzonden en tellen mee in de teaminschaling. Dit is je samenvatting (alleen jij ziet ze).',
        ]),
      };
    });
  };
}
