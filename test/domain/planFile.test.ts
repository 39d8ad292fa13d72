import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parsePlanFile, serializePlanFile, type PlanFileProblem } from '../../domain/plan/planFile';
import { ACTION_STATUSES, BouwsteenIdSchema, type Actie, type Plan } from '../../domain/plan/model';
import { BOUWSTEEN_IDS } from '../../domain/catalogue/types';

/** A small valid plan file; tests change single lines so the expected line numbers are obvious. */
const BASE = [
  'titel: Testplan', //                               1
  'periode: 2020-2024', //                            2
  'speerpunten:', //                                  3
  '  - nummer: 1', //                                 4
  '    titel: Verankerd', //                          5
  '    doelstellingen:', //                           6
  '      - titel: Doel A', //                         7
  '        acties:', //                               8
  '          - titel: Actie A1', //                   9
  '            planning: [20-21, 21-22]', //          10
  '            status: lopend', //                    11
  '            deadline: 2026-12-01', //              12
  '          - titel: Actie A2', //                   13
  '            status: afgerond', //                  14
  '  - nummer: 2', //                                 15
  '    titel: Maatwerk', //                           16
  '  - nummer: 3', //                                 17
  '    titel: Medewerkers', //                        18
  '  - nummer: 4', //                                 19
  '    titel: Effectiviteit', //                      20
];

function file(changes: Record<number, string | null> = {}): string {
  return (
    BASE.flatMap((line, i) => {
      const change = changes[i + 1];
      if (change === undefined) return [line];
      if (change === null) return [];
      return [change];
    }).join('\n') + '\n'
  );
}

function problemsOf(text: string): PlanFileProblem[] {
  const result = parsePlanFile(text);
  assert.equal(result.ok, false, 'expected the file to be rejected');
  return result.ok ? [] : result.problems;
}

function linesOf(text: string): number[] {
  return problemsOf(text).map((p) => p.line);
}

function planOf(text: string): Plan {
  const result = parsePlanFile(text);
  if (!result.ok) assert.fail(`expected a valid file, got ${JSON.stringify(result.problems)}`);
  return result.plan;
}

describe('plan file: parsing a valid file', () => {
  it('reads the base file with generated ids and defaults', () => {
    const plan = planOf(file());
    assert.equal(plan.title, 'Testplan');
    assert.equal(plan.period, '2020-2024');
    assert.deepEqual(
      plan.speerpunten.map((s) => [s.number, s.title]),
      [
        [1, 'Verankerd'],
        [2, 'Maatwerk'],
        [3, 'Medewerkers'],
        [4, 'Effectiviteit'],
      ],
    );
    assert.deepEqual(plan.doelstellingen, [{ id: 'sp1-d1', speerpunt: 1, kind: 'strategisch', title: 'Doel A' }]);
    assert.deepEqual(plan.acties, [
      {
        id: 'sp1-d1-a1',
        doelstellingId: 'sp1-d1',
        title: 'Actie A1',
        schoolYears: ['2020-2021', '2021-2022'],
        deadline: '2026-12-01',
        status: 'lopend',
        notes: [],
      },
      { id: 'sp1-d1-a2', doelstellingId: 'sp1-d1', title: 'Actie A2', schoolYears: [], status: 'afgerond', notes: [] },
    ]);
  });

  it('accepts tolerant forms: planning as text, Belgian dates, status in capitals, bouwsteen as number, owner block, notes', () => {
    const plan = planOf(
      file({
        10: '            planning: 19-20, 20-21 of 2021-2022',
        11: '            status: Lopend',
        12: '            deadline: 5/3/2027',
        14: [
          '            status: gepland',
          '            bouwsteen: 6.1',
          '            eigenaar: { naam: Els Peeters, gebruikersId: "aad-123" }',
          '            notities:',
          '              - datum: 2026-11-02',
          '                auteur: Els',
          '                tekst: "Gestart: eerste overleg."',
          '              - { datum: "2026-11-20T09:30:00+01:00", auteur: An, tekst: Tweede overleg }',
        ].join('\n'),
      }),
    );
    const [a1, a2] = plan.acties;
    assert.deepEqual(a1!.schoolYears, ['2019-2020', '2020-2021', '2021-2022']);
    assert.equal(a1!.status, 'lopend');
    assert.equal(a1!.deadline, '2027-03-05');
    assert.equal(a2!.bouwsteenId, '6.1');
    assert.deepEqual(a2!.owner, { name: 'Els Peeters', userId: 'aad-123' });
    assert.deepEqual(a2!.notes, [
      { date: '2026-11-02', author: 'Els', text: 'Gestart: eerste overleg.' },
      { date: '2026-11-20T09:30:00+01:00', author: 'An', text: 'Tweede overleg' },
    ]);
  });

  it('keeps explicit ids and generates the others from positions', () => {
    const plan = planOf(
      file({
        7: '      - titel: Doel A\n        id: bestuur',
        13: '          - titel: Actie A2\n            id: a2-eigen',
        16: '    titel: Maatwerk\n    doelstellingen:\n      - titel: Doel B\n        soort: operationeel\n        acties:\n          - titel: B1',
      }),
    );
    assert.deepEqual(
      plan.doelstellingen.map((d) => [d.id, d.speerpunt, d.kind]),
      [
        ['bestuur', 1, 'strategisch'],
        ['sp2-d1', 2, 'operationeel'],
      ],
    );
    assert.deepEqual(
      plan.acties.map((a) => [a.id, a.doelstellingId]),
      [
        ['sp1-d1-a1', 'bestuur'],
        ['a2-eigen', 'bestuur'],
        ['sp2-d1-a1', 'sp2-d1'],
      ],
    );
  });
});

