import assert from 'node:assert/strict';

import {
  CLUSTER_3,
  CLUSTER_3_BOUWSTENEN,
  CLUSTER_3_QUALITY_CONTRIBUTIONS,
} from '../../domain/catalogue/bouwstenenCluster3';
import type { Bouwsteen, BouwsteenId } from '../../domain/catalogue/types';

const EXPECTED_TITLES: ReadonlyArray<[BouwsteenId, string]> = [
  ['6.1', 'Integraal beleid'],
  ['6.2', 'Ontwikkeling als professionele leergemeenschap (PLG)'],
  ['6.3', 'Vanuit gedeeld leiderschap'],
  ['6.4', 'Onderzoekende houding'],
  ['6.5', 'Geïnformeerde praktijken'],
];

function byId(id: BouwsteenId): Bouwsteen {
  const found = CLUSTER_3_BOUWSTENEN.find((bouwsteen) => bouwsteen.id === id);
  assert.ok(found, `bouwsteen ${id} is missing`);
  return found;
}

/** Every text of a bouwsteen, labelled for readable failures. */
function textsOf(bouwsteen: Bouwsteen): Array<[string, string]> {
  const texts: Array<[string, string]> = [
    ['title', bouwsteen.title],
    ['definition', bouwsteen.definition],
    ['reflectionIntro', bouwsteen.reflectionIntro],
  ];
  bouwsteen.qualityExpectations.forEach((expectation) => texts.push([`quality ${expectation.code}`, expectation.text]));
  bouwsteen.developmentScales.forEach((scale) => {
    texts.push([`scale ${scale.code} name`, scale.name]);
    texts.push([`scale ${scale.code} text`, scale.scoresAsExpectedWhen]);
  });
  bouwsteen.reflections.forEach((reflection, index) => texts.push([`reflection ${index + 1}`, reflection]));
  bouwsteen.stadia.forEach((stadium, index) => texts.push([`stadium ${index + 1}`, stadium]));
  const contribution = CLUSTER_3_QUALITY_CONTRIBUTIONS[bouwsteen.id];
  if (contribution !== undefined) texts.push(['quality contribution', contribution]);
  return texts;
}

/** All texts of one bouwsteen as one string, for sentence spot checks. */
function allTextOf(bouwsteen: Bouwsteen): string {
  return textsOf(bouwsteen)
    .map(([, text]) => text)
    .join('\n');
}

