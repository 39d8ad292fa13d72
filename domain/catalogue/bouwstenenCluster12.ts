/**
 * Bouwstenen of clusters 1 and 2 of the GO! "poolster-CLB in beeld" self-assessment (seed 004,
 * chapters 4 and 5), transcribed faithfully with the OCR damage repaired.
 *
 * Paragraphs inside one text are separated by a blank line ("\n\n").
 */
import type { Bouwsteen, Cluster, QualityExpectation } from './types';

/** Joins paragraphs with a blank line. */
function paragraphs(...parts: string[]): string {
  return parts.join('\n\n');
}

/** RclbK quality expectations that several bouwstenen refer to, with the identical seed text. */
const KB2: QualityExpectation = {
  code: 'KB2',
  text:
    'De CLB-begeleiding bestaat uit geïntegreerde, multidisciplinaire acties vanuit een preventief en ' +
    'remediërend oogpunt en met alertheid voor situaties van verontrusting.',
};
const KB3: QualityExpectation = { code: 'KB3', text: 'Het CLB werkt op de vier begeleidingsdomeinen.' };
const S1: QualityExpectation = {
  code: 'S1',
  text: 'Het CLB werkt in partnerschap met de lerenden en de ouders/thuisomgeving.',
};
const S2: QualityExpectation = { code: 'S2', text: 'Het CLB werkt samen met alle scholen van het werkgebied.' };
const B2: QualityExpectation = {
  code: 'B2',
  text:
    'De begeleiding bestaat uit een traject op maat op basis van kernactiviteiten onthaal, vraagverheldering, ' +
    'informatie- en adviesverstrekking, diagnostiek, kortdurende begeleiding en samenwerken met het netwerk.',
};
const BL5: QualityExpectation = {
  code: 'BL5',
  text: 'Het CLB communiceert actief en transparant over zijn werking met alle betrokkenen.',
};

/**
 * In the seed the W5 and W6 paragraphs of 4.1 are identical copies (the W6 text about
 * laagdrempelige toegang is printed under both headings); transcribed as the seed has it.
 */
const W5_W6_TEXT =
  'De medewerkers zorgen voor een laagdrempelige toegang voor leerlingen en ouders en stemmen hun ' +
  'openingstijden af met andere centra in de regionale ondersteuningscel. De medewerkers informeren ' +
  'leerlingen, ouders en scholen systematisch over de CLB-werking. De informatie is helder en toegankelijk ' +
  'voor alle doelgroepen. Het centrum werkt aanklampend en betrekt doelgericht moeilijk bereikbare en ' +
  'kwetsbare doelgroepen bij zijn werking. Het centrum staat garant voor een kosteloze dienstverlening. De ' +
  'medewerkers streven naar een maximale betrokkenheid van leerlingen, ouders, scholen en externe diensten ' +
  'in functie van een kwaliteitsvolle begeleiding en tevredenheid bij de partners.';

/** The cluster titles of chapters 4 and 5 of the seed. */
export const CLUSTER_1_2: Cluster[] = [
  { id: 1, title: 'De leerlingenbegeleiding geboden door CLB', bouwsteenIds: ['4.1', '4.2', '4.3'] },
  { id: 2, title: 'Sterke partnerschappen binnen het ecosysteem', bouwsteenIds: ['5.1', '5.2', '5.3'] },
];