describe('plan file: problems with their line', () => {
  it('YAML syntax error: unclosed quote, reported on the line where it starts', () => {
    const problems = problemsOf(file({ 7: '      - titel: "Doel A' }));
    assert.deepEqual(
      problems.map((p) => p.line),
      [7],
    );
    assert.match(problems[0]!.message, /^YAML-fout: .*aanhalingsteken/);
  });

  it('YAML syntax error: unclosed [ reported on its own line, without follow-up errors', () => {
    assert.deepEqual(linesOf(file({ 10: '            planning: [20-21, 21-22' })), [10]);
  });

  it('YAML syntax error: a tab in the indentation', () => {
    const problems = problemsOf(file({ 11: '\t    status: lopend' }));
    assert.deepEqual(
      problems.map((p) => p.line),
      [11],
    );
    assert.match(problems[0]!.message, /tab/);
  });

  it('YAML syntax error: a line indented too deep is reported on that line', () => {
    assert.deepEqual(linesOf(file({ 14: '               status: afgerond' })), [14]);
  });

  it('YAML syntax error: a second ": " in a plain text', () => {
    const problems = problemsOf(file({ 5: '    titel: Verankerd: ja' }));
    assert.deepEqual(
      problems.map((p) => p.line),
      [5],
    );
    assert.match(problems[0]!.message, /aanhalingstekens/);
  });

  it('YAML syntax errors told apart by their code and where they are: comma, colon, comment', () => {
    const first = (changes: Record<number, string | null>) => problemsOf(file(changes))[0]!;
    assert.deepEqual(first({ 10: '            planning: ["20-21" "21-22"]' }), { line: 10, message: 'YAML-fout: Er ontbreekt een komma tussen de elementen binnen [ ] of { }.' });
    assert.deepEqual(first({ 11: '            status lopend' }), {
      line: 11,
      message: "YAML-fout: Een veldnaam moet op één regel staan, gevolgd door ':'. Controleer of er geen ':' ontbreekt.",
    });
    assert.deepEqual(first({ 5: '    titel: "Verankerd"#opmerking' }), {
      line: 5,
      message: "YAML-fout: Zet een spatie voor het '#'-teken van een opmerking, of zet de tekst tussen aanhalingstekens.",
    });
  });

  it('YAML: a duplicate field', () => {
    assert.deepEqual(linesOf(file({ 12: '            deadline: 2026-12-01\n            status: gepland' })), [13]);
  });

  it('missing plan title', () => {
    const problems = problemsOf(file({ 1: null }));
    assert.deepEqual(problems, [{ line: 1, message: "Het plan heeft geen 'titel'. Vul 'titel:' in." }]);
  });

  it('missing action title', () => {
    const problems = problemsOf(file({ 13: '          - planning: [20-21]' }));
    assert.deepEqual(problems, [{ line: 13, message: "Een actie heeft geen 'titel'. Vul 'titel:' in." }]);
  });

  it('empty doelstelling title', () => {
    assert.deepEqual(linesOf(file({ 7: '      - titel: ""' })), [7]);
  });

  it('unknown status', () => {
    const problems = problemsOf(file({ 11: '            status: klaar' }));
    assert.deepEqual(problems, [
      { line: 11, message: "Onbekende status 'klaar'. Kies uit: gepland, lopend, afgerond, uitgesteld, geschrapt." },
    ]);
  });

  it('speerpunt 7: only that line, no extra "speerpunt 4 ontbreekt"', () => {
    const problems = problemsOf(file({ 19: '  - nummer: 7' }));
    assert.deepEqual(problems.map((p) => p.line), [19]);
    assert.match(problems[0]!.message, /Speerpunt 7 bestaat niet.*1 tot en met 4/);
  });

  it('a missing speerpunt is reported on the speerpunten line', () => {
    const problems = problemsOf(file({ 17: null, 18: null }));
    assert.deepEqual(problems, [
      { line: 3, message: 'Speerpunt 3 ontbreekt. Het plan heeft precies vier speerpunten, genummerd 1 tot en met 4.' },
    ]);
  });

  it('a speerpunt number used twice', () => {
    const problems = problemsOf(file({ 19: '  - nummer: 3' }));
    assert.deepEqual(problems.map((p) => p.line), [19]);
    assert.match(problems[0]!.message, /staat al op regel 17/);
  });

  it('bad dates: impossible day, wrong format', () => {
    assert.deepEqual(linesOf(file({ 12: '            deadline: 2026-02-30' })), [12]);
    assert.deepEqual(linesOf(file({ 12: '            deadline: volgende week' })), [12]);
    const problems = problemsOf(file({ 12: '            deadline: 2026-13-01' }));
    assert.match(problems[0]!.message, /geen geldige datum.*JJJJ-MM-DD/);
  });

  it('bad school year in the planning, reported on the item line', () => {
    const problems = problemsOf(file({ 10: '            planning:\n              - 20-21\n              - 19-21' }));
    assert.deepEqual(problems.map((p) => p.line), [12]);
    assert.match(problems[0]!.message, /'19-21' is geen geldig schooljaar/);
  });

  it('duplicate explicit action id: reported on the second one, naming the first line', () => {
    const problems = problemsOf(file({ 11: '            id: dup', 14: '            id: dup' }));
    assert.deepEqual(problems, [
      { line: 14, message: "De id 'dup' wordt al gebruikt door de actie op regel 11. Geef elke actie een eigen id." },
    ]);
  });

  it('an explicit id that collides with a generated one', () => {
    assert.deepEqual(linesOf(file({ 14: '            id: sp1-d1-a1' })), [14]);
  });

  it('an invalid id', () => {
    assert.deepEqual(linesOf(file({ 14: '            id: "met spatie"' })), [14]);
  });

  it('unknown field with a suggestion, without a second "missing" problem', () => {
    const problems = problemsOf(file({ 16: '    titl: Maatwerk' }));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 16);
    assert.match(problems[0]!.message, /Onbekend veld 'titl'.*Bedoel je 'titel'\?/);
  });

  it('unknown bouwsteen, too long title, owner as a list, note without author', () => {
    const long = 'x'.repeat(301);
    const problems = problemsOf(
      file({
        9: `          - titel: ${long}`,
        11: '            bouwsteen: "7.1"',
        13: '          - titel: Actie A2\n            eigenaar: [a, b]',
        14: '            notities:\n              - datum: 2026-11-02\n                tekst: Iets',
      }),
    );
    assert.deepEqual(problems.map((p) => p.line), [9, 11, 14, 16]);
    assert.match(problems[0]!.message, /te lang \(301 tekens\).*300.*omschrijving/);
    assert.match(problems[1]!.message, /Onbekende bouwsteen '7.1'/);
    assert.match(problems[2]!.message, /eigenaar/);
    assert.match(problems[3]!.message, /Een notitie heeft geen 'auteur'/);
  });

  it('several problems at once: all of them, in line order, and nothing else', () => {
    const problems = problemsOf(
      file({
        1: null, // no title: reported on line 1 (the first remaining line)
        11: '            status: klaar',
        12: '            deadline: 2026-02-30',
        16: '    titl: Maatwerk',
        19: '  - nummer: 7',
      }),
    );
    // Line numbers after removing line 1 shift by one.
    assert.deepEqual(
      problems.map((p) => p.line),
      [1, 10, 11, 15, 18],
    );
  });

  it('empty file and a file that is a list', () => {
    assert.deepEqual(linesOf(''), [1]);
    assert.deepEqual(linesOf('# alleen commentaar\n'), [1]);
    assert.deepEqual(linesOf('\n- a\n- b\n'), [2]);
  });

  it('all messages are Dutch sentences', () => {
    const texts = [
      file({ 7: '      - titel: "Doel A' }),
      file({ 10: '            planning: [20-21, 21-22' }),
      file({ 11: '            status: klaar', 16: '    titl: Maatwerk', 19: '  - nummer: 7' }),
    ];
    for (const text of texts) {
      for (const p of problemsOf(text)) {
        assert.doesNotMatch(p.message, /\b(the|must|should|expected|invalid)\b/i, p.message);
        assert.match(p.message, /\.$|\?$/, p.message);
      }
    }
  });
});

