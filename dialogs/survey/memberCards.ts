/**
 * Card building for the member's survey: which card a member sees for a position in their draft.
 * The handlers (member.ts) decide what a click does; this module only builds the answer card.
 */
import { BOUWSTEEN_IDS, bouwsteenLabel, bouwsteenNumber, stadiumName, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue';
import { completeCount, firstIncomplete, type SurveyPosition } from '../../domain/survey/round';
import { formatDutchDate } from '../../domain/time';
import { entryStep, incompleteParts, parseStepPosition, type BouwsteenStep } from '../../domain/survey/steps';
import type { BouwsteenField, BouwsteenForm, FieldErrors } from '../../domain/survey/validate';
import { renderClosing, renderConfirm, renderMessageCard, renderOverview, renderSurveyIntro, renderSurveyStep, type Notice } from '../../cards/survey';
import type { MemberDraftWithEtags } from '../../storage/memberDraft';
import type { FeatureDeps } from '../deps';
import type { CardJson } from '../../cards/cardJson';
import { isDirector } from '../../domain/centre/model';
import { reopenHint } from './reopenHint';

export const STALE_NOTICE: Notice = {
  text: 'Die kaart was al verwerkt of is intussen gewijzigd. Hier is je actuele versie: er is niets overschreven.',
  tone: 'info',
};

export const NOT_VALID_NOTICE: Notice = {
  text: 'Nog niet alles is in orde: bekijk de opmerkingen hieronder. Wat je invulde, is bewaard.',
  tone: 'warning',
};

/** Where a stored position points: a step, or one of the survey's other cards. */
export type CardTarget = BouwsteenStep | Exclude<SurveyPosition, BouwsteenId> | 'resume';

export function surveyCards(deps: FeatureDeps) {
  /** A step card; `form` and `errors` when showing what was just sent, else the stored draft. */
  const stepCard = (draft: MemberDraftWithEtags, step: BouwsteenStep, options: { notice?: Notice; form?: BouwsteenForm; errors?: FieldErrors<BouwsteenField> } = {}): CardJson => {
    const stored = draft.bouwstenen[step.bouwsteenId];
    const form = options.form ?? stored?.form ?? {};
    const number = bouwsteenNumber(step.bouwsteenId);
    const laterOpen = incompleteParts(step.bouwsteenId, form).some((p) => p > step.part);
    const othersComplete = BOUWSTEEN_IDS.every((id) => id === step.bouwsteenId || draft.bouwstenen[id]?.complete);
    return renderSurveyStep({
      roundId: draft.round.roundId,
      bouwsteenId: step.bouwsteenId,
      part: step.part,
      version: stored?.version ?? 0,
      form,
      errors: options.errors,
      notice: options.notice,
      navigation: {
        previousTitle: number === 1 && step.part === 1 ? 'Vorige (intro)' : 'Vorige',
        nextTitle: !laterOpen && (othersComplete || number === 11) ? 'Volgende: overzicht' : 'Volgende',
      },
    });
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
  const cardFor = async (draft: MemberDraftWithEtags, target: CardTarget, notice?: Notice): Promise<CardJson> => {
    if (draft.participant.submittedAt) {
      const person = await deps.centres.getPerson(draft.round.tenantId, draft.participant.userId);
      return summaryCard(draft, 'Je inschaling is verzonden', [
        `Verzonden op ${formatDutchDate(draft.participant.submittedAt.slice(0, 10))}. Dank je wel!`,
        `Dit zijn je antwoorden (alleen jij ziet ze). ${reopenHint(person && isDirector(person) ? draft.participant.name || person.name : undefined)}`,
      ]);
    }
    const position = target === 'resume' ? (parseStepPosition(draft.participant.position) ?? draft.participant.position) : target;
    if (typeof position === 'object') return stepCard(draft, position, { notice });
    if (position === 'overview') return overviewCard(draft, notice);
    if (position === 'closing' || position === 'confirm') {
      const missing = firstIncomplete(draft);
      if (missing) return overviewCard(draft, { text: `Vul eerst ${bouwsteenLabel(missing)} volledig in; daarna volgen de overkoepelende vragen.`, tone: 'warning' });
      if (position === 'confirm' && draft.closing?.complete) return confirmCard(draft);
      return closingCard(draft, notice);
    }
    return introCard(draft, notice?.text);
  };

  /** Where "Start" (or a bouwsteen named without a part) enters: its first open part. */
  const entryOf = (draft: MemberDraftWithEtags, id: BouwsteenId): BouwsteenStep => entryStep(id, draft.bouwstenen[id]?.form);

  return { stepCard, overviewCard, closingCard, introCard, confirmCard, summaryCard, cardFor, entryOf };
}