const BEHARTIGER_VAN_DE_LEERLING: Bouwsteen = {
  id: '4.1',
  cluster: 1,
  title: 'Behartiger van de leerling',
  definition:
    'Centra hebben de opdracht leerlingen te begeleiden in hun functioneren op school en in de maatschappij. ' +
    'Het centrum biedt hiervoor kwaliteitsvolle leerlingenbegeleiding aan. Kwaliteitsvolle ' +
    'leerlingenbegeleiding bevordert de totale ontwikkeling van alle leerlingen, verhoogt hun welbevinden, ' +
    'voorkomt vroegtijdig schoolverlaten en creëert meer gelijke onderwijskansen. Op die manier draagt het ' +
    'bij tot het functioneren van de leerling in de schoolse én maatschappelijke context. Een behartiger van ' +
    'de leerling zet het belang van de leerling hierbij steeds centraal.',
  qualityExpectations: [
    {
      code: 'KB5',
      text:
        'Het CLB stelt het belang van de lerende centraal met toepassing van de regelgeving over het ' +
        'beroepsgeheim en de rechtspositie van de minderjarige in de hulpverlening.',
    },
    S1,
  ],
  developmentScales: [
    {
      code: 'W4',
      name: 'Belang van de leerling',
      scoresAsExpectedWhen:
        'De medewerkers maken van het belang van de leerling de belangrijkste overweging bij de hulpverlening. ' +
        'Bij de samenwerking met de betrokken actoren houden ze rekening met de concrete context, alle ' +
        'kinderrechten en mogelijk tegenstrijdige belangen. De medewerkers gaan doorheen het proces van ' +
        'hulpverlening in interactie met de leerling over de context, zijn rechten en het verloop van de ' +
        'hulpverlening. Ze treden op als vertrouwenspersoon voor de leerling. De ouders worden gerespecteerd ' +
        'in hun rol als eerste opvoedingsverantwoordelijke. De medewerkers bewaken systematisch hun ' +
        'onafhankelijke positie ten aanzien van de school en de externe hulpverlening. Doorheen het ' +
        'hulpverleningstraject en in de samenwerking met de betrokken actoren, respecteren de medewerkers ' +
        'consequent de rechtspositie van de minderjarige in de hulpverlening.',
    },
    { code: 'W5', name: 'Beroepsgeheim', scoresAsExpectedWhen: W5_W6_TEXT },
    { code: 'W6', name: 'Laagdrempelige toegang', scoresAsExpectedWhen: W5_W6_TEXT },
  ],
  reflectionIntro:
    'Je kan de begeleiding geboden door het CLB afstemmen op de cliënt aan de hand van volgende reflecties:',
  reflections: [
    'In hoeverre wordt de leerling betrokken bij de begeleiding: in de verschillende fasen van het ' +
      'HGD-traject, door een toelichting van DRM en beroepsgeheim...?',
    'In hoeverre gebeurt dit gesprek steeds op maat van de leerling, met bijzondere aandacht voor jonge en ' +
      'kwetsbare leerlingen.',
    'In hoeveel CLB-activiteiten is de leerling als actor aangeduid in LARS?',
    'Hulpvraag, wensen en verwachtingen van de verschillende actoren neerschrijven en evalueren op het einde ' +
      'van het traject dat deze werden beantwoord.',
    'In kaart brengen van de doelgerichtheid en de doeltreffendheid van het traject ifv de leerling',
    'Zijn de wensen en verwachtingen van de leerling duidelijk neergeschreven in LARS?',
    'Tevredenheidsmeting over de CLB-begeleiding bij de leerling',
    'Evaluatie met de leerling: is de volgende stap duidelijk voor jou?',
    'Is het netwerk voldoende duidelijk voor de leerling?',
    'In welke mate worden leerlingen opnieuw aangemeld na een (recent) HGD-advies?',
    'Participatie in trajecten die leiden tot BOS en hoe vaak je een alternatief hebt kunnen aanbieden (op ' +
      'maat van de leerling)?',
    'Hoeveel leerlingen heb je gesproken voorafgaand aan de klassenraad, in kader van tucht?',
    'In welke mate is het CLB reeds betrokken voorafgaand aan de definitieve schorsing?',
    'Wat leren we uit de overeenkomst tussen het aantal acties in LARS rond BOS en het daadwerkelijk aantal ' +
      'BOS-leerlingen?',
    'In hoeverre is het CLB betrokken bij procedures IOV, hoeveel leerlingen werden definitief ingeschreven ' +
      'en blijven binnen de school?',
    'Hoeveel unieke leerlingen bereik je in de vraaggestuurde werking per schooljaar? Hoeveel trajecten ' +
      'starten nieuw op? Hoeveel trajecten lopen overheen meerdere schooljaren?',
    'Bij prioritering: in hoeverre is de prioritering van het CLB anders dan die van de school?',
  ],
  footnotes: { reflections: 'Input verzameld tijdens de PLG DIR/CO van 20 mei 2025. Deze lijst is inspirerend en niet-limitatief.' },
  stadia: [
    paragraphs(
      'Er zijn in het centrum een beperkt aantal initiatieven om de leerling te betrekken, te bevragen, het ' +
        'belang van de leerling toe te passen, DRM en beroepsgeheim toe te lichten... maar dit gebeurt nog ad ' +
        'hoc en niet structureel in elke begeleiding. De begeleiding gebeurt vooral vanuit het perspectief van ' +
        'de andere actoren (school, ouders, netwerk...). Een beperkt aantal leerlingen worden actief bevraagd ' +
        'of geïnformeerd over hun rechten, het traject...',
      'De stem van de leerling wordt niet systematisch bevraagd of meegenomen in de adviezen. Wat in LARS ' +
        'staat over het belang, het perspectief en de verwachtingen van de leerling, is beperkt en verschilt ' +
        'sterk per medewerker/dossier.',
    ),
    paragraphs(
      'Het CLB erkent de rol als belangenbehartiger van de leerling en stelt hiervoor een plan van aanpak op. ' +
        'Er is een plan of een procedure over hoe leerlingen geïnformeerd worden op vlak van beroepsgeheim, ' +
        'DRM, bevragen van wensen en verwachtingen, hoe een leerling betrokken dient te worden bij het bieden ' +
        'van leerlingenbegeleiding... Medewerkers betrekken doorgaans leerlingen bij het traject en stemmen ' +
        'doorgaans hun communicatie af op leeftijd, taal, kwetsbaarheid...',
      'We zien hiervan reeds een toepassing in enkele begeleidingen, of in enkele teams, maar er is nog geen ' +
        'sprake van centrumbrede implementatie.',
    ),
    paragraphs(
      'Leerlingen worden systematisch betrokken in alle fasen van het hulpverleningstraject. Alle medewerkers ' +
        'zijn vertrouwd met rechten, beroepsgeheim, DRM... en passen dit consequent en op maat van de leerling ' +
        'toe. De belangen van de leerling wegen zichtbaar door in beslissingen, ook in moeilijke contexten met ' +
        'school, ouders of partners.',
      'De CLB-medewerkers noteren begeleidingsdoelen, wensen en verwachtingen in LARS en gaan steeds ' +
        'doelgericht na of men hieraan tegemoet is gekomen. Inzichten uit analyses (bv. BOS, HGD-trajecten, ' +
        'IOV, prioritering) leiden tot bijsturing van beleid en praktijk. Er is expertisedeling overheen de ' +
        'teams. Het centrumbeleid biedt hierbij ondersteuning.',
    ),
    paragraphs(
      'De werking rond belangenbehartiging van de leerling is verankerd, gemonitord en wordt voortdurend ' +
        'bijgestuurd. Er gebeuren systematisch leerlinggerichte tevredenheids- en effectmetingen, de opvolging ' +
        'van heraanmeldingen en trajectdoorlooptijd... gebeurt datagedreven. Het CLB reflecteert over impact: ' +
        'in welke mate voelen leerlingen zich gehoord, erkend, geholpen?',
      'Ook wordt er blijvend geëvalueerd of de werking werkelijk de leerling centraal stelt en recht doet aan ' +
        'zijn/haar positie. Het voltallige CLB ademt deze visie en past dit consequent toe. Teamleden ' +
        'versterken elkaar en de school in het omgaan met spanningen tussen belangen van leerling, school en ' +
        'netwerk.',
    ),
  ],
};

