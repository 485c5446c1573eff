// The emulator core: owns the clock, store, event bus and the hono app.
// Routes live in routes/*.ts; extensions (simulation, log streams, webhook
// delivery, fault injection) plug in through `Extension` (see extensions.ts).
import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { Clock } from './clock.js';
import { ApiError, err } from './errors.js';
import { envInt } from './env.js';
import { EventBus } from './events.js';
import type { AccountRec, LogEntry } from './model.js';
import { DataDirError, FilePersistence, MemoryPersistence, type Persistence } from './persistence.js';
import { HostCheck, type ServedAddress } from './request-guard.js';
import { applySeed, DEFAULT_SEED, parseSeed } from './seed.js';
import { Store } from './store.js';

export type Env = { Variables: { account: AccountRec; token: string; rateLimitHeaders: Record<string, string> } };
export type App = Hono<Env>;

export interface Extension {
  name: string;
  /** Register middleware; runs before the core routes are registered. */
  middleware?(emu: Emulator, app: App): void;
  /** Register extra routes; runs after the core routes. */
  routes?(emu: Emulator, app: App): void;
  /** Called once the server listens. */
  start?(emu: Emulator): void | Promise<void>;
  /** Called on shutdown. */
  stop?(emu: Emulator): void | Promise<void>;
}

export interface EmulatorOptions {
  /** Data directory; null or undefined = in-memory only. */
  dataDir?: string | null;
  /** Seed used when the data dir is new and by POST /_emulator/reset. */
  seed?: unknown;
  /** Access-token lifetime in seconds (default 3600). */
  tokenTtl?: number;
  /** Requests per second per token (default 10000). */
  rateLimit?: number;
  /** Journal transactions after which the journal is folded into state.json
   * (default $IMPT_EMULATOR_FOLD_AFTER, else 5000). */
  foldAfter?: number;
  /** Size of the state at which requests that would add to it are refused
   * (default $IMPT_EMULATOR_MAX_STATE_MB MiB, else 256 MiB). */
  maxStateBytes?: number;
  extensions?: Extension[];
  /** Directory of the libraries `#require` links (imp runtime). */
  libDir?: string | null;
  /** Agents' outgoing HTTP may reach any host, not only loopback. */
  agentInternet?: boolean;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  at: string;
}

export const MAX_REQUEST_LOG = 100_000;
/** Highest IMPT_EMULATOR_MAX_STATE_MB: well below the longest string (512 MiB), which state.json is read as. */
export const MAX_STATE_MB = 400;
export const API_CONTENT_TYPE = 'application/vnd.api+json';

export class Emulator {
  readonly clock = new Clock();
  readonly events = new EventBus();
  readonly store: Store;
  readonly app: App = new Hono<Env>();
  readonly tokenTtl: number;
  readonly rateLimit: number;
  readonly extensions: Extension[];
  readonly requests: RequestLogEntry[] = [];
  /** Checks of a new deployment's code; each throws an ApiError to refuse it (the imp runtime's compile check). */
  readonly codeChecks: ((code: { device_code: string; agent_code: string }) => void)[] = [];
  readonly imp: { libDir: string | null; agentInternet: boolean };
  /** http://host:port the server listens on (set by startServer; agent URLs). */
  origin = 'http://127.0.0.1';
  private readonly persistence: Persistence;
  private seed: unknown = DEFAULT_SEED;
  private readonly windows = new Map<string, { start: number; count: number }>();
  private served = new HostCheck(null);

