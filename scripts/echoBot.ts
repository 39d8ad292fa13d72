/**
 * The framework floor for `npm run bench`: a bare botbuilder bot on restify that echoes messages
 * and answers card actions with a small card. No storage, no teams-ai.
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer();
server.use(restify.plugins.bodyParser({ mapParams: false }));

const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] };

async function logic(context: TurnContext): Promise<void> {
  if (context.activity.type === 'message') {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
  } else if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } } });
  }
}

server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, logic);
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
