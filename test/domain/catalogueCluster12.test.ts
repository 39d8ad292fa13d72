import assert from 'node:assert/strict';
import { CLUSTER_1_2, CLUSTER_1_2_BOUWSTENEN } from '../../domain/catalogue/bouwstenenCluster12';
import type { Bouwsteen, BouwsteenId } from '../../domain/catalogue/types';

const EXPECTED: { id: BouwsteenId; cluster: 1 | 2; title: string }[] = [
  { id: '4.1', cluster: 1, title: 'Behartiger van de leerling' },
  { id: '4.2', cluster: 1, title: 'Geïntegreerde benadering van de kernprocessen' },
  { id: '4.3', cluster: 1, title: 'Preventie' },
  { id: '5.1', cluster: 2, title: 'Sterk teamwerk' },
  { id: '5.2', cluster: 2, title: 'Sterk partnerschap: intern binnen GO!' },
  { id: '5.3', cluster: 2, title: 'Sterk netwerk: netoverstijgend en extern' },
];

function byId(id: BouwsteenId): Bouwsteen {
  const found = CLUSTER_1_2_BOUWSTENEN.find((b) => b.id === id);
  assert.ok(found, `bouwsteen ${id} not found`);
  return found;
}

/** Every text of a bouwsteen, labelled with where it comes from. */
function allTexts(b: Bouwsteen): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [
    { where: 'title', text: b.title },
    { where: 'definition', text: b.definition },
    { where: 'reflectionIntro', text: b.reflectionIntro },
  ];
  b.qualityExpectations.forEach((q, i) => {
    texts.push({ where: `qualityExpectations[${i}].code`, text: q.code });
    texts.push({ where: `qualityExpectations[${i}].text`, text: q.text });
  });
  b.developmentScales.forEach((s, i) => {
    texts.push({ where: `developmentScales[${i}].code`, text: s.code });
    texts.push({ where: `developmentScales[${i}].name`, text: s.name });
    texts.push({ where: `developmentScales[${i}].scoresAsExpectedWhen`, text: s.scoresAsExpectedWhen });
  });
  b.reflections.forEach((r, i) => texts.push({ where: `reflections[${i}]`, text: r }));
  b.stadia.forEach((s, i) => texts.push({ where: `stadia[${i}]`, text: s }));
  return texts;
}

/** All texts of a bouwsteen in one string, to look sentences up in. */
function fullText(b: Bouwsteen): string {
  return allTexts(b)
    .map((t) => t.text)
    .join('\n');
}

