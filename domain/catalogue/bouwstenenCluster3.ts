/**
 * Cluster 3 of the "poolster-CLB in beeld" self-assessment: "Het CLB-beleid" (seed 004, chapter 6),
 * bouwstenen 6.1 to 6.5. Transcribed from the OCR'd seed with the OCR damage repaired
 * (diacritics, line-break hyphenation, stray characters, page headers, column order).
 *
 * The seed gives no reflection examples ("HOE KAN JE ALS CLB ...") for the bouwstenen of this
 * cluster, so reflectionIntro is empty and reflections is an empty list for all five.
 */

import type { BouwsteenId, Bouwsteen, Cluster, DevelopmentScale, QualityExpectation } from './types';

/** Joins paragraphs of one text with a blank line, as everywhere in the catalogue. */
function paragraphs(...parts: string[]): string {
  return parts.join('\n\n');
}

export const CLUSTER_3_TITLE = 'Het CLB-beleid';

// Quality expectations and development scales shared by more than one bouwsteen of this cluster.

const BL1: QualityExpectation = {
  code: 'BL1',
  text: 'Het CLB ontwikkelt en voert een gedragen, geïntegreerd en samenhangend en doelgericht beleid.',
};

const K2_EXPECTATION: QualityExpectation = {
  code: 'K2',
  text: 'Het CLB evalueert zijn werking cyclisch, systematisch en betrouwbaar vanuit de resultaten en effecten bij de lerenden.',
};

const K3_EXPECTATION: QualityExpectation = {
  code: 'K3',
  text: 'Het CLB borgt en ontwikkelt de kwaliteit van de dienstverlening.',
};

function k2OrganisationPolicy(): DevelopmentScale {
  return {
    code: 'K2',
    name: 'Organisatiebeleid',
    scoresAsExpectedWhen:
      'Het centrum ontwikkelt en voert een beleid, waarbij participatie en dialoog belangrijk zijn. ' +
      'Het staat open voor externe vragen en verwachtingen en speelt daar op in. ' +
      'Het stimuleert vernieuwing, reflectie en expertisedeling tussen de medewerkers. ' +
      'Het centrum werkt met al zijn partners samen om de dienstverlening en de centrumwerking doelgericht te versterken. ' +
      'Het communiceert over de evoluties in zijn werking met interne en externe belanghebbenden.',
  };
}

