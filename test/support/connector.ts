/**
 * A Bot Connector on loopback for whole-turn tests: records what the bot sends, answers
 * createConversation and member lookups, and can be told to fail (429 with Retry-After, 403, 5xx)
 * or to throttle like Teams (rate limits per conversation and per app, or every Nth request).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

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
  /** Which call fails: a send to a conversation (default) or createConversation. */
  on?: 'send' | 'create';
}

export interface RateLimit {
  windowMs: number;
  max: number;
}

/**
 * Throttling: a request over a limit is answered 429 with the Retry-After (whole seconds, at least
 * 1) after which the limit has room again; only accepted requests count towards the limits.
 */
export interface Throttling {
  /** Sends to one conversation (POST/PUT .../activities). */
  perConversation?: RateLimit[];
  /** Every request to the connector. */
  perApp?: RateLimit[];
  /**
   * Every Nth request (counted over all requests) is answered 429 with `retryAfterSeconds`; a retry
   * of a message it already answered so passes this rule (another sender's share of the budget is
   * used up once per message), so how often one message is refused never depends on timing.
   */
  everyNth?: number;
  retryAfterSeconds?: number;
}

/** Teams' documented limits for a bot: 7/s, 60/30 s and 1,800/h per conversation; 50 rps per app per tenant. */
export const TEAMS_RATE_LIMITS: Throttling = {
  perConversation: [
    { windowMs: 1_000, max: 7 },
    { windowMs: 30_000, max: 60 },
    { windowMs: 3_600_000, max: 1_800 },
  ],
  perApp: [{ windowMs: 1_000, max: 50 }],
};

export class FakeConnector {
  readonly sent: SentActivity[] = [];
  readonly created: Array<Record<string, any>> = [];
  /** Members per conversation id, for getPagedMembers. */
  readonly members = new Map<string, Member[]>();
  private readonly faults: Fault[] = [];
  /** Conversations that answer 403 (bot removed or blocked). */
  readonly blocked = new Set<string>();
  /** Conversations that answer 404 (the chat no longer exists: recreated, app reinstalled). */
  readonly gone = new Set<string>();
  requests = 0;
  /** Messages (method, path and body) the everyNth rule already answered 429. */
  private readonly refusedOnce = new Set<string>();
  /** 429 answers given (injected faults and throttling). */
  throttled = 0;
  /** Requests per answered status. */
  readonly statuses = new Map<number, number>();
  throttling?: Throttling;
  private readonly appLog: number[] = [];
  private readonly conversationLog = new Map<string, number[]>();
  private server?: http.Server;
  private readonly entrances: http.Server[] = [];
  /**
   * Asked before a send to a conversation is answered; 'hold' leaves the request unanswered and
   * unrecorded (the sender is about to die: "after some were sent, before the rest"). `entrance`
   * names the URL the request came in through (see addEntrance), '' for the main one.
   */
  beforeSend?: (conversationId: string, entrance: string) => 'hold' | undefined;
  url = '';
  private counter = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    for (const server of [this.server, ...this.entrances]) {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve());
    }
  }

  /** A second URL to the same connector, so a test can tell one sender (process) from another. */
  async addEntrance(name: string): Promise<string> {
    const server = http.createServer((req, res) => void this.handle(req, res, name));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.entrances.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  /** The next sends fail with these answers, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Injected faults not used yet. */
  get pendingFaults(): number {
    return this.faults.length;
  }

  /** Seconds until `log` has room under `limits` at `now`, or 0 when it has room now. */
  private static waitFor(log: number[], limits: RateLimit[], now: number): number {
    let waitMs = 0;
    for (const limit of limits) {
      const inWindow = log.filter((t) => t > now - limit.windowMs);
      if (inWindow.length >= limit.max) waitMs = Math.max(waitMs, inWindow[inWindow.length - limit.max]! + limit.windowMs - now);
    }
    return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
  }

  /** Applies the throttling to a request; returns the Retry-After seconds of a 429, or 0 to go on. */
  private throttle(conversationId: string | undefined, messageKey: string): number {
    const t = this.throttling;
    if (!t) return 0;
    if (t.everyNth && this.requests % t.everyNth === 0 && !this.refusedOnce.has(messageKey)) {
      this.refusedOnce.add(messageKey);
      return t.retryAfterSeconds ?? 1;
    }
    const now = performance.now();
    const conversationLog = conversationId ? (this.conversationLog.get(conversationId) ?? []) : [];
    const wait = Math.max(FakeConnector.waitFor(this.appLog, t.perApp ?? [], now), conversationId ? FakeConnector.waitFor(conversationLog, t.perConversation ?? [], now) : 0);
    if (wait > 0) return wait;
    this.appLog.push(now);
    if (conversationId) {
      conversationLog.push(now);
      this.conversationLog.set(conversationId, conversationLog);
    }
    // Forget what no window looks at any more.
    const longest = Math.max(0, ...[...(t.perApp ?? []), ...(t.perConversation ?? [])].map((l) => l.windowMs));
    while (this.appLog.length > 0 && this.appLog[0]! <= now - longest) this.appLog.shift();
    return 0;
  }

  sentTo(conversationId: string): Array<Record<string, any>> {
    return this.sent.filter((s) => s.conversationId === conversationId).map((s) => s.activity);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, entrance = ''): Promise<void> {
    this.requests += 1;
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const json = body ? (JSON.parse(body) as Record<string, any>) : {};
    const url = new URL(req.url ?? '/', 'http://x');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
      if (status === 429) this.throttled += 1;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    // /v3/conversations
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return reply(404, { error: 'unknown path' });
    const isSend = parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT');
    const retryAfter = this.throttle(isSend ? parts[2] : undefined, `${req.method} ${url.pathname} ${body}`);
    if (retryAfter > 0) return reply(429, { error: { code: 'Throttled', message: 'too many requests' } }, { 'retry-after': String(retryAfter) });
    const injected = (on: 'send' | 'create', conversationId?: string) => {
      const index = this.faults.findIndex((f) => (f.on ?? 'send') === on && (!f.conversationId || f.conversationId === conversationId));
      if (index < 0) return false;
      const [fault] = this.faults.splice(index, 1);
      const headers: Record<string, string> = fault!.retryAfterSeconds !== undefined ? { 'retry-after': String(fault!.retryAfterSeconds) } : {};
      reply(fault!.status, { error: { code: 'Fault', message: 'injected' } }, headers);
      return true;
    };
    if (parts.length === 2 && req.method === 'POST') {
      const member = (json.members?.[0] ?? {}) as { id?: string };
      if (member.id && this.blocked.has(member.id)) return reply(403, { error: { code: 'BotNotInConversationRoster' } });
      if (injected('create')) return;
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
      if (this.gone.has(conversationId)) return reply(404, { error: { code: 'ConversationNotFound' } });
      if (injected('send', conversationId)) return;
      if (this.beforeSend?.(conversationId, entrance) === 'hold') return;
      const id = `act-${++this.counter}`;
      this.sent.push({ conversationId, replyToId: parts[4], method: req.method === 'PUT' ? 'PUT' : 'POST', activity: { ...json, id } });
      return reply(200, { id });
    }
    return reply(404, { error: 'unknown path' });
  }
}
