/**
 * A Bot Connector on loopback for whole-turn tests: records what the bot sends, answers
 * createConversation and member lookups, and can be told to fail (429 with Retry-After, 403, 5xx).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentActivity {
  conversationId: string;
  replyToId?: string;
  method: 'POST' | 'PUT';
  activity: Record<string, any>;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  /** Only for sends to this conversation (any when omitted). */
  conversationId?: string;
}

export class FakeConnector {
  readonly sent: SentActivity[] = [];
  readonly created: Array<Record<string, any>> = [];
  /** Members per conversation id, for getPagedMembers. */
  readonly members = new Map<string, Member[]>();
  private readonly faults: Fault[] = [];
  /** Conversations that answer 403 (bot removed or blocked). */
  readonly blocked = new Set<string>();
  requests = 0;
  private server?: http.Server;
  url = '';
  private counter = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next sends fail with these answers, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  sentTo(conversationId: string): Array<Record<string, any>> {
    return this.sent.filter((s) => s.conversationId === conversationId).map((s) => s.activity);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests += 1;
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const json = body ? (JSON.parse(body) as Record<string, any>) : {};
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    // /v3/conversations
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return reply(404, { error: 'unknown path' });
    if (parts.length === 2 && req.method === 'POST') {
      const member = (json.members?.[0] ?? {}) as { id?: string };
      if (member.id && this.blocked.has(member.id)) return reply(403, { error: { code: 'BotNotInConversationRoster' } });
      this.created.push(json);
      return reply(201, { id: `a:personal-${member.id ?? 'x'}`, activityId: `created-${++this.counter}` });
    }
    const conversationId = parts[2]!;
    if (parts[3] === 'pagedmembers' || parts[3] === 'members') {
      const members = this.members.get(conversationId) ?? [];
      if (parts[3] === 'pagedmembers') return reply(200, { members, continuationToken: undefined });
      return reply(200, members);
    }
    if (parts[3] === 'activities') {
      if (this.blocked.has(conversationId)) return reply(403, { error: { code: 'BotNotInConversationRoster' } });
      const faultIndex = this.faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
      if (faultIndex >= 0) {
        const [fault] = this.faults.splice(faultIndex, 1);
        const headers: Record<string, string> = fault!.retryAfterSeconds !== undefined ? { 'retry-after': String(fault!.retryAfterSeconds) } : {};
        return reply(fault!.status, { error: { code: 'Fault', message: 'injected' } }, headers);
      }
      const id = `act-${++this.counter}`;
      this.sent.push({ conversationId, replyToId: parts[4], method: req.method === 'PUT' ? 'PUT' : 'POST', activity: { ...json, id } });
      return reply(200, { id });
    }
    return reply(404, { error: 'unknown path' });
  }
}