describe('plan file: lines of nested problems come from the YAML nodes', () => {
  /** Speerpunt 3 with a doelstelling of two acties, written in block, flow and text forms. */
  const NESTED = file({
    18: [
      '    titel: Medewerkers', //                                            18
      '    doelstellingen:', //                                               19
      '      - titel: Doel C', //                                             20
      '        acties:', //                                                   21
      '          - titel: Actie C1', //                                       22
      '            eigenaar: Els', //                                         23
      '          - titel: Actie C2', //                                       24
      '            planning: 20-21, 21-22', //                                25
      '            status: bezig', //                                         26
      '            notities:', //                                             27
      '              - datum: 2026-11-02', //                                 28
      '                auteur: Els', //                                       29
      '                tekts: Eerste overleg', //                             30
      '              - { datum: 2026-11-03, auteur: An, tekst: Ok, kleur: rood }', // 31
    ].join('\n'),
  });

  it('an invalid status in the 2nd actie of the 3rd speerpunt, and unknown keys deep down, each on its own line', () => {
    assert.deepEqual(problemsOf(NESTED), [
      { line: 26, message: "Onbekende status 'bezig'. Kies uit: gepland, lopend, afgerond, uitgesteld, geschrapt." },
      {
        line: 30,
        message: "Onbekend veld 'tekts' bij een notitie. Bedoel je 'tekst'? Toegelaten velden: datum, auteur, tekst.",
      },
      { line: 31, message: "Onbekend veld 'kleur' bij een notitie. Toegelaten velden: datum, auteur, tekst." },
    ]);
  });

  it('a field that is missing deep down is reported on the line where its block starts', () => {
    const problems = problemsOf(NESTED.replace('                auteur: Els\n', '').replace('tekts', 'tekst').replace(', kleur: rood', '').replace('bezig', 'lopend'));
    assert.deepEqual(problems, [{ line: 28, message: "Een notitie heeft geen 'auteur'. Vul 'auteur:' in." }]);
  });

  it('a school year in a planning written as text is reported on the line of the planning', () => {
    const problems = problemsOf(NESTED.replace('planning: 20-21, 21-22', 'planning: 20-21, 21-23').replace('tekts', 'tekst').replace(', kleur: rood', '').replace('bezig', 'lopend'));
    assert.deepEqual(problems, [
      { line: 25, message: "'21-23' is geen geldig schooljaar. Schrijf het als 20-21 of 2020-2021 (het tweede jaar volgt op het eerste)." },
    ]);
  });

  it('a school year written twice (in its short and long form) is reported once, on the line of the planning', () => {
    const fixed = NESTED.replace('tekts', 'tekst').replace(', kleur: rood', '').replace('bezig', 'lopend');
    assert.deepEqual(problemsOf(fixed.replace('planning: 20-21, 21-22', 'planning: 20-21, 2020-2021')), [
      { line: 25, message: 'Het schooljaar 2020-2021 staat twee keer in de planning. Vermeld elk schooljaar één keer.' },
    ]);
  });

  it('a generated id used again deep down names the line of the first one', () => {
    const problems = problemsOf(NESTED.replace('tekts', 'tekst').replace(', kleur: rood', '').replace('bezig', 'lopend').replace('          - titel: Actie C2\n', '          - titel: Actie C2\n            id: sp3-d1-a1\n'));
    assert.deepEqual(problems, [
      { line: 25, message: "De id 'sp3-d1-a1' wordt al gebruikt door de actie op regel 22. Geef elke actie een eigen id." },
    ]);
  });

  it('a value that starts with * (a YAML reference to nothing) is reported on its line', () => {
    const problems = problemsOf(file({ 16: '    titel: *Maatwerk*' }));
    assert.deepEqual(problems, [{ line: 16, message: `'*Maatwerk*' verwijst naar niets. Zet een tekst die met '*' begint tussen aanhalingstekens, bv. "*Maatwerk*".` }]);
  });

  it('values are read as written: a bouwsteen 6.1 and a title that looks like a number or a yes', () => {
    const plan = planOf(file({ 14: '            bouwsteen: 6.1', 16: '    titel: 2024', 18: '    titel: ja' }));
    assert.equal(plan.acties[1]!.bouwsteenId, '6.1');
    assert.deepEqual(plan.speerpunten.map((s) => s.title), ['Verankerd', '2024', 'ja', 'Effectiviteit']);
  });
});

