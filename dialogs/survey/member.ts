/**
 * The member's survey in a 1:1 chat: intro → 11 bouwstenen → overview → closing → definitive send.
 * Every click stores a draft at once; a stale or double click never overwrites newer answers.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, bouwsteenLabel, stadiumName, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue';
import { PoolsterError } from '../../domain/errors';
import {
  completeCount,
  firstIncomplete,
  nextBouwsteen,
  previousBouwsteen,
  type SurveyPosition,
} from '../../domain/survey/round';
import {
  bouwsteenFormSchema,
  closingFormSchema,
  validateBouwsteenForm,
  validateClosingForm,
  type BouwsteenForm,
  type ClosingForm,
} from '../../domain/survey/validate';
import { SURVEY_VERBS } from '../../cards/verbs';
import { renderClosing, renderConfirm, renderMessageCard, renderOverview, renderSurveyIntro, renderSurveyStep, type Notice } from '../../cards/survey';
import type { MemberDraftWithEtags } from '../../storage/memberDraft';
import { SurveyConflictError } from '../../storage/survey';
import { requirePerson } from '../context';
import { isDirector } from '../../domain/centre/model';
import { reopenHint } from './reopenHint';
import type { FeatureDeps } from '../deps';
import type { ActionResult, Router, Turn } from '../types';
import type { CardJson } from '../../cards/cardJson';
import { formatDutchDate } from '../../domain/time';

const id = z.string().min(1).max(100);
const version = z.coerce.number().int().min(0).max(1_000_000);
const bouwsteenId = z.enum(BOUWSTEEN_IDS as unknown as [BouwsteenId, ...BouwsteenId[]]);

export const openSchema = z.object({
  roundId: id,
  target: z.union([z.enum(['resume', 'intro', 'overview', 'closing', 'confirm']), bouwsteenId]),
});
export const answerSchema = bouwsteenFormSchema.extend({ roundId: id, bouwsteenId, version, nav: z.enum(['prev', 'next', 'later']) });
export const closingSchema = closingFormSchema.extend({ roundId: id, version, nav: z.enum(['prev', 'next', 'later']) });
export const submitSchema = z.object({ roundId: id });

const STALE_NOTICE: Notice = {
  text: 'Die kaart was al verwerkt of is intussen gewijzigd. Hier is je actuele versie: er is niets overschreven.',
  tone: 'info',
};

function formOf<T extends Record<string, unknown>, K extends string>(data: T, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(keys.map((k) => [k, typeof data[k] === 'string' ? (data[k] as string) : undefined])) as Record<K, string | undefined>;
}

const BOUWSTEEN_FORM_KEYS = Object.keys(bouwsteenFormSchema.shape) as Array<keyof BouwsteenForm>;
const CLOSING_FORM_KEYS = Object.keys(closingFormSchema.shape) as Array<keyof ClosingForm>;

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

export function surveyCards(deps: FeatureDeps) {
  const stepCard = (draft: MemberDraftWithEtags, id: BouwsteenId, notice?: Notice): CardJson => {
    const stored = draft.bouwstenen[id];
    return renderSurveyStep({ roundId: draft.round.roundId, bouwsteenId: id, version: stored?.version ?? 0, form: stored?.form ?? {}, notice });
  };

  const overviewCard = (draft: MemberDraftWithEtags, notice?: Notice): CardJson =>
    renderOverview({
      roundId: draft.round.roundId,
      rows: BOUWSTEEN_IDS.map((b) => ({ id: b, form: draft.bouwstenen[b]?.form, complete: Boolean(draft.bouwstenen[b]?.complete) })),
      notice,
    });

  const closingCard = (draft: MemberDraftWithEtags, notice?: Notice): CardJson =>
    renderClosing({ roundId: draft.round.roundId, version: draft.closing?.version ?? 0, form: draft.closing?.form ?? {}, notice });

  const introCard = async (draft: MemberDraftWithEtags, notice?: string): Promise<CardJson> => {
    const centre = await deps.centres.getCentre(draft.round.tenantId, draft.round.centreId);
    return renderSurveyIntro({
      roundId: draft.round.roundId,
      centreName: centre?.name ?? '',
      schoolYear: draft.round.schoolYear,
      deadlineText: formatDutchDate(draft.round.deadline),
      visibility: draft.round.visibility,
      started: Object.keys(draft.bouwstenen).length > 0,
      notice,
    });
  };

  const confirmCard = (draft: MemberDraftWithEtags, notice?: string): CardJson => {
    const closing = draft.closing?.form;
    const priorities = closing
      ? (['priority1', 'priority2', 'priority3', 'priority4', 'priority5'] as const).map((k) => closing[k]).filter((v): v is string => Boolean(v))
      : [];
    return renderConfirm({
      roundId: draft.round.roundId,
      notice,
      facts: [
        { title: 'Bouwstenen ingevuld', value: `${completeCount(draft)} van 11` },
        { title: 'Prioriteiten', value: priorities.map((p, i) => `${i + 1}. ${bouwsteenLabel(p as BouwsteenId)}`).join('\n') || '–' },
      ],
    });
  };

  /** A read-only summary of what the member sent. */
  const summaryCard = (draft: MemberDraftWithEtags, title: string, paragraphs: string[]): CardJson =>
    renderMessageCard({
      title,
      paragraphs,
      facts: BOUWSTEEN_IDS.map((b) => {
        const form = draft.bouwstenen[b]?.form;
        const level = Number(form?.stadium);
        return { title: bouwsteenLabel(b), value: level >= 1 && level <= 4 ? stadiumName(level as StadiumLevel) : '–' };
      }),
    });

  /** The card for where the member is; falls back sensibly when the position is stale. */
  const cardFor = async (draft: MemberDraftWithEtags, target: SurveyPosition | 'resume', notice?: Notice): Promise<CardJson> => {
    if (draft.participant.submittedAt) {
      const person = await deps.centres.getPerson(draft.round.tenantId, draft.participant.userId);
      return summaryCard(draft, 'Je inschaling is verzonden', [
        `Verzonden op ${formatDutchDate(draft.participant.submittedAt.slice(0, 10))}. Dank je wel!`,
        `Dit zijn je antwoorden (alleen jij ziet ze). ${reopenHint(person && isDirector(person) ? draft.participant.name || person.name : undefined)}`,
      ]);
    }
    const position = target === 'resume' ? (draft.participant.position as SurveyPosition) : target;
    if (position === 'intro') return introCard(draft, notice?.text);
    if (position === 'overview') return overviewCard(draft, notice);
    if (position === 'closing' || position === 'confirm') {
      const missing = firstIncomplete(draft);
      if (missing) return overviewCard(draft, { text: `Vul eerst ${bouwsteenLabel(missing)} volledig in; daarna volgen de slotvragen.`, tone: 'warning' });
      if (position === 'confirm' && draft.closing?.complete) return confirmCard(draft);
      return closingCard(draft, notice);
    }
    if ((BOUWSTEEN_IDS as readonly string[]).includes(position)) return stepCard(draft, position as BouwsteenId, notice);
    return introCard(draft, notice?.text);
  };

  return { stepCard, overviewCard, closingCard, introCard, confirmCard, summaryCard, cardFor };
}

