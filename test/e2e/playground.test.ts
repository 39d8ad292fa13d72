/**
 * End to end: a real Azurite, Poolster in development mode (no auth), the real Microsoft 365 Agents
 * Playground pointed at it, and headless Chromium clicking through the playground's web UI.
 * Screenshots: test-output/e2e/<test>/NN-<step>.png. Helpers: test/support/playground.ts.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { BOUWSTEEN_IDS, STADIA, getBouwsteen, type BouwsteenId } from '../../domain/catalogue';
import { NO_LEVERS_LABEL, NO_OBSTACLES_LABEL } from '../../domain/survey/answers';
import { e2eSuite, type PlaygroundUi } from '../support/playground';

/** The two windows of issue 13: a laptop, and a phone-sized window (the page itself stays ~800 px wide). */
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
type Size = typeof LAPTOP;
const sizeName = (size: Size) => `${size.width}x${size.height}`;

/** The first question of each step of a bouwsteen (cards/templates/survey/stepQuestions.json). */
const FIRST_QUESTION = { 1: '1. ', 2: '3. ', 3: '4. ', 4: '5. ', 5: '6. ' } as const;
type Part = keyof typeof FIRST_QUESTION;

/**
 * After a survey navigation: the new step's heading and its first question (label and options)
 * are inside the visible chat, without scrolling. Also keeps a screenshot of what the member sees.
 */
async function assertStepInView(page: PlaygroundUi, card: Locator, id: BouwsteenId, part: Part, how: string, size: Size): Promise<void> {
  const progress = card.getByText(stepText(id, part), { exact: true });
  const heading = card.getByText(`${id} ${getBouwsteen(id).title}`, { exact: true });
  const question = await page.cardInput(card, FIRST_QUESTION[part]);
  const label = card.locator('label.ac-richTextBlock[for]').filter({ hasText: new RegExp(`^\\s*${FIRST_QUESTION[part].replace('.', '\\.')}`) });
  await page.screenshot(`${sizeName(size)} ${how} ${id} stap ${part}`);
  for (const [what, target] of [['progress', progress], ['heading', heading], ['first question', label], ['its options', question]] as const) {
    const place = await page.placeInView(target);
    const where = `${what} of ${id} step ${part} after ${how} at ${sizeName(size)}: box ${JSON.stringify(place.box)}, visible chat ${JSON.stringify(place.visible)}`;
    assert.ok(place.vertically, `${where}: not within the visible chat`);
    assert.ok(place.leftEdge, `${where}: starts outside the window`);
  }
}

/** Fills in a step with valid answers, as a person clicks them. */
async function fillStep(page: PlaygroundUi, card: Locator, index: number, part: Part): Promise<void> {
  if (part === 1) {
    const level = (index % 4) + 1;
    const stadium = STADIA[level - 1]!;
    await page.choose(card, '1. ', stadium.pdca ? `${stadium.name} (${stadium.pdca})` : stadium.name);
    await page.choose(card, '2. ', level === 4 ? 'dit aanhouden' : 'evolueren naar systematisch');
  } else if (part === 2) {
    await page.choose(card, '3. ', 'is een welbewuste keuze');
  } else if (part === 3) {
    await page.choose(card, '4. ', 'nee');
  } else if (part === 4) {
    await page.choose(card, '5. ', NO_LEVERS_LABEL);
  } else {
    await page.choose(card, '6. ', NO_OBSTACLES_LABEL);
  }
}

const stepText = (id: BouwsteenId, part: Part) => `Bouwsteen ${BOUWSTEEN_IDS.indexOf(id) + 1} van 11 · stap ${part} van 5`;