export const CLUSTER_3_BOUWSTENEN: Bouwsteen[] = [
  {
    id: '6.1',
    cluster: 3,
    title: 'Integraal beleid',
    definition:
      'De mate waarin de verschillende beleidsactiviteiten op elkaar afgestemd zijn binnen het (school)team ' +
      '(Vanhoof, Laenen, Van Damme & Goffin, 2024).',
    qualityExpectations: [
      { ...BL1 },
      { code: 'BL2', text: 'Het CLB geeft zijn organisatie vorm op het vlak van cultuur en structuur.' },
    ],
    developmentScales: [
      {
        code: 'K3',
        name: 'Beleid op vlak van de dienstverlening',
        scoresAsExpectedWhen:
          'Het centrum geeft de kwaliteit van de dienstverlening samenhangend vorm aan de hand van doelgerichte maatregelen en afspraken. ' +
          'De afspraken en maatregelen krijgen vorm op centrumniveau. ' +
          'Met het oog op een consequente toepassing gaat het centrum na of die afspraken en maatregelen geïmplementeerd worden ' +
          'en waar nodig op maat van het team en de individuele medewerker uitgewerkt worden. ' +
          'Afspraken die het centrum in afstemming met andere centra maakt, worden consequent geïntegreerd in het beleid op het vlak van de dienstverlening. ' +
          'Het centrum ondersteunt de medewerkers, rekening houdend met wat ze nodig hebben om de begeleiding van de lerende ' +
          'en de leerling- en schoolgerichte werking kwaliteitsvol uit te voeren in diverse (school)contexten. ' +
          'Het beleid ondersteunt de kwaliteitsvolle dienstverlening, de interne gelijkgerichtheid en de uniformiteit met andere centra.',
      },
    ],
    reflectionIntro: '',
    reflections: [],
    stadia: [
      paragraphs(
        'Het centrumbeleid onderneemt ad hoc initiatieven om onderdelen van de werking te optimaliseren. ' +
          'Het CLB-team ziet daarbij de samenhang van al deze lopende processen onvoldoende.',
        'Niet iedereen is op de hoogte van de taken die het team moet vervullen en de verantwoordelijkheden binnen het ' +
          '(kwaliteits-)plan zijn onduidelijk.',
        'De beleidsteam en de teamleden zijn nog niet volledig op elkaar afgestemd.',
      ),
      paragraphs(
        'Het centrumbeleid heeft inzicht in het kader van ‘de tempel van integrale organisatieontwikkeling’ om integraal beleid te voeren ' +
          'en heeft kennis over hoe mensen, cultuur, structuren en systemen elkaar beïnvloeden.',
        'Het centrumbeleid heeft een overkoepelende visie op geïntegreerd beleid, maar past die slechts toe op enkele deelaspecten van de centrumwerking. ' +
          'Keuzes op vlak van dienstverleningsbeleid worden bijvoorbeeld nog niet altijd vertaald in personeels- en professionaliseringsbeleid ' +
          'en het financieel en materieel beleid van het centrum.',
      ),
      paragraphs(
        'Het centrumbeleid past de principes van integrale organisatieontwikkeling consequent toe bij het voeren van een centrumbreed beleid.',
        'Het CLB wordt ervaren als één systeem waarin verschillende elementen samenhangen en elkaar voortdurend beïnvloeden. ' +
          'Het centrumbeleid vertrekt hierbij vanuit een heldere aanpak waarin mensen, cultuur, structuur en systemen hand in hand gaan.',
        'Er worden bewuste keuzes gemaakt die vorm krijgen binnen een beleidsplan met bijhorende kwaliteitsplannen, ' +
          'met daarin strategische en operationele doelen.',
        'Er worden korte- en langetermijnacties bepaald. De planning is gevisualiseerd en beschikbaar voor de medewerkers.',
      ),
      paragraphs(
        'Het centrumbeleid is doordrongen van integraal werken en zet die geïntegreerde aanpak om in de praktijk ' +
          'vanuit inzicht in veranderprocessen en veranderstrategieën.',
        'Het beleidsplan en de bijhorende kwaliteitsplannen worden regelmatig cyclisch en kritisch geëvalueerd. ' +
          'Het centrumbeleid evalueert het proces, formuleert daarbij doelgerichte verbeteracties en stuurt op regelmatige basis ' +
          'de uitvoering van het beleidsplan en de kwaliteitsplannen bij. ' +
          'De organisatiecultuur en -structuur worden geregeld, verankerd of bijgesteld.',
        'Het centrumbeleid heeft aandacht voor het blijvend borgen en bijsturen van gelopen processen. ' +
          'Het houdt vinger aan de pols over de gehele CLB-werking. ' +
          'Op die manier waarborgt ze de kwaliteit van dienstverlening, breder dan de prioriteiten uit het beleidsplan ' +
          'en de daarbij horende kwaliteitsplannen.',
      ),
    ],
  },
  {
    id: '6.2',
    cluster: 3,
    title: 'Ontwikkeling als professionele leergemeenschap (PLG)',
    definition:
      'We spreken van een professionele leergemeenschap als de medewerkers in een CLB duurzaam individueel en samen leren ' +
      'om de dienstverlening en de leerlingenbegeleiding te verbeteren (naar Verbiest, 2016).',
    qualityExpectations: [
      { code: 'BL4', text: 'In het CLB heerst een innovatieve en lerende organisatiecultuur.' },
      {
        code: 'BL9',
        text: 'Het CLB ontwikkelt en voert een doeltreffend personeelsbeleid en heeft hierbij specifieke aandacht voor beginnende CLB-medewerkers.',
      },
    ],
    developmentScales: [
      {
        code: 'P3',
        name: 'Professionalisering',
        scoresAsExpectedWhen:
          'In het centrum staat het voortdurend leren van het CLB-team centraal. ' +
          'Het centrum koppelt de professionaliseringsnoden van de medewerkers aan zijn prioritaire doelen. ' +
          'Het jaarlijks vormingsplan is afgestemd op de werking van het centrum. ' +
          'Het centrum neemt initiatieven die leiden tot expertisedeling of het ontwikkelen en actualiseren van expertise van de medewerkers. ' +
          'Die initiatieven hebben een positieve impact op de begeleiding/dienstverlening.',
      },
    ],
    reflectionIntro: '',
    reflections: [],
    stadia: [
      'In het CLB zijn er beperkte initiatieven op het vlak van professionalisering van de teamleden. ' +
        'Er zijn een aantal losse individuele initiatieven, maar er is nog geen cultuur van expertisedeling, uitwisseling en collectief leren.',
      paragraphs(
        'Er is een professionaliseringsplan met een aanpak rond aanvangsbegeleiding. ' +
          'Het CLB stimuleert de samenwerking tussen de teamleden en het leren van en met elkaar met het oog op expertisedeling.',
        'Dit wordt vertaald in beperkte initiatieven en ontwikkeling van de expertise van enkele teamleden. ' +
          'Er zijn enkele deelgroepen (in de vorm van een team, werkgroepen, disciplinegroep...) die samen op weg zijn ' +
          'om een professionele leergemeenschap te vormen.',
      ),
      'Het centrumbeleid bevordert de professionele dialoog en biedt hierbij de nodige ondersteuning. ' +
        'Interne en externe expertisedeling wordt gestimuleerd en neemt de vorm aan van een of meerdere effectieve ' +
        'professionele leergemeenschap(pen). ' +
        'De medewerkers zijn hierbij onderling afhankelijk en wederzijds verantwoordelijk en streven samen een verbetering ' +
        'van de kwaliteit van de leerlingenbegeleiding na.',
      paragraphs(
        'De medewerkers van het CLB leren ook centrumoverstijgend (vb. via de community van GO! CLB’s, ' +
          'via netoverstijgende lokale samenwerking) in effectieve professionele leergemeenschappen om een verbetering ' +
          'van de kwaliteit van leerlingenbegeleiding na te streven.',
        'De medewerkers evalueren de effectiviteit van de professionele leergemeenschappen, ook cyclisch, ' +
          'met het doel die praktijk te verbeteren.',
        'De medewerkers evalueren daarbij het proces, formuleren doelgerichte verbeteracties en sturen op regelmatige basis ' +
          'de uitvoering bij. ' +
          'De medewerkers maken hierbij gebruik van verschillende databronnen om de kwaliteitsverbetering ' +
          'van de leerlingenbegeleiding te staven.',
      ),
    ],
  },
  {
    id: '6.3',
    cluster: 3,
    title: 'Vanuit gedeeld leiderschap',
    definition:
      'De mate waarin medewerkers in het CLB(-team) deelnemen aan de besluitvorming ' +
      '(naar Vanhoof, Laenen, Van Damme & Goffin, 2024). ' +
      'Gedeeld leiderschap verwijst naar een open en dynamisch organisatiemodel waarin multifunctionele teams meer autonomie krijgen. ' +
      'Ze worden verantwoordelijk en ook aansprakelijk voor een geïntegreerd takenpakket en de bijbehorende output.',
    qualityExpectations: [{ ...BL1 }, { code: 'BL3', text: 'Het CLB werkt participatief en responsief.' }],
    developmentScales: [
      {
        code: 'K1',
        name: 'Visie en strategisch beleid',
        scoresAsExpectedWhen:
          'Het centrum weet wat het met zijn dienstverlening wil bereiken, hoe het de ontwikkeling van de leerlingen wil stimuleren, ' +
          'zijn signaalfunctie en consultatieve leerlingenbegeleiding wil vormgeven. ' +
          'Het centrum stemt zijn visie af op zijn context, op de eigenheid van de scholen en op de regelgeving. ' +
          'De visie van het centrum vindt breed en zichtbaar ingang in de dienstverlening. ' +
          'De medewerkers zijn gezamenlijk verantwoordelijk om de visie te realiseren en streven naar een kwaliteitsvolle dienstverlening ' +
          'en een maximale tevredenheid van leerlingen, ouders en scholen. ' +
          '(Vanhoof, Laenen, Van Damme & Goffin, 2024).',
      },
      k2OrganisationPolicy(),
    ],
    reflectionIntro: '',
    reflections: [],
    stadia: [
      'Het centrumbeleid staat open voor participatie, vragen en verwachtingen, maar vertaalt die inbreng onvoldoende of niet ' +
        'in haar beleid. Het centrumbeleid behoudt grotendeels controle in besluitvorming.',
      paragraphs(
        'Het centrumbeleid denkt na over de vraag “hoe kan ik als leider ervoor zorgen dat mijn team zich meer betrokken voelt ' +
          'bij de organisatie”. ' +
          'Het centrumbeleid neemt stappen om een open cultuur te ontwikkelen waarin participatie en dialoog belangrijke elementen zijn.',
        'Het centrumbeleid wil het draagvlak voor beslissingen en betrokkenheid van de medewerkers verhogen, ' +
          'maar besluitvorming beperkt zich nog voornamelijk tot hetzelfde groepje geïnteresseerde belanghebbenden. ' +
          'Medewerkers worden vooral betrokken als ze over voldoende kennis ter zake beschikken.',
      ),
      paragraphs(
        'Beleidsteams nemen een voorbeeldfunctie op voor gedeeld leiderschap en delen het eigen leiderschap met medewerkers ' +
          'die ook beleidsrollen en -opdrachten opnemen. ' +
          'Teams krijgen meer autonomie en worden verantwoordelijk en aansprakelijk voor een geïntegreerd takenpakket. ' +
          'Het centrumbeleid betrekt structureel medewerkers bij de besluitvorming in verschillende participatie- en adviesorganen.',
        'Het centrumbeleid stimuleert daarbij de medewerkers om initiatief te nemen en verantwoordelijkheid op te nemen ' +
          'voor het centrum als organisatie en maakt afspraken over verantwoordelijkheden (rollen en taken). ' +
          'Sommige teamleden krijgen daarbij organisatiebrede verantwoordelijkheden. ' +
          'Het centrum doet dat via de principes van inclusieve besluitvorming. ' +
          'Er liggen nog kansen open voor het versterken van teams, zodat ze meer gedeelde verantwoordelijkheid kunnen opnemen.',
      ),
      paragraphs(
        'Het centrumbeleid hanteert een cyclische aanpak en stuurt op regelmatige basis de uitvoering bij. ' +
          'Beleidsteams zetten in op competentieontwikkeling met het oog op duurzaam gedeeld leiderschap.',
        'Er worden inspanningen geleverd om de expertise van medewerkers verder te ontwikkelen zowel op inhoudelijk gebied ' +
          'als op het gebied van centrumontwikkeling.',
        'De medewerkers krijgen hiervoor ook de nodige erkenning en de kans om nieuwe rollen op zich te nemen. ' +
          'Ze krijgen de nodige tijd om zich op diverse terreinen verder te ontwikkelen.',
      ),
    ],
  },
  {
    id: '6.4',
    cluster: 3,
    title: 'Onderzoekende houding',
    definition:
      'De medewerkers zijn bereid om te reflecteren op eigen gedrag, onderliggende motieven en data voor de kwaliteit ' +
      'van leerlingenbegeleiding (naar Meijer et al., 2016). ' +
      'Hiervoor zijn verschillende competenties nodig: (1) het ontwikkelen van een onderzoekende ingesteldheid, ' +
      '(2) voldoende datageletterdheid en (3) een onderzoekende cultuur op het centrum tot stand brengen (naar Earl & Katz, 2006).',
    qualityExpectations: [
      {
        code: 'KB1',
        text: 'Het CLB geeft de leerlingenbegeleiding vorm vanuit een gedragen visie en systematiek en volgt de effecten van de begeleiding op.',
      },
      { ...K2_EXPECTATION },
      { ...K3_EXPECTATION },
    ],
    developmentScales: [
      {
        code: 'K5',
        name: 'Betrouwbare evaluatie van de kwaliteit',
        scoresAsExpectedWhen:
          'Het centrum evalueert zijn kwaliteit betrouwbaar. ' +
          'Het benut bij zijn evaluaties nadrukkelijk de leerling- en schoolgerichte resultaten en effecten met aandacht voor ' +
          'de mate waarin de professionele samenwerking met partners hiertoe bijdraagt. ' +
          'Het centrum evalueert zijn kwaliteit op basis een analyse van diverse kwalitatieve en kwantitatieve bronnen. ' +
          'Het betrekt bij zijn evaluaties relevante partners.',
      },
    ],
    reflectionIntro: '',
    reflections: [],
    stadia: [
      paragraphs(
        'De medewerkers ondernemen een aantal acties rond de onderzoekende houding, maar dit wordt slechts ad hoc ' +
          'en fragmentair toegepast. ' +
          'Een minderheid van de medewerkers heeft een onderzoekende ingesteldheid en is voldoende datageletterd.',
        'De medewerkers vertrekken daarbij nog vaak vanuit het buikgevoel en missen kansen om de werking te evalueren ' +
          'op basis van kwalitatieve/kwantitatieve bronnen.',
      ),
      paragraphs(
        'Het centrum heeft een centrumbrede visie op de onderzoekende houding. ' +
          'Het centrumbeleid streeft naar onderzoeksmatig leiderschap en een onderzoekende cultuur op het centrum. ' +
          'Er wordt ingezet op datageletterdheid bij de medewerkers, maar dit wordt nog niet door iedereen beheerst.',
        'Er worden objectieve, kwantitatieve en kwalitatieve gegevens verzameld en bewaard, maar die worden nog niet volop ' +
          'geanalyseerd en benut voor kwaliteitsontwikkeling.',
      ),
      paragraphs(
        'Er heerst een onderzoekende cultuur op het centrum waarbij frequent wordt gebruikgemaakt van zowel kwantitatieve ' +
          '(bv. LARS DWH) als kwalitatieve data (bv. doorlichting, verslaggeving, LARS dossierstudie, ...). ' +
          'Er zijn hiervoor eenduidige afspraken gemaakt over alle teams heen.',
        'Het merendeel van de medewerkers handelt vanuit een onderzoekende houding en is voldoende datageletterd. ' +
          'Ze slagen erin om data te verzamelen, analyseren en interpreteren en de verkregen informatie te vertalen ' +
          'naar concreet inzetbare praktijken ter verbetering van de kwaliteit van leerlingenbegeleiding.',
      ),
      paragraphs(
        'Verschillende kwalitatieve en kwantitatieve data over het functioneren van het centrum wordt systematisch verzameld, ' +
          'geanalyseerd en geïnterpreteerd. ' +
          'De data wordt gebruikt om de werking van het centrum cyclisch te meten, evalueren en bij te stellen.',
        'De medewerkers stellen hierbij doelen voor interne kwaliteitszorg voorop en formuleren onderzoeksvragen.',
        'De medewerkers reflecteren voortdurend en bekijken vanuit een positief-kritische houding samen met collega’s ' +
          'hoe ze de leerlingenbegeleiding kwaliteitsvoller kunnen vormgeven. ' +
          'Ze borgen op basis van verschillende databronnen wat al goed gaat en ontwikkelen doelgerichte verbeteracties voor werkpunten. ' +
          'Het centrum heeft een onderbouwd en gedragen beleidsplan en bijhorende kwaliteitsplannen en stelt zijn werking ' +
          'voortdurend bij op basis van de evaluaties.',
      ),
    ],
  },
  {
    id: '6.5',
    cluster: 3,
    title: 'Geïnformeerde praktijken',
    definition:
      'Geïnformeerde praktijken of evidence-based werken vindt plaats wanneer je zowel praktijkkennis als kennis ' +
      'uit (wetenschappelijk) onderzoek gebruikt om handelen in de praktijk te verbeteren of te verrijken. ' +
      'De medewerkers passen de verschillende soorten kennisbronnen toe op de praktijkcontext en kijken welke onderdelen ' +
      'uit onderzoek of praktijk kunnen worden ingezet (naar Wubbels & Van Tartwijk, 2017).',
    qualityExpectations: [{ ...K2_EXPECTATION }, { ...K3_EXPECTATION }],
    developmentScales: [k2OrganisationPolicy()],
    reflectionIntro: '',
    reflections: [],
    stadia: [
      paragraphs(
        'Het centrum onderneemt een aantal acties rond evidence-based werken, maar dit wordt slechts ad hoc en fragmentair toegepast.',
        'Het evidence-based werken is sterk medewerkerafhankelijk en er zijn nauwelijks centrumbrede onderbouwde ' +
          'leerlingenbegeleiding of kennisdeling.',
      ),
      paragraphs(
        'Het centrum heeft een centrumbrede visie op evidence-based werken.',
        'Het centrum herkent knelpunten, maar laat kansen liggen om onderzoeksresultaten en praktijkinzichten te gebruiken ' +
          'bij het optimaliseren van hun eigen werking.',
        'Enkele medewerkers nemen (wetenschappelijke) literatuur door, gebruiken kennis uit de praktijk, of baseren zich ' +
          'op andere informatiebronnen. ' +
          'Er wordt hierbij beperkt rekening gehouden met de context van het eigen centrum.',
      ),
      paragraphs(
        'In het centrum en in de teams wordt praktijkonderzoek uitgevoerd om inzichten te verwerven en de praktijk aan te passen ' +
          'waar mogelijk. ' +
          'De medewerkers nemen (wetenschappelijk) onderzoek door (vb. Prodia-protocollen, standaarden VWVJ...), ' +
          'delen deze met collega’s en vertrekken vanuit die onderzoeksresultaten en praktijkinzichten bij het optimaliseren ' +
          'van hun eigen werking.',
        'De medewerkers gebruiken hiervoor meerdere bronnen en beslissingen zijn onderbouwd met bewijs vanuit meerdere invalshoeken: ' +
          '(wetenschappelijk) onderzoek (bv. Prodia, VWVJ, onderwijsinspectie), praktijkkennis van medewerkers ' +
          '(bv. feedback van collega’s), en objectieve data uit de eigen praktijk (bv. LARS DWH, bevragingen bij leerlingen, ' +
          'ouders, school...).',
      ),
      paragraphs(
        'De medewerkers werken onderzoeksmatig en cyclisch aan de kwaliteitsverbetering van leerlingenbegeleiding. ' +
          'De gemaakte keuzes en veranderingen worden systematisch en doelgericht geëvalueerd.',
        'De medewerkers maken gebruik van (wetenschappelijk) onderzoek, praktijkkennis en objectieve data om de effectiviteit ' +
          'van de genomen acties te monitoren, zodat kan worden geborgd en bijgestuurd indien nodig. ' +
          'Nadat leerlingenbegeleiding werd ingezet, wordt het effect op de leerling geëvalueerd. ' +
          'Nadien worden verbeterpunten aangepakt en wordt het resultaat geborgd.',
        'De medewerkers blijft zich inspannen om hun inhoudelijke kennis en inzicht te onderhouden en te vernieuwen. ' +
          'Reflectie zorgt voor nieuwe perspectieven en houdt de manier van werken up-to-date.',
      ),
    ],
  },
];