const GEINTEGREERDE_BENADERING: Bouwsteen = {
  id: '4.2',
  cluster: 1,
  title: 'Geïntegreerde benadering van de kernprocessen',
  definition:
    'Leerlingenbegeleiding is het geheel van preventieve en begeleidende maatregelen. Leerlingenbegeleiding ' +
    'situeert zich op vier domeinen: onderwijsloopbaan, leren en studeren, psychisch en sociaal functioneren ' +
    'en preventieve gezondheidszorg. De maatregelen vertrekken steeds vanuit een geïntegreerde en holistische ' +
    'benadering van de vier begeleidingsdomeinen en dit vanuit een continuüm van zorg (decreet LLB, art. 2, ' +
    '15°). Leerlingenbegeleiding geboden door CLB is een aaneenschakeling en verwevenheid van verschillende ' +
    'kernactiviteiten, opdrachten en werkingsprincipes die inhaken op elkaar, elkaar aanvullen of verrijken ' +
    '(GO! CLB visie op leerlingenbegeleiding, 2024)',
  qualityExpectations: [
    KB2,
    KB3,
    { code: 'B1', text: 'De leerlingenbegeleiding vertrekt van een vraag van de lerende, de ouder of de school.' },
    B2,
  ],
  developmentScales: [
    {
      code: 'B1',
      name: 'Onthaal en vraagverheldering',
      scoresAsExpectedWhen:
        'Binnen de vier begeleidingsdomeinen onthalen de medewerkers (zorg)vragen van leerlingen, ouders, ' +
        'scholen en anderen. Samen met de betrokkenen verhelderen ze de vraag door de problemen te ' +
        'inventariseren en te analyseren. Die analyse vormt de basis om oplossingsalternatieven te verkennen. ' +
        'Het onthaal en de vraagverheldering monden uit in adequate keuzes voor het vervolg van het ' +
        'begeleidingstraject.',
    },
    {
      code: 'V3',
      name: 'Consultatieve leerlingenbegeleiding',
      scoresAsExpectedWhen:
        'De medewerkers ondersteunen het schoolteam bij de aanpak van problemen bij individuele leerlingen of ' +
        'bij een groep van leerlingen. Ze nemen de consultatieve leerlingenbegeleiding systematisch op naar ' +
        'aanleiding van een vraag van de school en op eigen initiatief bij terugkerende problemen met ' +
        'leerlingen. Daardoor versterken de medewerkers consequent de leraren en leerlingenbegeleiders bij de ' +
        'invulling en uitvoering van de verhoogde zorg op de vier begeleidingsdomeinen.',
    },
  ],
  reflectionIntro: 'Je kan de begeleiding geboden door het CLB evalueren aan de hand van volgende reflecties:',
  reflections: [
    'Elk HGD-traject eindigt met een adviesgesprek inclusief handelingsgerichte adviezen met en voor de ' +
      'leerling, de ouders, de school en/of andere betrokken partners',
    'Vragen aan leerkracht en schoolteam: is het advies van CLB handelingsgericht, duidelijk en haalbaar?',
    'Consultatieve reflex en consultatieve leerlingenbegeleiding als methodiek: op welke manier is dit ' +
      'toegepast binnen de casus, zichtbaar in LARS...',
    'Handelen en evalueren (als fase van HGD) benutten om de begeleiding te evalueren. Wat leren we hier uit ' +
      '(in functie van de signaalfunctie)?',
    'Schoolspecifieke data bijhouden om signalen uit HGD-traject te monitoren',
    'Qool benutten om de kwaliteit van de het dossier betrouwbaar te evalueren en bij te sturen',
    'Werden de medische gegevens/anamnese uit het systematisch contactmoment benut bij de begeleiding, het ' +
      'HGD-traject...?',
    'Zijn er initiatieven vanuit vraagstelling richting signaalfunctie?',
    'Wordt input uit de drie kernprocessen (aanbodgestuurde, vraaggestuurde en schoolteamversterkende ' +
      'leerlingenbegeleiding) benut bij de schoolfoto en het formuleren van effecten in de ' +
      'samenwerkingsafspraken?',
    'Kwaliteitstoets bij formaliseren attest waarbij je oa checkt of de koppeling met signaalfunctie en ' +
      'consultatieve leerlingenbegeleiding werd gemaakt',
    'Analyse van vraagverhelderingsfiches om te kijken hoe je deze beantwoord hebt (frequent zelfde onderwerp, ' +
      'frequent zelfde klas...)',
    'Hoeveel HGD-trajecten monden niet uit in een GC/IAC/OV4-verslag? Welke adviezen worden naast een ' +
      'GC/IAC/OV4-verslag gegeven?',
    'Dossierstudie: hoe kunnen we info en adviezen uit eerder ingezette aanbodgestuurde leerlingenbegeleiding ' +
      'koppelen aan het nieuwe begeleidingstraject?',
    'Registratie teamoverleg: wat werd besproken? Wat werd toegevoegd aan het begeleidingstraject?',
    'Check op het denkproces bij het triëren naar de meest geschikte kernactiviteiten of opdrachten om de ' +
      'hulpvraag te beantwoorden.',
    'In hoeverre zijn de werkingsprincipes doorheen alle kernactiviteiten en opdrachten doorweven?',
    'Wat zijn minimale en maximale kwaliteitsverwachtingen bij de strategie- en integratie- en ' +
      'aanbevelingsfase, geregistreerd in LARS? In hoeverre zijn deze zichtbaar?',
  ],
  footnotes: {
    developmentScales:
      'Er is geen rechtstreekse koppeling tussen een ‘geïntegreerde benadering van de kernprocessen’ en de ontwikkelingsschalen. We verkiezen om hier de schalen ‘onthaal en vraagverheldering’ en ‘consultatieve leerlingenbegeleiding’ te vermelden. De eerste schaal omschrijft de adequate keuze als CLB voor het vervolg van de begeleidingstraject. De tweede schaal gezien de centrale positie van consultatieve leerlingenbegeleiding binnen de GO! CLB visie op leerlingenbegeleiding en de geïntegreerde benadering van de kernprocessen.',
  },
  stadia: [
    paragraphs(
      'Sommige medewerkers zijn zich bewust van het belang van samenhang tussen kernactiviteiten, opdrachten, ' +
        'werkingsprincipes en begeleidingsdomeinen, maar hanteren deze nog vooral los van elkaar. De aanpak ' +
        'hangt af van individuele voorkeuren, rol binnen het centrum....',
      'Consultatieve leerlingenbegeleiding, signaalfunctie en een koppeling van de aanbod- aan de ' +
        'vraaggestuurde werking en omgekeerd, worden sporadisch ingezet inzake leerlingenbegeleiding om een ' +
        'passend antwoord te bieden op de hulpvraag van de leerling, ouder en/of de school.',
    ),
    paragraphs(
      'Er is een gedeeld inzicht binnen het centrum hoe de kernprocessen (aanbodgestuurd, vraaggestuurd, ' +
        'schoolteamversterkend) en de werkingsprincipes en begeleidingsdomeinen geïntegreerd dienen benaderd ' +
        'te worden. In plannen, procedures, werkinstructies... wordt deze samenhang expliciet nagestreefd.',
      'Enkele medewerkers of teams passen dit reeds toe, maar dit is nog niet consequent duidelijk in alle ' +
        'begeleidingen en in LARS.',
    ),
    'De kernprocessen, werkingsprincipes en begeleidingsdomeinen zijn ingebed in de werking als één geheel: ' +
      'begeleidingen starten systematisch met een heldere onthaal en vraagverheldering bij alle betrokken ' +
      'actoren, relevante info uit eerdere contacten wordt systematisch benut... en vormen de basis om te ' +
      'triëren welke kernactiviteiten nodig zijn om een gepast antwoord te bieden op de hulpvraag. Daarbij ' +
      'wordt systematisch waar relevant de link naar signaalfunctie en consultatieve leerlingenbegeleiding ' +
      'gelegd. Schoolfoto’s en samenwerkingsafspraken zijn gebaseerd op input uit alle kernprocessen. ' +
      'Teamoverleg en dossierstudie in LARS tonen consequent een samenhangende aanpak overheen de teams door ' +
      'het merendeel van de medewerkers.',
    'De geïntegreerde benadering van de kernprocessen, werkingsprincipes en begeleidingsdomeinen wordt door ' +
      'elke medewerker toegepast en door het centrum betrouwbaar en cyclisch geëvalueerd met behulp van data ' +
      '(bv. LARS, QOOL, registratie schooloverleggen...). Het CLB en de medewerkers onderzoeken structureel de ' +
      'effecten van geïntegreerde leerlingenbegeleiding (bv. door analyse van GC/IAC/OV4-trajecten, ' +
      'vraagverhelderingsfiches, handelingsgerichte adviezen...) door dit te bevragen bij de cliënten. ' +
      'Verbeteracties worden uitgevoerd op basis van deze analyses. Expertise rond de geïntegreerde benadering ' +
      'is gedeeld overheen de teams en opgenomen in teamleren of coaching.',
  ],
};

