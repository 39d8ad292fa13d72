/**
 * The content of the GO! "poolster-CLB in beeld" self-assessment (seed 004), as typed data.
 * Texts are Dutch, transcribed faithfully from the seed with OCR damage repaired.
 */

/** The four stadia, 1..4, in continuum order. Never a grade: they carry no value judgement. */
export type StadiumLevel = 1 | 2 | 3 | 4;

export const STADIUM_LEVELS: readonly StadiumLevel[] = [1, 2, 3, 4];

export interface StadiumInfo {
  level: StadiumLevel;
  /** e.g. "Fragmentair" */
  name: string;
  /** e.g. "plan + do"; empty for Fragmentair */
  pdca: string;
  /**
   * The seed's general description of the stadium (§3, the continuüm), shown on the intro card;
   * where the seed leaves a blank for the bouwsteen, it reads "de bouwsteen".
   */
  meaning: string;
}

export const STADIA: readonly StadiumInfo[] = [
  {
    level: 1,
    name: 'Fragmentair',
    pdca: '',
    meaning:
      'Er is een bewustzijn van het potentieel van (of er is een interesse voor) de bouwsteen, maar het wordt voorlopig vooral ad hoc en fragmentair toegepast of uitgeprobeerd door enkele voortrekkers.',
  },
  {
    level: 2,
    name: 'Planmatig',
    pdca: 'plan',
    meaning:
      'Er is een gedeeld begrip in het team van wat de bouwsteen inhoudt en hoe dit past binnen de centrumvisie. Er is een plan om de bouwsteen te vertalen in de begeleidingspraktijk. Dit plan is beslist/goedgekeurd door de directie en enkele teams of groepen zijn ermee aan de slag.',
  },
  {
    level: 3,
    name: 'Geïntegreerd',
    pdca: 'plan + do',
    meaning:
      'Het plan wordt uitgevoerd en de bouwsteen is geïntegreerd in de hele CLB-werking. Het merendeel van de medewerkers zijn hiermee vertrouwd en passen dit consequent toe binnen de leerlingenbegeleiding.',
  },
  {
    level: 4,
    name: 'Systematisch',
    pdca: 'plan + do + check + act',
    meaning:
      'Het plan is (minstens al één keer) geëvalueerd en bijgestuurd. Daarbij wordt op een datagedreven manier opgevolgd welke resultaten of effecten dit oplevert in de praktijk en er worden doelgericht verbeteracties ondernomen.',
  },
];

export function stadiumName(level: StadiumLevel): string {
  return STADIA[level - 1]!.name;
}

/** A quality expectation of the RclbK that a bouwsteen refers to, e.g. code "KB5". */
export interface QualityExpectation {
  code: string;
  text: string;
}

/** An inspectorate development scale (ontwikkelingsschaal), e.g. code "W4", name "Belang van de leerling". */
export interface DevelopmentScale {
  code: string;
  name: string;
  /** The "Een CLB scoort volgens de verwachting ... als:" text. */
  scoresAsExpectedWhen: string;
}

export type BouwsteenId =
  | '4.1' | '4.2' | '4.3'
  | '5.1' | '5.2' | '5.3'
  | '6.1' | '6.2' | '6.3' | '6.4' | '6.5';

export const BOUWSTEEN_IDS: readonly BouwsteenId[] = [
  '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '6.4', '6.5',
];

export type ClusterId = 1 | 2 | 3;

export interface Cluster {
  id: ClusterId;
  title: string;
  bouwsteenIds: BouwsteenId[];
}

export interface Bouwsteen {
  id: BouwsteenId;
  cluster: ClusterId;
  title: string;
  definition: string;
  qualityExpectations: QualityExpectation[];
  developmentScales: DevelopmentScale[];
  /** Optional lead-in sentence before the reflection list. */
  reflectionIntro: string;
  reflections: string[];
  /** Index 0..3 = stadium 1..4, the seed's INSCHALING text for this bouwsteen. */
  stadia: [string, string, string, string];
  /** "Draagt op deze wijze bij aan de kwaliteit van leerlingenbegeleiding" (chapter 6 only). */
  qualityContribution?: string;
  /** The seed's footnotes, with the section they belong to. */
  footnotes?: { developmentScales?: string; reflections?: string };
}
