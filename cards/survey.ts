/**
 * The member's survey cards: intro, one card per bouwsteen, overview, closing questions, confirmation,
 * and a generic message card (saved, thank-you, stale card, invitation). Pure render functions.
 */
import { BOUWSTENEN, STADIA, clusterOf, getBouwsteen, bouwsteenLabel, bouwsteenNumber, stadiumName, type BouwsteenId, type StadiumLevel } from '../domain/catalogue';
import { AMBITION_OPTIONS, NOT_YET_INSPIRING_LABEL } from '../domain/survey/answers';
import { PART_NUMBERS, type PartNumber } from '../domain/survey/steps';
import { BOUWSTEEN_QUESTIONS, CLOSING_QUESTIONS, questionText } from '../domain/survey/questions';
import { NOT_YET_INSPIRING_VALUE, type BouwsteenField, type BouwsteenForm, type ClosingField, type ClosingForm, type FieldErrors } from '../domain/survey/validate';
import type { CardJson } from './cardJson';
import { expandCard, prepareCard, type CardTemplate } from './render';
import { plainCardPart } from './plainText';
import stepAboutJson from './templates/survey/stepAbout.json';
import stepStadiaJson from './templates/survey/stepStadia.json';
import stepQuestionsJson from './templates/survey/stepQuestions.json';
import introJson from './templates/survey/intro.json';
import overviewJson from './templates/survey/overview.json';
import closingJson from './templates/survey/closing.json';
import confirmJson from './templates/survey/confirm.json';
import messageJson from './templates/survey/message.json';

const stepAboutTemplate = prepareCard(stepAboutJson);
const stepStadiaTemplate = prepareCard(stepStadiaJson);

/**
 * The step template holds all five parts, each in a Container shown `$when` its part is asked. Per
 * part, the template without the other parts is prepared once: a click then expands only the
 * questions on its card, not the four parts that would be dropped anyway.
 */
function templateOfPart(json: unknown, part: PartNumber): unknown {
  if (Array.isArray(json)) {
    return json.filter((e) => !(e && typeof e === 'object' && /^\$\{part == \d\}$/.test(String((e as Record<string, unknown>).$when ?? '')) && (e as Record<string, unknown>).$when !== `\${part == ${part}}`)).map((e) => templateOfPart(e, part));
  }
  if (!json || typeof json !== 'object') return json;
  return Object.fromEntries(
    Object.entries(json)
      .filter(([key, value]) => !(key === '$when' && value === `\${part == ${part}}`))
      .map(([key, value]) => [key, templateOfPart(value, part)]),
  );
}
const stepQuestionsTemplates: ReadonlyMap<PartNumber, CardTemplate> = new Map(PART_NUMBERS.map((part) => [part, prepareCard(templateOfPart(stepQuestionsJson, part) as object)]));
const introTemplate = prepareCard(introJson);
const overviewTemplate = prepareCard(overviewJson);
const closingTemplate = prepareCard(closingJson);
const confirmTemplate = prepareCard(confirmJson);
const messageTemplate = prepareCard(messageJson);

export type Notice = { text: string; tone: 'info' | 'warning' | 'good' };

const noticeColor = (notice?: Notice) => (notice?.tone === 'warning' ? 'Attention' : notice?.tone === 'good' ? 'Good' : 'Default');

const BOUWSTEEN_FIELDS: BouwsteenField[] = [
  'stadium', 'ambition', 'choice', 'choiceNote', 'difference', 'differenceOther', 'differenceNote', 'levers', 'leversNote', 'obstacles', 'obstaclesNote',
];
const NOTE_FIELDS: BouwsteenField[] = ['choiceNote', 'differenceNote', 'leversNote', 'obstaclesNote'];
const CLOSING_FIELDS: ClosingField[] = ['inspiring', 'priority1', 'priority2', 'priority3', 'priority4', 'priority5'];

function filled<F extends string>(fields: readonly F[], values: Partial<Record<F, string | undefined>>): Record<F, string> {
  return Object.fromEntries(fields.map((f) => [f, values[f] ?? ''])) as Record<F, string>;
}

/**
 * The static parts of a step card depend on the bouwsteen only (the "Over deze bouwsteen" section,
 * the four stadium descriptions, and the questions' labels and choices): expanded once, at load,
 * because template expansion is the costliest part of a click. The two sections are made plain
 * (no Markdown) and frozen here too, so every card shares them as they are.
 */
