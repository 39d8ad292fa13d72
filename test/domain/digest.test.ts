import { strict as assert } from 'node:assert';
import { channelPostReference } from '../../bot/references';
import { renderDigestCard } from '../../cards/digest';
import { cardBytes } from '../../cards/render';
import { digestSchedule } from '../../domain/calendar/schedule';
import { completionDate, composeDigest, type DigestContent } from '../../domain/digest/compose';
import { digestBlockedText, ownerReminderText, roundNudgeText } from '../../domain/digest/messages';
import { nextDigest } from '../../domain/digest/nextDigest';
import { describeSchedule, parseDigestScheduleArgs } from '../../domain/digest/scheduleText';
import type { Actie } from '../../domain/plan/model';
import { cardText } from '../support/bot';
import { assertValidCard } from '../support/cards';
import { DIGEST_PRIORITIES, DIGEST_ROUND, DIGEST_TODAY, digestPlan } from '../fixtures/digestPlan';
import { dutchDate, dutchShortDate } from '../../domain/time';

const base = { centreName: 'GO! CLB Gent', today: DIGEST_TODAY };

describe('Digest content (composeDigest)', () => {
  it('worked example on Monday 2026-06-01: due, overdue, completed, progress, priorities, round', () => {
    const content = composeDigest({ ...base, plan: digestPlan(), priorities: DIGEST_PRIORITIES, openRound: DIGEST_ROUND });
    const expected: DigestContent = {
      centreName: 'GO! CLB Gent',
      today: '2026-06-01',
      hasPlan: true,
      planTitle: 'Beleidsplan 2025-2028',
      // today .. today + 6, soonest first; a4 (today + 7) is not in the window
      dueSoon: [
        { actieId: 'a2', title: 'Nieuwsbrief voor de scholen', status: 'gepland', speerpunt: 1, owner: 'Jan', deadline: '2026-06-01', daysLeft: 0 },
        { actieId: 'a1', title: 'Vormingsdag organiseren', status: 'lopend', speerpunt: 1, owner: 'Els', deadline: '2026-06-03', daysLeft: 2 },
        { actieId: 'a3', title: 'Overleg met de scholen plannen', status: 'gepland', speerpunt: 2, deadline: '2026-06-07', daysLeft: 6 },
      ],
      // oldest first; geschrapt (a12) and afgerond (a13) are never overdue
      overdue: [
        { actieId: 'a6', title: 'Procedure onthaal herschrijven', status: 'uitgesteld', speerpunt: 3, owner: 'Els', deadline: '2026-04-30', daysLate: 32 },
        { actieId: 'a5', title: 'Teamdag evalueren', status: 'lopend', speerpunt: 3, owner: 'Jan', deadline: '2026-05-20', daysLate: 12 },
      ],
      // 2026-05-25 .. 2026-05-31: a8 (last note, no "afgerond" note), a14 (22:30Z = 00:30 Brussels on the 25th),
      // a7 (the "afgerond" note of the 27th wins over a later note); not a9 (24th), a10 (no notes), a11 (today)
      completed: [
        { actieId: 'a8', title: 'Dashboard bijwerken', status: 'afgerond', speerpunt: 4, completedOn: '2026-05-25' },
        { actieId: 'a14', title: 'Resultaten delen', status: 'afgerond', speerpunt: 4, owner: 'Jan', completedOn: '2026-05-25' },
        { actieId: 'a7', title: 'Jaarverslag schrijven', status: 'afgerond', speerpunt: 4, owner: 'Els', completedOn: '2026-05-27' },
      ],
      speerpunten: [
        { number: 1, title: 'Ons CLB is stevig verankerd in de lokale gemeenschap', total: 2, done: 0, counted: 2, percent: 0, progressText: '0 van 2 acties afgerond (0%).', open: 2, overdue: 0 },
        { number: 2, title: 'We bieden maatwerk in samenspraak', total: 3, done: 0, counted: 2, percent: 0, progressText: '0 van 2 acties afgerond (0%); 1 geschrapt, niet meegeteld.', open: 2, overdue: 0 },
        { number: 3, title: 'We zijn deskundige, betrokken en enthousiaste medewerkers', total: 3, done: 1, counted: 3, percent: 33, progressText: '1 van 3 acties afgerond (33%).', open: 2, overdue: 2 },
        { number: 4, title: 'Ons CLB maakt zijn effectiviteit meetbaar en zichtbaar', total: 6, done: 6, counted: 6, percent: 100, progressText: '6 van 6 acties afgerond (100%).', open: 0, overdue: 0 },
      ],
      // duplicates dropped; geschrapt a12 left out of 5.1
      priorities: [
        {
          rank: 1,
          bouwsteenId: '5.1',
          label: '5.1 Sterk teamwerk',
          actions: [
            { actieId: 'a1', title: 'Vormingsdag organiseren', status: 'lopend', speerpunt: 1, owner: 'Els', deadline: '2026-06-03' },
            { actieId: 'a13', title: 'Intervisie opstarten', status: 'afgerond', speerpunt: 3, owner: 'Jan', deadline: '2026-05-01' },
          ],
        },
        { rank: 2, bouwsteenId: '4.3', label: '4.3 Preventie', actions: [] },
      ],
      round: { deadline: '2026-06-05', participants: 7, finished: 3, daysLeft: 4 },
      isEmpty: false,
    };
    assert.deepEqual(content, expected);
  });

  it('is empty without a plan and without an open round', () => {
    assert.deepEqual(composeDigest({ ...base, plan: undefined, priorities: undefined, openRound: undefined }), {
      centreName: 'GO! CLB Gent',
      today: '2026-06-01',
      hasPlan: false,
      dueSoon: [],
      overdue: [],
      completed: [],
      speerpunten: [],
      priorities: [],
      isEmpty: true,
    });
  });

  it('is empty when the plan has no news this week (progress and priorities alone are no news)', () => {
    const content = composeDigest({ ...base, today: '2026-09-14', plan: { ...digestPlan(), acties: digestPlan().acties.filter((a) => a.id === 'a10') }, priorities: ['6.1'], openRound: undefined });
    assert.equal(content.isEmpty, true);
    assert.equal(content.speerpunten[3]!.done, 1);
    assert.equal(content.priorities.length, 1);
  });

  it('an open round alone makes the digest non-empty, with counts only', () => {
    const content = composeDigest({ ...base, plan: undefined, priorities: undefined, openRound: { deadline: '2026-05-30', participants: 4, finished: 4 } });
    assert.equal(content.isEmpty, false);
    assert.deepEqual(content.round, { deadline: '2026-05-30', participants: 4, finished: 4, daysLeft: -2 });
  });

  it('rejects a today that is not a date', () => {
    assert.throws(() => composeDigest({ ...base, today: '1/6/2026', plan: undefined, priorities: undefined, openRound: undefined }), RangeError);
  });

  it('completionDate: the "afgerond" note, else the last note; none for other statuses or without notes', () => {
    const actie = (status: Actie['status'], notes: Actie['notes']): Actie => ({ id: 'x', doelstellingId: 'd', title: 'X', schoolYears: [], status, notes });
    assert.equal(completionDate(actie('afgerond', [{ date: '2026-01-02', author: 'A', text: 'Actie afgerond' }, { date: '2026-01-09', author: 'A', text: 'Foto toegevoegd' }])), '2026-01-02');
    assert.equal(completionDate(actie('afgerond', [{ date: '2026-01-02', author: 'A', text: 'Begonnen' }, { date: '2026-01-09', author: 'A', text: 'Klaar' }])), '2026-01-09');
    assert.equal(completionDate(actie('afgerond', [])), undefined);
    assert.equal(completionDate(actie('lopend', [{ date: '2026-01-02', author: 'A', text: 'bijna afgerond' }])), undefined);
  });
});

