/**
 * The questions of seed 004 (§7.2 per bouwsteen, §7.3 across all bouwstenen), exactly as domain.md
 * gives them, with their options and required flags. The survey cards take their labels from here.
 */
import type { Bouwsteen } from '../catalogue/types';
import { STADIA } from '../catalogue/types';
import {
  AMBITION_OPTIONS,
  CHOICE_OPTIONS,
  CONTEXT_CATEGORY_LABELS,
  DIFFERENCE_OPTIONS,
  NOT_YET_INSPIRING_LABEL,
  NO_LEVERS_LABEL,
  NO_OBSTACLES_LABEL,
} from './answers';
import type { BouwsteenField } from './validate';

export interface QuestionOption {
  value: string;
  label: string;
  /** Chosen alone or not at all ("nee", "neen", "nog niet"). */
  exclusive?: boolean;
}

export interface BouwsteenQuestion {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  /** The card input that answers it. */
  field: BouwsteenField;
  /** With "[bouwsteen]" where the bouwsteen's name goes. */
  text: string;
  required: true;
  multiSelect: boolean;
  options: QuestionOption[];
  /** The optional Toelichting field, when the question has one. */
  noteField?: BouwsteenField;
  /** A text that is required when this option is chosen ("ja, anders: ..."). */
  textFor?: { option: string; field: BouwsteenField };
}

const contextOptions = (noneLabel: string): QuestionOption[] => [
  ...Object.entries(CONTEXT_CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
  { value: 'geen', label: noneLabel, exclusive: true },
];

export const BOUWSTEEN_QUESTIONS: readonly BouwsteenQuestion[] = [
  {
    number: 1,
    field: 'stadium',
    text: 'Op welke wijze is ons centrum vandaag bezig met [bouwsteen]?',
    required: true,
    multiSelect: false,
    options: STADIA.map((s) => ({ value: String(s.level), label: s.pdca ? `${s.name} (${s.pdca})` : s.name })),
  },
  {
    number: 2,
    field: 'ambition',
    text: 'Naar de toekomst willen we:',
    required: true,
    multiSelect: false,
    options: AMBITION_OPTIONS.map((o) => ({ value: String(o.value), label: o.label })),
  },
  {
    number: 3,
    field: 'choice',
    text: 'De manier waarop ons centrum vandaag met [bouwsteen] bezig is:',
    required: true,
    multiSelect: false,
    options: CHOICE_OPTIONS.map((o) => ({ value: o.value, label: o.label })),
    noteField: 'choiceNote',
  },
  {
    number: 4,
    field: 'difference',
    text: 'Is er een verschil in huidige situering tussen de teams, werkgroepen, disciplines, vestigingen of andere deelgroepen binnen ons centrum?',
    required: true,
    multiSelect: true,
    options: DIFFERENCE_OPTIONS.map((o) => ({ value: o.value, label: o.label, ...(o.value === 'nee' ? { exclusive: true } : {}) })),
    noteField: 'differenceNote',
    textFor: { option: 'anders', field: 'differenceOther' },
  },
  {
    number: 5,
    field: 'levers',
    text: 'Ervaart ons centrum bepaalde hefbomen in de organisatiecontext die de huidige situering van [bouwsteen] motiveren of kaderen?',
    required: true,
    multiSelect: true,
    options: contextOptions(NO_LEVERS_LABEL),
    noteField: 'leversNote',
  },
  {
    number: 6,
    field: 'obstacles',
    text: 'Ervaart ons centrum bepaalde knelpunten in de organisatiecontext die de huidige situering van [bouwsteen] motiveren of kaderen?',
    required: true,
    multiSelect: true,
    options: contextOptions(NO_OBSTACLES_LABEL),
    noteField: 'obstaclesNote',
  },
];

export const CLOSING_QUESTIONS = {
  inspiring: {
    text: 'Voor deze bouwstenen denken we dat ons centrum een inspirerende praktijk kan zijn voor andere centra (max. 3):',
    required: true,
    max: 3,
    notYet: { value: 'nog-niet', label: NOT_YET_INSPIRING_LABEL, exclusive: true },
  },
  priorities: {
    text: 'Op korte termijn wensen we als centrum prioritair in te zetten op deze 3 (tot max. 5) bouwstenen in volgorde van belang:',
    required: true,
    min: 3,
    max: 5,
  },
} as const;

/**
 * How each bouwsteen reads inside a question ("… bezig met preventie?", "… de huidige situering
 * van een onderzoekende houding …"): the catalogue's titles are headings ("Behartiger van de
 * leerling", "Sterk partnerschap: intern binnen GO!"), which lower-cased do not read as Dutch.
 */
export const BOUWSTEEN_IN_QUESTION: Readonly<Record<string, string>> = {
  '4.1': 'het CLB als behartiger van de leerling',
  '4.2': 'een geïntegreerde benadering van de kernprocessen',
  '4.3': 'preventie',
  '5.1': 'sterk teamwerk',
  '5.2': 'een sterk partnerschap intern binnen GO!',
  '5.3': 'een sterk netwerk, netoverstijgend en extern',
  '6.1': 'integraal beleid',
  '6.2': 'ontwikkeling als professionele leergemeenschap (PLG)',
  '6.3': 'werken vanuit gedeeld leiderschap',
  '6.4': 'een onderzoekende houding',
  '6.5': 'geïnformeerde praktijken',
};

/** The question's text for one bouwsteen: "[bouwsteen]" becomes its name as it reads in a sentence. */
export function questionText(question: BouwsteenQuestion, bouwsteen: Pick<Bouwsteen, 'title'> & { id?: string }): string {
  const name = (bouwsteen.id && BOUWSTEEN_IN_QUESTION[bouwsteen.id]) || bouwsteen.title.charAt(0).toLowerCase() + bouwsteen.title.slice(1);
  return question.text.replace('[bouwsteen]', name);
}
