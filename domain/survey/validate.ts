/**
 * Server-side validation of the survey cards (seed 004, §7.2 and §7.3, rules in domain.md).
 * Cards send strings; a draft keeps those strings as entered, so an invalid submit can show the
 * same card again with everything still filled in. A complete, valid form becomes a typed answer.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../catalogue/types';
import {
  NOTE_MAX_LENGTH,
  OTHER_TEXT_MAX_LENGTH,
  type Ambition,
  type BouwsteenAnswer,
  type ChoiceOrigin,
  type ClosingAnswer,
  type ContextCategory,
  type DifferenceKind,
} from './answers';

/** Drafts accept more than the limit so a too-long text is kept (and reported), never cut off. */
const DRAFT_TEXT_MAX = 20_000;
const draftText = z.string().max(DRAFT_TEXT_MAX).optional();

/** What a bouwsteen card sends (Input ids), as strings. Multi-selects are comma-separated. */
export const bouwsteenFormSchema = z.object({
  stadium: draftText,
  ambition: draftText,
  choice: draftText,
  choiceNote: draftText,
  difference: draftText,
  differenceOther: draftText,
  differenceNote: draftText,
  levers: draftText,
  leversNote: draftText,
  obstacles: draftText,
  obstaclesNote: draftText,
});
export type BouwsteenForm = z.infer<typeof bouwsteenFormSchema>;
export type BouwsteenField = keyof BouwsteenForm;

export const closingFormSchema = z.object({
  inspiring: draftText,
  priority1: draftText,
  priority2: draftText,
  priority3: draftText,
  priority4: draftText,
  priority5: draftText,
});
export type ClosingForm = z.infer<typeof closingFormSchema>;
export type ClosingField = keyof ClosingForm;

export const NOT_YET_INSPIRING_VALUE = 'nog-niet';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Validated<T, F extends string> = { ok: true; value: T } | { ok: false; errors: FieldErrors<F> };

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

const trimmed = (value: string | undefined): string | undefined => {
  const t = value?.trim();
  return t ? t : undefined;
};

const STADIUM_VALUES = new Set(['1', '2', '3', '4']);
const CHOICES: readonly ChoiceOrigin[] = ['welbewust', 'context', 'combinatie'];
const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['teams', 'werkgroepen', 'disciplines', 'vestigingen', 'anders'];
const CATEGORIES: readonly ContextCategory[] = ['missie', 'mensen', 'systemen'];
const NONE_VALUE = 'geen';

function checkNote(errors: FieldErrors<BouwsteenField>, field: BouwsteenField, value: string | undefined): void {
  if (value && value.length > NOTE_MAX_LENGTH) {
    errors[field] = `Je toelichting is ${value.length} tekens lang; het maximum is ${NOTE_MAX_LENGTH}. Kort ze wat in: je tekst staat er nog.`;
  }
}

function parseContext(
  errors: FieldErrors<BouwsteenField>,
  field: 'levers' | 'obstacles',
  value: string | undefined,
): { none: boolean; categories: ContextCategory[] } | undefined {
  const word = field === 'levers' ? 'hefbomen' : 'knelpunten';
  const values = list(value);
  if (values.length === 0) {
    errors[field] = `Duid aan of jullie ${word} ervaren (of kies "neen").`;
    return undefined;
  }
  if (values.some((v) => v !== NONE_VALUE && !CATEGORIES.includes(v as ContextCategory))) {
    errors[field] = `Kies bij de ${word} enkel uit de gegeven mogelijkheden.`;
    return undefined;
  }
  if (values.includes(NONE_VALUE)) {
    if (values.length > 1) {
      errors[field] = `"Neen, geen ${word}" kan je niet combineren met een andere keuze. Kies het een of het ander.`;
      return undefined;
    }
    return { none: true, categories: [] };
  }
  return { none: false, categories: CATEGORIES.filter((c) => values.includes(c)) };
}

