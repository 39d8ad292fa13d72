/**
 * The framework floor for `npm run bench`: a bare botbuilder bot on restify that echoes messages
 * and answers card actions with a small card. No teams-ai.
 *
 * With ECHO_STORAGE (a table connection string) it is the storage floor instead: the cheapest way
 * to make a click durable before answering. Each card action first writes one entity of about 2 KB
 * (the card's form data, the member's position, and filler standing in for earlier answers) with a
 * single conditional write: `updateEntity` in Replace mode with the ETag of the last write
 * (If-Match), as a bot that keeps each member's row in memory would; the member's first click writes
 * the row unconditionally. The gap between Poolster and this floor is what Poolster adds on top of saving every click.
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
/** The size the written entity is brought to (its string properties, in characters). */
const ENTITY_CHARS = 2_048;
/** The ETag of each member's row as last written by this process. */
const etags = new Map<string, string>();

async function saveClick(context: TurnContext): Promise<void> {
  if (!table) return;
  const partitionKey = context.activity.conversation.id.replace(/[^A-Za-z0-9-]/g, '');
  const rowKey = context.activity.from.aadObjectId ?? 'user';
  const form = JSON.stringify(context.activity.value?.action?.data ?? {});
  const position = 'next';
  const entity = { partitionKey, rowKey, position, form, earlier: 'x'.repeat(Math.max(0, ENTITY_CHARS - form.length - position.length)) };
  const key = `${partitionKey}\n${rowKey}`;
  const etag = etags.get(key);
  const written = etag ? await table.updateEntity(entity, 'Replace', { etag }) : await table.upsertEntity(entity, 'Replace');
  if (written.etag) etags.set(key, written.etag);
  else etags.delete(key);
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