export function registerSurveyMember(deps: FeatureDeps) {
  const cards = surveyCards(deps);

  /** Finds the open round the person takes part in, for `inschaling` and `verder`. */
  const openDraftFor = async (turn: Turn): Promise<MemberDraftWithEtags> => {
    const { centre } = await requirePerson(turn, deps);
    if (!centre.openRoundId) {
      throw new PoolsterError('round-not-found', 'Er loopt op dit moment geen inschalingsronde in je centrum. Je directeur start er een met **start inschaling**.');
    }
    return loadDraft(deps, turn, centre.openRoundId);
  };

  /** Re-reads and shows the current card after a conflicting or stale click. */
  const currentCard = async (turn: Turn, roundId: string): Promise<ActionResult> => {
    const fresh = await loadDraft(deps, turn, roundId);
    return { card: await cards.cardFor(fresh, 'resume', STALE_NOTICE) };
  };

  /** A bouwsteen card's answer: saved at once, then the next card (or the same card with its errors). */
  const answerBouwsteen = async (turn: Turn, data: z.infer<typeof answerSchema>, draft: MemberDraftWithEtags): Promise<AnswerOutcome> => {
    assertWritable(draft);
    const stored = draft.bouwstenen[data.bouwsteenId];
    if ((stored?.version ?? 0) !== data.version) {
      if (draft.fromCache) return READ_AGAIN;
      turn.log.info({ expected: data.version, stored: stored?.version ?? 0 }, 'stale survey card');
      return { card: await cards.cardFor(draft, data.bouwsteenId, STALE_NOTICE) };
    }
    const form = formOf(data, BOUWSTEEN_FORM_KEYS);
    const validation = validateBouwsteenForm(data.bouwsteenId, form);
    const previous = previousBouwsteen(data.bouwsteenId);
    // Once every bouwsteen is complete (a change made from the overview), Volgende leads back there.
    const othersComplete = BOUWSTEEN_IDS.every((id) => id === data.bouwsteenId || draft.bouwstenen[id]?.complete);
    const next = othersComplete ? undefined : nextBouwsteen(data.bouwsteenId);
    const position: SurveyPosition =
      data.nav === 'next' && validation.ok ? (next ?? 'overview') : data.nav === 'prev' ? (previous ?? 'intro') : data.bouwsteenId;
    try {
      const saved = await deps.survey.saveBouwsteenDraft(draft, data.bouwsteenId, form, validation.ok, position);
      draft.bouwstenen[data.bouwsteenId] = saved;
      draft.participant.position = position;
    } catch (error) {
      if (error instanceof SurveyConflictError) return READ_AGAIN;
      throw error;
    }
    if (data.nav === 'next' && !validation.ok) {
      return {
        card: renderSurveyStep({
          roundId: draft.round.roundId,
          bouwsteenId: data.bouwsteenId,
          version: draft.bouwstenen[data.bouwsteenId]!.version,
          form,
          errors: validation.errors,
          notice: { text: 'Nog niet alles is in orde: bekijk de opmerkingen hieronder. Wat je invulde, is bewaard.', tone: 'warning' },
        }),
      };
    }
    if (data.nav === 'later') {
      return {
        card: renderMessageCard({
          title: 'Je antwoorden zijn bewaard',
          paragraphs: [
            `Je was bij ${bouwsteenLabel(data.bouwsteenId)} (${completeCount(draft)} van 11 bouwstenen volledig).`,
            'Typ **verder** wanneer je wil verdergaan, of klik hieronder.',
          ],
          buttons: [{ title: 'Ga verder', verb: SURVEY_VERBS.open, data: { roundId: draft.round.roundId, target: 'resume' } }],
        }),
      };
    }
    if (data.nav === 'prev') return { card: previous ? cards.stepCard(draft, previous) : await cards.introCard(draft) };
    return { card: next ? cards.stepCard(draft, next) : cards.overviewCard(draft) };
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
          paragraphs: ['Je was bij de slotvragen. Typ **verder** wanneer je wil verdergaan.'],
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
      // "Start" from the intro goes to the first bouwsteen still open.
      const target: SurveyPosition | 'resume' =
        data.target === 'resume' && draft.participant.position === 'intro' && writable ? (firstIncomplete(draft) ?? 'overview') : data.target;
      if (target !== 'resume' && target !== 'intro' && writable && target !== draft.participant.position) {
        // Remember where the member went, so `verder` brings them back here.
        draft.participant.position = target;
        await deps.survey.saveParticipant(draft.round.roundId, draft.participant, draft.etags.participant).catch((error: unknown) => {
          if (!(error instanceof SurveyConflictError)) throw error;
          // The draft changed meanwhile: showing the card matters more than remembering the position.
          turn.log.info('position not saved: the draft changed meanwhile');
        });
      }
      return { card: await cards.cardFor(draft, target) };
    });

    router.action(SURVEY_VERBS.answer, answerSchema, (turn, data) =>
      onLatestDraft(deps, turn, data.roundId, (draft) => answerBouwsteen(turn, data, draft), () => currentCard(turn, data.roundId)),
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
      if (!draft.closing?.complete) return { card: cards.closingCard(draft, { text: 'Beantwoord eerst de slotvragen.', tone: 'warning' }) };
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
