// Real-time log streams (§11 of the reference): POST /v5/logstream,
// PUT/DELETE /v5/logstream/{id}/{device}, and the Server-Sent Events feed
// GET /v5/logstream/{id}?format=json|text (no token: the id is the credential).
// One stream per account (a new one closes the old with a "closed" state
// change), at most 5 devices per stream (adding a 6th unsubscribes the least
// recently added). Log lines arrive through Emulator.appendLog ('log.appended').
import type { Context } from 'hono';
import type { ServerResponse } from 'node:http';
import { type App, type Emulator, type Extension, json, me, noContent } from '../core/emulator.js';
import { envInt } from '../core/env.js';
import { ApiError, err } from '../core/errors.js';
import { countDrop, dropRateFor, nodeBindings, onFaultsChanged, alreadySent } from '../sim/faults.js';
import { hex } from '../core/ids.js';
import { apiBase } from '../core/jsonapi.js';
import type { LogEntry } from '../core/model.js';
import { visibleDevice } from '../core/rules.js';

export const MAX_DEVICES_PER_STREAM = 5;
const DEFAULT_KEEPALIVE_MS = 15_000;

type Format = 'json' | 'text';

interface Consumer {
  format: Format;
  path: string;
  write(chunk: string): void;
  /** Ends the response normally. */
  end(): void;
  /** Destroys the connection without a proper end (fault injection). */
  destroy(): void;
  closed: boolean;
}

interface Stream {
  id: string;
  accountId: string;
  /** subscribed device ids, least recently added first */
  devices: string[];
  consumer: Consumer | null;
}

type StateEvent =
  | { state: 'opened' }
  | { state: 'closed' }
  | { state: 'subscribed' | 'unsubscribed'; device_id: string };

