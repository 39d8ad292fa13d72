import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { BOUWSTEEN_IDS, type BouwsteenId, type StadiumLevel } from '../../domain/catalogue/types';
import { consolidateRound } from '../../domain/survey/consolidate';
import { buildInschaling, validateConfirmation, confirmationFields } from '../../domain/result/inschaling';
import { closeFirstMessage, FOREIGN_ROUND_MESSAGE, notPublishedMessage } from '../../dialogs/result';
import { RESULT_VERBS } from '../../cards/verbs';
import { runExportCli } from '../../scripts/export';
import { withoutMarkdown } from '../../cards/plainText';
import { closeRoundConfirmed, cardText, firstCard, startTestBot, TENANT, type ConversationSpec, type TestBot, type TestUser, lastCardTextIn } from '../support/bot';
import { FakeConnector } from '../support/connector';
import { actionTitled, assertValidCard, cardActions, inputValue, stackedBarsIn } from '../support/cards';
import { validClosingForm } from '../fixtures/surveyForms';
import { WORKED_CLOSING, workedForm, workedStadium, worstCaseSurveys } from '../fixtures/resultFixtures';

/**
 * Issue 4, as a director and four members would live it: whole turns over HTTP against real
 * Azurite, the connector and a OneDrive upload endpoint on loopback. The clock is fixed in
 * November 2026 (school year 2026-2027).
 */

const MEMBER_NAMES = ['Megan Bowen', 'Lee Gu', 'Pradeep Gupta', 'Adele Vance'];

/** A stand-in for the OneDrive upload URL of a file consent: records what is PUT. */
class UploadServer {
  readonly uploads: Array<{ path: string; headers: http.IncomingHttpHeaders; body: Buffer }> = [];
  private server?: http.Server;
  url = '';
  async start() {
    this.server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      this.uploads.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }
  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

/** Every input of a card with its current value: what the client sends with a submit. */
function formValues(card: any): Record<string, string> {
  const values: Record<string, string> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') values[node.id] = node.value ?? '';
    Object.values(node).forEach(walk);
  };
  walk(card);
  return values;
}

function attachmentsOf(activities: Array<Record<string, any>>, contentType: string): any[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x: any) => x.contentType === contentType));
}

