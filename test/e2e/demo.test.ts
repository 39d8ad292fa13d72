/**
 * End to end with the demo data (DEMO_DATA=true, as `npm run dev`): the playground's default user,
 * Alex Wilber, is director of "Vrij CLB Westhoek en Houtland (demo)" with the demo plan. Real
 * Azurite (the run's shared one), Poolster in development mode, the real Microsoft 365 Agents
 * Playground and headless Chromium clicking the rendered cards (issue 8).
 *
 * - the whole inschaling, clicked through the cards: the director starts a round in the group chat,
 *   the member (the same playground user) answers all 11 bouwstenen, the closing questions and
 *   sends, with one invalid click on the way;
 * - `status speerpunt 3` and the command buttons (command.run) on the plan and welcome cards;
 * - the digest in a team channel: `digest hier`, `digest nu`.
 *
 * Screenshots: test-output/e2e/<test>/NN-<step>.png. Helpers: test/support/playground.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BOUWSTEEN_IDS, STADIA, bouwsteenLabel, type StadiumLevel } from '../../domain/catalogue';
import { parsePlanFile } from '../../domain/plan/planFile';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../domain/plan/model';
import { speerpuntStatus } from '../../domain/plan/status';
import { AMBITION_OPTIONS, CHOICE_OPTIONS, NOT_YET_INSPIRING_LABEL, NO_LEVERS_LABEL, NO_OBSTACLES_LABEL } from '../../domain/survey/answers';
import { DEMO_CENTRE_NAME, DEMO_PLAN_FILE } from '../../storage/demo';
import { e2eSuite } from '../support/playground';
import { brusselsDate } from '../../domain/time';

/** The question labels of a bouwsteen card start with their number (cards/survey.ts). */
const Q = { stadium: '1. ', ambition: '2. ', choice: '3. ', difference: '4. ', levers: '5. ', obstacles: '6. ' } as const;

function stadiumLabel(level: StadiumLevel): string {
  const s = STADIA[level - 1]!;
  return s.pdca ? `${s.name} (${s.pdca})` : s.name;
}

function ambitionLabel(value: 'aanhouden' | 2 | 3 | 4): string {
  return AMBITION_OPTIONS.find((o) => o.value === value)!.label;
}