export class LogStreams {
  readonly byId = new Map<string, Stream>();
  private readonly byAccount = new Map<string, string>();
  private keepAliveTimer: NodeJS.Timeout | null = null;
  private dropTimer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly emu: Emulator,
    private readonly keepAliveMs = keepAliveFromEnv(),
  ) {
    this.unsubscribe.push(
      emu.events.on('log.appended', ({ deviceId, entry }) => this.deliver(deviceId, entry)),
      emu.events.on('device.deleted', ({ device }) => {
        for (const s of this.byId.values()) this.removeDevice(s, device.id);
      }),
      emu.events.on('emulator.reset', () => this.closeAll(true)),
      onFaultsChanged(emu, () => this.armDropTimer()),
    );
  }

  create(accountId: string): Stream {
    const old = this.byAccount.get(accountId);
    if (old) this.close(old, true);
    const s: Stream = { id: hex(16), accountId, devices: [], consumer: null };
    this.byId.set(s.id, s);
    this.byAccount.set(accountId, s.id);
    return s;
  }

  /** Closes a stream: "closed" to its consumer, then the connection ends. */
  close(id: string, announce: boolean): void {
    const s = this.byId.get(id);
    if (!s) return;
    this.byId.delete(id);
    if (this.byAccount.get(s.accountId) === id) this.byAccount.delete(s.accountId);
    const c = s.consumer;
    s.consumer = null;
    if (c && !c.closed) {
      if (announce) this.send(c, 'state_change', { state: 'closed' });
      c.end();
    }
    this.updateTimers();
  }

  closeAll(announce: boolean): void {
    for (const id of [...this.byId.keys()]) this.close(id, announce);
  }

  attach(s: Stream, consumer: Consumer): void {
    const prev = s.consumer;
    s.consumer = consumer;
    if (prev && !prev.closed) prev.end(); // one reader per stream: the newest wins
    this.send(consumer, 'state_change', { state: 'opened' });
    for (const d of s.devices) this.send(consumer, 'state_change', { state: 'subscribed', device_id: d });
    this.updateTimers();
  }

  detach(s: Stream, consumer: Consumer): void {
    consumer.closed = true;
    if (s.consumer === consumer) s.consumer = null;
    this.updateTimers();
  }

  addDevice(s: Stream, deviceId: string): void {
    if (s.devices.includes(deviceId)) return;
    s.devices.push(deviceId);
    while (s.devices.length > MAX_DEVICES_PER_STREAM) {
      const evicted = s.devices.shift()!;
      this.emitState(s, { state: 'unsubscribed', device_id: evicted });
    }
    this.emitState(s, { state: 'subscribed', device_id: deviceId });
  }

  removeDevice(s: Stream, deviceId: string): boolean {
    const i = s.devices.indexOf(deviceId);
    if (i < 0) return false;
    s.devices.splice(i, 1);
    this.emitState(s, { state: 'unsubscribed', device_id: deviceId });
    return true;
  }

  stop(): void {
    this.closeAll(false);
    for (const off of this.unsubscribe) off();
    this.unsubscribe.length = 0;
    this.clearTimers();
  }

  // ---- delivery ------------------------------------------------------------

  private emitState(s: Stream, ev: StateEvent): void {
    if (s.consumer && !s.consumer.closed) this.send(s.consumer, 'state_change', ev);
  }

  private deliver(deviceId: string, entry: LogEntry): void {
    let zone: string | undefined;
    for (const s of this.byId.values()) {
      const c = s.consumer;
      if (!c || c.closed || !s.devices.includes(deviceId)) continue;
      zone ??= this.zoneOf(deviceId);
      if (c.format === 'json') {
        const payload = { device_id: deviceId, ts: entry.ts, log_type: zone, type: entry.type, msg: entry.msg };
        this.sendRaw(c, 'message', JSON.stringify(payload));
      } else {
        this.sendRaw(c, 'message', `${deviceId} ${entry.ts} ${zone} ${entry.type} ${entry.msg}`);
      }
    }
  }

  /** Zone word of a device's log lines: its device group type without "_devicegroup". */
  private zoneOf(deviceId: string): string {
    const d = this.emu.store.get('devices', deviceId);
    const g = d?.devicegroup_id ? this.emu.store.get('devicegroups', d.devicegroup_id) : undefined;
    return g ? g.type.replace(/_devicegroup$/, '') : 'development';
  }

  private send(c: Consumer, event: 'state_change', ev: StateEvent): void {
    if (c.format === 'json') {
      this.sendRaw(c, event, JSON.stringify(ev));
    } else {
      this.sendRaw(c, event, 'device_id' in ev ? `${ev.device_id} ${ev.state}` : ev.state);
    }
  }

  private sendRaw(c: Consumer, event: string, data: string): void {
    if (c.closed) return;
    if (this.maybeDrop(c)) return;
    const lines = data.split(/\r\n|\r|\n/).map((l) => `data: ${l}\n`).join('');
    c.write(`event: ${event}\n${lines}\n`);
  }

  /** Fault injection: drop the connection with the configured drop_rate. */
  private maybeDrop(c: Consumer): boolean {
    const rate = dropRateFor(this.emu, c.path);
    if (rate > 0 && Math.random() < rate) {
      countDrop(this.emu);
      c.closed = true;
      c.destroy();
      return true;
    }
    return false;
  }

  // ---- timers --------------------------------------------------------------

  private consumers(): Consumer[] {
    const out: Consumer[] = [];
    for (const s of this.byId.values()) if (s.consumer && !s.consumer.closed) out.push(s.consumer);
    return out;
  }

  private updateTimers(): void {
    const any = this.consumers().length > 0;
    if (any && !this.keepAliveTimer) {
      this.keepAliveTimer = setInterval(() => {
        for (const c of this.consumers()) if (!this.maybeDrop(c)) c.write(': ping\n\n');
      }, this.keepAliveMs);
      this.keepAliveTimer.unref();
    } else if (!any && this.keepAliveTimer) {
      clearInterval(this.keepAliveTimer);
      this.keepAliveTimer = null;
    }
    this.armDropTimer();
  }

  /** While a drop_rate applies, open streams are tested once a second (and at once). */
  private armDropTimer(): void {
    const consumers = this.consumers();
    const active = consumers.some((c) => dropRateFor(this.emu, c.path) > 0);
    if (active && !this.dropTimer) {
      for (const c of consumers) this.maybeDrop(c);
      this.dropTimer = setInterval(() => {
        for (const c of this.consumers()) this.maybeDrop(c);
        if (!this.consumers().some((c) => dropRateFor(this.emu, c.path) > 0)) this.armDropTimerOff();
      }, 1000);
      this.dropTimer.unref();
    } else if (!active) {
      this.armDropTimerOff();
    }
  }

  private armDropTimerOff(): void {
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropTimer = null;
  }

  private clearTimers(): void {
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    this.keepAliveTimer = null;
    this.armDropTimerOff();
  }
}