describe('e2e: Poolster in the Agents Playground', function () {
  this.timeout(120_000);

  const { openUi } = e2eSuite({ demoData: false });

  it('shows the help card when you type help in the personal chat', async function () {
    const page = await openUi(this.test!.title);
    await page.waitForText('Welkom bij Poolster');
    await page.screenshot('opened');

    await page.send('help');
    const card = await page.waitForCard('Wat kan je mij vragen?');
    assert.match(await card.innerText(), /Voor iedereen/);
    await page.screenshot('help card');
  });

  it('answers an @mention in a team channel, in the thread of the post', async function () {
    const page = await openUi(this.test!.title);
    await page.openChat({ channel: 'General' });
    await page.waitForCard('digest hier');
    await page.screenshot('channel welcome');

    await page.send('help');
    await page.waitForCard('Wat kan je mij vragen?');
    await page.screenshot('help in channel');
  });

  it('answers an @mention in the group chat', async function () {
    const page = await openUi(this.test!.title);
    await page.openChat('group');
    await page.send('help');
    await page.waitForCard('Wat kan je mij vragen?');
    await page.screenshot('help in group chat');
  });

  // Last: it makes the playground user a director, which changes the help card.
  it('lets a director start an inschaling round by clicking the card (Action.Execute)', async function () {
    const page = await openUi(this.test!.title);
    await page.send('setup E2E Centrum');
    await page.waitForCard('E2E Centrum is geregistreerd');
    await page.send('start inschaling');
    await page.waitForCard('Nieuwe inschalingsronde');
    await page.screenshot('round start card');

    await page.clickCardButton('Start de ronde en nodig uit');
    // Action.Execute: the card is replaced; the invitation reaches the user proactively.
    await page.waitForCard('gestart');
    await page.waitForCard('Uitnodiging: inschaling');
    await page.screenshot('round started');
  });

  // Continues from the round started above (Alex Wilber is its only participant).
  it('brings every survey step into view where the member is looking, at 1280×800 and 390×844', async function () {
    this.timeout(420_000);
    const page = await openUi(this.test!.title);
    await page.resize(LAPTOP);
    await page.send('inschaling');
    const intro = await page.waitForCard('jouw inschaling');
    assert.match(await intro.innerText(), /voortrekkers/, 'the intro quotes the seed’s description of the stadia');
    await page.clickCardButton('Start de inschaling', { card: intro });
    let card = await page.waitForCard(stepText('4.1', 1));
    await assertStepInView(page, card, '4.1', 1, 'start', LAPTOP);

    // The four stadium descriptions of this bouwsteen open right under the choice, one tap each.
    const fragmentair = getBouwsteen('4.1').stadia[0].split('\n')[0]!.slice(0, 60);
    await card.getByText('Fragmentair ▾', { exact: true }).click();
    await card.getByText(fragmentair, { exact: false }).waitFor();
    await page.screenshot('1280x800 4.1 stadium Fragmentair opened');
    await card.getByText('Fragmentair ▾', { exact: true }).click();
    await card.getByText(fragmentair, { exact: false }).waitFor({ state: 'hidden' });
    // The rest of the bouwsteen's context is one tap away too.
    await card.getByText('Over deze bouwsteen ▾', { exact: true }).click();
    await card.getByText('Verwijst naar volgende kwaliteitsverwachtingen in het RclbK').waitFor();
    await page.screenshot('1280x800 4.1 over deze bouwsteen opened');
    await card.getByText('Over deze bouwsteen ▾', { exact: true }).click();

    // At the phone-sized window: Volgende through the four steps of 4.1 into 4.2, Vorige back, `verder`.
    await page.resize(PHONE);
    for (const part of [1, 2, 3, 4, 5] as const) {
      await fillStep(page, card, 0, part);
      await page.clickCardButton('Volgende', { card });
      const [id, nextPart] = part === 5 ? (['4.2', 1] as const) : (['4.1', (part + 1) as Part] as const);
      card = await page.waitForCard(stepText(id, nextPart));
      await assertStepInView(page, card, id, nextPart, 'volgende', PHONE);
    }
    await page.clickCardButton('Vorige', { card });
    card = await page.waitForCard(stepText('4.1', 5));
    await assertStepInView(page, card, '4.1', 5, 'vorige', PHONE);
    await page.send('verder');
    card = await page.waitForCard(stepText('4.1', 5));
    await assertStepInView(page, card, '4.1', 5, 'verder', PHONE);

    // At 1280×800, where less chat is visible: the same, then every other step of every bouwsteen.
    await page.resize(LAPTOP);
    await page.clickCardButton('Volgende', { card });
    card = await page.waitForCard(stepText('4.2', 1));
    await assertStepInView(page, card, '4.2', 1, 'volgende', LAPTOP);
    await page.clickCardButton('Vorige', { card });
    card = await page.waitForCard(stepText('4.1', 5));
    await assertStepInView(page, card, '4.1', 5, 'vorige', LAPTOP);
    await page.send('verder');
    card = await page.waitForCard(stepText('4.1', 5));
    await assertStepInView(page, card, '4.1', 5, 'verder', LAPTOP);
    await page.clickCardButton('Volgende', { card });
    for (const [index, id] of BOUWSTEEN_IDS.entries()) {
      if (index === 0) continue;
      for (const part of [1, 2, 3, 4, 5] as const) {
        card = await page.waitForCard(stepText(id, part));
        if (!(index === 1 && part === 1)) await assertStepInView(page, card, id, part, 'volgende', LAPTOP);
        await fillStep(page, card, index, part);
        await page.clickCardButton(index === 10 && part === 5 ? 'Volgende: overzicht' : 'Volgende', { card });
      }
    }

    // Wijzig from the overview, at both sizes; Volgende then leads back to the overview.
    for (const [size, id] of [[PHONE, '4.3'], [LAPTOP, '6.5']] as const) {
      await page.resize(size);
      const overview = await page.waitForCard('Overzicht van je antwoorden');
      await page.screenshot(`${sizeName(size)} overview`);
      const row = overview.locator('.ac-container').filter({ hasText: getBouwsteen(id).title }).filter({ has: page.page.getByRole('button', { name: 'Wijzig', exact: true }) }).last();
      await page.clickCardButton('Wijzig', { card: row });
      card = await page.waitForCard(stepText(id, 1));
      await assertStepInView(page, card, id, 1, 'wijzig', size);
      await page.clickCardButton('Volgende: overzicht', { card });
    }
    await page.waitForCard('Overzicht van je antwoorden');
  });
});