const PREVENTIE: Bouwsteen = {
  id: '4.3',
  cluster: 1,
  title: 'Preventie',
  definition:
    'Leerlingenbegeleiding omvat het geheel van preventieve en begeleidende maatregelen (decreet LLB, art. 2, ' +
    '15°). Om een positieve bijdrage te leveren aan de participatie van de lerende binnen de vier ' +
    'begeleidingsdomeinen heeft het CLB aandacht voor preventie en remediëring. De preventie is zowel ' +
    'persoons- als structuurgericht en beoogt het voorkomen van problemen in de groei en de ontwikkeling en ' +
    'het functioneren van lerende door risicofactoren te verminderen en beschermende factoren te versterken ' +
    '(RclbK, KB 2)',
  qualityExpectations: [
    KB2,
    KB3,
    { code: 'KB6', text: 'Het CLB biedt een laagdrempelige toegang.' },
    {
      code: 'A1',
      text: 'Het CLB zet zijn kernactiviteit signaalfunctie in om de brede basiszorg van de school te versterken',
    },
    {
      code: 'A2',
      text:
        'Het CLB adviseert het schoolteam in de verhoogde zorg door in te zetten op de kernactiviteit ' +
        'consultatieve leerlingenbegeleiding.',
    },
  ],
  developmentScales: [
    {
      code: 'W2',
      name: 'Proactiviteit',
      scoresAsExpectedWhen:
        'De medewerkers hebben vanuit hun samenwerking met de school een zicht op de begeleidingsbehoeften van ' +
        'de schoolpopulatie en de ondersteuningsnoden van het schoolteam. Ze zijn alert voor de signalen van ' +
        'leerlingen en ouders. De medewerkers zetten consequent in op het detecteren van factoren die de ' +
        'deelname aan onderwijs bevorderen of belemmeren. Ze gaan over deze beeldvorming in dialoog met de ' +
        'school met het oog op het voorkomen van problemen en het versterken van beschermende factoren en ' +
        'stemmen hun dienstverlening hierop af. Daardoor bevorderen de medewerkers de ontwikkeling en het ' +
        'welbevinden van de leerlingen en versterken ze de leerlingenbegeleiding in de school.',
    },
  ],
  reflectionIntro: 'Je kan inzetten op preventie als CLB aan de hand van volgende voorbeelden:',
  reflections: [
    'In hoeverre worden zowel risicofactoren als beschermende factoren in kaart gebracht, vb. via GLCE, ' +
      'SPARK...',
    'In hoeverre benutten we maximaal de kracht van preventie bij de implementatie van de signaalfunctie en ' +
      'de consultatieve leerlingenbegeleiding?',
    'Hoe frequent benutten we het samenwerkingsdossier, of een ander registratiesysteem in het bijhouden van ' +
      'preventieve acties?',
    'In welke mate worden gecapteerde signalen via SPARK of GLCE binnen de vraaggestuurde werking verder ' +
      'opgenomen?',
    'Evaluatie ELP: wat betekent dit voor de leerlingen, heeft dit een invloed op de vragen binnen de ' +
      'vraaggestuurde werking?',
    'Programmeren/aanbieden van groepsgerichte sessies (groepsaanbod, klassikale sessies), zowel binnen als ' +
      'buiten de ELP-werking',
    'In hoeverre volgen we GLCE-resultaten op: aantal geziene leerlingen, doorverwijzingen, resultaat ervan...',
    'Opvolging hoog risico inschattingen: wat is ons plan van aanpak?',
  ],
  footnotes: {
    developmentScales: 'Gezien de ontwikkelingsschaal ‘preventie’ niet bestaat, verwijzen we hier naar ‘proactiviteit’. Deze schaal is hier nauwst mee verbonden.',
    reflections: 'Input verzameld tijdens de PLG DIR/CO van 20 mei 2025. Deze lijst is inspirerend en niet-limitatief.',
  },
  stadia: [
    paragraphs(
      'Er is een groeiend besef van het belang van preventief werken, maar acties gebeuren ad hoc, zonder ' +
        'samenhang of structurele opvolging. Individuele medewerkers signaleren sporadisch risicofactoren en ' +
        'beschermende factoren, maar er is weinig afstemming binnen het team of met de school.',
      'De signaalfunctie en consultatieve leerlingenbegeleiding worden beperkt ingezet met een preventieve ' +
        'insteek.',
      'Er is weinig zicht op de globale ondersteuningsnoden van de leerlingen en het schoolteam.',
    ),
    'Het CLB heeft afspraken over het inzetten op preventie, bv. via de signaalfunctie, consultatieve ' +
      'leerlingenbegeleiding, K1 consult.... Er wordt gewerkt met wetenschappelijk onderbouwde instrumenten ' +
      '(vb. GLCE, SPARK...) en signalen worden besproken met de school. Preventieve acties worden ' +
      'geregistreerd, en medewerkers zetten voorzichtig stappen in het detecteren van beschermende of ' +
      'risicofactoren. Een plan van aanpak is in ontwikkeling.',
    paragraphs(
      'Preventieve acties zijn ingebed in de reguliere werking. Medewerkers brengen systematisch ' +
        'risicofactoren én beschermende factoren in kaart via bestaande instrumenten (zoals GLCE, SPARK, ' +
        'dataverzameling LARS DWH...) Het CLB werkt actief samen met de school om noden in kaart te brengen en ' +
        'preventieve acties te plannen. Signalering en adviezen worden afgestemd op schoolwerking en ' +
        'populatiekenmerken. Signalen worden schoolspecifiek doorvertaald in concrete preventieve acties ter ' +
        'versterking van de brede basiszorg of verhoogde zorg. Het merendeel van de medewerkers zijn hiermee ' +
        'vertrouwd en passen dit consequent toe binnen de leerlingenbegeleiding.',
      'De signaalfunctie, consultatieve leerlingenbegeleiding en brede basiszorg versterken elkaar. Preventie ' +
        'is zichtbaar in samenwerkingsafspraken en het overleg met de school.',
    ),
    paragraphs(
      'Preventie is diep verankerd in de werking van het CLB. Signaalfunctie en consultatieve ' +
        'leerlingenbegeleiding zijn systematisch verankerd in de werking en beïnvloeden zichtbaar de ' +
        'leerlingenbegeleiding op school. Preventie wordt cyclisch geëvalueerd met aandacht voor impact op de ' +
        'schoolpopulatie en -werking.',
      'Opvolging van GLCE-resultaten, signalen uit SPARK, checks via LARS DWH... gebeurt structureel. Er is een ' +
        'systematiek voor het opvolgen van hoogrisicogroepen. Het ganse team ontwikkelt expertise rond ' +
        'preventieve leerlingenbegeleiding en dit leidt tot meetbare impact op het realiseren van gelijke ' +
        'onderwijskansen, de groei en ontwikkeling van de leerlingen, welbevinden... Verbeteracties worden ' +
        'gericht geselecteerd op basis van schoolspecifieke data.',
    ),
  ],
};