function keepAliveFromEnv(): number {
  return envInt('IMPT_EMULATOR_SSE_KEEPALIVE_MS', 10, Number.MAX_SAFE_INTEGER) ?? DEFAULT_KEEPALIVE_MS;
}

const registry = new WeakMap<Emulator, LogStreams>();

/** The log streams of an emulator (created on first use). */
export function logStreams(emu: Emulator): LogStreams {
  let ls = registry.get(emu);
  if (!ls) registry.set(emu, (ls = new LogStreams(emu)));
  return ls;
}

function nodeConsumer(res: ServerResponse, format: Format, path: string): Consumer {
  const c: Consumer = {
    format,
    path,
    closed: false,
    write(chunk) {
      if (!c.closed && !res.writableEnded && !res.destroyed) res.write(chunk);
    },
    end() {
      c.closed = true;
      if (!res.writableEnded) res.end();
    },
    destroy() {
      c.closed = true;
      res.socket?.destroy();
      res.destroy();
    },
  };
  return c;
}

export function registerLogstream(emu: Emulator, app: App): void {
  const streams = logStreams(emu);
  const streamOf = (c: Context, id: string) => {
    const s = streams.byId.get(id);
    if (!s || s.accountId !== me(c as never).id) throw err.notFound('logstream');
    return s;
  };

  app.post('/v5/logstream', (c) => {
    const s = streams.create(me(c).id);
    const url = `${apiBase(c)}/logstream/${s.id}`;
    return json(c, { data: { type: 'logstream', id: s.id, attributes: { url } } }, 201);
  });

  app.get('/v5/logstream/:id', (c) => {
    const s = streams.byId.get(c.req.param('id'));
    if (!s) throw err.notFound('logstream');
    const f = c.req.query('format') ?? 'text';
    if (f !== 'json' && f !== 'text') throw err.validation('format must be "json" or "text".', 'VX120');
    const path = new URL(c.req.url).pathname;
    const headers = {
      ...(c.get('rateLimitHeaders') as Record<string, string> | undefined),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    };
    const node = nodeBindings(c);
    if (node) {
      // written straight to the socket so that the API frame's JSON:API
      // content-type does not replace text/event-stream
      const res = node.outgoing;
      res.writeHead(200, headers);
      res.flushHeaders();
      node.incoming.socket.setTimeout(0);
      node.incoming.socket.setNoDelay(true);
      const consumer = nodeConsumer(res, f, path);
      res.on('close', () => streams.detach(s, consumer));
      streams.attach(s, consumer);
      return alreadySent();
    }
    // in-process use (app.fetch): a web stream
    const enc = new TextEncoder();
    let consumer!: Consumer;
    const body = new ReadableStream<Uint8Array>({
      start(ctrl) {
        consumer = {
          format: f,
          path,
          closed: false,
          write: (chunk) => {
            if (!consumer.closed) ctrl.enqueue(enc.encode(chunk));
          },
          end: () => {
            consumer.closed = true;
            try {
              ctrl.close();
            } catch {
              /* already closed */
            }
          },
          destroy: () => {
            consumer.closed = true;
            ctrl.error(new Error('dropped'));
          },
        };
      },
      cancel: () => streams.detach(s, consumer),
    });
    const response = new Response(body, { status: 200, headers });
    queueMicrotask(() => streams.attach(s, consumer));
    return response;
  });

  app.put('/v5/logstream/:id/:device', (c) => {
    const s = streamOf(c, c.req.param('id'));
    const d = visibleDevice(emu, me(c), c.req.param('device'));
    streams.addDevice(s, d.id);
    return noContent(c);
  });

  app.delete('/v5/logstream/:id/:device', (c) => {
    const s = streamOf(c, c.req.param('id'));
    const d = visibleDevice(emu, me(c), c.req.param('device'));
    if (!streams.removeDevice(s, d.id)) {
      throw ApiError.one(404, 'NF003', 'Resource Not Found', `Device ${d.id} is not part of this log stream.`);
    }
    return noContent(c);
  });
}

export const logStreamExtension: Extension = {
  name: 'logstream',
  routes: registerLogstream,
  stop(emu) {
    registry.get(emu)?.stop();
    registry.delete(emu);
  },
};