describe('Digest card', () => {
  const full = composeDigest({ ...base, plan: digestPlan(), priorities: DIGEST_PRIORITIES, openRound: DIGEST_ROUND });

  it('is a valid Adaptive Card 1.5 showing every section in order, in Dutch', () => {
    const card = renderDigestCard(full, 'weekly');
    assertValidCard(card);
    assert.equal(card.version, '1.5');
    const text = cardText(card);
    const order = [
      'Wekelijks actieoverzicht',
      'GO! CLB Gent · maandag 1 juni 2026',
      'Deadline in de komende 7 dagen',
      'Nieuwsbrief voor de scholen',
      'Jan · deadline ma 1 jun (vandaag) · speerpunt 1',
      'Vormingsdag organiseren',
      'Els · deadline wo 3 jun (over 2 dagen) · speerpunt 1',
      'Overleg met de scholen plannen',
      'zonder eigenaar · deadline zo 7 jun (over 6 dagen) · speerpunt 2',
      'Achterstallig',
      'Procedure onthaal herschrijven',
      'Els · deadline do 30 apr (32 dagen over tijd) · speerpunt 3',
      'Teamdag evalueren',
      'Afgerond in de voorbije week',
      'Dashboard bijwerken',
      'zonder eigenaar · afgerond op ma 25 mei · speerpunt 4',
      'Jaarverslag schrijven',
      'Voortgang per speerpunt',
      'Speerpunt 3: We zijn deskundige, betrokken en enthousiaste medewerkers',
      '1 van 3 acties afgerond (33%). 2 achterstallig.',
      '6 van 6 acties afgerond (100%).',
      'Teamprioriteiten',
      'Prioriteit 1: 5.1 Sterk teamwerk',
      '• Vormingsdag organiseren · Els · lopend · deadline wo 3 jun',
      '• Intervisie opstarten · Jan · afgerond · deadline vr 1 mei',
      'Prioriteit 2: 4.3 Preventie',
      'Nog geen acties gekoppeld.',
      'Inschalingsronde',
      '3 van de 7 deelnemers verzonden hun inschaling definitief. Deadline: vrijdag 5 juni 2026 (nog 4 dagen).',
    ];
    let from = 0;
    for (const expected of order) {
      const at = text.indexOf(expected, from);
      assert.ok(at >= 0, `"${expected}" appears after position ${from}:\n${text}`);
      from = at + expected.length;
    }
  });

  it('mentions nobody and carries no survey answers', () => {
    const json = JSON.stringify(renderDigestCard(full, 'weekly'));
    assert.doesNotMatch(json, /<at>|"mention"|"entities"/);
    assert.doesNotMatch(json, /stadium|Fragmentair|Planmatig|Geïntegreerd|Systematisch|toelichting/i);
  });

  it('says briefly that there is nothing to report', () => {
    const quiet = { ...digestPlan(), acties: digestPlan().acties.filter((a) => a.status === 'afgerond') };
    const empty = renderDigestCard(composeDigest({ ...base, plan: quiet, priorities: ['5.1'], openRound: undefined, today: '2026-09-14' }), 'weekly');
    assertValidCard(empty);
    const text = cardText(empty);
    assert.match(text, /Niets te melden deze week: geen acties met een deadline in de komende 7 dagen, niets achterstallig/);
    assert.doesNotMatch(text, /Voortgang per speerpunt|Teamprioriteiten/);
    const noPlan = cardText(renderDigestCard(composeDigest({ ...base, plan: undefined, priorities: undefined, openRound: undefined }), 'manual'));
    assert.match(noPlan, /^Actieoverzicht$/m);
    assert.match(noPlan, /Niets te melden: er is nog geen beleidsplan geladen en er loopt geen inschalingsronde\./);
  });

  it('cuts long lists and stays under 80 KB', () => {
    const plan = digestPlan();
    const many = Array.from({ length: 300 }, (_, i): Actie => ({
      id: `m${i}`,
      doelstellingId: 'd1',
      title: `${'Een heel lange actietitel '.repeat(11)}${i}`.slice(0, 300),
      schoolYears: [],
      status: 'lopend',
      notes: [],
      deadline: i % 2 === 0 ? '2026-06-02' : '2026-05-02',
      owner: { name: 'Iemand met een lange naam' },
      bouwsteenId: '5.1',
    }));
    const content = composeDigest({ ...base, plan: { ...plan, acties: [...plan.acties, ...many] }, priorities: ['5.1'], openRound: undefined });
    const card = renderDigestCard(content, 'weekly');
    assertValidCard(card);
    assert.ok(cardBytes(card) < 80 * 1024);
    const text = cardText(card);
    // 10 of 153 due, 10 of 152 overdue, 5 of 302 linked to the priority
    assert.match(text, /… en nog 143 acties\.\nAchterstallig/);
    assert.match(text, /… en nog 142 acties\.\nAfgerond in de voorbije week/);
    assert.match(text, /… en nog 297 acties\./);
  });

  it('does not expand template expressions that appear in plan data', () => {
    const plan = digestPlan();
    plan.acties[0] = { ...plan.acties[0]!, title: '${centreName} ${json($root)}' };
    const text = cardText(renderDigestCard(composeDigest({ ...base, plan, priorities: undefined, openRound: undefined }), 'weekly'));
    assert.match(text, /\$\{centreName\} \$\{json\(\$root\)\}/);
  });
});

