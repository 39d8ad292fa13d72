import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_VERBS, VERBS } from '../../cards/verbs';
import { startTestBot, type TestBot } from '../support/bot';
import { registeredRoutes } from '../trust/support';

describe('Card verbs live in one place', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot();
  });
  after(async () => bot.stop());

  it('registers exactly the verbs of cards/verbs.ts, each once (command.run by the router itself)', () => {
    const registered = [...registeredRoutes(bot).actions.map((a) => a.verb), VERBS.command.run];
    assert.deepEqual([...registered].sort(), [...ALL_VERBS].sort());
  });

  it('uses no verb in a card template that is not a registered verb', () => {
    const templates = path.resolve(__dirname, '../../cards/templates');
    const files = readdirSync(templates, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(path.join(templates, file), 'utf8');
      for (const match of text.matchAll(/"verb":\s*"([a-z]+\.[A-Za-z]+)"/g)) used.add(match[1]!);
    }
    assert.ok(used.size > 5, 'templates name verbs');
    const unknown = [...used].filter((verb) => !ALL_VERBS.includes(verb));
    assert.deepEqual(unknown, []);
  });
});