const OCR_ARTIFACTS: { name: string; pattern: RegExp }[] = [
  { name: "'é' inside a word where 'ë' belongs (geévalueerd, creéert, cliént, remediéring ...)", pattern: /[a-zA-Z]é/ },
  { name: 'geintegr (missing diaeresis)', pattern: /geintegr/i },
  { name: 'continui (continuim / continuiim / hulpcontinuiteit)', pattern: /continui/i },
  { name: 'geinformeerd', pattern: /geinform/i },
  { name: 'beinvloeden / beinvioeden', pattern: /bein[vf]/i },
  { name: 'codrdin (coördineren)', pattern: /codrdin/i },
  { name: 'pipe character', pattern: /\|/ },
  { name: 'registered sign', pattern: /®/ },
  { name: 'line-break hyphen', pattern: / -\n/ },
  { name: 'hyphen directly before a line break', pattern: /\w-\n/ },
  { name: 'single line break (paragraphs must be separated by a blank line)', pattern: /[^\n]\n[^\n]/ },
  { name: 'more than one blank line', pattern: /\n\n\n/ },
  { name: 'double space', pattern: / {2}/ },
  { name: 'leading or trailing whitespace in a paragraph', pattern: /^\s|\s$|[ \t]\n|\n[ \t]/ },
  { name: 'broken word be-geleiding', pattern: /\bbe-geleiding/ },
  { name: 'footnote marker glued to a word or ending', pattern: /[a-z][²³¹*]|\d(?:Input|Er is)|reflecties[*’']|ALS\S|SCHAAL\?/ },
  { name: 'page header interrupting the text', pattern: /\b[45]\.[123] (?:Behartiger|Geïntegreerde|Geintegreerde|Preventie|Sterk)/ },
  { name: 'footnote line of the seed', pattern: /Input verzameld|PLG DIR\/CO/ },
  { name: 'known OCR typos', pattern: /neergescheven|VERWIUIST|VERWUIST|VERWUST|vilak|partnes\b|aanbodgstuurde|ONTWIKKELNGS/ },
  { name: 'doubled apostrophe', pattern: /['’]['’]/ },
];

describe('catalogue: bouwstenen of clusters 1 and 2 (seed 004, chapters 4-5)', () => {
  it('has the six bouwstenen with the right ids, clusters and titles, in order', () => {
    assert.equal(CLUSTER_1_2_BOUWSTENEN.length, 6);
    assert.deepEqual(
      CLUSTER_1_2_BOUWSTENEN.map((b) => ({ id: b.id, cluster: b.cluster, title: b.title })),
      EXPECTED,
    );
  });

  it('lists the two clusters with their seed chapter titles', () => {
    assert.deepEqual(CLUSTER_1_2, [
      { id: 1, title: 'De leerlingenbegeleiding geboden door CLB', bouwsteenIds: ['4.1', '4.2', '4.3'] },
      { id: 2, title: 'Sterke partnerschappen binnen het ecosysteem', bouwsteenIds: ['5.1', '5.2', '5.3'] },
    ]);
  });

  for (const expected of EXPECTED) {
    describe(`${expected.id} ${expected.title}`, () => {
      it('has four non-empty, distinct stadium texts', () => {
        const b = byId(expected.id);
        assert.equal(b.stadia.length, 4);
        for (const s of b.stadia) assert.ok(s.trim().length > 50, `stadium text too short: ${s}`);
        assert.equal(new Set(b.stadia).size, 4);
      });

      it('has a definition, quality expectations and development scales', () => {
        const b = byId(expected.id);
        assert.ok(b.definition.length > 100);
        assert.ok(b.qualityExpectations.length >= 1);
        assert.ok(b.developmentScales.length >= 1);
        for (const q of b.qualityExpectations) {
          assert.match(q.code, /^[A-Z]{1,2}\d+$/);
          assert.match(q.text, /^Het CLB |^De /);
        }
        for (const s of b.developmentScales) {
          assert.match(s.code, /^[A-Z]{1,2}\d+$/);
          assert.ok(s.name.length > 0);
          assert.match(s.name, /^[A-Z][a-zë ’'-]+/, `name not in sentence case: ${s.name}`);
          assert.notEqual(s.name, s.name.toUpperCase());
          assert.ok(s.scoresAsExpectedWhen.length > 100);
        }
        const qCodes = b.qualityExpectations.map((q) => q.code);
        assert.equal(new Set(qCodes).size, qCodes.length, 'duplicate quality expectation code');
        const sCodes = b.developmentScales.map((s) => s.code);
        assert.equal(new Set(sCodes).size, sCodes.length, 'duplicate development scale code');
      });

      it('has reflections, each a non-empty string', () => {
        const b = byId(expected.id);
        assert.ok(b.reflections.length >= 1);
        for (const r of b.reflections) assert.ok(r.trim().length > 10, `reflection too short: ${r}`);
        if (b.reflectionIntro !== '') assert.match(b.reflectionIntro, /^Je kan .*:$/);
      });

      it('contains no OCR artifacts', () => {
        for (const { where, text } of allTexts(byId(expected.id))) {
          for (const { name, pattern } of OCR_ARTIFACTS) {
            assert.doesNotMatch(text, pattern, `${expected.id} ${where}: ${name}`);
          }
        }
      });
    });
  }

  describe('spot checks against the seed (with repaired spelling)', () => {
    const SENTENCES: Record<string, string[]> = {
      '4.1': [
        'Kwaliteitsvolle leerlingenbegeleiding bevordert de totale ontwikkeling van alle leerlingen, verhoogt hun welbevinden, voorkomt vroegtijdig schoolverlaten en creëert meer gelijke onderwijskansen.',
        'Ze treden op als vertrouwenspersoon voor de leerling.',
        'Zijn de wensen en verwachtingen van de leerling duidelijk neergeschreven in LARS?',
        'Een beperkt aantal leerlingen worden actief bevraagd of geïnformeerd over hun rechten, het traject...',
        'Ook wordt er blijvend geëvalueerd of de werking werkelijk de leerling centraal stelt en recht doet aan zijn/haar positie.',
        'in functie van een kwaliteitsvolle begeleiding en tevredenheid bij de partners.',
      ],
      '4.2': [
        'De maatregelen vertrekken steeds vanuit een geïntegreerde en holistische benadering van de vier begeleidingsdomeinen en dit vanuit een continuüm van zorg (decreet LLB, art. 2, 15°).',
        'Die analyse vormt de basis om oplossingsalternatieven te verkennen.',
        'Check op het denkproces bij het triëren naar de meest geschikte kernactiviteiten of opdrachten om de hulpvraag te beantwoorden.',
        'Hoeveel HGD-trajecten monden niet uit in een GC/IAC/OV4-verslag?',
        'Het CLB en de medewerkers onderzoeken structureel de effecten van geïntegreerde leerlingenbegeleiding (bv. door analyse van GC/IAC/OV4-trajecten, vraagverhelderingsfiches, handelingsgerichte adviezen...) door dit te bevragen bij de cliënten.',
      ],
      '4.3': [
        'Om een positieve bijdrage te leveren aan de participatie van de lerende binnen de vier begeleidingsdomeinen heeft het CLB aandacht voor preventie en remediëring.',
        'Ze zijn alert voor de signalen van leerlingen en ouders.',
        'Opvolging hoog risico inschattingen: wat is ons plan van aanpak?',
        'Signaalfunctie en consultatieve leerlingenbegeleiding zijn systematisch verankerd in de werking en beïnvloeden zichtbaar de leerlingenbegeleiding op school.',
        'Preventie wordt cyclisch geëvalueerd met aandacht voor impact op de schoolpopulatie en -werking.',
      ],
      '5.1': [
        'Hierdoor worden we ons bewust van onze blinde vlekken en sturen we onze denkfouten bij.',
        'Ze zorgen voor een warme toeleiding, coördineren de samenwerking en koppelen terug naar de school.',
        'Ze doen een aanvraag voor meer ingrijpende hulp indien nodig en waken over de hulpcontinuïteit.',
        'Hoeveel medewerkers zijn er betrokken op het traject? In welke mate?',
        'De impact van multidisciplinariteit op het effect van begeleiding en samenwerking met scholen wordt geëvalueerd en benut.',
      ],
      '5.2': [
        'Op deze manier worden samen drempels weggenomen voor een optimale schoolse en maatschappelijke participatie van elke leerling (naar: www.prodiagnostiek.be).',
        'Het stuurt, op basis van deze evaluatie, de samenwerking doelgericht bij.',
        'PLG LLB- of PLG zorgcoördinatoren',
        'Het CLB werkt planmatig en afgestemd samen met scholen, LSC, SGR, PBD en dit is geïntegreerd in de centrumwerking.',
        'Expertiseontwikkeling en beleid worden daarbij afgestemd op gezamenlijke GO!-prioriteiten.',
      ],
      '5.3': [
        'Dit zijn partners die doelen op vlak van leerlingenbegeleiding helpen realiseren omdat ze gelijkaardige doelen nastreven of omdat ze net ontbrekende expertise kunnen binnenbrengen (complementariteit).',
        'De samenwerking bestaat uit een bundeling van deskundigheden en is gericht op een efficiënte en gelijkgerichte dienstverlening.',
        'Gedeelde of gezamenlijke professionalisering met lokale partners, zoals deelname aan wisselleren-projecten, gezamenlijke professionaliserings- of intervisiemomenten...',
        'Samenwerkingen zijn persoonsgebonden of casusgebonden, eerder reactief dan strategisch.',
        'Het CLB is een actieve actor in netwerken, initieert verbetertrajecten en draagt bij aan sectorbrede kennisopbouw en afstemming.',
      ],
    };

    for (const [id, sentences] of Object.entries(SENTENCES)) {
      it(`${id} contains the seed sentences verbatim`, () => {
        const text = fullText(byId(id as BouwsteenId));
        for (const sentence of sentences) assert.ok(text.includes(sentence), `${id} is missing: ${sentence}`);
      });
    }

    it('4.1 has the codes and names of the seed', () => {
      const b = byId('4.1');
      assert.deepEqual(
        b.qualityExpectations.map((q) => q.code),
        ['KB5', 'S1'],
      );
      assert.deepEqual(
        b.developmentScales.map((s) => [s.code, s.name]),
        [
          ['W4', 'Belang van de leerling'],
          ['W5', 'Beroepsgeheim'],
          ['W6', 'Laagdrempelige toegang'],
        ],
      );
      assert.equal(
        b.qualityExpectations[0]?.text,
        'Het CLB stelt het belang van de lerende centraal met toepassing van de regelgeving over het beroepsgeheim en de rechtspositie van de minderjarige in de hulpverlening.',
      );
      assert.equal(
        b.reflectionIntro,
        'Je kan de begeleiding geboden door het CLB afstemmen op de cliënt aan de hand van volgende reflecties:',
      );
      // The seed prints the same paragraph under W5 and W6; it is transcribed as the seed has it.
      assert.equal(b.developmentScales[1]?.scoresAsExpectedWhen, b.developmentScales[2]?.scoresAsExpectedWhen);
    });

    it('the other bouwstenen have the codes of the seed', () => {
      const codes = (id: BouwsteenId): [string[], string[]] => {
        const b = byId(id);
        return [b.qualityExpectations.map((q) => q.code), b.developmentScales.map((s) => s.code)];
      };
      assert.deepEqual(codes('4.2'), [['KB2', 'KB3', 'B1', 'B2'], ['B1', 'V3']]);
      assert.deepEqual(codes('4.3'), [['KB2', 'KB3', 'KB6', 'A1', 'A2'], ['W2']]);
      assert.deepEqual(codes('5.1'), [['KB2', 'KB3', 'S1', 'S2', 'B2'], ['W1', 'B5']]);
      assert.deepEqual(codes('5.2'), [['S2', 'S3', 'S4', 'BL5'], ['S1']]);
      assert.deepEqual(codes('5.3'), [['S4', 'S5', 'BL5'], ['S2', 'S3', 'S4', 'W7']]);
    });

    it('keeps the number of reflections of the seed', () => {
      assert.deepEqual(
        CLUSTER_1_2_BOUWSTENEN.map((b) => b.reflections.length),
        [17, 17, 8, 10, 5, 5],
      );
    });

    it('starts each stadium with the seed wording of that stadium', () => {
      const starts: Record<string, [string, string, string, string]> = {
        '4.1': ['Er zijn in het centrum een beperkt aantal initiatieven', 'Het CLB erkent de rol als belangenbehartiger', 'Leerlingen worden systematisch betrokken', 'De werking rond belangenbehartiging'],
        '4.2': ['Sommige medewerkers zijn zich bewust', 'Er is een gedeeld inzicht binnen het centrum', 'De kernprocessen, werkingsprincipes en begeleidingsdomeinen zijn ingebed', 'De geïntegreerde benadering van de kernprocessen'],
        '4.3': ['Er is een groeiend besef', 'Het CLB heeft afspraken over het inzetten op preventie', 'Preventieve acties zijn ingebed', 'Preventie is diep verankerd'],
        '5.1': ['Multidisciplinair overleg gebeurt eerder toevallig', 'Er is een gedeeld bewustzijn', 'Multidisciplinair teamwerk is een vanzelfsprekend onderdeel', 'Multidisciplinair teamwerk is een structurele kwaliteitshefboom'],
        '5.2': ['Er is een bewustzijn van het belang en de meerwaarde', 'Het team heeft een gedeeld inzicht', 'Het partnerschap binnen GO! is verankerd', 'Het CLB heeft een sterke samenwerkingscultuur'],
        '5.3': ['Er is bewustzijn van het belang van samenwerking', 'Er is een gedeeld begrip in het team', 'Netwerkvorming is ingebed', 'Het CLB stuurt het samenwerkingsbeleid'],
      };
      for (const [id, expectedStarts] of Object.entries(starts)) {
        const b = byId(id as BouwsteenId);
        expectedStarts.forEach((start, i) => {
          assert.ok(b.stadia[i]?.startsWith(start), `${id} stadium ${i + 1} should start with "${start}"`);
        });
      }
    });
  });
});