export const CLUSTER_3: Cluster = {
  id: 3,
  title: CLUSTER_3_TITLE,
  bouwsteenIds: CLUSTER_3_BOUWSTENEN.map((bouwsteen) => bouwsteen.id),
};

/**
 * The seed's "DRAAGT OP DEZE WIJZE BIJ AAN DE KWALITEIT VAN LEERLINGENBEGELEIDING:" text per bouwsteen.
 * The Bouwsteen type has no field for it, so it is kept here, keyed by bouwsteen id, so that no
 * sentence of the seed is lost.
 */
export const CLUSTER_3_QUALITY_CONTRIBUTIONS: Readonly<Partial<Record<BouwsteenId, string>>> = {
  '6.1':
    'Afstemming tussen inhouden (gericht op kwaliteitsvolle dienstverlening, personeelsgericht, organisatiegericht, ' +
    'kwaliteitsgericht, budgetgericht,...) is een belangrijke voorwaarde voor kwaliteitsvolle leerlingenbegeleiding ' +
    'geboden door CLB. ' +
    'Zo moet er bijvoorbeeld een afstemming zijn tussen de noden van leerlingen en scholen binnen het werkingsgebied, ' +
    'de competenties van medewerkers en de bijhorende professionaliseringsnoden hierin, het professionaliseringsplan, ' +
    'het beleidsplan en het daaraan gekoppelde financieel en materieel beleid en het samenwerkingsbeleid.',
  '6.2': paragraphs(
    'Een PLG richt zich op het verbeteren van de kwaliteit van de leerlingenbegeleiding door het bevorderen van samenwerking, ' +
      'reflectie en continu leren.',
    'De verbetering in de leerlingenbegeleiding en de professionele ontwikkeling van de medewerkers hebben vaak een directe ' +
      'impact op de kwaliteit van de leerlingenbegeleiding. ' +
      'Effectieve PLG’s kunnen bijdragen aan betere leerlingenbegeleiding door het implementeren van bewezen methoden ' +
      'en het verbeteren van de leerlingenbegeleiding. ' +
      'De effectiviteit van de PLG hangt af van verschillende factoren waaronder de structuur, de betrokkenheid en de manier ' +
      'waarop de kwaliteit van de leerlingenbegeleiding wordt gemeten (naar Verbiest, 2016).',
  ),
  '6.3':
    'Effectieve leiders zijn zich bewust van de noodzaak om in anderen te investeren om het CLB te leiden. ' +
    'CLB’s zijn beter in staat om zelfstandig beleid te voeren als de activiteiten van de medewerkers en het beleidsteam ' +
    'op elkaar afgestemd zijn. ' +
    'Anderen betrekken zorgt ervoor dat er meer informatie beschikbaar is bij de besluitvorming. ' +
    'Participeren in de besluitvorming leidt tot betrokkenheid, naleving van afspraken en vermindert weerstand ' +
    '(Vanhoof, Laenen, Van Damme & Goffin, 2024).',
  '6.4':
    'Een onderzoekende houding en datageletterdheid hebben een positief effect op het leren van CLB-medewerkers ' +
    'en de leerlingenbegeleiding die men biedt. ' +
    'Met behulp van dataverzameling — en analyse kan het CLB de kwaliteit van de leerlingenbegeleiding verbeteren ' +
    'en nog beter afstemmen op de noden van de leerlingen, ouders, school en netwerkpartners.',
  '6.5':
    'Evidence-based werken verbindt onderzoek met de dagelijkse praktijk en draagt zo bij aan kwalitatief hoogstaande ' +
    'leerlingenbegeleiding. ' +
    'Het toepassen van effectieve begeleiding, gebaseerd op evidentie, zorgt voor effectievere leerlingenbegeleiding. ' +
    'We denken hierbij o.a. aan de toepassing van de Prodia protocollen en de standaarden van de VWVJ inzake jeugdgezondheidszorg.',
};