  constructor(opts: EmulatorOptions = {}) {
    this.persistence = opts.dataDir ? new FilePersistence(opts.dataDir) : new MemoryPersistence();
    const maxStateMb = envInt('IMPT_EMULATOR_MAX_STATE_MB', 1, MAX_STATE_MB);
    this.store = new Store(this.persistence, {
      foldAfter: opts.foldAfter ?? envInt('IMPT_EMULATOR_FOLD_AFTER', 1, 1_000_000_000),
      maxStateBytes: opts.maxStateBytes ?? (maxStateMb === undefined ? undefined : maxStateMb * 2 ** 20),
    });
    this.tokenTtl = opts.tokenTtl ?? 3600;
    this.rateLimit = opts.rateLimit ?? 10_000;
    this.extensions = opts.extensions ?? [];
    this.imp = { libDir: opts.libDir ?? null, agentInternet: opts.agentInternet ?? false };
    try {
      const stored = this.persistence.readSeed();
      this.seed = opts.seed ?? stored ?? DEFAULT_SEED;
      if (opts.seed === undefined && stored !== undefined) {
        try {
          parseSeed(stored);
        } catch (e) {
          throw new DataDirError(`cannot use data dir ${opts.dataDir}: seed.json: ${(e as Error).message}`);
        }
      }
      parseSeed(this.seed); // fail fast on a bad seed
      // the emulated clock goes on where it was (expired tokens stay expired)
      this.clock.advance(this.persistence.readClockOffset());
      if (!this.store.load()) this.seedStore();
      if (stored === undefined || opts.seed !== undefined) this.persistence.writeSeed(this.seed);
    } catch (e) {
      this.persistence.close(); // gives the data dir back
      if (!opts.dataDir || e instanceof DataDirError || (e as Error).message.startsWith('invalid seed:')) throw e;
      throw new DataDirError(`cannot use data dir ${opts.dataDir}: ${(e as Error).message}`);
    }
  }

  /** Where the server listens: requests must name it in Host (see request-guard.ts). */
  serveAt(addr: ServedAddress): void {
    this.served = new HostCheck(addr);
  }

  hostCheck(): HostCheck {
    return this.served;
  }

  /** Moves emulated time forward by `ms`; the offset is kept in the data dir. */
  advanceClock(ms: number): void {
    this.clock.advance(ms);
    this.persistence.writeClockOffset(this.clock.offsetMs());
    this.events.emit('clock.advanced', { ms });
  }

  /** Current emulated time (use instead of Date.now()). */
  now(): Date {
    return this.clock.now();
  }

  iso(): string {
    return this.clock.iso();
  }

  /** Stores a historical log line of a device and announces it. */
  appendLog(deviceId: string, line: string | (Partial<LogEntry> & { msg: string })): LogEntry {
    const entry: LogEntry =
      typeof line === 'string'
        ? { ts: this.iso(), type: 'server.log', msg: line }
        : { ts: line.ts ?? this.iso(), type: line.type ?? 'server.log', msg: line.msg };
    this.store.appendLog(deviceId, entry); // not kept when the state is far above its limit; streamed all the same
    this.events.emit('log.appended', { deviceId, entry });
    return entry;
  }

  /** Back to the seed: wipes every entity, token and log. */
  reset(): void {
    this.seedStore();
    this.requests.length = 0;
    this.windows.clear();
    this.events.emit('emulator.reset', {});
  }

  private seedStore(): void {
    this.store.clearMemory();
    applySeed(this.store, this.clock, this.seed);
    if (this.store.isFull()) {
      const mb = (n: number) => `${Math.ceil(n / 2 ** 20)} MiB`;
      throw new Error(`invalid seed: its state (${mb(this.store.stateBytes())}) is above the limit of ${mb(this.store.maxStateBytes)} (IMPT_EMULATOR_MAX_STATE_MB)`);
    }
    this.store.compact();
  }

  /** Account ids whose entities `account` may see: itself and its collaborations. */
  visibleOwners(account: AccountRec): Set<string> {
    return new Set([account.id, ...account.collaborates_on]);
  }

  canSee(account: AccountRec, ownerId: string): boolean {
    return ownerId === account.id || account.collaborates_on.includes(ownerId);
  }

  /** Looks up a bearer token; undefined when unknown or expired. */
  accountForToken(token: string): AccountRec | undefined {
    const rec = this.store.get('access_tokens', token);
    if (!rec || rec.expires_at_ms <= this.clock.nowMs()) return undefined;
    return this.store.get('accounts', rec.account_id);
  }

  // ---- middleware --------------------------------------------------------

