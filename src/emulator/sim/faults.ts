// Fault injection for clients' resilience tests (POST/DELETE /_emulator/faults).
// Applies to /v5 requests only (never to /_emulator), in this order: latency,
// drop (socket destroyed without an answer), rate-limit burst (429), error
// status, lost answer (a change carried out and committed, then its socket
// destroyed instead of the answer). Open log-stream connections are dropped
// with the same drop_rate.
import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { App, Emulator, Env, Extension } from '../core/emulator.js';
import { renderError } from '../core/emulator.js';
import { ApiError } from '../core/errors.js';

export const FaultConfigSchema = z
  .object({
    /** probability (0..1) that a matching request fails with one of `statuses` */
    error_rate: z.number().min(0).max(1).default(0),
    /** statuses to pick from at random (default 500 and 503) */
    statuses: z.array(z.number().int().min(400).max(599)).min(1).default([500, 503]),
    /** the next N matching requests answer 429 (then normal service resumes) */
    rate_limit_burst: z.number().int().min(0).max(1_000_000).default(0),
    /** delay added before every matching request, in milliseconds */
    latency_ms: z.number().int().min(0).max(600_000).default(0),
    /** probability (0..1) that a matching request's connection is destroyed without an answer */
    drop_rate: z.number().min(0).max(1).default(0),
    /**
     * probability (0..1) that a matching request that changes something (any
     * method but GET and HEAD) is carried out and committed, and its
     * connection then destroyed instead of sending the answer
     */
    lost_answer_rate: z.number().min(0).max(1).default(0),
    /** regular expression matched against the request path (e.g. ^/v5/devices); default: every /v5 path */
    routes: z
      .string()
      .max(1000)
      .refine((s) => {
        try {
          new RegExp(s);
          return true;
        } catch {
          return false;
        }
      }, 'must be a valid regular expression')
      .nullable()
      .default(null),
  })
  .strict();
export type FaultConfig = z.output<typeof FaultConfigSchema>;

interface FaultState {
  config: FaultConfig | null;
  routeRe: RegExp | null;
  burstLeft: number;
  injected: { errors: number; drops: number; rate_limited: number; delayed: number; lost_answers: number };
  listeners: Set<() => void>;
}

const states = new WeakMap<Emulator, FaultState>();

function state(emu: Emulator): FaultState {
  let s = states.get(emu);
  if (!s) {
    s = { config: null, routeRe: null, burstLeft: 0, injected: { errors: 0, drops: 0, rate_limited: 0, delayed: 0, lost_answers: 0 }, listeners: new Set() };
    states.set(emu, s);
  }
  return s;
}

export function setFaults(emu: Emulator, config: FaultConfig): void {
  const s = state(emu);
  s.config = config;
  s.routeRe = config.routes ? new RegExp(config.routes) : null;
  s.burstLeft = config.rate_limit_burst;
  s.injected = { errors: 0, drops: 0, rate_limited: 0, delayed: 0, lost_answers: 0 };
  for (const fn of s.listeners) fn();
}

export function clearFaults(emu: Emulator): void {
  const s = state(emu);
  s.config = null;
  s.routeRe = null;
  s.burstLeft = 0;
  for (const fn of s.listeners) fn();
}

export function faultStatus(emu: Emulator): { config: FaultConfig | null; rate_limit_burst_left: number; injected: FaultState['injected'] } {
  const s = state(emu);
  return { config: s.config, rate_limit_burst_left: s.burstLeft, injected: { ...s.injected } };
}

/** Called when the fault configuration changes (log streams re-arm their drop timers). */
export function onFaultsChanged(emu: Emulator, fn: () => void): () => void {
  const s = state(emu);
  s.listeners.add(fn);
  return () => s.listeners.delete(fn);
}

function matches(s: FaultState, path: string): boolean {
  return s.config !== null && (s.routeRe === null || s.routeRe.test(path));
}

