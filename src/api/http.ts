// The HTTP layer of the impCentral client: one axios instance per endpoint,
// bearer token with one refresh + retry on 401, the retry policy of
// DIFFERENCES F4/F5, proxies from the environment (never for loopback) and a
// debug hook that never shows secrets.
import axios, { AxiosError, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse, type Method } from 'axios';
import { ImpCentralApiError, RateLimitError, TransportError, UnexpectedResponseError } from './errors.js';
import { ErrorDocument, ListDocument, SingleDocument, type Resource } from './wire.js';
import { axiosProxy, type ProxyEnv } from './proxy.js';
import { hideLoginKeyIds, hideSecrets } from './secrets.js';

export const JSON_API = 'application/vnd.api+json';
export const DEFAULT_ENDPOINT = 'https://api.electricimp.com/v5';

export interface TokenSource {
  /** the current access token (refreshed ahead of expiry by the owner) */
  token(): Promise<string>;
  /**
   * called once after a 401 with the token that was refused; returns a fresh
   * token (or the current one, when another request already replaced it)
   */
  refresh(rejected?: string): Promise<string>;
}

export interface HttpOptions {
  endpoint: string;
  userAgent: string;
  tokens?: TokenSource;
  /** receives human-readable request/response dumps with secrets hidden */
  debug?: (text: string) => void;
  /** total time budget for 429 retries, ms (default 60 s) */
  rateLimitBudgetMs?: number;
  /** base delay for connection-error retries, ms */
  retryBaseMs?: number;
  /** limit for one attempt of a request, from sending it to the end of the answer, ms (default 60 s) */
  timeoutMs?: number;
  /** told when a request starts and ends (progress indicators) */
  onActivity?: (active: boolean) => void;
  /** receives the warning objects a successful answer carries in `data.meta` */
  onWarnings?: (warnings: unknown[]) => void;
  sleep?: (ms: number) => Promise<void>;
  /** where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default: the process's environment) */
  env?: ProxyEnv;
}

export type Query = Record<string, string | number | boolean | undefined | Array<string | number>>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  /** auth endpoints: plain JSON, no bearer token */
  anonymous?: boolean;
}