/** Validates a complete bouwsteen card: every required question, the ambition rule, exclusivity, limits. */
export function validateBouwsteenForm(bouwsteenId: BouwsteenId, form: BouwsteenForm): Validated<BouwsteenAnswer, BouwsteenField> {
  const errors: FieldErrors<BouwsteenField> = {};

  const stadiumText = trimmed(form.stadium);
  let stadium: StadiumLevel | undefined;
  if (!stadiumText) errors.stadium = 'Kies het stadium dat het best past bij hoe jullie vandaag met deze bouwsteen bezig zijn.';
  else if (!STADIUM_VALUES.has(stadiumText)) errors.stadium = 'Kies een van de vier stadia.';
  else stadium = Number(stadiumText) as StadiumLevel;

  const ambitionText = trimmed(form.ambition);
  let ambition: Ambition | undefined;
  if (!ambitionText) errors.ambition = 'Kies wat jullie naar de toekomst willen.';
  else if (ambitionText === 'aanhouden') ambition = 'aanhouden';
  else if (STADIUM_VALUES.has(ambitionText) && ambitionText !== '1') {
    const target = Number(ambitionText) as 2 | 3 | 4;
    if (stadium !== undefined && target <= stadium) {
      errors.ambition =
        stadium === 4
          ? 'Jullie zitten al in het stadium systematisch: kies "dit aanhouden".'
          : 'Evolueren kan alleen naar een stadium hoger dan het huidige. Kies een hoger stadium of "dit aanhouden".';
    } else ambition = target;
  } else errors.ambition = 'Kies een van de mogelijkheden bij "Naar de toekomst willen we".';

  const choiceText = trimmed(form.choice);
  if (!choiceText) errors.choice = 'Duid aan of de huidige manier van werken een welbewuste keuze is.';
  else if (!CHOICES.includes(choiceText as ChoiceOrigin)) errors.choice = 'Kies een van de drie mogelijkheden.';
  checkNote(errors, 'choiceNote', form.choiceNote);

  const differenceValues = list(form.difference);
  let difference: BouwsteenAnswer['difference'] | undefined;
  if (differenceValues.length === 0) errors.difference = 'Duid aan of er verschillen zijn tussen teams, werkgroepen, disciplines of vestigingen (of kies "nee").';
  else if (differenceValues.some((v) => v !== 'nee' && !DIFFERENCE_KINDS.includes(v as DifferenceKind))) errors.difference = 'Kies enkel uit de gegeven mogelijkheden.';
  else if (differenceValues.includes('nee') && differenceValues.length > 1) errors.difference = '"Nee" kan je niet combineren met een "ja"-antwoord. Kies het een of het ander.';
  else if (differenceValues.includes('nee')) difference = { none: true, kinds: [] };
  else {
    const kinds = DIFFERENCE_KINDS.filter((k) => differenceValues.includes(k));
    const otherText = trimmed(form.differenceOther);
    if (kinds.includes('anders') && !otherText) errors.differenceOther = 'Je koos "ja, anders": beschrijf kort tussen welke groepen.';
    else if (otherText && otherText.length > OTHER_TEXT_MAX_LENGTH) errors.differenceOther = `Hou het kort: maximaal ${OTHER_TEXT_MAX_LENGTH} tekens.`;
    else difference = { none: false, kinds, ...(kinds.includes('anders') ? { otherText } : {}) };
  }
  checkNote(errors, 'differenceNote', form.differenceNote);

  const levers = parseContext(errors, 'levers', form.levers);
  checkNote(errors, 'leversNote', form.leversNote);
  const obstacles = parseContext(errors, 'obstacles', form.obstacles);
  checkNote(errors, 'obstaclesNote', form.obstaclesNote);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const note = (v: string | undefined) => trimmed(v);
  return {
    ok: true,
    value: {
      bouwsteenId,
      stadium: stadium!,
      ambition: ambition!,
      choice: choiceText as ChoiceOrigin,
      ...(note(form.choiceNote) ? { choiceNote: note(form.choiceNote) } : {}),
      difference: difference!,
      ...(note(form.differenceNote) ? { differenceNote: note(form.differenceNote) } : {}),
      levers: levers!,
      ...(note(form.leversNote) ? { leversNote: note(form.leversNote) } : {}),
      obstacles: obstacles!,
      ...(note(form.obstaclesNote) ? { obstaclesNote: note(form.obstaclesNote) } : {}),
    },
  };
}

/** §7.3: inspirerende praktijken (≤ 3 or "nog niet"), prioriteiten (3 required, up to 5, distinct, ranked). */
export function validateClosingForm(form: ClosingForm): Validated<ClosingAnswer, ClosingField> {
  const errors: FieldErrors<ClosingField> = {};
  const isId = (v: string) => (BOUWSTEEN_IDS as readonly string[]).includes(v);

  const inspiringValues = list(form.inspiring);
  let notYetInspiring = false;
  let inspiring: BouwsteenId[] = [];
  if (inspiringValues.length === 0) errors.inspiring = 'Kies tot 3 bouwstenen waarin jullie andere centra kunnen inspireren, of "nog niet".';
  else if (inspiringValues.includes(NOT_YET_INSPIRING_VALUE)) {
    if (inspiringValues.length > 1) errors.inspiring = '"Nog niet" kan je niet combineren met bouwstenen. Kies het een of het ander.';
    else notYetInspiring = true;
  } else if (inspiringValues.some((v) => !isId(v))) errors.inspiring = 'Kies enkel bouwstenen uit de lijst.';
  else if (new Set(inspiringValues).size > 3) errors.inspiring = `Je koos er ${new Set(inspiringValues).size}: kies maximaal 3 bouwstenen.`;
  else inspiring = BOUWSTEEN_IDS.filter((id) => inspiringValues.includes(id));

  const priorityFields: ClosingField[] = ['priority1', 'priority2', 'priority3', 'priority4', 'priority5'];
  const priorities: BouwsteenId[] = [];
  let gap = false;
  priorityFields.forEach((field, index) => {
    const value = trimmed(form[field]);
    if (!value) {
      if (index < 3) errors[field] = `Kies prioriteit ${index + 1}: er zijn minstens 3 prioriteiten nodig.`;
      else gap = true;
      return;
    }
    if (!isId(value)) errors[field] = 'Kies een bouwsteen uit de lijst.';
    else if (priorities.includes(value as BouwsteenId)) errors[field] = 'Deze bouwsteen staat al hoger in je lijst. Kies een andere.';
    else if (gap) errors[field] = 'Vul de prioriteiten in volgorde in, zonder een plaats over te slaan.';
    else priorities.push(value as BouwsteenId);
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { notYetInspiring, inspiring, priorities } };
}

/** A stored draft of a complete, valid answer back to a typed answer (for consolidation). */
export function answerFromForm(bouwsteenId: BouwsteenId, form: BouwsteenForm): BouwsteenAnswer | undefined {
  const result = validateBouwsteenForm(bouwsteenId, form);
  return result.ok ? result.value : undefined;
}
