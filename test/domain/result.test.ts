import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue/types';
import { consolidateDrafts, memberSurveyFromDraft } from '../../domain/survey/fromDrafts';
import { proposedStadia } from '../../domain/survey/consolidate';
import {
  REASON_MAX_LENGTH,
  buildInschaling,
  confirmationFields,
  offeredInspiring,
  teamPriorities,
  toConfirmedInschaling,
  validateConfirmation,
  type ConfirmationForm,
} from '../../domain/result/inschaling';
import { buildResultCsv, buildResultXlsx, csvCell, exportFileName, type ResultExportInput } from '../../domain/result/export';
import { movementText } from '../../domain/result/labels';
import { validBouwsteenForm, validClosingForm } from '../fixtures/surveyForms';
import { WORKED_MEMBERS, draftOf, testRound, workedDrafts } from '../fixtures/resultFixtures';

const bouwsteen = (result: ReturnType<typeof consolidateDrafts>, id: BouwsteenId) => result.bouwstenen.find((b) => b.bouwsteenId === id)!;

/** A confirmation form that accepts every proposal of the worked example. */
function acceptAll(overrides: ConfirmationForm = {}): ConfirmationForm {
  const form: ConfirmationForm = {};
  const proposals = proposedStadia(consolidateDrafts(testRound(), workedDrafts()));
  for (const id of BOUWSTEEN_IDS) form[confirmationFields(id).stadium] = String(proposals[id]);
  return { ...form, ...overrides };
}

describe('memberSurveyFromDraft', () => {
  it('counts only complete, valid bouwsteen drafts and a complete closing; keeps submittedAt', () => {
    const draft = draftOf(
      'u1',
      'Megan Bowen',
      {
        '4.1': { form: validBouwsteenForm({ stadium: '3' }), complete: true },
        '4.2': { form: validBouwsteenForm({ stadium: '2' }), complete: false },
        // Marked complete but no longer valid (ambition below stadium): not counted.
        '4.3': { form: validBouwsteenForm({ stadium: '3', ambition: '2' }), complete: true },
      },
      { form: validClosingForm(), complete: true },
      '2026-10-10T10:00:00.000Z',
    );
    const survey = memberSurveyFromDraft(draft);
    assert.deepEqual(Object.keys(survey.answers), ['4.1']);
    assert.equal(survey.answers['4.1']?.stadium, 3);
    assert.deepEqual(survey.closing, { notYetInspiring: false, inspiring: ['5.1', '6.2'], priorities: ['6.4', '4.3', '5.3'] });
    assert.equal(survey.submittedAt, '2026-10-10T10:00:00.000Z');
    assert.equal(survey.memberName, 'Megan Bowen');
  });

  it('ignores an incomplete closing draft and has no submittedAt before sending', () => {
    const survey = memberSurveyFromDraft(draftOf('u2', 'Lee Gu', {}, { form: validClosingForm({ priority3: '' }), complete: false }));
    assert.equal(survey.closing, undefined);
    assert.equal(survey.submittedAt, undefined);
    assert.deepEqual(survey.answers, {});
  });
});

