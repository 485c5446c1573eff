// What keeps web pages away from the emulator. A page in a browser on this
// machine can send "simple" cross-site requests (a POST with a text/plain
// body, no preflight) to 127.0.0.1, and with DNS rebinding even read the
// answers. So every request must name this emulator in `Host` (a loopback
// name or the listening address, with its port), must not come from another
// origin (`Origin`), and every POST and every request with a body must be
// JSON: a browser preflights such a request, and the preflight (OPTIONS) is
// never given CORS headers, so the browser never sends it.
import type { Context, MiddlewareHandler } from 'hono';
import os from 'node:os';
import type { Emulator, Env } from './emulator.js';
import { renderError } from './emulator.js';
import { ApiError } from './errors.js';

/** Where the emulator listens and which other names it answers for. */
export interface ServedAddress {
  /** the --host the server listens on */
  host: string;
  port: number;
  /** host names given with --allow-host (reverse proxies, container names): any port */
  allowHosts: readonly string[];
}

const JSON_TYPES = ['application/json', 'application/vnd.api+json'];
const WILDCARD = new Set(['0.0.0.0', '[::]']);

/** A host name as WHATWG URLs write it (lower case, IPv4 dotted, IPv6 in brackets); null when it is none. */
function normalHost(name: string): string | null {
  const bare = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    const u = new URL(`http://${bare}/`);
    return u.port === '' ? u.hostname : null;
  } catch {
    return null;
  }
}

export function isLoopbackHost(name: string): boolean {
  const h = normalHost(name);
  return h === 'localhost' || h === '[::1]' || (h !== null && /^127\.\d+\.\d+\.\d+$/.test(h));
}

/** Names of this machine, for a server listening on every interface. */
function machineNames(): string[] {
  const names = [os.hostname()];
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) names.push(a.address);
  return names;
}

/** Decides on the `Host` and `Origin` of requests to an emulator served at `addr`. */
export class HostCheck {
  private readonly own = new Set<string>();
  private readonly any = new Set<string>();
  /** decisions by header value: a client sends the same Host (and Origin) on every request */
  private readonly hostDecisions = new Map<string, boolean>();
  private readonly originDecisions = new Map<string, boolean>();

  constructor(private readonly addr: ServedAddress | null) {
    if (!addr) return;
    const listen = normalHost(addr.host);
    const names = listen !== null && WILDCARD.has(listen) ? machineNames() : [addr.host];
    for (const n of names) {
      const h = normalHost(n);
      if (h !== null) this.own.add(h);
    }
    for (const n of addr.allowHosts) {
      const h = normalHost(n);
      if (h !== null) this.any.add(h);
    }
  }

  /** `host[:port]` as in a Host header; a missing port means 80. */
  allows(hostAndPort: string): boolean {
    return remember(this.hostDecisions, hostAndPort, (h) => this.decideHost(h));
  }

  private decideHost(hostAndPort: string): boolean {
    let u: URL;
    try {
      u = new URL(`http://${hostAndPort}/`);
    } catch {
      return false;
    }
    if (u.host !== hostAndPort.toLowerCase() && `${u.hostname}:80` !== hostAndPort.toLowerCase()) return false; // no userinfo, path or other tricks
    if (this.any.has(u.hostname)) return true;
    if (!isLoopbackHost(u.hostname) && !this.own.has(u.hostname)) return false;
    return this.addr === null || Number(u.port || 80) === this.addr.port;
  }

  /** The emulator's own origin (any name it answers for), http or https. */
  allowsOrigin(origin: string): boolean {
    return remember(this.originDecisions, origin, (o) => this.decideOrigin(o));
  }

  private decideOrigin(origin: string): boolean {
    let u: URL;
    try {
      u = new URL(origin);
    } catch {
      return false;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.origin !== origin.toLowerCase()) return false;
    // https://name has port 443, which only an --allow-host name can be reached on
    return this.allows(u.port === '' && u.protocol === 'https:' ? `${u.hostname}:443` : u.host);
  }

  describe(): string {
    const port = this.addr ? `:${this.addr.port}` : '';
    const names = ['localhost', '127.0.0.1', '[::1]', ...[...this.own].filter((h) => !isLoopbackHost(h))].map((h) => h + port);
    return [...names, ...this.any].join(', ');
  }
}

/** Distinct header values remembered per HostCheck; a client sending ever new ones only makes the map start over. */
const MAX_DECISIONS = 256;

function remember(decisions: Map<string, boolean>, value: string, decide: (value: string) => boolean): boolean {
  let d = decisions.get(value);
  if (d === undefined) {
    d = decide(value);
    if (decisions.size >= MAX_DECISIONS) decisions.clear();
    decisions.set(value, d);
  }
  return d;
}

/** Refuses requests that a web page could have sent (see the head of this file). */
export function requestGuard(emu: Emulator): MiddlewareHandler<Env> {
  return async (c, next) => {
    const check = emu.hostCheck();
    const host = c.req.header('host');
    // a browser always sends Host; clients without it (HTTP/1.0, in-process tests) are not browsers
    if (host !== undefined && !check.allows(host)) {
      return refuse(c, 403, 'PX403', 'Forbidden', `Host "${host}" is not this emulator's address (${check.describe()}); see --allow-host.`);
    }
    // Agent URLs are the public face of the user's own agent code, as on
    // impCentral: any origin and any body type (webhooks, forms, browsers).
    // They reach no emulator state except through that code.
    if (c.req.path.startsWith('/agent/')) return next();
    const origin = c.req.header('origin');
    if (origin !== undefined && !check.allowsOrigin(origin)) {
      return refuse(c, 403, 'PX403', 'Forbidden', `Cross-origin requests are refused (Origin "${origin}").`);
    }
    if (needsJson(c) && !JSON_TYPES.includes(mediaType(c.req.header('content-type')))) {
      const type = c.req.header('content-type');
      const what = type === undefined ? 'Content-Type is missing' : `Content-Type "${type}" is not accepted`;
      return refuse(c, 415, 'VX415', 'Unsupported Media Type', `${what}: every POST and every request with a body must be application/vnd.api+json or application/json.`);
    }
    return next();
  };
}

/** Every POST (a browser sends a body-less one without preflight) and every request with a body. */
function needsJson(c: Context): boolean {
  return c.req.method === 'POST' || hasBody(c);
}

/** A request with a body (GET and HEAD ones are not read). */
export function hasBody(c: Context): boolean {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return false;
  const length = c.req.header('content-length');
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** An impCentral error document on /v5, the admin routes' `{"error"}` elsewhere. */
export function refuse(c: Context, status: number, code: string, title: string, detail: string): Response {
  if (/^\/v5(\/|$)/.test(c.req.path)) return renderError(c, ApiError.one(status, code, title, detail));
  return c.json({ error: detail }, status as 400);
}