const STERK_TEAMWERK: Bouwsteen = {
  id: '5.1',
  cluster: 2,
  title: 'Sterk teamwerk',
  definition:
    'Multidisciplinair teamwerk zorgt ervoor dat we meer met een open blik kijken naar het functioneren van ' +
    'de leerling binnen zijn ruimere context. Hierdoor worden we ons bewust van onze blinde vlekken en sturen ' +
    'we onze denkfouten bij. Het houdt in dat we op een discipline- en domeinoverstijgende manier naar ' +
    'leerlingen kijken (Schaubroeck & De Bondt, 2024).',
  qualityExpectations: [KB2, KB3, S1, S2, B2],
  developmentScales: [
    {
      code: 'W1',
      name: 'Multidisciplinariteit',
      scoresAsExpectedWhen:
        'De medewerkers werken vanuit een integrale, multidisciplinaire aanpak. Ze starten voor elke leerling ' +
        'in begeleiding een multidisciplinair dossier op en noteren hierin de relevante informatie. De ' +
        'medewerkers organiseren met alle disciplines gestructureerd multidisciplinair teamoverleg op basis ' +
        'van transparante criteria, hanteren een afgesproken referentiekader en nemen de conclusies van het ' +
        'overleg op in het dossier.',
    },
    {
      code: 'B5',
      name: 'Draaischijffunctie',
      scoresAsExpectedWhen:
        'De medewerkers verwijzen de leerling gericht door naar de meest passende hulpverlening. Ze zorgen ' +
        'voor een warme toeleiding, coördineren de samenwerking en koppelen terug naar de school. Ze doen een ' +
        'aanvraag voor meer ingrijpende hulp indien nodig en waken over de hulpcontinuïteit. Bij verontrusting ' +
        'melden de medewerkers de leerling aan bij een gemandateerde voorziening en volgen ze de leerling ' +
        'systematisch op. Ze treden doortastend op bij crisissituaties en doen een beroep op het ' +
        'crisismeldpunt. Daardoor neemt het centrum zijn draaischijffunctie op.',
    },
  ],
  reflectionIntro: 'Je kan de begeleiding geboden door het CLB evalueren aan de hand van volgende reflecties:',
  reflections: [
    'Waar zit de meerwaarde van de multidisciplinaire aanpak in deze casus?',
    'In hoeveel % van de begeleidingen (HGD, begeleiding) wordt een teamfase geregistreerd?',
    'Zien we in LARS teamoverleg geregistreerd met personeelsleden vanuit verschillende disciplines?',
    'Handelen en evalueren: in hoeverre zijn hier ook andere actoren betrokken?',
    'Zien we in LARS hypothesen die gaan over de vier begeleidingsdomeinen?',
    'Observatie tijdens casusteams: wat wordt besproken?',
    'Wat is de vraag van de aanmelder als de casus op team komt?',
    'In hoeverre wordt de multidisciplinariteit weerspiegeld in LARS, binnen de fasen van HGD-strategie en ' +
      'HGD-integratie en aanbeveling?',
    'Hoeveel medewerkers zijn er betrokken op het traject? In welke mate?',
    'Hoeveel medewerkers zijn er betrokken bij de beeldvorming en de acties die horen bij de focuspunten in ' +
      'de samenwerkingsafspraken school - CLB - LSC?',
  ],
  stadia: [
    'Multidisciplinair overleg gebeurt eerder toevallig of op initiatief van een individuele medewerker. Het ' +
      'merendeel van de dossiers worden monodisciplinair opgevolgd. Daar waar een medewerker met een vraag ' +
      'zit, vastloopt of er een vraag is naar bijv. verslaggeving wordt deze casus op het team besproken. ' +
      'Teamleden consulteren elkaar af en toe, maar er zijn geen afspraken of systematieken bepaald. In LARS ' +
      'wordt zelden of onduidelijk geregistreerd wie betrokken is of wat besproken werd. Casussen blijven vaak ' +
      'beperkt tot één domein of perspectief. De meerwaarde van samenwerken over disciplines heen wordt niet ' +
      'expliciet benut..',
    'Er is een gedeeld bewustzijn over het belang van multidisciplinair teamwerk. Medewerkers hanteren ' +
      'duidelijke criteria om casussen samen te bespreken. In LARS wordt regelmatig een teamfase ' +
      'geregistreerd. Overleg vindt planmatig plaats en wordt ondersteund door een afgesproken kader. De ' +
      'meerwaarde wordt zichtbaar in gedeelde beeldvorming en dossieropbouw. Verschillende disciplines worden ' +
      'vaker betrokken bij de leerlingenbegeleiding, vb. meerdere medewerkers zijn betrokken bij een ' +
      'HGD-traject, een begeleiding... Teamfasen en overlegmomenten worden zichtbaar geregistreerd in LARS. ' +
      'Er is een groeiend bewustzijn van de meerwaarde van gedeelde analyse en besluitvorming. Er zijn ' +
      'afspraken voorhanden maar het centrum merkt nog verschillen overheen de teams en tussen medewerkers ' +
      'wat betreft de toepassing van het multidisciplinair teamwerk.',
    'Multidisciplinair teamwerk is een vanzelfsprekend onderdeel van de werking voor alle medewerkers. ' +
      'Leerlingenbegeleiding gebeurt met input van of door meerdere disciplines. In LARS zijn hypotheses over ' +
      'meerdere begeleidingsdomeinen zichtbaar. De samenwerking tussen CLB-medewerkers is complementair, met ' +
      'gedeelde verantwoordelijkheid voor trajecten. Andere betrokken actoren (school, LSC, ' +
      'netwerkpartners...) worden doelgericht bij overleg betrokken. Teamoverleg vindt systematisch plaats, ' +
      'met actieve inbreng van verschillende disciplines en aan de hand van een afgesproken kader. De ' +
      'begeleidingen zijn verrijkt door domeinoverschrijdende hypothesen en bestaan uit duurzamen ' +
      'handelingsgerichte adviezen voor alle betrokken actoren. De strategie- en integratie- en ' +
      'aanbevelingsfasen in HGD reflecteren deze brede beeldvorming. Ook samenwerkingsafspraken ' +
      'school-CLB-LSC worden multidisciplinair onderbouwd.',
    'Multidisciplinair teamwerk is een structurele kwaliteitshefboom. Elk begeleidingstraject wordt ' +
      'ondersteund vanuit diverse perspectieven. Casusbesprekingen zijn systematisch onderbouwd en leiden tot ' +
      'gezamenlijke besluiten die opgenomen worden in het dossier. Teamreflectie en observatie van ' +
      'overlegmomenten leiden tot bijsturing van praktijken. Data (bv. % teamoverleg in HGD-trajecten, ' +
      'betrokkenheid per discipline, integratie van beeldvorming van externen, % duurzame handelingsgerichte ' +
      'adviezen...) worden opgevolgd. De impact van multidisciplinariteit op het effect van begeleiding en ' +
      'samenwerking met scholen wordt geëvalueerd en benut. Het team reflecteert actief op de kwaliteit van ' +
      'de teamwerking. De meerwaarde van teamwerk wordt geëvalueerd en vertaald naar versterking van het ' +
      'handelen. Ook relevante partners (vb. LSC) worden strategisch betrokken bij dit verbeterplan.',
  ],
};