describe('The team result: consolidation, dialogue agenda, chart, confirmation, publication, export, network', function () {
  this.timeout(180_000);
  const clock = { now: new Date('2026-11-16T09:00:00Z') };
  const tablePrefix = `r${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const connector = new FakeConnector();
  const uploads = new UploadServer();
  let bot: TestBot;
  let director: TestUser, megan: TestUser, lee: TestUser, pradeep: TestUser, adele: TestUser, outsider: TestUser, neighbour: TestUser;
  const group: ConversationSpec = { id: '19:beleidsteam-resultaat@thread.v2', kind: 'groupChat' };
  let centreId = '';
  let roundId = '';
  /** Every card the result feature showed, to check anonymity at the end. */
  const resultCards: unknown[] = [];

  const keep = <T>(card: T): T => {
    if (card) {
      assertValidCard(card);
      resultCards.push(card);
    }
    return card;
  };

  before(async () => {
    await connector.start();
    await uploads.start();
    bot = await startTestBot({ tablePrefix, connector, now: () => clock.now });
    director = bot.user('Diane Directeur');
    megan = bot.user(MEMBER_NAMES[0]!);
    lee = bot.user(MEMBER_NAMES[1]!);
    pradeep = bot.user(MEMBER_NAMES[2]!);
    adele = bot.user(MEMBER_NAMES[3]!);
    outsider = bot.user('Olga Outsider');
    neighbour = bot.user('Nina Naburig');
    connector.members.set(group.id, [director, megan, lee, pradeep, adele].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
    await uploads.stop();
  });

  async function startRound(schoolYear: string): Promise<string> {
    const answer = await director.execute(
      'round.create',
      { schoolYear, deadline: '2027-06-30', participants: [megan, lee, pradeep, adele].map((u) => u.userId).join(','), visibility: 'anoniem' },
      group,
    );
    assert.match(cardText(answer.card), /Ik stuur nu 4 persoonlijke uitnodigingen/, answer.message);
    assert.match(lastCardTextIn(connector, group.id), /Alle 4 deelnemers kregen een persoonlijke uitnodiging/);
    const centre = await bot.poolster.deps.centres.getCentre(TENANT, centreId);
    return centre!.openRoundId!;
  }

  /** A member answers bouwstenen (all complete) and, optionally, the closing questions and sends. */
  async function answer(user: TestUser, round: string, stadia: Partial<Record<BouwsteenId, StadiumLevel>>, closing?: Record<string, string>) {
    for (const [id, stadium] of Object.entries(stadia) as Array<[BouwsteenId, StadiumLevel]>) {
      const result = await user.execute('survey.answer', { roundId: round, bouwsteenId: id, version: 0, nav: 'next', ...workedForm(stadium, `Toelichting van het team bij ${id}`) });
      assert.ok(result.card, result.message);
    }
    if (!closing) return;
    const confirm = await user.execute('survey.closing', { roundId: round, version: 0, nav: 'next', ...closing });
    assert.match(cardText(confirm.card), /definitief verzonden/);
    const done = await user.execute('survey.submit', { roundId: round });
    assert.match(cardText(done.card), /Je inschaling is verzonden/);
  }

  const allStadia = (member: 0 | 1 | 2) => Object.fromEntries(BOUWSTEEN_IDS.map((id) => [id, workedStadium(member, id)])) as Record<BouwsteenId, StadiumLevel>;

  it('sets up the centre and a round in which three members send everything and one answers one bouwsteen', async () => {
    await director.say('setup GO! CLB Teststad');
    centreId = (await bot.poolster.deps.centres.getPerson(TENANT, director.userId))!.centreId;
    roundId = await startRound('2026-2027');
    await answer(megan, roundId, allStadia(0), WORKED_CLOSING[0]);
    await answer(lee, roundId, allStadia(1), WORKED_CLOSING[1]);
    await answer(pradeep, roundId, allStadia(2), WORKED_CLOSING[2]);
    await answer(adele, roundId, { '4.3': 3 });
  });

  it('shows the director an interim result while the round is open, and refuses to confirm or export it', async () => {
    const card = keep(firstCard(await director.say('resultaat')));
    assert.match(cardText(card), /tussentijds resultaat/);
    assert.match(cardText(card), /3 van de 4 deelnemers verzonden/);
    for (const verb of [RESULT_VERBS.review, RESULT_VERBS.confirm, RESULT_VERBS.publish, RESULT_VERBS.export]) {
      const answer = await director.execute(verb, { roundId, version: 0, format: 'xlsx' });
      assert.equal(answer.message, withoutMarkdown(closeFirstMessage('personal')), verb);
    }
    assert.deepEqual(await bot.poolster.deps.inschalingen.list(TENANT, centreId), [], 'nothing stored');
  });

  it('tells a member that the result is not published yet', async () => {
    const replies = await megan.say('resultaat');
    assert.equal(replies[0]?.text, notPublishedMessage('personal'));
  });

  it('after closing, shows the team result with the chart, proposals, agreement, priorities and inspiring practices', async () => {
    await closeRoundConfirmed(director);
    const card = keep(firstCard(await director.say('resultaat')));
    const bars = stackedBarsIn(card);
    assert.deepEqual(bars[1]!.segments.map((d) => [d.legend, d.value]), [['Fragmentair', 1], ['Planmatig', 1], ['Geïntegreerd', 1]], '4.2: one member in each of the first three stadia');
    const text = cardText(card);
    assert.match(text, /ronde afgesloten/);
    assert.match(text, /4\.3 Preventie\nVoorstel\nGeïntegreerd\nOvereenstemming\neensgezind\nAntwoorden\n4 van 4/, 'Adele counts for 4.3');
    assert.match(text, /4\.2 Geïntegreerde benadering van de kernprocessen\nVoorstel\nPlanmatig \(gelijke stand/);
    assert.match(text, /5\.1 Sterk teamwerk\nVoorstel\nSystematisch\nOvereenstemming\nbespreekpunt \(spreiding 3 stadia\)/);
    assert.match(text, /1\. 6\.4 Onderzoekende houding\n14 punten/);
    assert.match(text, /2\. 4\.3 [^\n]+\n12 punten/);
    assert.match(text, /5\.1 Sterk teamwerk\n2 van 3 leden/);
  });

  it('opens the detail of a bouwsteen and the bespreekpunten agenda by clicking', async () => {
    const overview = firstCard(await director.say('resultaat'));
    const detail = keep((await director.execute(RESULT_VERBS.detail, actionTitled(overview, 'Details 4.2').data)).card);
    const text = cardText(detail);
    assert.match(text, /4\.2 Geïntegreerde benadering van de kernprocessen/);
    assert.match(text, /evolueren naar systematisch\n3/);
    assert.match(text, /Toelichting van het team bij 4\.2/);
    assert.match(text, /Anonieme ronde: toelichtingen staan zonder naam/);
    const agenda = keep((await director.execute(RESULT_VERBS.agenda, actionTitled(overview, /^Bespreekpunten/).data)).card);
    const agendaText = cardText(agenda);
    assert.ok(agendaText.indexOf('1. 5.1 Sterk teamwerk') >= 0 && agendaText.indexOf('1. 5.1') < agendaText.indexOf('2. 4.2'));
    const forged = await director.execute(RESULT_VERBS.detail, { roundId, bouwsteenId: '9.9' });
    assert.match(String(forged.message), /Die bouwsteen bestaat niet/);
  });

  it('refuses a confirmation with a stage that does not exist or a change without a reason, keeping every value', async () => {
    const overview = firstCard(await director.say('resultaat'));
    const confirm = keep((await director.execute(RESULT_VERBS.review, actionTitled(overview, 'Bevestig de teamstadia').data)).card);
    assert.equal(inputValue(confirm, 'stadium_4_2'), '2', 'preset to the proposal');
    assert.equal(inputValue(confirm, 'stadium_5_1'), '4');
    const submit = actionTitled(confirm, 'Bevestig de teamstadia');
    const bad = await director.execute(RESULT_VERBS.confirm, { ...submit.data, ...formValues(confirm), stadium_4_1: '7', stadium_4_2: '3', reason_5_1: 'Een opmerking' });
    const badCard = keep(bad.card);
    const text = cardText(badCard);
    assert.match(text, /Nog niet bevestigd: bekijk de 2 opmerkingen/);
    assert.match(text, /Dat stadium bestaat niet/);
    assert.match(text, /ander stadium dan het voorstel \(Planmatig\): geef kort de reden/);
    assert.equal(inputValue(badCard, 'stadium_4_1'), '7');
    assert.equal(inputValue(badCard, 'stadium_4_2'), '3');
    assert.equal(inputValue(badCard, 'reason_5_1'), 'Een opmerking');
    assert.deepEqual(await bot.poolster.deps.inschalingen.list(TENANT, centreId), [], 'nothing stored');
  });

  it('confirms the team stadia with a reason; a stale card never overwrites', async () => {
    const overview = firstCard(await director.say('resultaat'));
    const confirm = (await director.execute(RESULT_VERBS.review, actionTitled(overview, 'Bevestig de teamstadia').data)).card;
    const submit = actionTitled(confirm, 'Bevestig de teamstadia');
    const data = { ...submit.data, ...formValues(confirm), stadium_4_2: '3', reason_4_2: 'Na de teamdialoog: de meeste teams werken al geïntegreerd.' };
    const done = await director.execute(RESULT_VERBS.confirm, data);
    // A short card that fits where the client shows it, with the next step as a button.
    const doneCard = keep(done.card);
    assert.match(cardText(doneCard), /De teamstadia zijn bevestigd en bewaard als inschaling 2026-2027[^]*Nog niet gepubliceerd/);
    assert.deepEqual(cardActions(doneCard).map((a) => a.title), ['Publiceer voor het team', 'Bekijk het teamresultaat']);
    const card = keep((await director.execute(RESULT_VERBS.overview, actionTitled(doneCard, 'Bekijk het teamresultaat').data)).card);
    assert.match(cardText(card), /Bevestigd teamstadium\nGeïntegreerd\nReden\nNa de teamdialoog/);
    const stored = await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027');
    assert.deepEqual(
      [stored?.confirmations['4.2'].stadium, stored?.confirmations['4.2'].proposal, stored?.confirmations['4.2'].confirmedByName, stored?.confirmations['4.2'].confirmedAt],
      [3, 2, 'Diane Directeur', clock.now.toISOString()],
    );
    assert.equal(stored?.published, false);
    assert.deepEqual(await bot.poolster.deps.inschalingen.confirmedPriorities(TENANT, centreId), ['6.4', '4.3', '5.1', '6.1', '5.3']);

    const stale = await director.execute(RESULT_VERBS.confirm, { ...data, stadium_4_2: '1', reason_4_2: 'Oude kaart' });
    assert.match(cardText(stale.card), /Intussen werd het teamresultaat al bevestigd door Diane Directeur/);
    assert.equal(inputValue(stale.card, 'reason_4_2'), 'Oude kaart', 'the values are kept');
    assert.equal((await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027'))?.confirmations['4.2'].stadium, 3, 'nothing overwritten');
  });

  it('publishes the result; then members see the confirmed result without anyone\'s answers', async () => {
    assert.equal((await lee.say('resultaat'))[0]?.text, notPublishedMessage('personal'), 'confirmed is not yet published');
    const overview = firstCard(await director.say('resultaat'));
    connector.blocked.add(adele.personalConversationId); // Adele removed the app
    const before = connector.sent.length;
    // Publiceer asks first, saying who is told and what cannot be taken back; nothing is sent yet.
    const question = await director.execute(RESULT_VERBS.publish, actionTitled(overview, 'Publiceer voor het team').data);
    assert.match(cardText(keep(question.card)), /Teamresultaat 2026-2027 publiceren\?[^]*De 4 andere deelnemers krijgen het teamresultaat meteen[^]*Nooit wie wat antwoordde[^]*Een publicatie trek je niet in/);
    assert.equal(connector.sent.length, before, 'asking tells nobody');
    assert.equal((await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027'))?.published, false);
    const cancelled = await director.execute(RESULT_VERBS.publishCancel, actionTitled(question.card, 'Annuleer').data);
    assert.match(cardText(cancelled.card), /Niet gepubliceerd: de leden zien nog niets/);
    assert.equal((await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027'))?.published, false, 'Annuleer publishes nothing');
    const published = await director.execute(RESULT_VERBS.publish, actionTitled(question.card, 'Bevestig: publiceer').data);
    assert.match(cardText(keep(published.card)), /Teamresultaat 2026-2027 gepubliceerd\nHet teamresultaat is gepubliceerd: ik stuur het de deelnemers in hun persoonlijke chat/);
    assert.deepEqual(cardActions(published.card).map((a) => a.title), ['Bekijk het teamresultaat'], 'no second Publiceer');
    assert.equal((await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027'))?.published, true);

    // Every participant gets the published result in their 1:1 chat; the director who published does not.
    const sentTo = (user: TestUser) => connector.sent.slice(before).filter((s) => s.conversationId === user.personalConversationId).map((s) => s.activity);
    for (const member of [megan, lee, pradeep]) {
      const received = sentTo(member);
      assert.equal(received.length, 1, `${member.name} is told once`);
      assert.match(String(received[0]?.text), /Diane Directeur publiceerde het teamresultaat van de inschaling 2026-2027/);
      const card = keep(firstCard(received));
      assert.match(cardText(card), /Teamresultaat inschaling 2026-2027/);
      assert.doesNotMatch(cardText(card), /Toelichting van het team/, 'aggregates only');
    }
    assert.deepEqual(sentTo(adele), []);
    // The director, in the chat where they published, hears who could not be reached.
    assert.deepEqual(
      sentTo(director).map((a) => a.text),
      ['Niet iedereen kreeg het gepubliceerde teamresultaat in de persoonlijke chat: Adele Vance. Zij zien het wel met **resultaat** in hun chat met Poolster.'],
    );
    connector.blocked.delete(adele.personalConversationId);
    const again = await director.execute(RESULT_VERBS.publish, actionTitled(question.card, 'Bevestig: publiceer').data);
    assert.match(cardText(again.card), /Het teamresultaat was al gepubliceerd/);
    assert.equal(connector.sent.length - before, 4, 'publishing twice tells nobody twice');
    const memberCard = keep(firstCard(await lee.say('resultaat')));
    const text = cardText(memberCard);
    assert.match(text, /4\.2 Geïntegreerde benadering van de kernprocessen\nTeamstadium\nGeïntegreerd\nVoorstel uit de antwoorden\nPlanmatig\nReden\nNa de teamdialoog/);
    assert.doesNotMatch(text, /Toelichting van het team/, 'no toelichtingen for members');
    assert.ok(!JSON.stringify(memberCard).includes('"Action.Execute"'), 'members get no director buttons');
  });

  it('lets the director download the result as Excel in the personal chat (file consent, upload, file card)', async () => {
    const overview = firstCard(await director.say('resultaat'));
    const before = connector.sent.length;
    const answer = await director.execute(RESULT_VERBS.export, actionTitled(overview, 'Exporteer (Excel)').data);
    assert.match(String(answer.message), /Toestaan/);
    const consent = attachmentsOf(connector.sent.slice(before).filter((s) => s.conversationId === director.personalConversationId).map((s) => s.activity), 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(consent.length, 1);
    assert.equal(consent[0].name, 'poolster-teamresultaat-go-clb-teststad-2026-2027.xlsx');
    assert.ok(consent[0].content.sizeInBytes > 1000);
    assert.deepEqual(consent[0].content.acceptContext, { kind: 'result.export', key: { roundId, format: 'xlsx' }, name: 'poolster-teamresultaat-go-clb-teststad-2026-2027.xlsx' });

    const accepted = await fileConsent(director, 'accept', consent[0].content.acceptContext, 'xlsx');
    assert.equal(accepted.status, 200);
    const upload = uploads.uploads.at(-1)!;
    assert.equal(upload.headers['content-range'], `bytes 0-${upload.body.length - 1}/${upload.body.length}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(upload.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Teamresultaat')!;
    const row42 = sheet.getRow(3).values as unknown[];
    assert.equal(row42[1], '4.2 Geïntegreerde benadering van de kernprocessen');
    assert.ok(row42.includes('Na de teamdialoog: de meeste teams werken al geïntegreerd.'));
    const info = attachmentsOf(connector.sentTo(director.personalConversationId), 'application/vnd.microsoft.teams.card.file.info');
    assert.equal(info.at(-1)?.contentUrl, 'https://contoso-my.sharepoint.com/personal/result.xlsx');
  });

  it('from the group chat, offers the CSV in the personal chat; a decline is answered in Dutch', async () => {
    const before = connector.sent.length;
    const answer = await director.execute(RESULT_VERBS.export, { roundId, format: 'csv' }, group);
    assert.match(String(answer.message), /in je persoonlijke chat/);
    const consent = attachmentsOf(connector.sent.slice(before).map((s) => s.activity), 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(consent.length, 1);
    assert.equal(connector.sent.slice(before).find((s) => s.activity.attachments)?.conversationId, director.personalConversationId, 'never in the group');
    const accepted = await fileConsent(director, 'accept', consent[0].content.acceptContext, 'csv');
    assert.equal(accepted.status, 200);
    const csv = uploads.uploads.at(-1)!.body.toString('utf8');
    assert.ok(csv.startsWith('\uFEFF'));
    assert.match(csv, /4\.2 Geïntegreerde benadering van de kernprocessen;3;1;1;1;0;Planmatig;ja;bespreekpunt;2;;;Geïntegreerd;Na de teamdialoog/);
    for (const name of MEMBER_NAMES) assert.ok(!csv.includes(name), `no ${name} in the anonymous export`);

    const declinedBefore = connector.sent.length;
    const declined = await fileConsent(director, 'decline', consent[0].content.acceptContext, 'csv');
    assert.equal(declined.status, 200);
    assert.match(String(connector.sent.slice(declinedBefore)[0]?.activity.text), /niet in je OneDrive gezet\. Wil je het toch\? Gebruik de knop \*\*Download\*\*/, 'a decline points to the Download card');
  });

  it('never trusts ids in card data: another centre, a member, or a forged file context get a Dutch answer and nothing changes', async () => {
    await outsider.say('setup Vrij CLB Elders');
    const version = (await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027'))?.version;
    for (const verb of [RESULT_VERBS.overview, RESULT_VERBS.detail, RESULT_VERBS.agenda, RESULT_VERBS.review, RESULT_VERBS.confirm, RESULT_VERBS.publish, RESULT_VERBS.export]) {
      const answer = await outsider.execute(verb, { roundId, bouwsteenId: '4.1', version, format: 'csv', stadium_4_1: '1' });
      assert.equal(answer.message, FOREIGN_ROUND_MESSAGE, verb);
    }
    const member = await megan.execute(RESULT_VERBS.confirm, { roundId, version });
    assert.match(String(member.message), /Dit kan alleen een directeur/);
    const uploadsBefore = uploads.uploads.length;
    const sentBefore = connector.sent.length;
    await fileConsent(outsider, 'accept', { kind: 'result.export', key: { roundId, format: 'csv' } }, 'csv');
    assert.equal(uploads.uploads.length, uploadsBefore, 'no bytes for the outsider');
    assert.equal(connector.sent.slice(sentBefore)[0]?.activity.text, FOREIGN_ROUND_MESSAGE);
    const stored = await bot.poolster.deps.inschalingen.get(TENANT, centreId, '2026-2027');
    assert.equal(stored?.version, version);
    assert.equal(stored?.published, true);
  });

  it('exports from the command line for a centre and school year', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'poolster-export-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { env: { STORAGE_CONNECTION_STRING: process.env.POOLSTER_TEST_STORAGE, TABLE_PREFIX: tablePrefix }, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), now: () => clock.now };
      const file = path.join(dir, 'result.csv');
      assert.equal(await runExportCli(['--centre', centreId, '--year', '2026-2027', '--format', 'csv', '--out', file], io), 0, err.join(''));
      assert.match(out.join(''), /3 van 4 deelnemers verzonden; bevestigd/);
      const csv = await readFile(file, 'utf8');
      assert.match(csv, /1;6\.4 Onderzoekende houding;14;2;3;ja/);
      const xlsx = path.join(dir, 'result.xlsx');
      assert.equal(await runExportCli(['--centre', centreId, '--year', '26-27', '--tenant', TENANT, '--format', 'xlsx', '--out', xlsx], io), 0, err.join(''));
      assert.ok((await readFile(xlsx)).subarray(0, 2).equals(Buffer.from('PK')), 'a zip (xlsx) file');
      assert.equal(await runExportCli(['--centre', centreId, '--year', '2026-2027', '--format', 'pdf', '--out', file], io), 2);
      assert.equal(await runExportCli(['--centre', 'nope', '--year', '2026-2027', '--format', 'csv', '--out', file], io), 1);
      assert.equal(await runExportCli(['--centre', centreId, '--year', '2020-2021', '--format', 'csv', '--out', file], io), 1);
      assert.match(err.join(''), /geen afgesloten inschalingsronde voor 2020-2021/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shows growth against the confirmed inschaling of the previous school year in the next round', async () => {
    clock.now = new Date('2026-12-01T09:00:00Z');
    const next = await startRound('2027-2028');
    const stadia = (id: BouwsteenId): StadiumLevel => (id === '4.1' || id === '4.2' ? 3 : 2);
    const all = Object.fromEntries(BOUWSTEEN_IDS.map((id) => [id, stadia(id)])) as Record<BouwsteenId, StadiumLevel>;
    await answer(megan, next, all, validClosingForm());
    await answer(lee, next, all, validClosingForm());
    await closeRoundConfirmed(director);
    const card = keep(firstCard(await director.say('resultaat')));
    const text = cardText(card);
    assert.match(text, /Teamresultaat inschaling 2027-2028/);
    assert.match(text, /4\.1 Behartiger van de leerling\nVoorstel\nGeïntegreerd[^]*?Bevestigd 2026-2027\nPlanmatig → voorstel: 1 stadium verder op het continuüm/);
    assert.match(text, /4\.2 [^\n]+\nVoorstel\nGeïntegreerd[^]*?Bevestigd 2026-2027\nGeïntegreerd → voorstel: zelfde plaats op het continuüm/);
    assert.match(text, /5\.1 Sterk teamwerk\nVoorstel\nPlanmatig[^]*?Bevestigd 2026-2027\nSystematisch → voorstel: 2 stadia terug op het continuüm/);
    // The previous year's result can still be opened by year.
    assert.match(cardText(firstCard(await director.say('resultaat 2026-2027'))), /Teamresultaat inschaling 2026-2027/);
  });

  it('network view: only opted-in centres of the same network, and only for a director of an opted-in centre', async () => {
    assert.match(String((await director.say('netwerk'))[0]?.text), /doet nog niet mee/);
    assert.match(String((await director.say('netwerk aan'))[0]?.text), /doet mee aan de netwerkvergelijking van GO! CLB/);
    assert.match(String((await megan.say('netwerk'))[0]?.text), /alleen een directeur/);

    // A neighbouring GO! centre that opts in and offers 6.4; a silent one that does not opt in.
    await neighbour.say('setup GO! CLB Naburig');
    await neighbour.say('netwerk aan');
    const silent = await bot.poolster.deps.centres.createCentre({ tenantId: TENANT, name: 'GO! CLB Stil', network: 'GO! CLB', director: { tenantId: TENANT, userId: 'silent-director', channelUserId: '29:silent', name: 'Stille Directeur' }, now: clock.now });
    await outsider.say('netwerk aan');
    const neighbourId = (await bot.poolster.deps.centres.getPerson(TENANT, neighbour.userId))!.centreId;
    const outsiderId = (await bot.poolster.deps.centres.getPerson(TENANT, outsider.userId))!.centreId;
    await confirmSynthetic(neighbourId, ['6.4', '6.4', '6.4'], ['6.4', '4.3', '5.3']);
    await confirmSynthetic(silent.centre.centreId, ['6.4', '4.3', '5.1'], ['6.4', '4.3', '5.1']);
    await confirmSynthetic(outsiderId, ['6.4', '4.3', '5.1'], ['6.4', '4.3', '5.1']);

    const card = keep(firstCard(await director.say('netwerk')));
    const text = cardText(card);
    assert.match(text, /2 centra doen mee/);
    assert.match(text, /1\. 6\.4 Onderzoekende houding\nGO! CLB Naburig/);
    assert.match(text, /6\.4 Onderzoekende houding\n2 centra/);
    assert.match(text, /2\. 4\.3 [^\n]+\nnog geen centrum in het netwerk/);
    assert.doesNotMatch(text, /GO! CLB Stil|Vrij CLB Elders/, 'a centre that did not opt in (or of another network) is never shown');

    await director.say('netwerk uit');
    const neighbourView = cardText(firstCard(await neighbour.say('netwerk')));
    assert.match(neighbourView, /1 centrum doet mee/);
    assert.doesNotMatch(neighbourView, /Teststad/);
  });

  it('never showed a member name in any result card of this anonymous round', () => {
    assert.ok(resultCards.length >= 10);
    for (const card of resultCards) {
      const json = JSON.stringify(card);
      for (const name of MEMBER_NAMES) assert.ok(!json.includes(name), `${name} appears in a result card`);
    }
  });

  /** Confirms an inschaling for another centre straight in storage (the network's other side). */
  async function confirmSynthetic(centre: string, inspiring: BouwsteenId[], priorities: BouwsteenId[]) {
    const surveys = worstCaseSurveys(3).map((s) => ({ ...s, closing: { notYetInspiring: false, inspiring: [...new Set(inspiring)], priorities } }));
    const result = consolidateRound(surveys, { open: false });
    const form: Record<string, string> = {};
    for (const b of result.bouwstenen) form[confirmationFields(b.bouwsteenId).stadium] = String(b.proposedStadium);
    const validation = validateConfirmation(form, Object.fromEntries(result.bouwstenen.map((b) => [b.bouwsteenId, b.proposedStadium])));
    assert.ok(validation.ok);
    await bot.poolster.deps.inschalingen.save(
      buildInschaling({ tenantId: TENANT, centreId: centre, schoolYear: '2026-2027', roundId: `synthetic-${centre}`, visibility: 'anoniem', result, choices: validation.choices, actor: { userId: 'x', name: 'X' }, now: clock.now }),
    );
  }

  /** The invoke Teams sends when the person clicks Allow or Decline on a file consent card. */
  async function fileConsent(user: TestUser, action: 'accept' | 'decline', context: unknown, fileType: string) {
    return user.post({
      type: 'invoke',
      name: 'fileConsent/invoke',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      id: `consent-${randomUUID()}`,
      timestamp: new Date().toISOString(),
      from: { id: user.channelUserId, name: user.name, aadObjectId: user.userId },
      recipient: { id: '28:poolster-bot', name: 'Poolster' },
      conversation: { id: user.personalConversationId, conversationType: 'personal', tenantId: user.tenantId },
      channelData: { tenant: { id: user.tenantId } },
      value: {
        type: 'fileUpload',
        action,
        context,
        ...(action === 'accept'
          ? { uploadInfo: { name: `result.${fileType}`, uploadUrl: `${uploads.url}/upload/${randomUUID()}`, contentUrl: `https://contoso-my.sharepoint.com/personal/result.${fileType}`, uniqueId: randomUUID(), fileType } }
          : {}),
      },
    });
  }
});
