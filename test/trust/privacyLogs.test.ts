import assert from 'node:assert/strict';
import sinon from 'sinon';
import { errorSummary } from '../../bot/router';
import { actionTitled, inputValue } from '../support/cards';
import { BOUWSTEEN_IDS } from '../../domain/catalogue';
import { confirmationFields } from '../../domain/result/inschaling';
import { closeRoundConfirmed, firstCard, startTestBot, type ConversationSpec, type TestBot, type TestUser } from '../support/bot';
import { demoPlan } from '../support/planFixture';
import { specClock } from '../support/clock';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';
import { captureLogs } from './support';

/**
 * Issue 7, privacy of the logs (AVG/GDPR): whole turns that carry names, message text, answers,
 * toelichtingen, notes and titles, including turns that fail, are logged through the production
 * logger (pino with its redaction) at the most verbose level; no distinctive string may appear in
 * any log line, nor in anything a library prints on the console.
 */
describe('Trust: logs hold no names, message text or answers', function () {
  this.timeout(120_000);
  const SECRETS = {
    directorName: 'Zwanhilde Xerxesdochter',
    memberName: 'Gerolf Quintijnssen',
    centreName: 'GO! CLB Qwertyville',
    message: 'Vertrouwelijk-bericht-5521',
    toelichting: 'Geheime-toelichting-7319',
    otherText: 'Anders-antwoord-8842',
    note: 'Plan-notitie-6610',
    title: 'Actie-titel-4407',
    reason: 'Afwijkende-reden-2291',
  };
  let bot: TestBot;
  let director: TestUser;
  let member: TestUser;
  const logs = captureLogs('trace');
  const clock = specClock();
  const printed: string[] = [];
  const consoleStubs: sinon.SinonStub[] = [];
  const chat: ConversationSpec = { id: '19:logs-team@thread.v2', kind: 'groupChat' };

  before(async () => {
    bot = await startTestBot({ now: clock.now, logger: logs.logger });
    director = bot.user(SECRETS.directorName);
    member = bot.user(SECRETS.memberName);
    bot.connector.members.set(chat.id, [director, member].map((u) => ({ id: u.channelUserId, name: u.name, aadObjectId: u.userId })));
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      consoleStubs.push(sinon.stub(console, method).callsFake((...args: unknown[]) => void printed.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))));
    }
  });
  after(async () => {
    consoleStubs.forEach((stub) => stub.restore());
    await bot.stop();
  });

  it('runs the turns people take (and some that fail) with the secrets in them', async () => {
    await director.say(`setup ${SECRETS.centreName}`);
    await director.say(`rol lid ${SECRETS.memberName}`, chat);
    await director.say('team');
    await director.say(`${SECRETS.message} over leerling Jansen`);
    await member.say(`Hallo, ik ben ${SECRETS.memberName}: ${SECRETS.message}`);
    const created = await director.execute('round.create', { schoolYear: clock.schoolYear, deadline: clock.inDays(14), participants: member.userId, visibility: 'open' }, chat);
    assert.ok(created.card, created.message);
    const centre = (await bot.poolster.deps.centres.listCentres(director.tenantId))[0]!;
    const roundId = centre.openRoundId!;

    let card = firstCard(await member.say('inschaling'));
    card = (await member.execute('survey.open', actionTitled(card, 'Start de inschaling').data)).card;
    // An invalid answer (kept and reported), then a valid one, then every other bouwsteen.
    const next = actionTitled(card, 'Volgende');
    const invalid = await member.execute('survey.answer', { ...next.data, ...validBouwsteenForm({ ambition: '1', choiceNote: SECRETS.toelichting, differenceOther: SECRETS.otherText }) });
    card = (await member.execute('survey.answer', { ...actionTitled(invalid.card, 'Volgende').data, ...validBouwsteenForm({ choiceNote: SECRETS.toelichting, differenceOther: SECRETS.otherText }) })).card;
    for (let i = 1; i < 11; i += 1) card = (await member.execute('survey.answer', { ...actionTitled(card, /^Volgende/).data, ...validBouwsteenForm({ leversNote: SECRETS.toelichting }) })).card;
    card = (await member.execute('survey.open', actionTitled(card, 'Verder naar de overkoepelende vragen').data)).card;
    card = (await member.execute('survey.closing', { ...actionTitled(card, 'Volgende').data, ...validClosingForm() })).card;
    await member.execute('survey.submit', actionTitled(card, 'Definitief verzenden').data);
    // A stale click and card data that does not parse.
    await member.execute('survey.answer', { roundId, bouwsteenId: '4.1', version: 0, nav: 'next', ...validBouwsteenForm({ choiceNote: SECRETS.toelichting }) });
    await member.execute('survey.answer', { roundId, bouwsteenId: SECRETS.toelichting, version: SECRETS.note, nav: SECRETS.message });
    await member.submit('survey.closing', { roundId, version: 'x', nav: 'next', priority1: SECRETS.note });

    await director.say('voortgang');
    await director.say(`heropen ${SECRETS.memberName}`);
    await closeRoundConfirmed(director);
    await director.say('resultaat');
    const review = await director.execute('result.review', { roundId });
    assert.ok(review.card, review.message);
    const inputs: Record<string, string> = Object.fromEntries(BOUWSTEEN_IDS.map((id) => [confirmationFields(id).stadium, inputValue(review.card, confirmationFields(id).stadium) ?? '']));
    const first = confirmationFields('4.1');
    inputs[first.stadium] = inputs[first.stadium] === '4' ? '1' : '4';
    inputs[first.reason] = SECRETS.reason;
    const confirmed = await director.execute('result.confirm', { ...actionTitled(review.card, /Bevestig/).data, ...inputs });
    assert.ok(confirmed.card, confirmed.message);
    const [inschaling] = await bot.poolster.deps.inschalingen.list(director.tenantId, centre.centreId);
    assert.equal(inschaling?.confirmations['4.1'].reason, SECRETS.reason, 'the reason was stored (and so went through the turn)');

    const plan = demoPlan();
    plan.acties[0]!.owner = { name: SECRETS.memberName, userId: member.userId };
    await bot.poolster.deps.plans.replacePlan(centre.centreId, plan, clock.now());
    await member.execute('plan.addNote', { actieId: plan.acties[0]!.id, note: SECRETS.note });
    await member.execute('plan.setStatus', { actieId: plan.acties[1]!.id, status: 'afgerond' });
    await director.execute('plan.create', { doelstellingId: plan.doelstellingen[0]!.id, title: SECRETS.title, ownerUserId: member.userId, schoolYears: clock.schoolYear });
    await director.say('digest hier', chat);
    await director.say('digest nu', chat);

    await member.say('mijn gegevens');
    await member.say('verwijder mijn gegevens');
    await member.execute('privacy.erase', { confirm: 'ja' });

    // Failures: a repository that throws with the content in its message, and a JSON parse error.
    const stub = sinon.stub(bot.poolster.deps.centres, 'getPerson').rejects(new Error(`cannot store "${SECRETS.toelichting}" for ${SECRETS.directorName.split(' ')[0]!.length} rows`));
    try {
      const failed = await director.say(`help ${SECRETS.message}`);
      assert.match(String(failed[0]?.text), /Er ging iets mis/);
    } finally {
      stub.restore();
    }
    let parseError: unknown;
    try {
      JSON.parse(`${SECRETS.message} is geen JSON`);
    } catch (error) {
      parseError = error;
    }
    logs.logger.error({ err: errorSummary(parseError) }, 'parse failure');
    // Whatever a future log call passes along: the redaction paths censor the usual carriers of content.
    logs.logger.info(
      {
        text: SECRETS.message,
        name: SECRETS.memberName,
        activity: { text: SECRETS.message, value: { choiceNote: SECRETS.toelichting }, from: { name: SECRETS.memberName } },
        person: { name: SECRETS.memberName, personalChat: { user: { name: SECRETS.memberName } } },
        draft: { form: { choiceNote: SECRETS.toelichting }, note: SECRETS.note },
        actie: { title: SECRETS.title, ownerName: SECRETS.memberName, notes: [{ text: SECRETS.note }] },
        confirmation: { reason: SECRETS.reason },
        registration: { registeredByName: SECRETS.directorName, ref: { user: { name: SECRETS.directorName } } },
        data: { otherText: SECRETS.otherText },
      },
      'a careless log call',
    );
    assert.ok(logs.lines.length >= 8, `turns were logged (${logs.lines.length} lines)`);
  });

  it('has none of the secrets in any log line or console output', () => {
    const everything = [...logs.lines, ...printed];
    for (const [what, secret] of Object.entries(SECRETS)) {
      const hits = everything.filter((line) => line.includes(secret));
      assert.deepEqual(hits.map((h) => h.slice(0, 300)), [], `${what} leaked into the logs`);
    }
    // Also not in parts: the director's first name or the member's surname on their own.
    for (const part of ['Zwanhilde', 'Quintijnssen', 'Qwertyville']) assert.ok(!everything.some((line) => line.includes(part)), `${part} leaked`);
  });

  it('still logs what operations need: levels, messages, error types and codes, turn ids', () => {
    const entries = logs.entries();
    assert.ok(entries.some((e) => e.msg === 'unexpected error in turn' && (e.err as { errorType?: string })?.errorType === 'Error'));
    assert.ok(entries.some((e) => e.msg === 'card data rejected' && Array.isArray(e.issues)));
    assert.ok(entries.some((e) => e.msg === 'domain error shown to the user' && typeof e.code === 'string'));
    assert.ok(entries.some((e) => typeof e.conversationId === 'string'));
    const parse = entries.find((e) => e.msg === 'parse failure');
    assert.equal((parse?.err as { errorType?: string })?.errorType, 'SyntaxError');
  });
});
