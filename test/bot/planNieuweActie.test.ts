import assert from 'node:assert/strict';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue/types';
import { buildInschaling, confirmationFields, validateConfirmation } from '../../domain/result/inschaling';
import { proposedStadia } from '../../domain/survey/consolidate';
import { consolidateDrafts } from '../../domain/survey/fromDrafts';
import { testRound, workedDrafts } from '../fixtures/resultFixtures';
import type { PlanFeatureDeps } from '../../dialogs/plan';
import { PLAN_VERBS } from '../../cards/verbs';
import { cardText, firstCard, startTestBot, type TestBot, type TestUser } from '../support/bot';
import { actionTitled, assertValidCard, cardActions, inputValue } from '../support/cards';
import { DEMO_NOW, createPlanCentre, demoPlan, type PlanCentre } from '../support/planFixture';

describe('Beleidsplan: nieuwe actie and prioriteiten (whole turns, real Azurite)', () => {
  let bot: TestBot;
  let c1: PlanCentre;
  let karim: TestUser;
  const plans = () => bot.poolster.deps.plans;

  before(async () => {
    bot = await startTestBot({ now: () => DEMO_NOW });
    c1 = await createPlanCentre(bot, { name: 'Vrij CLB Eén', members: ['Karim'] });
    karim = c1.members.Karim!;
  });
  after(async () => bot.stop());

  describe('nieuwe actie', () => {
    it('is refused to a member, with what they can do instead', async () => {
      const text = String((await karim.say('nieuwe actie'))[0]!.text);
      assert.match(text, /Enkel een directeur kan acties toevoegen aan het beleidsplan/);
      assert.match(text, /acties/);
    });

    it('gives a director the form: doelstellingen grouped by speerpunt, the team as owners, school years', async () => {
      const card = firstCard(await c1.director.say('nieuwe actie'));
      assertValidCard(card);
      const doel = (card.body as any[]).find((e) => e.id === 'doelstellingId');
      assert.equal(doel.choices.length, demoPlan().doelstellingen.length);
      const speerpunten = doel.choices.map((c: any) => Number(/^Speerpunt (\d)/.exec(c.title)![1]));
      assert.deepEqual(speerpunten, [...speerpunten].sort(), 'grouped by speerpunt');
      const owners = (card.body as any[]).find((e) => e.id === 'ownerUserId').choices.map((c: any) => c.title);
      assert.deepEqual(owners, ['Dirk Directeur (directeur)', 'Karim']);
      const years = (card.body as any[]).find((e) => e.id === 'schoolYears');
      assert.deepEqual(years.choices.map((c: any) => c.value), ['2026-2027', '2027-2028', '2028-2029', '2029-2030']);
      assert.equal(years.value, '2026-2027');
      assert.equal(actionTitled(card, 'Actie toevoegen').verb, PLAN_VERBS.create);
    });

    it('nieuwe actie speerpunt 2 offers only the doelstellingen of speerpunt 2', async () => {
      const card = firstCard(await c1.director.say('nieuwe actie speerpunt 2'));
      const doel = (card.body as any[]).find((e) => e.id === 'doelstellingId');
      assert.ok(doel.choices.length > 0);
      assert.ok(doel.choices.every((c: any) => c.title.startsWith('Speerpunt 2 ·')));
    });

    it('adds the actie for a director, owned by a team member, and the member finds it in acties', async () => {
      const doelstellingId = demoPlan().doelstellingen.find((d) => d.speerpunt === 2)!.id;
      const answer = await c1.director.execute(PLAN_VERBS.create, {
        doelstellingId,
        title: 'Vormingsdag over het nieuwe decreet',
        ownerUserId: karim.userId,
        ownerName: '',
        schoolYears: '2026-2027,2027-2028',
        deadline: '2027-03-15',
        bouwsteenId: '6.2',
      });
      assert.equal(answer.status, 200);
      assertValidCard(answer.card);
      assert.match(cardText(answer.card), /Actie toegevoegd aan het beleidsplan onder speerpunt 2\./);
      const plan = (await plans().getPlan(c1.centreId))!;
      const added = plan.acties.at(-1)!;
      assert.deepEqual(
        { ...added, id: undefined },
        {
          id: undefined,
          doelstellingId,
          title: 'Vormingsdag over het nieuwe decreet',
          owner: { name: 'Karim', userId: karim.userId },
          schoolYears: ['2026-2027', '2027-2028'],
          deadline: '2027-03-15',
          status: 'gepland',
          notes: [],
          bouwsteenId: '6.2',
        },
      );
      const mine = (await karim.say('acties')).flatMap((r) => r.attachments ?? []).map((a: any) => cardText(a.content)).join('\n');
      assert.ok(mine.includes('Vormingsdag over het nieuwe decreet'));
      assert.ok(mine.includes(added.id));
    });

    it('a free-text owner and no deadline are fine too', async () => {
      const doelstellingId = demoPlan().doelstellingen[0]!.id;
      const answer = await c1.director.submit(PLAN_VERBS.create, { doelstellingId, title: 'Actie voor de werkgroep', ownerName: 'werkgroep welzijn', schoolYears: '2026-2027' });
      assert.match(cardText(firstCard(answer)), /Actie toegevoegd/);
      const added = (await plans().getPlan(c1.centreId))!.acties.at(-1)!;
      assert.deepEqual(added.owner, { name: 'werkgroep welzijn' });
      assert.equal(added.deadline, undefined);
    });

    it('invalid input: the form again with the values kept and each error at its field; nothing is stored', async () => {
      const before = await plans().getPlan(c1.centreId);
      const answer = await c1.director.execute(PLAN_VERBS.create, {
        doelstellingId: 'bestaat-niet',
        title: '   ',
        ownerUserId: karim.userId,
        ownerName: 'Els',
        schoolYears: '',
        deadline: '2026-11-01',
        bouwsteenId: '9.9',
      });
      assertValidCard(answer.card);
      const text = cardText(answer.card);
      assert.match(text, /Nog niet toegevoegd/);
      assert.match(text, /Kies de doelstelling waar de actie onder valt\./);
      assert.match(text, /Geef de actie een titel\./);
      assert.match(text, /Kies iemand uit het beleidsteam óf vul een naam in, niet allebei\./);
      assert.match(text, /Kies minstens één schooljaar\./);
      assert.match(text, /De deadline ligt in het verleden\./);
      assert.match(text, /Kies een bouwsteen uit de lijst/);
      assert.equal(inputValue(answer.card, 'ownerName'), 'Els');
      assert.equal(inputValue(answer.card, 'deadline'), '2026-11-01');
      assert.equal(inputValue(answer.card, 'ownerUserId'), karim.userId);
      assert.deepEqual(await plans().getPlan(c1.centreId), before);
    });

    it('an owner from another centre is refused as owner', async () => {
      const other = await createPlanCentre(bot, { name: 'Vrij CLB Ander', directorName: 'Olga Ander' });
      const answer = await c1.director.execute(PLAN_VERBS.create, {
        doelstellingId: demoPlan().doelstellingen[0]!.id,
        title: 'Titel',
        ownerUserId: other.director.userId,
        schoolYears: '2026-2027',
      });
      assert.match(cardText(answer.card), /Die persoon hoort niet \(meer\) bij het beleidsteam/);
    });

    it('a member forging the create card is refused and nothing is stored', async () => {
      const before = await plans().getPlan(c1.centreId);
      const answer = await karim.execute(PLAN_VERBS.create, { doelstellingId: demoPlan().doelstellingen[0]!.id, title: 'Stiekem', schoolYears: '2026-2027' });
      assert.match(String(answer.message), /Enkel een directeur kan acties toevoegen/);
      assert.deepEqual(await plans().getPlan(c1.centreId), before);
    });
  });

  describe('prioriteiten', () => {
    const PRIORITIES: BouwsteenId[] = ['6.5', '5.3', '5.2'];
    const deps = () => bot.poolster.deps as PlanFeatureDeps;
    afterEach(() => {
      delete deps().priorities;
    });

    it('without a confirmed team inschaling: says so, and tells a director what to do', async () => {
      const forDirector = String((await c1.director.say('prioriteiten'))[0]!.text);
      assert.match(forDirector, /Er is nog geen bevestigde teaminschaling, dus nog geen teamprioriteiten\./);
      assert.match(forDirector, /\*\*start inschaling\*\*/);
      assert.match(forDirector, /\*\*resultaat\*\*/);
      const forMember = String((await karim.say('prioriteiten'))[0]!.text);
      assert.match(forMember, /nog geen bevestigde teaminschaling/);
      assert.doesNotMatch(forMember, /start inschaling/);
      deps().priorities = async () => undefined;
      assert.match(String((await karim.say('prioriteiten'))[0]!.text), /nog geen bevestigde teaminschaling/);
    });

    it('shows each priority with the acties linked to it; a member gets no link form', async () => {
      const asked: string[] = [];
      deps().priorities = async (tenantId, centreId) => {
        asked.push(`${tenantId}/${centreId}`);
        return PRIORITIES;
      };
      const card = firstCard(await karim.say('prioriteiten'));
      assertValidCard(card);
      assert.deepEqual(asked, [`${c1.tenantId}/${c1.centreId}`], 'asked for the person\'s own centre');
      const text = cardText(card);
      assert.match(text, /Prioriteit 1: 6\.5 Geïnformeerde praktijken/);
      assert.match(text, /Prioriteit 2: 5\.3 Sterk netwerk: netoverstijgend en extern/);
      assert.match(text, /Prioriteit 3: 5\.2 Sterk partnerschap: intern binnen GO!/);
      const plan = demoPlan();
      for (const a of plan.acties.filter((x) => x.bouwsteenId === '5.3')) assert.ok(text.includes(a.title.slice(0, 60)));
      assert.match(text, /Nog geen acties gekoppeld\./, '5.2 has none in the demo plan');
      assert.deepEqual(cardActions(card), []);
    });

    it('a director links an existing actie to a priority, and can start a new one for it', async () => {
      deps().priorities = async () => PRIORITIES;
      const card = firstCard(await c1.director.say('prioriteiten'));
      assertValidCard(card);
      const link = actionTitled(card, 'Koppelen');
      assert.equal(link.verb, PLAN_VERBS.linkPriority);
      const actieId = 'sp1-d2-a2';
      const answer = await c1.director.execute(PLAN_VERBS.linkPriority, { ...link.data, bouwsteenId: '5.2', actieId });
      assertValidCard(answer.card);
      assert.match(cardText(answer.card), /Actie nr\. sp1-d2-a2 is gekoppeld aan 5\.2 Sterk partnerschap: intern binnen GO!\./);
      assert.equal((await plans().getActie(c1.centreId, actieId))?.bouwsteenId, '5.2');

      const create = cardActions(card).find((a) => a.data.mode === 'create' && a.data.bouwsteenId === '5.2')!;
      const form = await c1.director.execute(PLAN_VERBS.linkPriority, create.data);
      assertValidCard(form.card);
      assert.match(cardText(form.card), /Nieuwe actie in het beleidsplan/);
      assert.equal(inputValue(form.card, 'bouwsteenId'), '5.2');
    });

    it('link with nothing chosen: the card again with the errors', async () => {
      deps().priorities = async () => PRIORITIES;
      const answer = await c1.director.execute(PLAN_VERBS.linkPriority, { mode: 'link', bouwsteenId: '', actieId: '' });
      assertValidCard(answer.card);
      assert.match(cardText(answer.card), /Kies de prioriteit waaraan je de actie koppelt\./);
      assert.match(cardText(answer.card), /Kies de actie die je wil koppelen\./);
      const notPriority = await c1.director.execute(PLAN_VERBS.linkPriority, { mode: 'link', bouwsteenId: '6.1', actieId: 'sp1-d2-a2' });
      assert.match(cardText(notPriority.card), /Kies de prioriteit waaraan je de actie koppelt\./);
    });

    it('reads the priorities of the centre\'s last confirmed inschaling from storage', async () => {
      const own = await createPlanCentre(bot, { name: 'Vrij CLB Met Inschaling', directorName: 'Ilse Inschaling' });
      const result = consolidateDrafts(testRound(), workedDrafts());
      const proposals = proposedStadia(result);
      const form: Record<string, string> = {};
      for (const id of BOUWSTEEN_IDS) form[confirmationFields(id).stadium] = String(proposals[id]);
      const validation = validateConfirmation(form, proposals);
      assert.ok(validation.ok);
      const inschaling = buildInschaling({
        tenantId: own.tenantId,
        centreId: own.centreId,
        schoolYear: '2026-2027',
        roundId: 'round-1',
        visibility: 'anoniem',
        result,
        choices: validation.choices,
        actor: { userId: own.director.userId, name: own.director.name },
        now: DEMO_NOW,
      });
      await bot.poolster.deps.inschalingen.save(inschaling);
      const card = firstCard(await own.director.say('prioriteiten'));
      assertValidCard(card);
      const headings = cardText(card).split('\n').filter((line) => /^Prioriteit \d: \d\.\d /.test(line));
      assert.deepEqual(headings.map((h) => h.slice(14, 17)), inschaling.priorities);
      assert.match(String((await c1.director.say('prioriteiten'))[0]!.text), /nog geen bevestigde teaminschaling/, 'not another centre\'s');
    });

    it('a member cannot link, and another centre\'s director cannot reach centre 1\'s acties', async () => {
      deps().priorities = async () => PRIORITIES;
      const before = await plans().getActie(c1.centreId, 'sp1-d6-a1');
      const member = await karim.execute(PLAN_VERBS.linkPriority, { mode: 'link', bouwsteenId: '6.5', actieId: 'sp1-d6-a1' });
      assert.match(String(member.message), /Enkel een directeur kan acties aan een teamprioriteit koppelen\./);
      const small = demoPlan();
      small.doelstellingen = small.doelstellingen.slice(0, 1);
      small.acties = small.acties.filter((a) => a.doelstellingId === small.doelstellingen[0]!.id);
      const c2 = await createPlanCentre(bot, { name: 'Vrij CLB Twee', directorName: 'Ward Twee', plan: small });
      const forged = await c2.director.execute(PLAN_VERBS.linkPriority, { mode: 'link', bouwsteenId: '6.5', actieId: 'sp1-d6-a1', centreId: c1.centreId });
      assert.match(cardText(forged.card), /Ik vind deze actie niet in het beleidsplan van je centrum/);
      assert.deepEqual(await plans().getActie(c1.centreId, 'sp1-d6-a1'), before);
    });
  });
});