describe('plan file: round trip', () => {
  it('serialize → parse gives the same plan, and the text is stable', () => {
    const plan = planOf(
      file({
        14: [
          '            status: gepland',
          '            bouwsteen: "4.1"',
          '            omschrijving: "Lange tekst: met dubbele punt, # hekje en \'quotes\'."',
          '            eigenaar: { naam: Els, gebruikersId: "aad-1" }',
          '            notities:',
          '              - { datum: 2026-11-02, auteur: Els, tekst: "Regel 1\\nRegel 2" }',
        ].join('\n'),
        5: '    titel: Verankerd\n    om: |\n      Om\n      - iets te doen\n      moet het.\n    vereist: [a, b]\n    daartoe:\n      - c',
      }),
    );
    const text = serializePlanFile(plan);
    const again = planOf(text);
    assert.deepEqual(again, plan);
    assert.equal(serializePlanFile(again), text);
  });

  const safeText = (max: number) =>
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) })
      .map((s) => s.trim())
      .filter((s) => s.length > 0 && s.length <= max);
  const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,10}$/);
  const dateArb = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const schoolYearArb = fc.integer({ min: 1990, max: 2110 }).map((y) => `${y}-${y + 1}` as `${number}-${number}`);

  const planArb: fc.Arbitrary<Plan> = fc
    .record({
      title: safeText(300),
      period: fc.option(safeText(50), { nil: undefined }),
      speerpunten: fc.tuple(
        ...[1, 2, 3, 4].map((n) =>
          fc.record({
            number: fc.constant(n as 1 | 2 | 3 | 4),
            title: safeText(300),
            why: fc.oneof(fc.constant(''), safeText(4000)),
            requires: fc.array(safeText(1000), { maxLength: 3 }),
            engagements: fc.array(safeText(1000), { maxLength: 3 }),
          }),
        ),
      ),
      doelstellingen: fc.array(
        fc.record({
          speerpunt: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
          kind: fc.constantFrom('strategisch' as const, 'operationeel' as const),
          title: safeText(500),
          chapter: fc.option(safeText(200), { nil: undefined }),
          acties: fc.array(
            fc.record({
              title: safeText(300),
              description: fc.option(safeText(2000), { nil: undefined }),
              owner: fc.option(
                fc.record({ name: safeText(100), userId: fc.option(idArb, { nil: undefined }) }),
                { nil: undefined },
              ),
              schoolYears: fc.uniqueArray(schoolYearArb, { maxLength: 4 }),
              deadline: fc.option(dateArb, { nil: undefined }),
              status: fc.constantFrom(...ACTION_STATUSES),
              notes: fc.array(fc.record({ date: dateArb, author: safeText(100), text: safeText(2000) }), { maxLength: 2 }),
              bouwsteenId: fc.option(fc.constantFrom(...BOUWSTEEN_IDS), { nil: undefined }),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 5 },
      ),
    })
    .map((raw) => {
      // Canonical order (doelstellingen grouped by speerpunt) with unique ids, as the file has it.
      const doels = [...raw.doelstellingen].sort((a, b) => a.speerpunt - b.speerpunt);
      const acties: Actie[] = [];
      const doelstellingen = doels.map((d, i) => {
        const id = `d${i}`;
        d.acties.forEach((a, j) => {
          acties.push({ ...a, id: `d${i}-a${j}`, doelstellingId: id } as Actie);
        });
        return { id, speerpunt: d.speerpunt, kind: d.kind, title: d.title, chapter: d.chapter };
      });
      // JSON drops undefined fields and the null prototypes fast-check may generate.
      return JSON.parse(JSON.stringify({ title: raw.title, period: raw.period, speerpunten: raw.speerpunten, doelstellingen, acties })) as Plan;
    });

  it('property: parse(serialize(plan)) equals plan', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const result = parsePlanFile(serializePlanFile(plan));
        if (!result.ok) throw new Error(JSON.stringify(result.problems));
        assert.deepEqual(result.plan, plan);
      }),
      { numRuns: 200 },
    );
  });

  it('the bouwsteen schema accepts exactly the catalogue ids', () => {
    for (const id of BOUWSTEEN_IDS) assert.equal(BouwsteenIdSchema.safeParse(id).success, true);
    assert.equal(BouwsteenIdSchema.safeParse('7.1').success, false);
  });
});