const STEP_STATIC: ReadonlyMap<BouwsteenId, { about: readonly unknown[]; stadia: readonly unknown[]; questions: Readonly<Record<string, unknown>> }> = new Map(
  BOUWSTENEN.map((b) => [
    b.id,
    Object.freeze({
      questions: plainCardPart(
        Object.fromEntries(
          BOUWSTEEN_QUESTIONS.map((q) => [
            q.field,
            { label: `${q.number}. ${questionText(q, b)}${q.required ? ' *' : ''}`, choices: q.options.map((o) => ({ title: o.label, value: o.value })) },
          ]),
        ),
      ),
      about: plainCardPart(expandCard(stepAboutTemplate, {
        clusterTitle: `Cluster ${b.cluster}: ${clusterOf(b.id).title}`,
        definition: b.definition,
        qualityExpectations: b.qualityExpectations,
        developmentScales: b.developmentScales,
        reflectionIntro: b.reflectionIntro,
        reflections: b.reflections,
        qualityContribution: b.qualityContribution ?? '',
        footnotes: { developmentScales: b.footnotes?.developmentScales ?? '', reflections: b.footnotes?.reflections ?? '' },
      }).body as unknown[]),
      stadia: plainCardPart(expandCard(stepStadiaTemplate, {
        stadia: STADIA.map((s) => ({ level: s.level, name: s.name, pdca: s.pdca ? ` (${s.pdca})` : '', text: b.stadia[s.level - 1] })),
      }).body as unknown[]),
    }),
  ]),
);

/** Replaces each placeholder Container (by id) in a card body with the given (frozen, shared) elements. */
function fillPlaceholders(body: unknown[], fill: Record<string, readonly unknown[]>): unknown[] {
  return body.flatMap((element) => {
    const e = element as { type?: string; id?: string; items?: unknown[] };
    if (e.type === 'Container' && e.id && fill[e.id]) return [...fill[e.id]!];
    if (e.type === 'Container' && Array.isArray(e.items)) return [{ ...e, items: fillPlaceholders(e.items, fill) }];
    return [element];
  });
}

export interface StepNavigation {
  /** "Vorige (intro)" on the very first step. */
  previousTitle: string;
  /** "Volgende: overzicht" when Volgende leads there. */
  nextTitle: string;
}

/**
 * One step of a bouwsteen (domain/survey/steps.ts): its heading and progress on top, "Over deze
 * bouwsteen" one tap away, then the questions of this part. Part 1 asks the stadium with the four
 * stadium descriptions of this bouwsteen right under the choice, one tap each.
 */
export function renderSurveyStep(data: {
  roundId: string;
  bouwsteenId: BouwsteenId;
  part?: PartNumber;
  version: number;
  form: BouwsteenForm;
  errors?: FieldErrors<BouwsteenField>;
  notice?: Notice;
  navigation?: StepNavigation;
}): CardJson {
  const b = getBouwsteen(data.bouwsteenId);
  const number = bouwsteenNumber(b.id);
  const part = data.part ?? 1;
  const nav = data.navigation ?? { previousTitle: number === 1 && part === 1 ? 'Vorige (intro)' : 'Vorige', nextTitle: 'Volgende' };
  const form = filled(BOUWSTEEN_FIELDS, data.form);
  const errors = filled(BOUWSTEEN_FIELDS, data.errors ?? {});
  const fixed = STEP_STATIC.get(b.id)!;
  const card = expandCard(stepQuestionsTemplates.get(part)!, {
    roundId: data.roundId,
    id: b.id,
    title: b.title,
    number,
    part,
    version: data.version,
    q: fixed.questions,
    form,
    errors,
    // A Toelichting that holds text (or an error) is shown open; an empty one stays one tap away.
    open: Object.fromEntries(NOTE_FIELDS.map((f) => [f, Boolean(form[f] || errors[f])])),
    notice: data.notice?.text ?? '',
    noticeColor: noticeColor(data.notice),
    navigation: [
      { title: nav.previousTitle, nav: 'prev', style: 'default' },
      { title: 'Later verder', nav: 'later', style: 'default' },
      { title: nav.nextTitle, nav: 'next', style: 'positive' },
    ],
  });
  return { ...card, body: fillPlaceholders((card.body ?? []) as unknown[], { aboutPlace: fixed.about, stadiaPlace: fixed.stadia }) };
}