const STERK_PARTNERSCHAP_INTERN: Bouwsteen = {
  id: '5.2',
  cluster: 2,
  title: 'Sterk partnerschap: intern binnen GO!',
  definition:
    'Het CLB bouwt aan sterke partnerschappen, met de scholen, het leersteuncentrum, de scholengroep, de ' +
    'pedagogische begeleidingsdienst en de andere GO! CLB’s binnen het Samenwerkingsverband GO! CLB. Een ' +
    'sterk partnerschap kenmerkt zich door een structurele samenwerking en afstemming, een actieve ' +
    'betrokkenheid van alle partners vanuit gelijkwaardigheid en transparante communicatie. Alle partners ' +
    'werken samen en stemmen met elkaar af, om de leerlingen(begeleiding) te optimaliseren, en dit binnen een ' +
    'duidelijke visie en beleid op leerlingenbegeleiding. Op deze manier worden samen drempels weggenomen ' +
    'voor een optimale schoolse en maatschappelijke participatie van elke leerling (naar: ' +
    'www.prodiagnostiek.be).',
  qualityExpectations: [
    S2,
    {
      code: 'S3',
      text:
        'Het CLB en de pedagogische begeleiding van de scholen (PBD) werken samen en stemmen met elkaar af in ' +
        'functie van de ondersteuning van het schoolteam.',
    },
    { code: 'S4', text: 'Het CLB werkt samen met andere CLB’s, ook netoverstijgend.' },
    BL5,
  ],
  developmentScales: [
    {
      code: 'S1',
      name: 'Samenwerking met scholen',
      scoresAsExpectedWhen:
        'Het centrum werkt doelgericht en planmatig samen met scholen. Het vertrekt voor de samenwerking vanuit ' +
        'een onderbouwd zicht op de ondersteuningsbehoeften van leerlingen en de ondersteuningsnoden van het ' +
        'schoolteam. Op basis van deze beeldvorming maakt het centrum schoolspecifieke afspraken en onderneemt ' +
        'het samen met de school acties op maat. Het centrum evalueert systematisch de doelgerichtheid waarmee ' +
        'het samenwerkt en volgt de effecten hiervan bij de leerlingen en het schoolteam op. Het stuurt, op ' +
        'basis van deze evaluatie, de samenwerking doelgericht bij.',
    },
  ],
  reflectionIntro: '',
  reflections: [
    'Benutten van de kracht en de samenwerking van het net, op de diverse niveau’s van het GO! (bvb. binnen je ' +
      'werkingsgebied ben je actief betrokken binnen CvD, SGE, PLG LLB- of PLG zorgcoördinatoren, ' +
      'leersteunraad, structureel overleg AD/DICO-CODI of beleidsteam SGR...)',
    'Benutten van de samenwerkingsafspraken school - CLB - LSC als werkinstrument om het beleid op ' +
      'leerlingenbegeleiding vorm te geven en de samenwerking cyclisch te evalueren en bij te sturen waar ' +
      'nodig, afgestemd op de noden van de leerlingen en het schoolteam.',
    'Benutten van het micro- en het macro-overleg om de leerlingenbegeleiding met alle betrokken actoren ' +
      '(scholen, CLB, LSC, SGR, PBD...) af te stemmen en te optimaliseren',
    'Actieve deelname aan SWV GO! CLB',
    'Een professionaliseringsbeleid waarbij, in relatie tot het centruminterne beleidsplan, er geparticipeerd ' +
      'wordt aan relevant aanbod vanuit de POC+',
  ],
  stadia: [
    paragraphs(
      'Er is een bewustzijn van het belang en de meerwaarde van partnerschappen (met scholen, LSC, SGR, PBD, ' +
        'GO! CLB’s...). Het CLB zoekt soms spontaan samenwerking, maar dit gebeurt ad hoc en zonder afstemming ' +
        'of langetermijnvisie. De deelname aan overleg of netwerken zoals CVD... is vrijblijvend of ' +
        'occasioneel.',
      'De samenwerkingsafspraken school - CLB - LSC krijgen vorm op basis van een micro-overleg, maar dit ' +
        'gebeurt nog niet overal even kwaliteitsvol. Er is geen plan hoe dit kwaliteitsvoller te implementeren.',
      'Actieve participatie aan SWV GO! CLB en netwerken draagt bij tot de centrumwerking.',
    ),
    paragraphs(
      'Het team heeft een gedeeld inzicht in de kracht van partnerschappen binnen het GO! Er is een planmatige ' +
        'inzet op samenwerking met scholen, LSC, scholengroep, PBD... Het centrum engageert zich in ' +
        'structurele overlegmomenten (zoals micro/macro-overleg, PLG’s, SGE, CVD..) en benut deze om ' +
        'gezamenlijke doelen rond leerlingenbegeleiding te formuleren. De samenwerking wordt vastgelegd in ' +
        'afspraken en dit zowel op micro- (school-CLB-LSC) als op macroniveau (niveau SGE/SGR).',
      'Het CLB heeft een plan ontwikkeld voor een duurzame samenwerking met deze partners. Dit plan houdt ' +
        'rekening met de noden van leerlingen en scholen. Het plan bevat concrete doelstellingen en een ' +
        'vertaling ervan naar werkvormen, aanbod en werkwijze, maar het plan wordt nog niet altijd uitgerold ' +
        'tot in de praktijk, tot in de samenwerkingsafspraken school-CLB-LSC en de concrete ' +
        'leerlingenbegeleiding.',
      'Actieve participatie aan SWV GO! CLB en netwerken draagt bij tot de centrumwerking.',
    ),
    paragraphs(
      'Het partnerschap binnen GO! is verankerd in de werking van het CLB. Afstemming met scholen, LSC, SGR, ' +
        'PBD... verloopt vlot en doelgericht. Samenwerkingsafspraken school-CLB-LSC vormen een levend ' +
        'instrument voor gezamenlijke beleidsvoering en trajecten op maat van scholen.',
      'De partners versterken elk vanuit hun rol, de leerlingenbegeleiding Er zijn concrete afspraken en een ' +
        'taak- en rolverdeling dewelke zijn doorvertaling vindt tot in de concrete begeleiding van de leerling.',
      'Het CLB werkt planmatig en afgestemd samen met scholen, LSC, SGR, PBD en dit is geïntegreerd in de ' +
        'centrumwerking.',
      'Er is een link tussen het macro-overleg en het centruminterne beleidsplan en/of het jaarverslag van het ' +
        'centrum.',
      'Actieve participatie aan SWV GO! CLB en netwerken draagt bij tot gezamenlijke professionalisering, ' +
        'kennisdeling en afstemming en de kwaliteit van leerlingenbegeleiding.',
    ),
    paragraphs(
      'Het CLB heeft een sterke samenwerkingscultuur en zet in op duurzame partnerschappen met scholen, LSC, ' +
        'SGR, PBD... in functie van een versterking van de kwaliteit van leerlingenbegeleiding. Het CLB ' +
        'evalueert deze samenwerking en de impact ervan op de leerlingenbegeleiding op een kwalitatieve en ' +
        'kwantitatieve manier bij leerlingen, ouders, scholen en andere betrokken actoren. Het CLB stuurt de ' +
        'samenwerkingen op basis daarvan doelgericht bij.',
      'Er is actieve deelname aan netwerken binnen het GO!. De samenwerkingscultuur vertrekt vanuit een ' +
        'uitgewerkte visie op samenwerkingsbeleid en is gekoppeld aan het centruminterne beleidsplan en het ' +
        'professionaliseringsbeleid. Expertiseontwikkeling en beleid worden daarbij afgestemd op gezamenlijke ' +
        'GO!-prioriteiten.',
      'Actieve participatie aan SWV GO! CLB en netwerken draagt bij tot gezamenlijke professionalisering, ' +
        'kennisdeling en afstemming en de kwaliteit van leerlingenbegeleiding. Er is een concrete ' +
        'doorvertaling ervan naar de centrumgebonden documenten (beleidsplan, kwaliteitsplan...)',
    ),
  ],
};