describe('plan file: robustness', () => {
  it('a file whose references (*) would multiply beyond reason is refused with a message, not expanded', () => {
    const names = 'abcdefgh';
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...[...names.slice(1)].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${names[i]}`).join(', ')}]`),
    ].join('\n');
    assert.deepEqual(problemsOf(text), [{ line: 1, message: "Het bestand gebruikt te veel verwijzingen ('*'). Schrijf de teksten gewoon uit." }]);
  });

  it('never throws; every problem has a line inside the file', () => {
    const textArb = fc.oneof(
      fc.string({ maxLength: 200 }),
      // The base file with one line dropped, duplicated or cut short.
      fc.tuple(fc.integer({ min: 0, max: BASE.length - 1 }), fc.constantFrom('drop', 'dup', 'cut'), fc.nat(40)).map(([i, op, n]) =>
        BASE.flatMap((line, j) => (j !== i ? [line] : op === 'drop' ? [] : op === 'dup' ? [line, line] : [line.slice(0, n)])).join('\n'),
      ),
    );
    fc.assert(
      fc.property(textArb, (text) => {
        const result = parsePlanFile(text);
        if (result.ok) return;
        const lineCount = text.split('\n').length;
        assert.ok(result.problems.length > 0);
        for (const p of result.problems) {
          assert.ok(p.line >= 1 && p.line <= lineCount + 1, `line ${p.line} of ${lineCount}`);
          assert.ok(p.message.length > 0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
