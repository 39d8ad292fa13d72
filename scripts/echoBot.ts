/**
 * The framework floor for `npm run bench`: a bare botbuilder bot on restify that echoes messages
 * and answers card actions with a small card. No teams-ai.
 *
 * With ECHO_STORAGE (a table connection string) it is the storage floor instead: each card action
 * first writes what an answered survey card writes (one entity-group transaction of an answer row
 * and a participant row, with the card's form data) and then answers. The gap between Poolster and
 * this floor is what Poolster adds on top of saving every click.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { TableClient } from '@azure/data-tables';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));

const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] };
const table = process.env.ECHO_STORAGE
  ? TableClient.fromConnectionString(process.env.ECHO_STORAGE, 'EchoFloor', { allowInsecureConnection: true })
  : undefined;

async function saveClick(context: TurnContext): Promise<void> {
  if (!table) return;
  const partitionKey = context.activity.conversation.id.replace(/[^A-Za-z0-9-]/g, '');
  const userKey = context.activity.from.aadObjectId ?? 'user';
  await table.submitTransaction([
    ['upsert', { partitionKey, rowKey: `${userKey}~b`, form: JSON.stringify(context.activity.value?.action?.data ?? {}), complete: true }, 'Replace'],
    ['upsert', { partitionKey, rowKey: `${userKey}~p`, position: 'next' }, 'Replace'],
  ]);
}

async function logic(context: TurnContext): Promise<void> {
  if (context.activity.type === 'message') {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  } else if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
    await saveClick(context);
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } });
  }
}

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, logic);
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});

async function main(): Promise<void> {
  await table?.createTable();
  server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
}
main().catch((error: unknown) => {
  process.stderr.write(`echo bot failed: ${String(error)}\n`);
  process.exit(1);
});