export function serializeQuery(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => params.append(k, String(x)));
    else params.append(k, String(v));
  }
  return params.toString();
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Http {
  private readonly ax: AxiosInstance;
  private readonly opts: HttpOptions;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(opts: HttpOptions) {
    this.opts = opts;
    this.sleep = opts.sleep ?? sleepReal;
    this.ax = axios.create({
      // Node's http module; the fetch and xhr adapters are not bundled (scripts/build.mjs)
      adapter: 'http',
      baseURL: opts.endpoint.replace(/\/+$/, ''),
      timeout: opts.timeoutMs ?? 60_000,
      validateStatus: () => true,
      headers: { 'User-Agent': opts.userAgent, Accept: JSON_API },
      proxy: axiosProxy(opts.endpoint, opts.env),
      paramsSerializer: { serialize: (p) => serializeQuery(p as Query) },
      transitional: { clarifyTimeoutError: true },
    });
  }

  get endpoint(): string {
    return this.opts.endpoint;
  }

  /** One request with refresh-on-401 and the retry policy; returns the parsed body. */
  async request(method: Method, path: string, ro: RequestOptions = {}): Promise<unknown> {
    let refreshed = false;
    const started = Date.now();
    let rateLimitTries = 0;
    let rateLimitWaited = 0;
    let transportTries = 0;
    // an attempt may have reached the server although its answer never came
    let lostAnswer = false;
    const idempotent = method.toUpperCase() !== 'POST';
    const timeout = this.opts.timeoutMs ?? 60_000;
    for (;;) {
      const headers: Record<string, string> = { 'Content-Type': ro.anonymous ? 'application/json' : JSON_API, ...ro.headers };
      // the token first: a login it needs fails on its own URL (`Invalid URI "«endpoint»/auth"`)
      const token = !ro.anonymous && this.opts.tokens ? await this.opts.tokens.token() : undefined;
      if (token !== undefined) headers.Authorization = `Bearer ${token}`;
      this.checkUrl(path);
      // axios' own timeout only notices a silent socket: an answer that
      // stalls after its headers, or trickles, must end too
      const deadline = AbortSignal.timeout(timeout);
      const config: AxiosRequestConfig = { method, url: path, params: ro.query, data: ro.body, headers, signal: deadline };
      let res: AxiosResponse;
      try {
        this.dumpRequest(config);
        this.opts.onActivity?.(true);
        res = await this.ax.request(config).finally(() => this.opts.onActivity?.(false));
      } catch (e) {
        const err = deadline.aborted ? new TransportError(`Error: timeout of ${timeout}ms exceeded`, 'ETIMEDOUT') : toTransportError(e);
        this.dump(`ERROR: ${err.message}`, path);
        if (!err.neverSent) lostAnswer = true;
        if (idempotent && transportTries < 2) {
          transportTries++;
          await this.sleep(this.backoff(transportTries));
          continue;
        }
        // a POST is never sent twice; retries of other changes ran out
        if (lostAnswer && method.toUpperCase() !== 'GET') err.unanswered = { method: method.toUpperCase(), path };
        throw err;
      }
      this.dumpResponse(res, path);
      if (res.status >= 200 && res.status < 300) {
        const meta = (res.data as { data?: { meta?: unknown } } | undefined)?.data?.meta;
        if (Array.isArray(meta) && meta.length) this.opts.onWarnings?.(meta);
        return res.data;
      }
      if (res.status === 401 && !refreshed && !ro.anonymous && this.opts.tokens) {
        refreshed = true;
        await this.opts.tokens.refresh(token);
        continue;
      }
      if (res.status === 429) {
        rateLimitTries++;
        const wait = retryAfterMs(res, rateLimitTries);
        const budget = this.opts.rateLimitBudgetMs ?? 60_000;
        // the budget counts the waits themselves too, so an injected sleep cannot loop forever
        const spent = Math.max(Date.now() - started, rateLimitWaited);
        if (spent + wait > budget) throw new RateLimitError();
        rateLimitWaited += wait;
        await this.sleep(wait);
        continue;
      }
      if (idempotent && [502, 503, 504].includes(res.status) && transportTries < 2) {
        transportTries++;
        // a gateway that timed out may have passed the request on
        if (res.status === 504) lostAnswer = true;
        await this.sleep(this.backoff(transportTries));
        continue;
      }
      const err = toApiError(res, method, path);
      err.afterLostAnswer = lostAnswer;
      this.dump(`ERROR: HTTP/${res.status}${err.errors.length ? `: ${err.title ?? ''}: ${err.detail ?? ''}` : ''}`, path);
      throw err;
    }
  }

  /** impt 2.6.1 reports an unusable endpoint as `Invalid URI "«endpoint»«path»"`, without sending anything. */
  private checkUrl(path: string): void {
    const full = `${this.opts.endpoint.replace(/\/+$/, '')}${path}`;
    if (!URL.canParse(full)) throw new TransportError(`Error: Invalid URI "${full}"`, 'ERR_INVALID_URL');
  }

  private backoff(attempt: number): number {
    const base = this.opts.retryBaseMs ?? 250;
    return base * 2 ** (attempt - 1) + Math.floor(Math.random() * base);
  }

  async get(path: string, query?: Query): Promise<unknown> {
    return this.request('GET', path, { query });
  }

  /** GET of one resource document. */
  async getResource(path: string, query?: Query): Promise<Resource> {
    return parseSingle(await this.get(path, query));
  }

  /** Every item of a paged collection (`page[size]=100`, following `links.next`), de-duplicated by id. */
  async *iterate(path: string, query: Query = {}): AsyncGenerator<Resource> {
    const seen = new Set<string>();
    let next: string | undefined = path;
    let q: Query | undefined = { ...query, 'page[number]': 1, 'page[size]': 100 };
    while (next) {
      const doc = ListDocument.safeParse(await this.get(next, q));
      if (!doc.success) throw new UnexpectedResponseError(doc.error.message);
      for (const item of doc.data.data) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        yield item;
      }
      next = doc.data.links.next ? this.relative(doc.data.links.next) : undefined;
      q = undefined;
    }
  }

  async list(path: string, query: Query = {}): Promise<Resource[]> {
    const out: Resource[] = [];
    for await (const r of this.iterate(path, query)) out.push(r);
    return out;
  }

  /** `links.next` is absolute; requests go through the instance's base URL. */
  private relative(link: string): string {
    const base = this.opts.endpoint.replace(/\/+$/, '');
    return link.startsWith(base) ? link.slice(base.length) : link;
  }

  /** A debug dump about the request to `path`, secrets and login key ids hidden. */
  private dump(text: string, path: string, ...sources: unknown[]): void {
    this.opts.debug?.(hideLoginKeyIds(text, path, ...sources));
  }

  private dumpRequest(config: AxiosRequestConfig): void {
    if (!this.opts.debug) return;
    const shown = {
      method: config.method,
      url: `${this.opts.endpoint.replace(/\/+$/, '')}${config.url}`,
      params: config.params,
      headers: hideSecrets(config.headers),
      data: hideSecrets(config.data),
    };
    this.dump(`Doing the request with options:\n${JSON.stringify(shown, null, 2)}\n`, config.url ?? '', config.data);
  }

  private dumpResponse(res: AxiosResponse, path: string): void {
    if (!this.opts.debug) return;
    this.dump(
      `Response code: ${res.status}\nResponse headers: ${JSON.stringify(res.headers)}\nResponse body: ${JSON.stringify(hideSecrets(res.data), null, 2)}\n`,
      path,
      res.data,
    );
  }
}

export function parseSingle(body: unknown): Resource {
  const doc = SingleDocument.safeParse(body);
  if (!doc.success) throw new UnexpectedResponseError(doc.error.message);
  return doc.data.data;
}

/**
 * A doubling delay from 1 s up to 8 s, or longer when Retry-After (seconds
 * or an HTTP date), else X-RateLimit-Reset (seconds), asks for more.
 */
function retryAfterMs(res: AxiosResponse, attempt: number): number {
  const backoff = Math.min(1000 * 2 ** (attempt - 1), 8000);
  for (const h of ['retry-after', 'x-ratelimit-reset']) {
    const value = res.headers[h] as unknown;
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    let ms = Number(value) * 1000;
    if (!Number.isFinite(ms) && h === 'retry-after') ms = Date.parse(String(value)) - Date.now();
    if (Number.isFinite(ms) && ms > 0) return Math.max(Math.ceil(ms), backoff);
  }
  return backoff;
}

function toApiError(res: AxiosResponse, method: string, path: string): ImpCentralApiError {
  const parsed = ErrorDocument.safeParse(res.data);
  return new ImpCentralApiError(res.status, parsed.success ? parsed.data.errors : [], method.toUpperCase(), path);
}

function toTransportError(e: unknown): TransportError {
  if (e instanceof AxiosError) {
    const code = e.code ?? (e.cause as NodeJS.ErrnoException | undefined)?.code;
    return new TransportError(`Error: ${e.message}`, code);
  }
  return new TransportError(e instanceof Error ? e.message : String(e));
}