describe('consolidateDrafts: the worked example, checked by hand', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());

  it('counts members, senders and closing answers (partial round included)', () => {
    assert.equal(result.memberCount, 4);
    assert.equal(result.submittedCount, 3);
    assert.equal(result.closingCount, 3);
    assert.equal(result.open, false);
  });

  it('gives distribution, proposal and agreement per bouwsteen', () => {
    assert.deepEqual(
      { d: bouwsteen(result, '4.1').distribution, p: bouwsteen(result, '4.1').proposedStadium, a: bouwsteen(result, '4.1').agreement },
      { d: { 1: 0, 2: 2, 3: 1, 4: 0 }, p: 2, a: 'dicht-bij-elkaar' },
    );
    const b42 = bouwsteen(result, '4.2');
    assert.deepEqual([b42.proposedStadium, b42.tie, b42.agreement, b42.spread], [2, true, 'bespreekpunt', 2]);
    const b43 = bouwsteen(result, '4.3');
    assert.deepEqual([b43.respondents, b43.proposedStadium, b43.agreement], [4, 3, 'eensgezind'], 'Adele counts for 4.3');
    assert.equal(bouwsteen(result, '5.2').respondents, 3, "Adele's incomplete 5.2 does not count");
    const b51 = bouwsteen(result, '5.1');
    assert.deepEqual([b51.proposedStadium, b51.spread, b51.agreement], [4, 3, 'bespreekpunt']);
  });

  it('puts the bespreekpunten in order of spread: 5.1 (3), then 4.2 (2, tie)', () => {
    assert.deepEqual(result.bespreekpunten, [
      { bouwsteenId: '5.1', spread: 3, tie: false },
      { bouwsteenId: '4.2', spread: 2, tie: true },
    ]);
  });

  it('ranks the priorities by Borda: 6.4 14, 4.3 12, 5.1 7, 6.1 4, 5.3 3, 6.5 1', () => {
    assert.deepEqual(
      result.priorities.map((p) => [p.bouwsteenId, p.points, p.firstPlaces, p.mentions]),
      [
        ['6.4', 14, 2, 3],
        ['4.3', 12, 1, 3],
        ['5.1', 7, 0, 2],
        ['6.1', 4, 0, 2],
        ['5.3', 3, 0, 1],
        ['6.5', 1, 0, 1],
      ],
    );
    assert.deepEqual(teamPriorities(result.priorities), ['6.4', '4.3', '5.1', '6.1', '5.3']);
  });

  it('counts inspirerende praktijken and offers those named by at least half', () => {
    const counts = Object.fromEntries(result.inspiring.perBouwsteen.filter((i) => i.count > 0).map((i) => [i.bouwsteenId, i.count]));
    assert.deepEqual(counts, { '5.1': 2, '6.2': 1 });
    assert.equal(result.inspiring.notYetInspiringCount, 1);
    assert.deepEqual(offeredInspiring(result.inspiring, result.closingCount), ['5.1']);
  });

  it('keeps notes without names in an anonymous round, with names in an open one', () => {
    assert.ok(bouwsteen(result, '4.1').notes.every((n) => n.memberName === undefined));
    const open = consolidateDrafts(testRound({ visibility: 'open' }), workedDrafts());
    assert.deepEqual(
      bouwsteen(open, '4.3').notes.map((n) => n.memberName).sort(),
      ['Adele Vance', 'Lee Gu', 'Megan Bowen', 'Pradeep Gupta'],
    );
  });
});

describe('validateConfirmation', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const proposals = proposedStadia(result);

  it('accepts every proposal as it stands', () => {
    const validation = validateConfirmation(acceptAll(), proposals);
    assert.ok(validation.ok);
    assert.equal(validation.choices.length, 11);
  });

  it('needs a reason for a stadium other than the proposal, and accepts it with one', () => {
    const without = validateConfirmation(acceptAll({ stadium_4_2: '3' }), proposals);
    assert.ok(!without.ok);
    assert.deepEqual(Object.keys(without.errors), ['4.2']);
    assert.match(without.errors['4.2']!, /ander stadium dan het voorstel \(Planmatig\): geef kort de reden/);
    const withReason = validateConfirmation(acceptAll({ stadium_4_2: '3', reason_4_2: 'Na de dialoog: de meeste teams werken al zo.' }), proposals);
    assert.ok(withReason.ok);
    assert.deepEqual(withReason.choices.find((c) => c.bouwsteenId === '4.2'), { bouwsteenId: '4.2', stadium: 3, reason: 'Na de dialoog: de meeste teams werken al zo.' });
  });

  it('refuses a stadium that does not exist, a missing one, and a reason that is too long', () => {
    const validation = validateConfirmation(acceptAll({ stadium_4_1: '7', stadium_4_3: '', stadium_5_1: '1', reason_5_1: 'x'.repeat(REASON_MAX_LENGTH + 1) }), proposals);
    assert.ok(!validation.ok);
    assert.match(validation.errors['4.1']!, /Dat stadium bestaat niet/);
    assert.match(validation.errors['4.3']!, /Kies het teamstadium/);
    assert.match(validation.errors['5.1']!, /het maximum is 1000/);
  });

  it('needs a reason when nobody answered a bouwsteen (no proposal)', () => {
    const partial = { ...proposals };
    delete partial['6.5'];
    const validation = validateConfirmation(acceptAll({ stadium_6_5: '2' }), partial);
    assert.ok(!validation.ok);
    assert.match(validation.errors['6.5']!, /geen voorstel/);
  });
});