const STERK_NETWERK: Bouwsteen = {
  id: '5.3',
  cluster: 2,
  title: 'Sterk netwerk: netoverstijgend en extern',
  definition:
    'Goede samenwerkingsrelaties aangaan én onderhouden met de juiste partners is noodzakelijk. Dit zijn ' +
    'partners die doelen op vlak van leerlingenbegeleiding helpen realiseren omdat ze gelijkaardige doelen ' +
    'nastreven of omdat ze net ontbrekende expertise kunnen binnenbrengen (complementariteit). Versterkte ' +
    'partnerschappen zijn gericht op duurzaamheid, staan in functie van de lerende en omvatten een win-win ' +
    'voor alle betrokken partijen. Als CLB gaan we vele partnerschappen aan in de regio: netoverstijgend met ' +
    'andere CLB’s en externe partnerschappen (jeugdhulp, welzijn, gezondheid, ELP, ELZ, diagnostische ' +
    'centra...) ter versterking van de leerlingenbegeleiding.',
  qualityExpectations: [
    { code: 'S4', text: 'Het CLB werkt samen met andere CLB’s.' },
    {
      code: 'S5',
      text:
        'Het CLB werkt samen met diensten binnen de welzijns- en gezondheidssector en andere externe diensten. ' +
        'Het CLB functioneert als belangrijke draaischijf naar de hulpverlening.',
    },
    BL5,
  ],
  developmentScales: [
    {
      code: 'S2',
      name: 'Samenwerking met welzijns- en gezondheidsorganisaties',
      scoresAsExpectedWhen:
        'Vanuit een duidelijk zicht op de hulpvragen en op de welzijns- en gezondheidsorganisaties in de regio ' +
        'organiseert het centrum doelgerichte samenwerkingsverbanden. Het centrum doet dat voor de vier ' +
        'begeleidingsdomeinen met het oog op het versterken van de individuele leerlingenbegeleiding. Het volgt ' +
        'de ontwikkelingen binnen de hulpverlening gericht op en implementeert ze in de centrumwerking. ' +
        'Daardoor neemt het centrum zijn draaischijffunctie en opdracht als brede instap volwaardig op.',
    },
    {
      code: 'S3',
      name: 'Samenwerking met organisaties in functie van specifieke doelgroepen',
      scoresAsExpectedWhen:
        'Het centrum werkt systematisch samen met organisaties die zich richten op kansengroepen en ' +
        'anderstaligen met het oog op een laagdrempelige toegang tot de dienstverlening. Het centrum ' +
        'participeert actief aan samenwerkingsverbanden die gericht zijn op het voorkomen van schooluitval en ' +
        'op het stimuleren van kleuterparticipatie.',
    },
    {
      code: 'S4',
      name: 'Samenwerking met andere CLB’s',
      scoresAsExpectedWhen:
        'Het centrum werkt op een systematische en actieve wijze samen met andere CLB’s aan het versterken van ' +
        'de kwaliteit, de uniformiteit en de doeltreffendheid van de dienstverlening. Het centrum werkt ' +
        'doelgericht mee aan het realiseren van netoverstijgende initiatieven.',
    },
    {
      code: 'W7',
      name: 'Netoverstijgende samenwerking',
      scoresAsExpectedWhen:
        'Het centrum werkt netoverstijgend samen. De samenwerking bestaat uit een bundeling van deskundigheden ' +
        'en is gericht op een efficiënte en gelijkgerichte dienstverlening. Het centrum draagt op die manier ' +
        'bij tot een positieve profilering van de sector.',
    },
  ],
  reflectionIntro: '',
  reflections: [
    'Aangaan en benutten van samenwerkingen in de regio: met andere CLB, zowel netgebonden als ' +
      'netoverstijgend, met diverse stakeholders zoals lokale jeugdhulpaanbieders, Eerstelijnspsychologische ' +
      'hulp, Eerstelijnszones, gemeente- of stadsdiensten ...',
    'Uitwerken van een samenwerkingsbeleid waarbij er gericht wordt gekeken naar welke partners betrokken ' +
      'kunnen worden bij de implementatie en realisatie van je centruminterne beleidsplan.',
    'Het benutten van de signaalfunctie van het CLB of het CLB jaarverslag om sterktes en kansen van het ' +
      'hulpverleningsaanbod in de regio te detecteren en aan te kaarten',
    'Aangaan van samenwerkingsafspraken of samenwerkingsovereenkomsten ter versterking van de CLB-opdracht ' +
      'of -missie, zoals met Fedasil, COS, CAR, politie, gemandateerde voorzieningen...',
    'Gedeelde of gezamenlijke professionalisering met lokale partners, zoals deelname aan ' +
      'wisselleren-projecten, gezamenlijke professionaliserings- of intervisiemomenten...',
  ],
  stadia: [
    paragraphs(
      'Er is bewustzijn van het belang van samenwerking met externe partners en andere CLB’s, maar dit gebeurt ' +
        'vooral op ad-hocbasis. Samenwerkingen zijn persoonsgebonden of casusgebonden, eerder reactief dan ' +
        'strategisch.',
      'Het CLB zoekt soms spontaan samenwerking, maar dit gebeurt ad hoc en zonder afstemming of ' +
        'langetermijnvisie.',
    ),
    paragraphs(
      'Er is een gedeeld begrip in het team van het belang van doelgerichte samenwerkingen in de regio. Het ' +
        'CLB ontwikkelt een planmatige aanpak voor samenwerking met welzijns- en gezondheidsorganisaties, ELP, ' +
        'ELZ en andere CLB’s. Er is afstemming over wie welke netwerken opvolgt, en er is actieve deelname aan ' +
        'overlegstructuren met externe partners. Inbreng in regionale of netoverstijgende overlegfora wordt ' +
        'gekoppeld aan het centrumbeleid.',
      'Het CLB heeft een plan ontwikkeld voor een duurzame samenwerking met deze partners. Dit plan houdt ' +
        'rekening met de lokale noden van leerlingen en scholen, de aanwezigheid van hulpverlening in de ' +
        'regio.... Het plan bevat concrete doelstellingen en een vertaling ervan naar werkvormen, aanbod en ' +
        'werkwijze, maar wordt nog niet altijd uitgerold tot in de praktijk, tot in de concrete begeleiding ' +
        'van de leerling.',
    ),
    paragraphs(
      'Netwerkvorming is ingebed in de werking van het CLB. Samenwerking met externe partners is proactief en ' +
        'op maat van leerling en context. Het CLB neemt systematisch deel aan relevante netwerken, benut de ' +
        'signaalfunctie en het jaarverslag strategisch, en stemt de samenwerking af op het centruminterne ' +
        'beleidsplan.',
      'De partners versterken elk vanuit hun rol, de leerlingenbegeleiding Er zijn concrete afspraken en een ' +
        'taak- en rolverdeling dewelke zijn doorvertaling vindt tot in de concrete begeleiding van de leerling.',
      'Samenwerking is ingebed in de centrumwerking en loopt op basis van heldere afspraken die breed gedragen ' +
        'zijn. Medewerkers stemmen intern af, passen procedures toe en koppelen terug.',
    ),
    paragraphs(
      'Het CLB stuurt het samenwerkingsbeleid met externe en netoverstijgende partners cyclisch bij op basis ' +
        'van effectmetingen, regionale noden en maatschappelijke evoluties. Het volgt de samenwerking met de ' +
        'partners op, evalueert de impact op leerlingenbegeleiding en benut deze inzichten voor ' +
        'beleidsaanpassing. Het CLB is een actieve actor in netwerken, initieert verbetertrajecten en draagt ' +
        'bij aan sectorbrede kennisopbouw en afstemming.',
      'De samenwerkingscultuur vertrekt vanuit een uitgewerkte visie op samenwerkingsbeleid en is gekoppeld ' +
        'aan het centruminterne beleidsplan en het professionaliseringsbeleid. Expertiseontwikkeling en beleid ' +
        'worden daarbij afgestemd op gezamenlijke noden van de regio en het werkingsgebied.',
    ),
  ],
};

/** The six bouwstenen of clusters 1 and 2 (seed 004, chapters 4 and 5), in catalogue order. */
export const CLUSTER_1_2_BOUWSTENEN: Bouwsteen[] = [
  BEHARTIGER_VAN_DE_LEERLING,
  GEINTEGREERDE_BENADERING,
  PREVENTIE,
  STERK_TEAMWERK,
  STERK_PARTNERSCHAP_INTERN,
  STERK_NETWERK,
];
