/**
 * End to end in the Agents Playground (DEMO_DATA=true) for issue 13 points 4, 5, 6 and 8: the
 * demo centre's result of last school year at once; a file reaching the person although the
 * playground has no file consent (the one-time Download link, opened in the browser); the team
 * card and where colleagues are added; `sluit inschaling` and Publiceer asking first.
 *
 * Every step is saved as the chat looks at 1280×800 and at 390×844 (test-output/e2e/<test>/).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { previousSchoolYear } from '../../storage/demoInschaling';
import { e2eSuite, type PlaygroundUi } from '../support/playground';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '390x844', width: 390, height: 844 },
] as const;

/** The chat as a person sees it, at both window sizes; the card scrolled into view like the client does. */
async function lookAt(ui: PlaygroundUi, step: string, card?: Locator): Promise<void> {
  for (const size of SIZES) {
    await ui.page.setViewportSize({ width: size.width, height: size.height });
    if (card) await card.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await ui.page.waitForTimeout(150);
    await ui.page.screenshot({ path: path.join(ui.screenshotsTo, `${step.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${size.name}.png`) });
  }
  await ui.page.setViewportSize({ width: 1280, height: 800 });
}

describe('e2e: team, files, confirmations and the demo centre in the Agents Playground', function () {
  this.timeout(180_000);
  const { openUi } = e2eSuite({ demoData: true });

  it('shows last school year\'s team result, priorities and my own actions from the first minute', async function () {
    const ui = await openUi(this.test!.title);
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    const year = previousSchoolYear(new Date());
    await ui.send('resultaat');
    const result = await ui.waitForCard(`Teamresultaat inschaling ${year}`);
    assert.match(await result.innerText(), /Alle 4 deelnemers verzonden hun inschaling definitief/);
    assert.doesNotMatch(await result.innerText(), /\*\*|Demo-lid/);
    await lookAt(ui, '01 resultaat', result);
    await ui.send('prioriteiten');
    const priorities = await ui.waitForCard('Onderzoekende houding');
    await lookAt(ui, '02 prioriteiten', priorities);
    await ui.send('acties');
    const acties = await ui.waitForCard('Alex Wilber');
    await lookAt(ui, '03 acties', acties);
  });

  it('gets `mijn gegevens` through the one-time Download link where the playground has no file consent', async function () {
    const ui = await openUi(this.test!.title);
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    await ui.send('mijn gegevens');
    const card = await ui.waitForCard('De link is alleen voor jou');
    assert.doesNotMatch(await card.innerText(), /\*\*/);
    await lookAt(ui, '01 download card', card);

    // Action.OpenUrl: the playground calls window.open(url) (Teams opens the browser). Recorded
    // here, then opened in a tab of its own, as the browser would.
    await ui.page.evaluate(() => {
      const w = globalThis as unknown as { __opened: string[]; open: (url?: string) => unknown };
      w.__opened = [];
      w.open = (url?: string) => void w.__opened.push(String(url));
    });
    await card.getByText('Download', { exact: true }).click();
    await ui.page.waitForFunction(() => (globalThis as unknown as { __opened: string[] }).__opened.length > 0);
    const url = await ui.page.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened[0]!);
    assert.match(url, /\/download\/[A-Za-z0-9_-]{43}$/);
    const tab = await ui.page.context().browser()!.newPage({ viewport: { width: 390, height: 844 }, locale: 'nl-BE' });
    await tab.goto(url);
    await tab.waitForLoadState();
    await tab.getByText('Je bestand van Poolster').waitFor();
    await tab.screenshot({ path: path.join(ui.screenshotsTo, '02-download-page-390x844.png') });
    const [download] = await Promise.all([tab.waitForEvent('download'), tab.getByRole('button', { name: /^Download poolster-mijn-gegevens-/ }).click()]);
    assert.match(download.suggestedFilename(), /^poolster-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    // Single use: the same link now says it no longer works.
    await tab.reload();
    await tab.getByText('Link verlopen').waitFor();
    await tab.screenshot({ path: path.join(ui.screenshotsTo, '03-link-used-390x844.png') });
    await tab.close();
  });

  it('says where to add colleagues, offers a group chat\'s members, and asks before closing a round', async function () {
    const ui = await openUi(this.test!.title);
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    await ui.send('team');
    const team = await ui.waitForCard('Beleidsteam van');
    assert.match(await team.innerText(), /@Poolster team/);
    await lookAt(ui, '01 team in the personal chat', team);
    await ui.send('rol lid Megan Bowen');
    await ui.waitForText('zit nog niet in je beleidsteam');
    await lookAt(ui, '02 role command in the wrong place');

    await ui.openChat('group');
    await ui.send('team');
    const groupTeam = await ui.waitForCard('Mensen toevoegen');
    await lookAt(ui, '03 team in the group chat', groupTeam);
    await ui.send('start inschaling');
    const start = await ui.waitForCard('Nieuwe inschalingsronde');
    await lookAt(ui, '04 round start with the people hint', start);
    await ui.clickCardButton('Start de ronde en nodig uit', { card: start });
    await ui.waitForCard('gestart');

    await ui.openChat('personal');
    await ui.send('sluit inschaling');
    const ask = await ui.waitForCard('sluiten?');
    assert.match(await ask.innerText(), /Wie het hoort[^]*Ongedaan maken/);
    await lookAt(ui, '05 close asks first', ask);
    await ui.clickCardButton('Annuleer', { card: ask });
    const kept = await ui.waitForCard('De ronde loopt verder');
    await lookAt(ui, '06 cancelled', kept);
    await ui.send('sluit inschaling');
    const again = await ui.waitForCard('sluiten?');
    await ui.clickCardButton('Bevestig: sluit de ronde', { card: again });
    const closed = await ui.waitForCard('is afgesloten');
    await lookAt(ui, '07 closed', closed);
  });

  it('asks before Publiceer, saying who is told and what can no longer change; Bevestig publishes', async function () {
    const ui = await openUi(this.test!.title);
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    // A round of this school year with only the director, closed at once: nobody answered, so the
    // director chooses every team stadium with a short explanation.
    await ui.send('start inschaling');
    const start = await ui.waitForCard('Nieuwe inschalingsronde');
    await ui.clickCardButton('Start de ronde en nodig uit', { card: start });
    await ui.waitForCard('gestart');
    await ui.send('sluit inschaling');
    const ask = await ui.waitForCard('sluiten?');
    await ui.clickCardButton('Bevestig: sluit de ronde', { card: ask });
    await ui.waitForCard('is afgesloten');
    await ui.send('resultaat');
    const result = await ui.waitForCard('ronde afgesloten');
    await ui.clickCardButton('Bevestig de teamstadia', { card: result });
    const form = await ui.waitForCard('Kies per bouwsteen het teamstadium');
    const stadiumLabels = form.locator('label.ac-richTextBlock[for]').filter({ hasText: /^\s*Teamstadium/ });
    const reasonLabels = form.locator('label.ac-richTextBlock[for]').filter({ hasText: /^\s*Toelichting/ });
    assert.equal(await stadiumLabels.count(), 11);
    for (let i = 0; i < 11; i++) {
      const stadium = form.locator(`[id="${await stadiumLabels.nth(i).getAttribute('for')}"]`);
      await stadium.click();
      await ui.page.getByRole('option', { name: 'Fragmentair', exact: true }).click();
      await form.locator(`[id="${await reasonLabels.nth(i).getAttribute('for')}"]`).fill('Zo besproken op het teamoverleg.');
    }
    await ui.clickCardButton('Bevestig de teamstadia', { card: form });
    const confirmed = await ui.waitForCard('De teamstadia zijn bevestigd');
    assert.match(await confirmed.innerText(), /Nog niet gepubliceerd/);
    await lookAt(ui, '01 confirmed, publish is the next step', confirmed);

    // One click on Publiceer asks first: who hears it, what they see, what cannot be undone.
    await ui.clickCardButton('Publiceer voor het team', { card: confirmed });
    const question = await ui.waitForCard('publiceren?');
    const asked = await question.innerText();
    assert.match(asked, /Wie het hoort[^]*Wat ze zien[^]*Nooit wie wat antwoordde[^]*Wat niet meer terug kan[^]*trek je niet in/);
    assert.match(asked, /wanneer ze "resultaat" typen/);
    assert.doesNotMatch(asked, /\*\*|\bitems?\b/);
    await lookAt(ui, '02 publish asks first', question);
    await ui.clickCardButton('Bevestig: publiceer', { card: question });
    const published = await ui.waitForCard('Het teamresultaat is gepubliceerd');
    assert.match(await published.innerText(), /ik stuur het de deelnemers in hun persoonlijke chat/);
    assert.doesNotMatch(await published.innerText(), /Publiceer voor het team/, 'no second Publiceer');
    await lookAt(ui, '03 published', published);
    await ui.clickCardButton('Bekijk het teamresultaat', { card: published });
    const result2 = await ui.waitForCard('en gepubliceerd op');
    assert.doesNotMatch(await result2.innerText(), /Publiceer voor het team/);
  });
});