describe('Digest schedule in Dutch', () => {
  it('describes the default and a custom schedule', () => {
    assert.equal(
      describeSchedule(digestSchedule()),
      'elke maandag om 08:00 (Belgische tijd); op een feestdag de eerstvolgende werkdag; niet tijdens de kerstvakantie en de zomervakantie',
    );
    assert.equal(
      describeSchedule(digestSchedule({ weekday: 3, time: '13:30', pausedHolidays: [] })),
      'elke woensdag om 13:30 (Belgische tijd); op een feestdag de eerstvolgende werkdag; ook tijdens de schoolvakanties',
    );
  });

  it('formats dates in Dutch', () => {
    assert.equal(dutchDate('2026-05-25'), 'maandag 25 mei 2026');
    assert.equal(dutchShortDate('2026-05-26'), 'di 26 mei');
  });

  /** `digest hier` is typed in a channel, so its examples carry the @mention. */
  const HIER = { words: 'digest hier', kind: 'channel' } as const;
  it('parses the optional schedule of "digest hier"', () => {
    const def = digestSchedule();
    assert.deepEqual(parseDigestScheduleArgs('', def, HIER), { ok: true, schedule: { weekday: 1, time: '08:00', pausedHolidays: ['zomer', 'kerst'] }, changed: false });
    assert.deepEqual(parseDigestScheduleArgs('elke Dinsdag om 9u30', def, HIER), { ok: true, schedule: { weekday: 2, time: '09:30', pausedHolidays: ['zomer', 'kerst'] }, changed: true });
    assert.deepEqual(parseDigestScheduleArgs('vr 14:00 pauze zomer, krokus en kerst', def, HIER), {
      ok: true,
      schedule: { weekday: 5, time: '14:00', pausedHolidays: ['zomer', 'krokus', 'kerst'] },
      changed: true,
    });
    assert.deepEqual(parseDigestScheduleArgs('pauze geen', def, HIER), { ok: true, schedule: { weekday: 1, time: '08:00', pausedHolidays: [] }, changed: true });
    assert.deepEqual(parseDigestScheduleArgs('pauze paasvakantie donderdag 7u', def, HIER), {
      ok: true,
      schedule: { weekday: 4, time: '07:00', pausedHolidays: ['paas'] },
      changed: true,
    });
  });

  it('refuses weekends, impossible times and unknown words, in Dutch', () => {
    const def = digestSchedule();
    const weekend = parseDigestScheduleArgs('zaterdag', def, HIER);
    assert.equal(weekend.ok, false);
    assert.match((weekend as { message: string }).message, /Kies een werkdag/);
    const time = parseDigestScheduleArgs('25:00', def, HIER);
    assert.match((time as { message: string }).message, /"25:00" is geen geldig uur/);
    const unknown = parseDigestScheduleArgs('elke week', def, HIER);
    assert.match((unknown as { message: string }).message, /Ik begrijp "week" niet/);
    assert.match((unknown as { message: string }).message, /bijvoorbeeld \*\*@Poolster digest hier dinsdag 09:00 pauze zomer kerst\*\*/, 'the example says to @mention Poolster');
    const community = parseDigestScheduleArgs('zaterdag', def, { words: 'community hier', kind: 'groupChat' });
    assert.match((community as { message: string }).message, /\*\*@Poolster community hier dinsdag/);
  });
});