describe('buildInschaling', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const proposals = proposedStadia(result);
  const choices = (form: ConfirmationForm) => {
    const validation = validateConfirmation(form, proposals);
    assert.ok(validation.ok);
    return validation.choices;
  };
  const base = {
    tenantId: 'tenant-1',
    centreId: 'centre-1',
    schoolYear: '2026-2027' as const,
    roundId: 'round-1',
    visibility: 'anoniem' as const,
    result,
  };

  it('keeps stadium, proposal, reason, who and when per bouwsteen; priorities and aggregates without names', () => {
    const first = buildInschaling({ ...base, choices: choices(acceptAll({ stadium_4_2: '3', reason_4_2: 'Na de dialoog.' })), actor: { userId: 'd1', name: 'Diane Directeur' }, now: new Date('2026-12-01T09:00:00Z') });
    assert.equal(first.version, 1);
    assert.equal(first.published, false);
    assert.deepEqual(first.confirmations['4.2'], {
      bouwsteenId: '4.2',
      stadium: 3,
      proposal: 2,
      tie: true,
      reason: 'Na de dialoog.',
      confirmedBy: 'd1',
      confirmedByName: 'Diane Directeur',
      confirmedAt: '2026-12-01T09:00:00.000Z',
    });
    assert.deepEqual(first.priorities, ['6.4', '4.3', '5.1', '6.1', '5.3']);
    assert.deepEqual(first.offeredInspiring, ['5.1']);
    const json = JSON.stringify(first.snapshot);
    for (const name of WORKED_MEMBERS) assert.ok(!json.includes(name), `snapshot has no ${name}`);
    assert.ok(!json.includes('Notitie'), 'snapshot has no toelichtingen');
    assert.equal(toConfirmedInschaling(first).stadia['4.2'], 3);
  });

  it('on a new confirmation keeps who and when of unchanged bouwstenen and unpublishes', () => {
    const first = buildInschaling({ ...base, choices: choices(acceptAll()), actor: { userId: 'd1', name: 'Diane Directeur' }, now: new Date('2026-12-01T09:00:00Z') });
    const published = { ...first, published: true, publishedAt: '2026-12-02T09:00:00.000Z' };
    const second = buildInschaling({
      ...base,
      choices: choices(acceptAll({ stadium_5_1: '3', reason_5_1: 'Nog niet overal geëvalueerd.' })),
      previous: published,
      actor: { userId: 'd2', name: 'Dirk Tweede' },
      now: new Date('2026-12-05T09:00:00Z'),
    });
    assert.equal(second.version, 2);
    assert.equal(second.published, false);
    assert.equal(second.confirmations['4.1'].confirmedByName, 'Diane Directeur');
    assert.equal(second.confirmations['4.1'].confirmedAt, '2026-12-01T09:00:00.000Z');
    assert.equal(second.confirmations['5.1'].confirmedByName, 'Dirk Tweede');
    assert.equal(second.confirmations['5.1'].stadium, 3);
  });
});

describe('movementText: movement on the continuum, never a grade', () => {
  it('describes steps without judgement', () => {
    assert.equal(movementText(0), 'zelfde plaats op het continuüm');
    assert.equal(movementText(1), '1 stadium verder op het continuüm');
    assert.equal(movementText(-2), '2 stadia terug op het continuüm');
  });
});