export function renderSurveyIntro(data: {
  roundId: string;
  centreName: string;
  schoolYear: string;
  deadlineText: string;
  visibility: 'anoniem' | 'open';
  started: boolean;
  notice?: string;
}): CardJson {
  return expandCard(introTemplate, {
    ...data,
    notice: data.notice ?? '',
    stadia: STADIA.map((s) => ({ name: s.pdca ? `${s.name} (${s.pdca})` : s.name, meaning: s.meaning })),
    visibilityText:
      data.visibility === 'open'
        ? 'Deze ronde is **open**: in het teamresultaat staan toelichtingen met de naam van wie ze schreef.'
        : 'Deze ronde is **anoniem**: het teamresultaat toont geen namen. Je eigen antwoorden zie alleen jij.',
    startTitle: data.started ? 'Ga verder waar ik was' : 'Start de inschaling',
  });
}

/** One line per bouwsteen for the overview. */
export function answerSummary(form: BouwsteenForm | undefined, complete: boolean): string {
  if (!form || Object.values(form).every((v) => !v)) return 'Nog niet ingevuld';
  const stadium = form.stadium && ['1', '2', '3', '4'].includes(form.stadium) ? stadiumName(Number(form.stadium) as StadiumLevel) : undefined;
  const ambition = AMBITION_OPTIONS.find((o) => String(o.value) === form.ambition)?.label;
  const parts = [stadium ?? 'stadium nog niet gekozen', ambition ? `ambitie: ${ambition}` : undefined].filter(Boolean);
  return complete ? parts.join(' · ') : `Onvolledig – ${parts.join(' · ')}`;
}

export function renderOverview(data: {
  roundId: string;
  rows: Array<{ id: BouwsteenId; form?: BouwsteenForm; complete: boolean }>;
  notice?: Notice;
}): CardJson {
  return expandCard(overviewTemplate, {
    roundId: data.roundId,
    notice: data.notice?.text ?? '',
    noticeColor: noticeColor(data.notice),
    rows: data.rows.map((r) => ({ id: r.id, label: bouwsteenLabel(r.id), summary: answerSummary(r.form, r.complete) })),
  });
}

export function renderClosing(data: {
  roundId: string;
  version: number;
  form: ClosingForm;
  errors?: FieldErrors<ClosingField>;
  notice?: Notice;
}): CardJson {
  const form = filled(CLOSING_FIELDS, data.form);
  const errors = filled(CLOSING_FIELDS, data.errors ?? {});
  const bouwsteenChoices = BOUWSTENEN.map((b) => ({ title: bouwsteenLabel(b.id), value: b.id }));
  return expandCard(closingTemplate, {
    roundId: data.roundId,
    version: data.version,
    notice: data.notice?.text ?? '',
    noticeColor: noticeColor(data.notice),
    form,
    errors,
    inspiringLabel: `${CLOSING_QUESTIONS.inspiring.text} *`,
    prioritiesText: CLOSING_QUESTIONS.priorities.text,
    inspiringChoices: [{ title: NOT_YET_INSPIRING_LABEL, value: NOT_YET_INSPIRING_VALUE }, ...bouwsteenChoices],
    bouwsteenChoices,
    priorityInputs: (['priority1', 'priority2', 'priority3', 'priority4', 'priority5'] as const).map((id, index) => ({
      id,
      label: `Prioriteit ${index + 1}${index < 3 ? ' *' : ' (niet verplicht)'}`,
      value: form[id],
      error: errors[id],
    })),
    navigation: [
      { title: 'Vorige: overzicht', nav: 'prev', style: 'default' },
      { title: 'Later verder', nav: 'later', style: 'default' },
      { title: 'Volgende', nav: 'next', style: 'positive' },
    ],
  });
}

export function renderConfirm(data: { roundId: string; facts: Array<{ title: string; value: string }>; notice?: string }): CardJson {
  return expandCard(confirmTemplate, { ...data, notice: data.notice ?? '' });
}

export interface CardButton {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** Longest fact title kept in a FactSet (its title column is narrow, especially on a phone). */
export const FACT_TITLE_MAX = 22;

/** A read-only message card with optional facts and buttons. */
export function renderMessageCard(data: {
  title: string;
  paragraphs: string[];
  facts?: Array<{ title: string; value: string }>;
  buttons?: CardButton[];
}): CardJson {
  // A FactSet gives its titles a narrow column in Teams, where a long bouwsteen name breaks inside
  // a word ("leergemeenscha p"): long titles become one wrapping line each instead.
  const facts = data.facts ?? [];
  const long = facts.some((f) => f.title.length > FACT_TITLE_MAX);
  return expandCard(messageTemplate, {
    title: data.title,
    paragraphs: data.paragraphs,
    facts: long ? [] : facts,
    lines: long ? facts : [],
    buttons: (data.buttons ?? []).map((b) => ({ ...b, fallbackData: { ...b.data, verb: b.verb } })),
  });
}
