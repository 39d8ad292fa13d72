/**
 * End-to-end support: the Microsoft 365 Agents Playground (a real one, from node_modules) pointed at
 * a running Poolster, and a headless Chromium (Debian's /usr/bin/chromium) driving its web UI.
 *
 * What the playground UI looks like (0.2.28, msteams channel, built-in configuration):
 * - the left pane has tree items "Personal Chat", "Group Chat", and one per team channel named
 *   "<team> - <channel>": "My Team - General", "My Team - Announcements". Clicking one switches chats;
 *   the first visit to a chat sends installationUpdate + conversationUpdate (Poolster's welcome card);
 * - personal and group chats have one compose box at the bottom; Enter sends;
 * - a channel has a "Start a new post" box with a Post button on top (newest post first), and a reply
 *   box under every post; the bot answers in the thread of the post;
 * - in group chats and channels the bot only receives messages that @mention it: type "@", pick
 *   "Test Bot" from the typeahead menu; the text then arrives as `<at>Test Bot</at> digest hier`;
 * - every bot card is rendered by the Adaptive Cards SDK under `.ac-adaptiveCard`; its buttons are
 *   role=button with the action's title as accessible name;
 * - Action.Execute arrives as an adaptiveCard/action invoke and the card is replaced by the answer;
 *   Action.Submit with plain data arrives as a message with `value`; but Action.Submit whose data is
 *   `{ msteams: { type: 'imBack' | 'messageBack', ... } }` sends NOTHING in 0.2.28 (checked against a
 *   capturing endpoint), so Poolster's command buttons use plain data instead:
 *   `{ verb: 'command.run', command: 'help' }` (bot/router.ts);
 * - inputs get generated ids; each input's label is a `<label for>` pointing at it (for an expanded
 *   ChoiceSet: at its group, whose options are radios/checkboxes with their own `<label for>`);
 *   compact ChoiceSets are Fluent comboboxes whose options open in a listbox (role=option).
 *   Use choose / isChosen / selectInDropdown with the input's label text;
 * - the chat pane scrolls inside the page: `screenshot(step, { card })` captures a whole card.
 *
 * Typical use (see test/e2e/playground.test.ts):
 *   const pg = await startPlayground({ botEndpoint: `${poolster.url}/api/messages` });
 *   const browser = await launchBrowser();
 *   const ui = await PlaygroundUi.open(browser, pg.url, screenshotDir('my flow'));
 *   await ui.send('help');
 *   await ui.waitForCard('Wat kan je mij vragen?');
 *   await ui.openChat({ channel: 'General' });
 *   await ui.send('digest hier');            // mentions the bot automatically outside personal chat
 *   await ui.clickCardButton('Bevestigen');
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { startPoolster, type Poolster } from '../../bot/main';
import { freePort, httpStatus } from '../../scripts/localTools';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = process.env.POOLSTER_CHROMIUM ?? '/usr/bin/chromium';
export const E2E_OUTPUT = path.join(ROOT, 'test-output', 'e2e');
/** The bot's display name in the playground's built-in configuration (what you @mention). */
export const PLAYGROUND_BOT_NAME = 'Test Bot';
/** How long a chart's entry animation is given before a screenshot of its card. */
const CHART_SETTLE_MS = 1_500;

const DEFAULT_TIMEOUT = 30_000;

// ---------------------------------------------------------------------------------------------
// The playground process