describe('the export builders', () => {
  const result = consolidateDrafts(testRound(), workedDrafts());
  const validation = validateConfirmation(acceptAll({ stadium_4_2: '3', reason_4_2: '=HYPERLINK("x"); na de dialoog' }), proposedStadia(result));
  assert.ok(validation.ok);
  const inschaling = buildInschaling({
    tenantId: 'tenant-1',
    centreId: 'centre-1',
    schoolYear: '2026-2027',
    roundId: 'round-1',
    visibility: 'anoniem',
    result,
    choices: validation.choices,
    actor: { userId: 'd1', name: 'Diane Directeur' },
    now: new Date('2026-12-01T09:00:00Z'),
  });
  const input: ResultExportInput = {
    centreName: 'GO! CLB Teststad',
    schoolYear: '2026-2027',
    visibility: 'anoniem',
    roundStatus: 'closed',
    result,
    inschaling,
    generatedAt: new Date('2026-12-03T10:00:00Z'),
  };

  it('writes the CSV with ; and a BOM, the worked numbers, the confirmation and no names', () => {
    const csv = buildResultCsv(input);
    assert.ok(csv.startsWith('\uFEFF'));
    const lines = csv.slice(1).split('\r\n');
    const row41 = lines.find((l) => l.startsWith('4.1 Behartiger van de leerling;'));
    assert.ok(row41);
    // Bouwsteen;Antwoorden;F;P;G;S;Voorstel;Gelijke stand;Overeenstemming;Spreiding;Vorige;Beweging;Bevestigd;...
    assert.deepEqual(row41!.split(';').slice(0, 13), ['4.1 Behartiger van de leerling', '3', '0', '2', '1', '0', 'Planmatig', 'nee', 'dicht bij elkaar', '1', '', '', 'Planmatig']);
    const row42 = lines.find((l) => l.startsWith('4.2 '))!;
    assert.match(row42, /;Planmatig;ja;bespreekpunt;2;;;Geïntegreerd;"'=HYPERLINK\(""x""\); na de dialoog";Diane Directeur;/, 'reason quoted and defused');
    assert.ok(lines.includes('1;6.4 Onderzoekende houding;14;2;3;ja'));
    assert.ok(lines.includes('6;6.5 Geïnformeerde praktijken;1;0;1;nee'));
    assert.ok(lines.includes('5.1 Sterk teamwerk;2'));
    assert.ok(lines.some((l) => l.startsWith('4.3 ') && l.includes('Adele bij 4.3')), 'toelichtingen are there');
    for (const name of WORKED_MEMBERS) assert.ok(!csv.includes(name), `no ${name} in an anonymous export`);
    assert.ok(lines.includes('Bouwsteen;Vraag;Toelichting'), 'no name column');
  });

  it('adds a name column in an open round', () => {
    const open = consolidateDrafts(testRound({ visibility: 'open' }), workedDrafts());
    const csv = buildResultCsv({ ...input, visibility: 'open', result: open });
    assert.ok(csv.includes('Bouwsteen;Vraag;Toelichting;Naam'));
    assert.ok(csv.includes(';Adele Vance'));
  });

  it('defuses formula-like cells and quotes separators', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('-3'), "'-3");
    assert.equal(csvCell('a;b'), '"a;b"');
    assert.equal(csvCell('zei "ja"'), '"zei ""ja"""');
    assert.equal(csvCell('regel\nnieuw'), '"regel\nnieuw"');
    assert.equal(csvCell(-3), '-3');
  });

  it('writes an XLSX that opens with the same tables', async () => {
    const buffer = await buildResultXlsx(input);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    assert.deepEqual(workbook.worksheets.map((w) => w.name), ['Info', 'Teamresultaat', 'Teamprioriteiten', 'Inspirerende praktijken', 'Toelichtingen']);
    const sheet = workbook.getWorksheet('Teamresultaat')!;
    assert.equal(sheet.getCell('A2').value, '4.1 Behartiger van de leerling');
    assert.equal(sheet.getCell('D2').value, 2, 'Planmatig count of 4.1 is a number');
    const priorities = workbook.getWorksheet('Teamprioriteiten')!;
    assert.deepEqual([priorities.getCell('B2').value, priorities.getCell('C2').value], ['6.4 Onderzoekende houding', 14]);
    const notes = workbook.getWorksheet('Toelichtingen')!;
    assert.equal(notes.getRow(1).cellCount, 3, 'no name column in an anonymous round');
  });

  it('names the file after the centre and year', () => {
    assert.equal(exportFileName('GO! CLB Teststad', '2026-2027', 'xlsx'), 'poolster-teamresultaat-go-clb-teststad-2026-2027.xlsx');
    assert.equal(exportFileName('Vrij CLB Geëlle', '2026-2027', 'csv'), 'poolster-teamresultaat-vrij-clb-geelle-2026-2027.csv');
  });
});