  /** Request log, standard headers, rate limit, durable commit. */
  apiFrame(): MiddlewareHandler<Env> {
    return async (c, next) => {
      const auth = c.req.header('authorization');
      const key = auth?.startsWith('Bearer ') ? auth.slice(7) : 'anonymous';
      const nowMs = this.clock.nowMs();
      let w = this.windows.get(key);
      if (!w || nowMs - w.start >= 1000) {
        w = { start: nowMs, count: 0 };
        this.windows.set(key, w);
        if (this.windows.size > 10_000) this.pruneWindows(nowMs);
      }
      w.count++;
      const rateLimitHeaders = {
        'X-RateLimit-Limit': String(this.rateLimit),
        'X-RateLimit-Remaining': String(Math.max(0, this.rateLimit - w.count)),
        'X-RateLimit-Reset': String(Math.max(1, Math.ceil((w.start + 1000 - nowMs) / 1000))),
      };
      // for handlers that write their response themselves (log-stream feed)
      c.set('rateLimitHeaders', rateLimitHeaders);
      if (w.count > this.rateLimit) {
        c.res = renderError(c, err.rateLimited());
      } else {
        await next();
      }
      // the request's changes are durable before its answer leaves
      const failed = await this.commitFailure();
      if (failed) c.res = renderError(c, err.internal(failed));
      const res = c.res;
      for (const [k, v] of Object.entries(rateLimitHeaders)) res.headers.set(k, v);
      if (res.status === 429) res.headers.set('Retry-After', '1');
      if (res.status !== 204) res.headers.set('content-type', API_CONTENT_TYPE);
      res.headers.set('accept', API_CONTENT_TYPE); // as on the real service's responses
      const url = c.req.url;
      const qi = url.indexOf('?');
      const path = new URL(url).pathname.replace(/^\/v5(?=\/|$)/, '') || '/';
      if (this.requests.length >= MAX_REQUEST_LOG) this.requests.shift();
      this.requests.push({
        method: c.req.method,
        path,
        query: qi >= 0 ? url.slice(qi + 1) : '',
        status: res.status,
        at: this.iso(),
      });
    };
  }

  /** The frame of the admin routes: their changes are durable before the answer leaves. */
  adminFrame(): MiddlewareHandler<Env> {
    return async (c, next) => {
      await next();
      const failed = await this.commitFailure();
      if (failed) c.res = c.json({ error: `cannot save the change: ${failed}` }, 500);
    };
  }

  /** Commits the changes made so far; the problem when they could not be written. */
  private async commitFailure(): Promise<string | undefined> {
    try {
      await this.store.commit();
      return undefined;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      console.error(`impt-emulator: cannot write the journal: ${message}`);
      return message;
    }
  }

  private pruneWindows(nowMs: number): void {
    for (const [k, v] of this.windows) if (nowMs - v.start >= 1000) this.windows.delete(k);
  }

  /** Requires a valid bearer token except on the public auth/log-stream routes. */
  authGuard(): MiddlewareHandler<Env> {
    return async (c, next) => {
      const path = new URL(c.req.url).pathname;
      if (path === '/v5/auth' || path === '/v5/auth/token') return next();
      if (c.req.method === 'GET' && /^\/v5\/logstream\/[^/]+\/?$/.test(path)) return next();
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(.+)$/i.exec(auth);
      const account = m ? this.accountForToken(m[1]!.trim()) : undefined;
      if (!m || !account) throw err.unauthorized();
      c.set('account', account);
      c.set('token', m[1]!.trim());
      return next();
    };
  }

  /** Writes what is left and gives the data dir back. */
  async close(): Promise<void> {
    try {
      await this.store.close();
    } finally {
      this.persistence.close();
    }
  }
}

export function renderError(c: Context, e: ApiError): Response {
  return c.body(JSON.stringify({ errors: e.errors }), e.status as 400, { 'content-type': API_CONTENT_TYPE });
}

export function json(c: Context, body: unknown, status = 200): Response {
  return c.body(JSON.stringify(body), status as 200, { 'content-type': API_CONTENT_TYPE });
}

export function noContent(c: Context): Response {
  return c.body(null, 204);
}

/** The authenticated account of the request. */
export function me(c: Context<Env>): AccountRec {
  return c.get('account');
}