export interface PlaygroundHandle {
  /** The web UI, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The mocked Bot Connector the bot answers to (serviceUrl of every activity). */
  serviceUrl: string;
  process: ChildProcess;
  /** Everything the playground printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `agentsplayground -e <botEndpoint> -c msteams --dt -p <free port>` with
 * TEAMSAPPTESTER_BROWSER=none, its log file outside the repository and the built-in configuration
 * (Alex Wilber in tenant 00000000-0000-0000-0000-0000000000001; see bot/demo.ts). Resolves once the
 * web UI answers.
 */
export async function startPlayground(options: {
  botEndpoint: string;
  port?: number;
  /** A .m365agentsplayground.yml to use instead of the built-in configuration. */
  configFile?: string;
  timeoutMs?: number;
}): Promise<PlaygroundHandle> {
  const requestedPort = options.port ?? (await freePort());
  const workDir = path.join(tmpdir(), `poolster-playground-${process.pid}-${requestedPort}`);
  mkdirSync(workDir, { recursive: true });
  const bin = path.join(ROOT, 'node_modules', '.bin', 'agentsplayground');
  const child = spawn(process.execPath, [bin, '-e', options.botEndpoint, '-c', 'msteams', '--dt', '-p', String(requestedPort)], {
    // Its working directory receives devTools/ (logs, recordings): keep that out of the repository.
    cwd: workDir,
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'agentsplayground.log'),
      // A path that does not exist selects the built-in configuration.
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile ?? path.join(workDir, 'none.yml'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let port: number | undefined;
  const collect = (chunk: Buffer) => {
    output += String(chunk);
    const match = /Listening on (\d+)/.exec(output);
    if (match) port = Number(match[1]);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`The Agents Playground exited during start-up (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    if (port !== undefined && (await httpStatus(`http://127.0.0.1:${port}/`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The Agents Playground did not come up within ${(options.timeoutMs ?? 60_000) / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    serviceUrl: `http://localhost:${port}/_connector`,
    process: child,
    output: () => output,
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// The browser

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * For a suite's before(): without Chromium the e2e tests fail (never skip) and say how to install
 * it. `.ci/run` installs it when missing.
 */
export function requireChromium(): void {
  if (chromiumAvailable()) return;
  throw new Error(
    `The end-to-end tests need Debian's Chromium at ${CHROMIUM_PATH}: install it with ` +
      `"apt-get update && apt-get install -y chromium" (never "npx playwright install").`,
  );
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** test-output/e2e/<slug of the name>/, emptied: one folder per test. */
export function screenshotDir(testName: string, options: { keep?: boolean } = {}): string {
  const slug = testName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'test';
  const dir = path.join(E2E_OUTPUT, slug);
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// The UI

export type ChatTarget = 'personal' | 'group' | { team?: string; channel: string };

function chatLabel(target: ChatTarget): string {
  if (target === 'personal') return 'Personal Chat';
  if (target === 'group') return 'Group Chat';
  return `${target.team ?? 'My Team'} - ${target.channel}`;
}

export class PlaygroundUi {
  private step = 0;
  private chat: ChatTarget = 'personal';
  /** innerText of every card and of the chat pane before the last action, to detect new replies. */
  private before: { cards: string[]; text: string } = { cards: [], text: '' };

  private constructor(
    readonly page: Page,
    readonly screenshotsTo: string,
  ) {}

  /** Opens the playground in a new page (1400×900), waits until it is connected to the bot. */
  static async open(browser: Browser, url: string, screenshotsTo: string): Promise<PlaygroundUi> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'nl-BE', timezoneId: 'Europe/Brussels' });
    page.setDefaultTimeout(DEFAULT_TIMEOUT);
    // No internet here: the UI's web fonts come from a CDN; fail those at once instead of waiting.
    await page.route(/^https?:\/\/(?!(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
    await page.goto(url);
    const ui = new PlaygroundUi(page, screenshotsTo);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    await page.getByText('Connected.', { exact: true }).first().waitFor({ timeout: 60_000 });
    await ui.composer().waitFor();
    return ui;
  }

  /** Switches to a chat in the left pane: 'personal', 'group', or { channel: 'General' }. */
  async openChat(target: ChatTarget): Promise<void> {
    await this.page.getByRole('treeitem', { name: chatLabel(target), exact: true }).click();
    this.chat = target;
    if (typeof target === 'object') await this.page.getByText('Start a new post').waitFor();
    await this.composer().waitFor();
  }

  /** The compose box of the current chat (in a channel: the "Start a new post" box). */
  composer(): Locator {
    // Not an input of a card (the welcome card has one): the chat's own box.
    return this.page.getByRole('textbox').and(this.page.locator(':not(.ac-adaptiveCard *)')).first();
  }

  /**
   * Sends a message in the current chat. Outside the personal chat the bot is @mentioned first
   * (the playground only forwards mentioning messages there); `mention: false` sends plain text.
   */
  async send(text: string, options: { mention?: boolean } = {}): Promise<void> {
    await this.remember();
    const inPersonal = this.chat === 'personal';
    const mention = options.mention ?? !inPersonal;
    const box = this.composer();
    await box.click();
    if (mention) {
      await this.page.keyboard.type('@');
      await this.page.getByRole('menuitem', { name: PLAYGROUND_BOT_NAME }).click();
      await this.page.keyboard.type(' ');
    }
    await this.page.keyboard.type(text);
    if (typeof this.chat === 'object') await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    else await this.page.keyboard.press('Enter');
  }

  /**
   * Waits for a card containing `text` that was not there before the last send/click (a new card or
   * a card replaced by Action.Execute), and returns the newest such card (in a channel, where the
   * newest post is on top, the first one; elsewhere the last one).
   */
  async waitForCard(text: string, options: { timeoutMs?: number } = {}): Promise<Locator> {
    const seen = this.before.cards.filter((t) => normalise(t).includes(normalise(text))).length;
    await this.page.waitForFunction(browserCheck('cards', text, seen), undefined, { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT, polling: 200 });
    const matching = this.page.locator('.ac-adaptiveCard').filter({ hasText: text });
    return typeof this.chat === 'object' ? matching.first() : matching.last();
  }

  /** Waits until `text` occurs more often on the page than before the last send/click (plain replies). */
  async waitForText(text: string, options: { timeoutMs?: number } = {}): Promise<void> {
    const seen = countOccurrences(this.before.text, text);
    await this.page.waitForFunction(browserCheck('text', text, seen), undefined, { timeout: options.timeoutMs ?? DEFAULT_TIMEOUT, polling: 200 });
  }

  /**
   * Clicks a card button by its title: in `card` when given, else in the last card on the page that
   * has such a button.
   */
  async clickCardButton(title: string, options: { card?: Locator } = {}): Promise<void> {
    const card = options.card ?? this.page.locator('.ac-adaptiveCard').filter({ has: this.page.getByRole('button', { name: title, exact: true }) }).last();
    await this.remember();
    await card.getByRole('button', { name: title, exact: true }).first().click();
  }

  /**
   * Saves test-output/e2e/<test>/NN-<step>.png: the full page, or with `card` only that card (the
   * whole card, also when it is taller than the chat pane).
   */
  async screenshot(step: string, options: { card?: Locator } = {}): Promise<string> {
    this.step += 1;
    const name = `${String(this.step).padStart(2, '0')}-${step.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}.png`;
    const file = path.join(this.screenshotsTo, name);
    if (options.card) await this.cardScreenshot(options.card, file);
    else await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  /**
   * The chat pane scrolls inside a fixed page, so a card taller than the pane cannot be captured as
   * it is: the page is made tall enough for the whole card for the moment of the screenshot.
   */
  private async cardScreenshot(card: Locator, file: string): Promise<void> {
    const viewport = this.page.viewportSize() ?? { width: 1400, height: 900 };
    const box = await card.boundingBox();
    const needed = Math.ceil((box?.height ?? 0) + 300);
    if (needed > viewport.height) await this.page.setViewportSize({ width: viewport.width, height: Math.min(needed, 15_000) });
    try {
      await card.scrollIntoViewIfNeeded();
      // A chart grows in on first show (the client's own animation, no card setting stops it):
      // let it finish, so the screenshot shows the chart as a director reads it, not half drawn.
      if ((await card.locator('svg rect').count()) > 0) await this.page.waitForTimeout(CHART_SETTLE_MS);
      await card.screenshot({ path: file });
    } finally {
      if (needed > viewport.height) await this.page.setViewportSize(viewport);
    }
  }

  /** The newest card on the page containing `text` (no waiting for a new one; see waitForCard). */
  latestCard(text: string): Locator {
    const matching = this.page.locator('.ac-adaptiveCard').filter({ hasText: text });
    return typeof this.chat === 'object' ? matching.first() : matching.last();
  }

  /**
   * The input of a card whose label starts with `question` (the label of an Input.ChoiceSet,
   * Input.Text, ...). The playground renders inputs with generated ids; each input's label is a
   * `<label for=...>` pointing at the input (or, for an expanded ChoiceSet, at its group).
   */
  async cardInput(card: Locator, question: string): Promise<Locator> {
    const label = card.locator('label.ac-richTextBlock[for]').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(question)}`) });
    const count = await label.count();
    if (count !== 1) throw new Error(`expected one input labelled "${question}…" in the card, found ${count}`);
    const id = await label.getAttribute('for');
    return card.locator(`[id="${id}"]`);
  }

  /**
   * Picks `option` in an expanded Input.ChoiceSet (radio buttons or checkboxes) by clicking its label,
   * as a person does; a checkbox that is already ticked stays ticked.
   */
  async choose(card: Locator, question: string, option: string): Promise<void> {
    const input = await this.optionInput(card, question, option);
    if (await input.isChecked()) return;
    const id = await input.getAttribute('id');
    await card.locator(`label[for="${id}"]`).click();
    if (!(await input.isChecked())) throw new Error(`clicking "${option}" (question "${question}…") did not select it`);
  }

  /** Whether `option` is selected in an expanded Input.ChoiceSet. */
  async isChosen(card: Locator, question: string, option: string): Promise<boolean> {
    return (await this.optionInput(card, question, option)).isChecked();
  }

  /** Picks `option` in a compact Input.ChoiceSet (a dropdown): opens it and clicks the option. */
  async selectInDropdown(card: Locator, question: string, option: string): Promise<void> {
    const input = await this.cardInput(card, question);
    await input.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.waitForFunction(
      `(() => { const e = document.getElementById(${JSON.stringify(await input.getAttribute('id'))}); return !!e && e.value === ${JSON.stringify(option)}; })()`,
      undefined,
      { timeout: DEFAULT_TIMEOUT, polling: 100 },
    );
  }

  /** The radio/checkbox input of `option` in the expanded ChoiceSet labelled `question`. */
  private async optionInput(card: Locator, question: string, option: string): Promise<Locator> {
    const group = await this.cardInput(card, question);
    const label = group.locator('label[for]').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(option)}\\s*$`) });
    const count = await label.count();
    if (count !== 1) throw new Error(`expected one option "${option}" for "${question}…", found ${count}`);
    return group.locator(`input[id="${await label.getAttribute('for')}"]`);
  }

  /** Resizes the window, e.g. to a laptop (1280×800) or a phone (390×844), and waits until the chat settles. */
  async resize(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(size);
    await this.settled();
  }

  /**
   * Waits until the chat pane has stopped scrolling (the playground scrolls a new or replaced card
   * into view after it renders), so a measurement sees what the person sees.
   */
  async settled(): Promise<void> {
    await this.page.evaluate('window.__poolsterStable = 0; window.__poolsterScroll = undefined;');
    await this.page.waitForFunction(SETTLED_JS, undefined, { timeout: DEFAULT_TIMEOUT, polling: 100 });
  }

  /**
   * Where `target` is against the part of the chat that is visible: the chat pane (the element
   * that scrolls the messages) clipped to the browser window. Boxes are in window pixels.
   * Below ~800 px the playground's page does not reflow but scrolls sideways; clicking an option
   * (as a person, or Playwright bringing it into view) may leave it scrolled: the page is put back
   * at its left edge first, where a person reading a new step starts. Vertical scrolling, which the
   * bot's cards decide, is left exactly as the playground put it.
   */
  async placeInView(target: Locator): Promise<{ box: Box; visible: Box; vertically: boolean; leftEdge: boolean }> {
    await this.page.evaluate('window.scrollTo(0, window.scrollY)');
    await this.settled();
    const measured = (await target.evaluate(PLACE_FN as (el: unknown) => unknown)) as { box: Box; visible: Box };
    const { box, visible } = measured;
    return {
      ...measured,
      vertically: box.top >= visible.top - 0.5 && box.bottom <= visible.bottom + 0.5,
      leftEdge: box.left >= visible.left - 0.5 && box.left < visible.right,
    };
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  private async remember(): Promise<void> {
    this.before = (await this.page.evaluate(SNAPSHOT_JS)) as { cards: string[]; text: string };
  }
}

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The element's box, and the visible part of its scrolling chat pane within the window. */
const PLACE_FN = new Function(
  'el',
  `let pane = el.parentElement;
  while (pane && !(/(auto|scroll)/.test(getComputedStyle(pane).overflowY) && pane.scrollHeight > pane.clientHeight)) pane = pane.parentElement;
  const r = el.getBoundingClientRect();
  const p = pane ? pane.getBoundingClientRect() : { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
  return {
    box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
    visible: { top: Math.max(p.top, 0), bottom: Math.min(p.bottom, innerHeight), left: Math.max(p.left, 0), right: Math.min(p.right, innerWidth) },
  };`,
);

/** True once every scrolling element kept its scroll position over three polls. */
const SETTLED_JS = `(() => {
  const panes = Array.from(document.querySelectorAll('*')).filter((e) => e.scrollHeight > e.clientHeight && /(auto|scroll)/.test(getComputedStyle(e).overflowY));
  const now = panes.map((e) => e.scrollTop + ':' + e.scrollHeight).join('|');
  const w = window;
  if (w.__poolsterScroll === now) w.__poolsterStable = (w.__poolsterStable || 0) + 1;
  else { w.__poolsterScroll = now; w.__poolsterStable = 0; }
  return w.__poolsterStable >= 3;
})()`;

// Browser-side code as strings: the test code is transpiled by tsx, whose helpers (e.g. __name)
// do not exist in the page, and the project's TypeScript has no DOM types.
const SNAPSHOT_JS = `({
  cards: Array.from(document.querySelectorAll('.ac-adaptiveCard')).map((c) => c.innerText),
  text: document.body.innerText,
})`;

/** An expression that is true once `wanted` occurs in more cards (or more often in the page) than `seenBefore`. */
function browserCheck(where: 'cards' | 'text', wanted: string, seenBefore: number): string {
  return `(() => {
    const norm = (s) => s.replace(/\\s+/g, ' ').trim();
    const wanted = norm(${JSON.stringify(wanted)});
    if (${JSON.stringify(where)} === 'cards') {
      const cards = Array.from(document.querySelectorAll('.ac-adaptiveCard'));
      return cards.filter((c) => norm(c.innerText).includes(wanted)).length > ${seenBefore};
    }
    const body = norm(document.body.innerText);
    let count = 0;
    for (let i = body.indexOf(wanted); i !== -1; i = body.indexOf(wanted, i + wanted.length)) count += 1;
    return count > ${seenBefore};
  })()`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function countOccurrences(haystack: string, needle: string): number {
  const h = haystack.replace(/\s+/g, ' ');
  const n = needle.replace(/\s+/g, ' ');
  let count = 0;
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) count += 1;
  return count;
}

// ---------------------------------------------------------------------------------------------
// A whole e2e suite

/**
 * The bot's settings in an end-to-end spec: development mode on the run's Azurite (started by the
 * root hooks), fresh tables under `tablePrefix`, no scheduler, logs silent unless asked for.
 */
export function e2eBotConfig(options: { demoData: boolean; tablePrefix: string }): ReturnType<typeof loadConfig> {
  const storage = process.env.POOLSTER_TEST_STORAGE;
  if (!storage) throw new Error('the root hooks start Azurite (test/support/hooks.ts)');
  return loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    STORAGE_CONNECTION_STRING: storage,
    TABLE_PREFIX: `${options.tablePrefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`,
    LOG_LEVEL: process.env.POOLSTER_TEST_LOG ?? 'silent',
    LOG_FORMAT: 'json',
    SCHEDULER: 'false',
    DEMO_DATA: String(options.demoData),
  });
}

/**
 * Call inside a `describe`: starts the bot (on the run's Azurite, a fresh table prefix), the
 * playground and Chromium before the suite, screenshots a failed test, and stops everything after.
 */
export function e2eSuite(options: { demoData: boolean }): {
  /** A new page on the playground; `keepScreenshots`: a second page of the same test adds to its screenshots. */
  openUi(testTitle: string, options?: { keepScreenshots?: boolean }): Promise<PlaygroundUi>;
  /** Stops the playground and starts it again on the same port: every conversation it knew is gone. */
  restartPlayground(): Promise<void>;
} {
  let poolster: Poolster | undefined;
  let playground: PlaygroundHandle | undefined;
  let browser: Browser | undefined;
  let ui: PlaygroundUi | undefined;

  before(async function () {
    this.timeout(120_000);
    requireChromium();
    const config = e2eBotConfig({ demoData: options.demoData, tablePrefix: 'e2e' });
    poolster = await startPoolster(config, { logger: pino({ level: config.log.level }) });
    playground = await startPlayground({ botEndpoint: `${poolster.url}/api/messages` });
    browser = await launchBrowser();
  });

  afterEach(async function () {
    if (ui && this.currentTest?.state === 'failed') await ui.screenshot('failure').catch(() => undefined);
    await ui?.close().catch(() => undefined);
    ui = undefined;
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close().catch(() => undefined);
    await playground?.stop();
    await poolster?.close();
  });

  return {
    async openUi(testTitle, openOptions = {}) {
      if (!browser || !playground) throw new Error('the e2e suite did not start');
      ui = await PlaygroundUi.open(browser, playground.url, screenshotDir(testTitle, { keep: openOptions.keepScreenshots ?? false }));
      return ui;
    },
    async restartPlayground() {
      if (!poolster || !playground) throw new Error('the e2e suite did not start');
      const port = playground.port;
      await playground.stop();
      playground = await startPlayground({ botEndpoint: `${poolster.url}/api/messages`, port });
    },
  };
}