/** Current drop probability for a path (0 when no faults apply). */
export function dropRateFor(emu: Emulator, path: string): number {
  const s = state(emu);
  return matches(s, path) ? s.config!.drop_rate : 0;
}

export function countDrop(emu: Emulator): void {
  state(emu).injected.drops++;
}

/** Node request/response of a hono context served by @hono/node-server. */
export function nodeBindings(c: Context): { incoming: IncomingMessage; outgoing: ServerResponse } | undefined {
  const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
  return env?.incoming && env.outgoing ? { incoming: env.incoming, outgoing: env.outgoing } : undefined;
}

/** A response telling @hono/node-server that nothing more is to be written. */
export function alreadySent(): Response {
  return new Response(null, { headers: { 'x-hono-already-sent': 'true' } });
}

function faultMiddleware(emu: Emulator): MiddlewareHandler<Env> {
  return async (c, next) => {
    const s = state(emu);
    const path = new URL(c.req.url).pathname;
    if (!matches(s, path)) return next();
    const cfg = s.config!;
    if (cfg.latency_ms > 0) {
      s.injected.delayed++;
      await new Promise((r) => setTimeout(r, cfg.latency_ms));
    }
    if (cfg.drop_rate > 0 && Math.random() < cfg.drop_rate) {
      const node = nodeBindings(c);
      if (node) {
        s.injected.drops++;
        node.incoming.socket.destroy();
        return alreadySent();
      }
    }
    if (s.burstLeft > 0) {
      s.burstLeft--;
      s.injected.rate_limited++;
      c.res = renderError(
        c,
        ApiError.one(429, 'PX429', 'Rate Limit Exceeded', 'Too many requests; retry after the time given in X-RateLimit-Reset.'),
      );
      return;
    }
    if (cfg.error_rate > 0 && Math.random() < cfg.error_rate) {
      s.injected.errors++;
      const status = cfg.statuses[Math.floor(Math.random() * cfg.statuses.length)]!;
      c.res = renderError(c, ApiError.one(status, status >= 500 ? 'XX500' : 'VX500', injectedTitle(status), 'Injected fault (impt-emulator).'));
      return;
    }
    const changes = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const loseAnswer = changes && cfg.lost_answer_rate > 0 && Math.random() < cfg.lost_answer_rate;
    await next();
    const node = loseAnswer ? nodeBindings(c) : undefined;
    if (node) {
      await emu.store.commit(); // committed like any answered change, before the answer is lost
      s.injected.lost_answers++;
      node.incoming.socket.destroy();
      c.res = alreadySent();
    }
  };
}

function injectedTitle(status: number): string {
  const titles: Record<number, string> = {
    500: 'Internal Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Resource Not Found',
    409: 'Conflict',
    429: 'Rate Limit Exceeded',
  };
  return titles[status] ?? 'Injected Fault';
}

export const faultsExtension: Extension = {
  name: 'faults',
  middleware(emu: Emulator, app: App) {
    app.use('/v5/*', faultMiddleware(emu)); // matches the bare '/v5' too
  },
  routes(emu: Emulator, app: App) {
    emu.events.on('emulator.reset', () => clearFaults(emu));
    app.post('/_emulator/faults', async (c) => {
      let raw: unknown = {};
      const text = await c.req.text();
      if (text.trim() !== '') {
        try {
          raw = JSON.parse(text);
        } catch {
          return c.json({ error: 'body must be JSON' }, 400);
        }
      }
      const r = FaultConfigSchema.safeParse(raw);
      if (!r.success) {
        const i = r.error.issues[0]!;
        return c.json({ error: `${i.path.join('.') || 'body'}: ${i.message}` }, 400);
      }
      setFaults(emu, r.data);
      return c.json({ data: faultStatus(emu) });
    });
    app.get('/_emulator/faults', (c) => c.json({ data: faultStatus(emu) }));
    app.delete('/_emulator/faults', (c) => {
      clearFaults(emu);
      return c.body(null, 204);
    });
  },
};