describe('Next digest', () => {
  const schedule = digestSchedule();
  it('is the planned moment of this week when it is still ahead', () => {
    // Friday of week 21, that week sent: next is week 22, whose Monday is Whit Monday → Tuesday 08:00
    assert.deepEqual(nextDigest(schedule, new Date('2026-05-22T10:00:00Z'), '2026-W21'), { kind: 'at', at: new Date('2026-05-26T06:00:00Z') });
  });
  it('is "now" when this week is due and not sent, else next week', () => {
    assert.deepEqual(nextDigest(schedule, new Date('2026-06-03T10:00:00Z'), '2026-W22'), { kind: 'now' });
    assert.deepEqual(nextDigest(schedule, new Date('2026-06-03T10:00:00Z'), '2026-W23'), { kind: 'at', at: new Date('2026-06-08T06:00:00Z') });
  });
  it('skips a paused Christmas holiday', () => {
    assert.deepEqual(nextDigest(schedule, new Date('2025-12-16T10:00:00Z'), '2025-W51'), { kind: 'at', at: new Date('2026-01-05T07:00:00Z') });
  });
});

describe('Reminder texts', () => {
  it('lists an owner\'s actions in one private message', () => {
    assert.equal(
      ownerReminderText({
        centreName: 'GO! CLB Gent',
        today: '2026-06-01',
        items: [
          { title: 'Vormingsdag organiseren', deadline: '2026-06-03', kind: 'voor-deadline' },
          { title: 'Procedure onthaal herschrijven', deadline: '2026-04-30', kind: 'achterstallig' },
        ],
      }),
      [
        'Een herinnering uit het beleidsplan van GO! CLB Gent, voor acties die jij opneemt:',
        '',
        '- **Vormingsdag organiseren**: deadline woensdag 3 juni 2026 (over 2 dagen).',
        '- **Procedure onthaal herschrijven**: de deadline was donderdag 30 april 2026 en de actie staat nog open.',
        '',
        'Is een actie klaar of verschoven? Pas dan de status aan in het beleidsplan. Typ **acties** om al je acties te zien.',
      ].join('\n'),
    );
  });

  it('nudges a participant privately, naming nobody else', () => {
    assert.equal(
      roundNudgeText({ centreName: 'GO! CLB Gent', today: '2026-06-04', deadline: '2026-06-05', kind: 'een-dag' }),
      'Een herinnering: de inschalingsronde van GO! CLB Gent sluit morgen (vrijdag 5 juni 2026). Jouw inschaling is nog niet verzonden. ' +
        'Typ **verder** om verder te gaan waar je gebleven was. Je antwoorden blijven van jou: het team ziet alleen het gezamenlijke resultaat.',
    );
    assert.match(roundNudgeText({ centreName: 'X', today: '2026-06-02', deadline: '2026-06-05', kind: 'drie-dagen' }), /sluit op vrijdag 5 juni 2026, over 3 dagen\./);
  });

  it('tells a director where the bot was removed', () => {
    assert.match(
      digestBlockedText({ centreName: 'GO! CLB Gent', kind: 'channel', registeredByName: 'Dirk', registeredOn: '2026-05-22' }),
      /^Ik kon het wekelijkse actieoverzicht van GO! CLB Gent niet posten in het kanaal dat Dirk op vrijdag 22 mei 2026 instelde: .*typ \*\*@Poolster digest hier\*\* in dat gesprek/,
    );
    assert.match(digestBlockedText({ centreName: 'X', kind: 'groupChat', registeredByName: '', registeredOn: '2026-05-22' }), /niet posten in de groepschat: .*typ \*\*@Poolster digest hier\*\*/);
  });
});

describe('channelPostReference', () => {
  it('posts to the channel itself, not to the thread where "digest hier" was typed', () => {
    const ref = { channelId: 'msteams', conversation: { id: '19:abc@thread.tacv2;messageid=1716', conversationType: 'channel' } };
    assert.deepEqual(channelPostReference(ref), { channelId: 'msteams', conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel' } });
    const chat = { conversation: { id: '19:chat@thread.v2' } };
    assert.equal(channelPostReference(chat), chat);
  });
});
