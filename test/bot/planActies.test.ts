import assert from 'node:assert/strict';
import { withoutMarkdown } from '../../cards/plainText';
import { invalidCardMessage } from '../../bot/router';
import type { Actie, Plan } from '../../domain/plan/model';
import { PLAN_VERBS } from '../../cards/verbs';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { actionTitled, assertValidCard, inputValue } from '../support/cards';
import { DEMO_NOW, createPlanCentre, demoPlan, type PlanCentre } from '../support/planFixture';

/** The elements next to the input with this id (the container it sits in). */
function siblingsOf(card: any, id: string): any[] {
  let found: any[] | undefined;
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      if (node.some((e) => e?.id === id)) found = node;
      else node.forEach(walk);
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  assert.ok(found, `input ${id} in the card body`);
  return found!;
}

function cards(replies: Array<Record<string, any>>): any[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a: any) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a: any) => a.content));
}

describe('Beleidsplan: acties and the actie card buttons (whole turns, real Azurite)', () => {
  let bot: TestBot;
  let c1: PlanCentre;
  let karim: TestUser;
  let sofie: TestUser;
  let plan: Plan;
  /** Sofie owns this one through her user id (gepland, deadline 2027-02-26). */
  const SOFIE_ACTIE = 'sp4-d4-a2';
  /** Karim's, by name: lopend, deadline today. */
  const KARIM_DUE_TODAY = 'sp1-d5-a5';
  /** Karim's, by name: lopend, no deadline. */
  const KARIM_OTHER = 'sp1-d6-a1';

  const stored = (id: string, centreId = c1.centreId) => bot.poolster.deps.plans.getActie(centreId, id);

  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
    c1 = await createPlanCentre(bot, { name: 'Vrij CLB Eén', members: ['Karim', 'Sofie Claes'], plan: null });
    karim = c1.members.Karim!;
    sofie = c1.members['Sofie Claes']!;
    plan = demoPlan();
    plan.acties = plan.acties.map((a) => (a.id === SOFIE_ACTIE ? { ...a, owner: { name: 'kwaliteitscoördinator', userId: sofie.userId } } : a));
    await bot.poolster.deps.plans.replacePlan(c1.centreId, plan, DEMO_NOW);
  });
  after(async () => bot.stop());

  const actie = (id: string): Actie => plan.acties.find((a) => a.id === id)!;

  describe('acties', () => {
    it('shows a member their own acties (by name): a list, then a card per open actie, most urgent first', async () => {
      const replies = await karim.say('acties');
      const sent = cards(replies);
      sent.forEach(assertValidCard);
      const mine = plan.acties.filter((a) => a.owner?.name === 'Karim');
      assert.equal(sent.length, 1 + mine.filter((a) => a.status === 'lopend').length);
      const list = cardText(sent[0]);
      assert.match(list, new RegExp(`Jouw acties \\(${mine.length}\\)`));
      assert.match(list, /Je hebt 4 acties, waarvan 2 open\./);
      for (const a of mine) assert.ok(list.includes(a.id));
      assert.ok(cardText(sent[1]).includes(actie(KARIM_DUE_TODAY).title), 'the actie due today comes first');
      assert.match(cardText(sent[1]), /23 november 2026 \(vandaag\)/);
      assert.ok(cardText(sent[2]).includes(actie(KARIM_OTHER).title));
      assert.equal(actionTitled(sent[1], 'Afronden').data.actieId, KARIM_DUE_TODAY);
    });

    it('finds acties owned through the Teams user id', async () => {
      const sent = cards(await sofie.say('acties'));
      assert.equal(sent.length, 1, 'one actie: just its card, no list');
      assert.ok(cardText(sent[0]).includes(actie(SOFIE_ACTIE).title));
      assert.ok(actionTitled(sent[0], 'Starten'));
    });

    it('tells someone without acties how acties are linked to them', async () => {
      const text = String((await c1.director.say('acties'))[0]!.text);
      assert.match(text, /Er staan geen acties op jouw naam \(Dirk Directeur\)/);
      assert.match(text, /acties \[naam\]/, 'a director is told how to reach any actie');
    });

    it('shows someone else\'s acties read-only to a member, and one actie by its number', async () => {
      const sent = cards(await sofie.say('acties karim'));
      assert.match(cardText(sent[0]), /Acties van Karim \(4\)/);
      for (const card of sent.slice(1)) {
        assert.equal(card.actions, undefined, 'no buttons on someone else\'s actie');
        assert.match(cardText(card), /Alleen Karim of een directeur kan deze actie bijwerken\./);
      }
      const byId = cards(await c1.director.say(`acties ${KARIM_OTHER}`));
      assert.equal(byId.length, 1);
      assert.ok(cardText(byId[0]).includes(actie(KARIM_OTHER).title));
      assert.ok(actionTitled(byId[0], 'Afronden'), 'a director may update any actie');
      const unknown = String((await karim.say('acties niemand'))[0]!.text);
      assert.match(unknown, /Ik vind geen actie met nummer "niemand" en geen acties van "niemand"/);
    });
  });

  describe('updating an actie', () => {
    it('start: a member starts their own actie; the card is replaced and the row changed', async () => {
      const answer = await sofie.execute(PLAN_VERBS.setStatus, { actieId: SOFIE_ACTIE, status: 'lopend' });
      assert.equal(answer.status, 200);
      assertValidCard(answer.card);
      assert.match(cardText(answer.card), /Bijgewerkt: de actie is gestart \(lopend\)\./);
      assert.equal((await stored(SOFIE_ACTIE))?.status, 'lopend');
      const again = await sofie.execute(PLAN_VERBS.setStatus, { actieId: SOFIE_ACTIE, status: 'lopend' });
      assert.match(cardText(again.card), /Deze actie was al lopend\./);
    });

    it('finish: through the Action.Submit fallback too', async () => {
      const replies = await karim.submit(PLAN_VERBS.setStatus, { actieId: KARIM_OTHER, status: 'afgerond' });
      const card = firstCard(replies);
      assertValidCard(card);
      assert.match(cardText(card), /Bijgewerkt: de actie is afgerond\./);
      assert.equal((await stored(KARIM_OTHER))?.status, 'afgerond');
      assert.match((await stored(KARIM_OTHER))!.notes.at(-1)!.text, /Status gewijzigd naar afgerond\./, 'a dated note records the completion (the digest reads it)');
      assert.deepEqual(card.actions.map((a: any) => a.title), ['Notitie toevoegen'], 'a finished actie only takes notes');
      const stale = await karim.execute(PLAN_VERBS.postpone, { actieId: KARIM_OTHER, newDeadline: '2027-02-01' });
      assert.match(cardText(stale.card), /Deze actie is afgerond en kan niet meer uitgesteld worden\./, 'a stale card cannot reopen it');
      assert.equal((await stored(KARIM_OTHER))?.status, 'afgerond');
      const restart = await karim.execute(PLAN_VERBS.setStatus, { actieId: KARIM_OTHER, status: 'lopend' });
      assert.match(cardText(restart.card), /Deze actie is intussen afgerond; er werd niets gewijzigd\./);
    });

    it('postpone: a date after today sets uitgesteld, the new deadline and a note', async () => {
      const answer = await karim.execute(PLAN_VERBS.postpone, { actieId: KARIM_DUE_TODAY, newDeadline: '2027-01-15' });
      assertValidCard(answer.card);
      assert.match(cardText(answer.card), /Bijgewerkt: uitgesteld tot 15 januari 2027\./);
      const row = await stored(KARIM_DUE_TODAY);
      assert.equal(row?.status, 'uitgesteld');
      assert.equal(row?.deadline, '2027-01-15');
      assert.deepEqual(row?.notes.at(-1), { date: DEMO_NOW.toISOString(), author: 'Karim', text: 'Uitgesteld tot 15 januari 2027 (was 23 november 2026).' });
    });

    for (const [label, value, message] of [
      ['in the past', '2026-11-01', /De nieuwe deadline moet na vandaag \(23 november 2026\) liggen\./],
      ['today', '2026-11-23', /moet na vandaag/],
      ['empty', '', /Kies een nieuwe deadline\./],
      ['not a date', '2026-02-30', /Dat is geen geldige datum/],
    ] as const) {
      it(`postpone with a date ${label}: the same card with the value kept and the error at the date`, async () => {
        const before = await stored(KARIM_DUE_TODAY);
        const answer = await karim.execute(PLAN_VERBS.postpone, { actieId: KARIM_DUE_TODAY, newDeadline: value });
        assert.equal(answer.status, 200);
        assertValidCard(answer.card);
        const text = cardText(answer.card);
        assert.match(text, message);
        assert.ok(text.includes(actie(KARIM_DUE_TODAY).title));
        if (value === '2026-11-01' || value === '2026-11-23') assert.equal(inputValue(answer.card, 'newDeadline'), value, 'the entered date is kept');
        const items = siblingsOf(answer.card, 'newDeadline');
        const at = items.findIndex((e) => e.id === 'newDeadline');
        assert.match(String(items[at + 1]?.text), message, 'the error sits right under the date');
        assert.deepEqual(await stored(KARIM_DUE_TODAY), before, 'nothing changed');
      });
    }

    it('add a note: stored with its author and time; empty or too long gives the card back with the text kept', async () => {
      const ok = await karim.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: '  Overleg met het CAW gepland.  ' });
      assert.match(cardText(ok.card), /Je notitie is bewaard\./);
      assert.match(cardText(ok.card), /Overleg met het CAW gepland\./);
      assert.deepEqual((await stored(KARIM_DUE_TODAY))?.notes.at(-1), { date: DEMO_NOW.toISOString(), author: 'Karim', text: 'Overleg met het CAW gepland.' });

      const before = await stored(KARIM_DUE_TODAY);
      const empty = await karim.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: '   ' });
      assertValidCard(empty.card);
      assert.match(cardText(empty.card), /Schrijf eerst een notitie\./);
      const long = 'a'.repeat(2001);
      const tooLong = await karim.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: long });
      assertValidCard(tooLong.card);
      assert.match(cardText(tooLong.card), /Je notitie is te lang \(2001 tekens\)\. Houd het bij maximaal 2000 tekens\./);
      assert.equal(inputValue(tooLong.card, 'note'), long);
      assert.deepEqual(await stored(KARIM_DUE_TODAY), before, 'nothing changed');
    });

    it('two people adding a note to the same actie at the same time: both notes are kept', async () => {
      const before = (await stored(KARIM_DUE_TODAY))!.notes.length;
      const [a, b] = await Promise.all([
        karim.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: 'Notitie van Karim' }),
        c1.director.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: 'Notitie van de directeur' }),
      ]);
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
      const notes = (await stored(KARIM_DUE_TODAY))!.notes;
      assert.equal(notes.length, before + 2);
      assert.deepEqual(notes.slice(before).map((n) => n.text).sort(), ['Notitie van Karim', 'Notitie van de directeur']);
    });

    it('a member cannot change someone else\'s actie, whatever the card says', async () => {
      const before = await stored(KARIM_DUE_TODAY);
      for (const [verb, data] of [
        [PLAN_VERBS.setStatus, { actieId: KARIM_DUE_TODAY, status: 'afgerond' }],
        [PLAN_VERBS.postpone, { actieId: KARIM_DUE_TODAY, newDeadline: '2027-05-01' }],
        [PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: 'niet van mij' }],
      ] as const) {
        const answer = await sofie.execute(verb, data);
        assert.equal(answer.card, undefined);
        assert.match(String(answer.message), /Je kan enkel je eigen acties bijwerken\. Deze actie is van Karim/);
      }
      assert.deepEqual(await stored(KARIM_DUE_TODAY), before);
    });

    it('a director updates any actie of their centre', async () => {
      const id = 'sp4-d4-a3';
      const answer = await c1.director.execute(PLAN_VERBS.setStatus, { actieId: id, status: 'lopend' });
      assert.match(cardText(answer.card), /de actie is gestart/);
      assert.equal((await stored(id))?.status, 'lopend');
    });

    it('an unknown actie, a person outside any centre, and malformed card data get clear answers', async () => {
      const missing = await karim.execute(PLAN_VERBS.setStatus, { actieId: 'sp9-d9-a9', status: 'afgerond' });
      assert.match(String(missing.message), /Ik vind deze actie niet in het beleidsplan van je centrum/);
      const stranger = bot.user('Stef Vreemd');
      const outside = await stranger.execute(PLAN_VERBS.setStatus, { actieId: KARIM_DUE_TODAY, status: 'afgerond' });
      assert.match(String(outside.message), /nog niet gekoppeld aan een centrum/);
      const bad = await karim.execute(PLAN_VERBS.setStatus, { actieId: KARIM_DUE_TODAY, status: 'geschrapt' });
      assert.equal(bad.message, withoutMarkdown(invalidCardMessage('personal')));
    });
  });

  describe('another centre', () => {
    it('a director of another centre forging an actie id of centre 1 gets a refusal and nothing changes', async () => {
      const small = demoPlan();
      small.doelstellingen = small.doelstellingen.slice(0, 1);
      small.acties = small.acties.filter((a) => a.doelstellingId === small.doelstellingen[0]!.id);
      const c2 = await createPlanCentre(bot, { name: 'Vrij CLB Twee', directorName: 'Olga Ander', plan: small });
      assert.ok(!small.acties.some((a) => a.id === KARIM_DUE_TODAY));
      const before = await bot.poolster.deps.plans.getPlan(c1.centreId);
      for (const [verb, data] of [
        [PLAN_VERBS.setStatus, { actieId: KARIM_DUE_TODAY, status: 'afgerond', centreId: c1.centreId }],
        [PLAN_VERBS.postpone, { actieId: KARIM_DUE_TODAY, newDeadline: '2027-05-01', centreId: c1.centreId }],
        [PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: 'ingebroken', centreId: c1.centreId, tenantId: c1.tenantId }],
      ] as const) {
        const answer = await c2.director.execute(verb, data);
        assert.equal(answer.card, undefined);
        assert.match(String(answer.message), /Ik vind deze actie niet in het beleidsplan van je centrum/);
      }
      const viaText = String((await c2.director.say(`acties ${KARIM_DUE_TODAY}`))[0]!.text);
      assert.match(viaText, /Ik vind geen actie met nummer/);
      assert.deepEqual(await bot.poolster.deps.plans.getPlan(c1.centreId), before, 'centre 1 is untouched');
    });

    it('when both centres have an actie with that id, only the person\'s own centre\'s actie changes', async () => {
      const c3 = await createPlanCentre(bot, { name: 'Vrij CLB Drie', directorName: 'Wim Derde' });
      const before = await stored(KARIM_DUE_TODAY);
      const answer = await c3.director.execute(PLAN_VERBS.addNote, { actieId: KARIM_DUE_TODAY, note: 'In ons eigen plan.', centreId: c1.centreId });
      assert.match(cardText(answer.card), /Je notitie is bewaard/);
      assert.equal((await stored(KARIM_DUE_TODAY, c3.centreId))?.notes.at(-1)?.text, 'In ons eigen plan.');
      assert.deepEqual(await stored(KARIM_DUE_TODAY), before, 'centre 1 is untouched');
    });
  });
});