describe('e2e: the demo centre in the Agents Playground (DEMO_DATA=true)', function () {
  this.timeout(180_000);

  const { openUi } = e2eSuite({ demoData: true });

  it('a member completes the whole inschaling by clicking the cards', async function () {
    const page = await openUi(this.test!.title);

    // The director (Alex) starts a round in the group chat; Alex is preselected as participant.
    await page.openChat('group');
    await page.send('start inschaling');
    const start = await page.waitForCard('Nieuwe inschalingsronde');
    assert.match(await start.innerText(), new RegExp(DEMO_CENTRE_NAME.replace(/[()]/g, '\\$&')));
    await page.choose(start, 'Deelnemers', 'Alex Wilber');
    await page.screenshot('group chat round start card');
    await page.clickCardButton('Start de ronde en nodig uit', { card: start });
    await page.waitForCard('gestart');
    // The invitations go out after the answer; the director then reads who was reached.
    await page.waitForText('De deelnemer kreeg een persoonlijke uitnodiging');
    await page.screenshot('round started');

    // The invitation arrives in the personal chat.
    await page.openChat('personal');
    const invitation = await page.waitForCard('Uitnodiging: inschaling');
    await page.screenshot('invitation', { card: invitation });
    await page.clickCardButton('Bekijk de inschaling', { card: invitation });
    const intro = await page.waitForCard('jouw inschaling');
    await page.screenshot('intro', { card: intro });
    await page.clickCardButton('Start de inschaling', { card: intro });

    // The context of a bouwsteen opens in the card (Action.ToggleVisibility).
    let card = await page.waitForCard(`Bouwsteen 1 van 11 · stap 1 van 5`);
    await card.getByText('Over deze bouwsteen ▾', { exact: true }).click();
    await card.getByText('Verwijst naar volgende kwaliteitsverwachtingen in het RclbK').waitFor();
    await page.screenshot('bouwsteen 1 with its context', { card });
    await card.getByText('Over deze bouwsteen ▾', { exact: true }).click();
    await card.getByText('Verwijst naar volgende kwaliteitsverwachtingen in het RclbK').waitFor({ state: 'hidden' });

    // One invalid click first: an ambition below the chosen stadium.
    await page.choose(card, Q.stadium, stadiumLabel(3));
    await page.choose(card, Q.ambition, ambitionLabel(2));
    await page.clickCardButton('Volgende', { card });
    card = await page.waitForCard('Nog niet alles is in orde');
    const invalid = await card.innerText();
    assert.match(invalid, /Wat je invulde, is bewaard/);
    assert.match(invalid, /Bouwsteen 1 van 11 · stap 1 van 5/, 'still the first step');
    assert.ok(await page.isChosen(card, Q.stadium, stadiumLabel(3)), 'the chosen stadium is still chosen');
    assert.ok(await page.isChosen(card, Q.ambition, ambitionLabel(2)), 'the chosen ambition is still chosen');
    await page.screenshot('bouwsteen 1 invalid click', { card });

    // All 11 bouwstenen, each in five steps.
    for (const [index, id] of BOUWSTEEN_IDS.entries()) {
      const number = index + 1;
      const level = ((index % 4) + 1) as StadiumLevel;
      const steps: Array<() => Promise<void>> = [
        async () => {
          await page.choose(card, Q.stadium, stadiumLabel(level));
          await page.choose(card, Q.ambition, ambitionLabel(level === 4 ? 'aanhouden' : 4));
        },
        () => page.choose(card, Q.choice, CHOICE_OPTIONS[index % CHOICE_OPTIONS.length]!.label),
        () => page.choose(card, Q.difference, 'nee'),
        () => page.choose(card, Q.levers, NO_LEVERS_LABEL),
        () => page.choose(card, Q.obstacles, NO_OBSTACLES_LABEL),
      ];
      for (const [i, fill] of steps.entries()) {
        const step = `Bouwsteen ${number} van 11 · stap ${i + 1} van 5`;
        if (number > 1 || i > 0) card = await page.waitForCard(step);
        assert.match(await card.innerText(), new RegExp(step));
        await fill();
        if ((number === 1 || number === 11) && i === 0) await page.screenshot(`bouwsteen ${id} step 1 filled in`, { card });
        await page.clickCardButton(number === 11 && i === 4 ? 'Volgende: overzicht' : 'Volgende', { card });
      }
    }

    // The overview: every bouwsteen complete.
    const overview = await page.waitForCard('Overzicht van je antwoorden');
    const overviewText = await overview.innerText();
    for (const id of BOUWSTEEN_IDS) assert.ok(overviewText.includes(bouwsteenLabel(id)), id);
    assert.doesNotMatch(overviewText, /Onvolledig|Nog niet ingevuld/);
    await page.screenshot('overview', { card: overview });
    await page.clickCardButton('Verder naar de overkoepelende vragen', { card: overview });

    // The closing questions: "nog niet" and three priorities in the dropdowns.
    const closing = await page.waitForCard('Overkoepelende vragen, over alle bouwstenen heen');
    await page.choose(closing, 'Voor deze bouwstenen', NOT_YET_INSPIRING_LABEL);
    const priorities = [BOUWSTEEN_IDS[5]!, BOUWSTEEN_IDS[0]!, BOUWSTEEN_IDS[9]!];
    for (const [i, id] of priorities.entries()) await page.selectInDropdown(closing, `Prioriteit ${i + 1}`, bouwsteenLabel(id));
    await page.screenshot('closing questions', { card: closing });
    await page.clickCardButton('Volgende', { card: closing });

    // Confirm and send.
    const confirm = await page.waitForCard('Klaar om te verzenden');
    const confirmText = await confirm.innerText();
    assert.match(confirmText, /11 van 11/);
    // The priorities are a numbered list ("1. 5.3 ..." is rendered as Markdown): in this order.
    const positions = priorities.map((id) => confirmText.indexOf(bouwsteenLabel(id)));
    assert.ok(positions.every((p) => p >= 0), 'every priority is listed');
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'in the chosen order');
    await page.screenshot('confirm', { card: confirm });
    await page.clickCardButton('Definitief verzenden', { card: confirm });
    const sent = await page.waitForCard('Je inschaling is verzonden');
    const sentText = await sent.innerText();
    assert.match(sentText, /definitief verzonden/);
    for (const [index, id] of BOUWSTEEN_IDS.entries()) {
      assert.ok(sentText.includes(bouwsteenLabel(id)), id);
      assert.ok(sentText.includes(STADIA[index % 4]!.name), `stadium of ${id}`);
    }
    await page.screenshot('sent', { card: sent });
    await page.screenshot('sent page');

    // The director reads the (interim) team result: charts with a title, a colour legend and full labels.
    for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      await page.resize(size);
      await page.send('resultaat');
      const result = await page.waitForCard('Teamresultaat inschaling');
      const resultText = await result.innerText();
      assert.match(resultText, /Verdeling over de vier stadia, per bouwsteen \(aantal leden\)/);
      assert.match(resultText, /Kleuren: Fragmentair blauwgroen · Planmatig goudgeel · Geïntegreerd blauw · Systematisch paars/);
      await result.locator('svg, [role="alert"]').first().waitFor();
      await page.settled();
      await page.screenshot(`${size.width}x${size.height} resultaat`, { card: result });
      await page.clickCardButton('Details 4.1', { card: result });
      const detail = await page.waitForCard('Huidige situering: aantal leden per stadium');
      for (const label of ['Fragmentair', 'Planmatig', 'Geïntegreerd', 'Systematisch', 'evolueren naar systematisch']) {
        await detail.getByText(label, { exact: true }).first().waitFor();
      }
      await page.settled();
      await page.screenshot(`${size.width}x${size.height} details 4.1`, { card: detail });
    }
  });

  it('shows the director speerpunt 3 of the demo plan, and the card buttons run commands', async function () {
    const page = await openUi(this.test!.title);
    const welcome = await page.waitForCard('Welkom bij Poolster');
    await page.screenshot('welcome', { card: welcome });

    // The welcome card's button (command.run) answers with the help card of a director.
    await page.clickCardButton('Wat kan je?', { card: welcome });
    const help = await page.waitForCard('Wat kan je mij vragen?');
    assert.match(await help.innerText(), new RegExp(`Je werkt voor ${DEMO_CENTRE_NAME.replace(/[()]/g, '\\$&')}`));
    assert.match(await help.innerText(), /Voor de directeur/);
    await page.screenshot('help from the welcome button', { card: help });

    const plan = parsePlanFile(readFileSync(DEMO_PLAN_FILE, 'utf8'));
    assert.ok(plan.ok);
    const status = speerpuntStatus(plan.plan, 3, brusselsDate(new Date()))!;
    await page.send('status speerpunt 3');
    const card = await page.waitForCard(status.speerpunt.title);
    const text = await card.innerText();
    assert.match(text, /^Speerpunt 3\n/);
    const counted = status.total - status.countsByStatus.geschrapt;
    assert.ok(text.includes(`${status.countsByStatus.afgerond} van ${counted} acties afgerond`), 'progress');
    for (const s of ACTION_STATUSES) {
      if (status.countsByStatus[s] > 0) assert.ok(text.includes(`${status.countsByStatus[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`), s);
    }
    assert.ok(text.includes(`Over tijd (${status.overdue.length})`));
    await page.screenshot('status speerpunt 3', { card });

    // "Alle speerpunten" (command.run) answers with the plan overview; its buttons work too.
    await page.clickCardButton('Alle speerpunten', { card });
    const overview = await page.waitForCard('Beleidsplan: stand van zaken');
    const overviewText = await overview.innerText();
    for (const sp of plan.plan.speerpunten) assert.ok(overviewText.includes(sp.title), `speerpunt ${sp.number}`);
    await page.screenshot('plan overview', { card: overview });
    await page.clickCardButton('Speerpunt 2', { card: overview });
    const sp2 = await page.waitForCard(plan.plan.speerpunten.find((sp) => sp.number === 2)!.title);
    assert.match(await sp2.innerText(), /^Speerpunt 2\n/);
    await page.screenshot('speerpunt 2 from the overview button');
  });

  it('posts the digest in a team channel: digest hier, then digest nu', async function () {
    const page = await openUi(this.test!.title);
    await page.openChat({ channel: 'General' });
    await page.waitForCard('digest hier');

    await page.send('digest hier');
    await page.waitForText(`het actieoverzicht van ${DEMO_CENTRE_NAME} komt voortaan in dit kanaal`);
    await page.screenshot('digest hier');

    await page.send('digest nu');
    const digest = await page.waitForCard('Actieoverzicht');
    const text = await digest.innerText();
    assert.match(text, /^Actieoverzicht\n/);
    assert.ok(text.includes(DEMO_CENTRE_NAME), 'the centre in the subtitle');
    await page.screenshot('digest card', { card: digest });
    await page.screenshot('digest in the channel');
  });
});