const OCR_ARTIFACTS: ReadonlyArray<[string, RegExp]> = [
  ['geévalu', /geévalu/i],
  ['geintegr', /geintegr/i],
  ['geinform', /geinform/i],
  ['geinteress', /geinteress/i],
  ['geimplement', /geimplement/i],
  ['beinvloed', /beinvloed/i],
  ['continui', /continui/i],
  ['strategieén', /ieén/i],
  ['pipe', /\|/],
  ['registered sign', /®/],
  ['double space', / {2}/],
  ['leading or trailing whitespace', /^\s|\s$/],
  ['single line break (paragraphs are separated by a blank line)', /(^|[^\n])\n(?!\n)/],
  ['three or more line breaks', /\n{3}/],
  ['tab', /\t/],
  ['line-break hyphenation', /[a-zà-ÿ]- (?!en\b)[a-zà-ÿ]/],
  ['page header', /\b6\.\d\s+[A-Z]/],
  ['footnote line', /Input verzameld/],
  ['stadium heading', /\(plan \+ do/],
  ['section heading', /DEFINITIE|INSCHALING|RclbK|ONTWIKKELINGSSCHAAL|KWALITEITSVERWACHTINGEN/],
  ['footnote marker', /[a-z][*¹²³⁴⁵⁶⁷⁸⁹?]\s|[a-z][¹²³⁴⁵⁶⁷⁸⁹]/],
  ['OCR 0.a.', /\b0\.a\./],
  ['OCR lj for ij', /\bblj\b|\bwuze\b|verwiuist|verwuist/i],
  ['OCR tripled letter', /([a-z])\1\1/i],
  ['OCR doubled parenthesis', /\)\)|\(\(/],
  ['missing space after full stop', /[a-z]\.[A-Z]/],
];

/** Words that contain a real hyphen between letters; anything else with "x-y" is suspect. */
const REAL_HYPHENATED = new Set(['evidence-based', 'positief-kritische', 'up-to-date', 'prodia-protocollen']);

describe('catalogue: cluster 3 (Het CLB-beleid)', () => {
  it('has the cluster title and the five bouwsteen ids in order', () => {
    assert.equal(CLUSTER_3.id, 3);
    assert.equal(CLUSTER_3.title, 'Het CLB-beleid');
    assert.deepEqual(CLUSTER_3.bouwsteenIds, ['6.1', '6.2', '6.3', '6.4', '6.5']);
  });

  it('has five bouwstenen with the right ids, cluster and titles', () => {
    assert.equal(CLUSTER_3_BOUWSTENEN.length, 5);
    assert.deepEqual(
      CLUSTER_3_BOUWSTENEN.map((bouwsteen) => [bouwsteen.id, bouwsteen.title]),
      EXPECTED_TITLES,
    );
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) assert.equal(bouwsteen.cluster, 3, bouwsteen.id);
  });

  it('has four non-empty stadia per bouwsteen', () => {
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) {
      assert.equal(bouwsteen.stadia.length, 4, bouwsteen.id);
      bouwsteen.stadia.forEach((stadium, index) => {
        assert.ok(stadium.trim().length > 40, `${bouwsteen.id} stadium ${index + 1} is empty or too short`);
        assert.doesNotMatch(stadium, /^(Fragmentair|Planmatig|Geïntegreerd|Systematisch)\b/, `${bouwsteen.id} stadium ${index + 1} starts with its heading`);
      });
    }
  });

  it('has a definition, quality expectations and development scales with well-formed codes', () => {
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) {
      assert.ok(bouwsteen.definition.length > 40, `${bouwsteen.id} definition`);
      assert.ok(bouwsteen.qualityExpectations.length >= 1, `${bouwsteen.id} quality expectations`);
      assert.ok(bouwsteen.developmentScales.length >= 1, `${bouwsteen.id} development scales`);
      for (const expectation of bouwsteen.qualityExpectations) {
        assert.match(expectation.code, /^[A-Z]{1,2}\d+$/, `${bouwsteen.id} quality code ${expectation.code}`);
        assert.match(expectation.text, /^Het CLB |^In het CLB /, `${bouwsteen.id} ${expectation.code} text`);
        assert.match(expectation.text, /\.$/, `${bouwsteen.id} ${expectation.code} ends with a full stop`);
      }
      for (const scale of bouwsteen.developmentScales) {
        assert.match(scale.code, /^[A-Z]{1,2}\d+$/, `${bouwsteen.id} scale code ${scale.code}`);
        assert.ok(scale.name.length > 0, `${bouwsteen.id} scale ${scale.code} name`);
        assert.equal(scale.name, scale.name.charAt(0).toUpperCase() + scale.name.slice(1).toLowerCase(), `${bouwsteen.id} scale name in sentence case`);
        assert.ok(scale.scoresAsExpectedWhen.length > 40, `${bouwsteen.id} scale ${scale.code} text`);
      }
    }
  });

  it('has the quality expectation and development scale codes of the seed', () => {
    const codes = CLUSTER_3_BOUWSTENEN.map((bouwsteen) => [
      bouwsteen.id,
      bouwsteen.qualityExpectations.map((expectation) => expectation.code),
      bouwsteen.developmentScales.map((scale) => `${scale.code} ${scale.name}`),
    ]);
    assert.deepEqual(codes, [
      ['6.1', ['BL1', 'BL2'], ['K3 Beleid op vlak van de dienstverlening']],
      ['6.2', ['BL4', 'BL9'], ['P3 Professionalisering']],
      ['6.3', ['BL1', 'BL3'], ['K1 Visie en strategisch beleid', 'K2 Organisatiebeleid']],
      ['6.4', ['KB1', 'K2', 'K3'], ['K5 Betrouwbare evaluatie van de kwaliteit']],
      ['6.5', ['K2', 'K3'], ['K2 Organisatiebeleid']],
    ]);
  });

  it('has no reflection examples, as the seed gives none for this cluster', () => {
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) {
      assert.equal(bouwsteen.reflectionIntro, '', bouwsteen.id);
      assert.deepEqual(bouwsteen.reflections, [], bouwsteen.id);
    }
  });

  it('keeps the "draagt bij aan de kwaliteit" text of every bouwsteen', () => {
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) {
      const contribution = CLUSTER_3_QUALITY_CONTRIBUTIONS[bouwsteen.id];
      assert.ok(contribution !== undefined && contribution.length > 100, bouwsteen.id);
    }
  });

  it('contains no OCR artifacts', () => {
    for (const bouwsteen of CLUSTER_3_BOUWSTENEN) {
      for (const [label, text] of textsOf(bouwsteen)) {
        for (const [artifact, pattern] of OCR_ARTIFACTS) {
          assert.doesNotMatch(text, pattern, `${bouwsteen.id} ${label}: ${artifact}`);
        }
        const hyphenated = text.match(/[A-Za-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)+/g) ?? [];
        for (const word of hyphenated) {
          const realCompound = REAL_HYPHENATED.has(word.toLowerCase()) || /^[A-Z]{2,}-/.test(word);
          assert.ok(realCompound, `${bouwsteen.id} ${label}: suspicious hyphenation "${word}"`);
        }
      }
    }
  });

  it('spot-checks sentences of 6.1 Integraal beleid', () => {
    const text = allTextOf(byId('6.1'));
    for (const sentence of [
      'De mate waarin de verschillende beleidsactiviteiten op elkaar afgestemd zijn binnen het (school)team (Vanhoof, Laenen, Van Damme & Goffin, 2024).',
      'Het CLB ontwikkelt en voert een gedragen, geïntegreerd en samenhangend en doelgericht beleid.',
      'Afspraken die het centrum in afstemming met andere centra maakt, worden consequent geïntegreerd in het beleid op het vlak van de dienstverlening.',
      'Niet iedereen is op de hoogte van de taken die het team moet vervullen en de verantwoordelijkheden binnen het (kwaliteits-)plan zijn onduidelijk.',
      'Het CLB wordt ervaren als één systeem waarin verschillende elementen samenhangen en elkaar voortdurend beïnvloeden.',
      'Het beleidsplan en de bijhorende kwaliteitsplannen worden regelmatig cyclisch en kritisch geëvalueerd.',
    ]) {
      assert.ok(text.includes(sentence), sentence);
    }
    const stadia = byId('6.1').stadia;
    assert.ok(stadia[0].startsWith('Het centrumbeleid onderneemt ad hoc initiatieven'));
    assert.ok(stadia[1].includes('‘de tempel van integrale organisatieontwikkeling’'));
    assert.ok(stadia[3].endsWith('en de daarbij horende kwaliteitsplannen.'));
  });

  it('spot-checks sentences of 6.2 Ontwikkeling als professionele leergemeenschap (PLG)', () => {
    const text = allTextOf(byId('6.2'));
    for (const sentence of [
      'Het CLB ontwikkelt en voert een doeltreffend personeelsbeleid en heeft hierbij specifieke aandacht voor beginnende CLB-medewerkers.',
      'Het jaarlijks vormingsplan is afgestemd op de werking van het centrum.',
      'Er is een professionaliseringsplan met een aanpak rond aanvangsbegeleiding.',
      'De medewerkers van het CLB leren ook centrumoverstijgend (vb. via de community van GO! CLB’s, via netoverstijgende lokale samenwerking) in effectieve professionele leergemeenschappen om een verbetering van de kwaliteit van leerlingenbegeleiding na te streven.',
    ]) {
      assert.ok(text.includes(sentence), sentence);
    }
    assert.ok(byId('6.2').stadia[2].includes('een of meerdere effectieve professionele leergemeenschap(pen).'));
  });

  it('spot-checks sentences of 6.3 Vanuit gedeeld leiderschap', () => {
    const text = allTextOf(byId('6.3'));
    for (const sentence of [
      'Ze worden verantwoordelijk en ook aansprakelijk voor een geïntegreerd takenpakket en de bijbehorende output.',
      'Het centrum stemt zijn visie af op zijn context, op de eigenheid van de scholen en op de regelgeving.',
      'Het staat open voor externe vragen en verwachtingen en speelt daar op in.',
      'Het centrumbeleid denkt na over de vraag “hoe kan ik als leider ervoor zorgen dat mijn team zich meer betrokken voelt bij de organisatie”.',
      'Medewerkers worden vooral betrokken als ze over voldoende kennis ter zake beschikken.',
      'Beleidsteams zetten in op competentieontwikkeling met het oog op duurzaam gedeeld leiderschap.',
    ]) {
      assert.ok(text.includes(sentence), sentence);
    }
    assert.ok(text.includes('consultatieve leerlingenbegeleiding wil vormgeven'));
    assert.ok(text.includes('geïnteresseerde belanghebbenden'));
  });

  it('spot-checks sentences of 6.4 Onderzoekende houding', () => {
    const text = allTextOf(byId('6.4'));
    for (const sentence of [
      'Hiervoor zijn verschillende competenties nodig: (1) het ontwikkelen van een onderzoekende ingesteldheid, (2) voldoende datageletterdheid en (3) een onderzoekende cultuur op het centrum tot stand brengen (naar Earl & Katz, 2006).',
      'Het CLB evalueert zijn werking cyclisch, systematisch en betrouwbaar vanuit de resultaten en effecten bij de lerenden.',
      'Het centrum evalueert zijn kwaliteit betrouwbaar.',
      'De medewerkers vertrekken daarbij nog vaak vanuit het buikgevoel en missen kansen om de werking te evalueren op basis van kwalitatieve/kwantitatieve bronnen.',
      'Verschillende kwalitatieve en kwantitatieve data over het functioneren van het centrum wordt systematisch verzameld, geanalyseerd en geïnterpreteerd.',
    ]) {
      assert.ok(text.includes(sentence), sentence);
    }
  });

  it('spot-checks sentences of 6.5 Geïnformeerde praktijken', () => {
    const text = allTextOf(byId('6.5'));
    for (const sentence of [
      'Geïnformeerde praktijken of evidence-based werken vindt plaats wanneer je zowel praktijkkennis als kennis uit (wetenschappelijk) onderzoek gebruikt om handelen in de praktijk te verbeteren of te verrijken.',
      'De medewerkers passen de verschillende soorten kennisbronnen toe op de praktijkcontext en kijken welke onderdelen uit onderzoek of praktijk kunnen worden ingezet (naar Wubbels & Van Tartwijk, 2017).',
      'We denken hierbij o.a. aan de toepassing van de Prodia protocollen en de standaarden van de VWVJ inzake jeugdgezondheidszorg.',
      'Het centrum heeft een centrumbrede visie op evidence-based werken.',
      'Nadat leerlingenbegeleiding werd ingezet, wordt het effect op de leerling geëvalueerd.',
      'Reflectie zorgt voor nieuwe perspectieven en houdt de manier van werken up-to-date.',
    ]) {
      assert.ok(text.includes(sentence), sentence);
    }
    assert.ok(byId('6.5').stadia[2].includes('(vb. Prodia-protocollen, standaarden VWVJ...)'));
  });

  it('shares the same K2 development scale text between 6.3 and 6.5', () => {
    const k2Of = (id: BouwsteenId) => byId(id).developmentScales.find((scale) => scale.code === 'K2');
    assert.deepEqual(k2Of('6.3'), k2Of('6.5'));
  });
});
