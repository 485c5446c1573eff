// Helpers for the simulation tests: an SSE reader over fetch and a local
// webhook receiver.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How long a wait for something that should happen may last: a guard against a hang, not a limit on a slow machine. */
const HANG_GUARD_MS = 120_000;

export interface SseEvent {
  event: string;
  data: string;
}

export interface SseReader {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first event (from the start) matching pred not yet consumed. */
  next(pred?: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the connection ended (normally or not). */
  ended: Promise<'end' | 'error'>;
  close(): void;
}

export async function openSse(url: string): Promise<SseReader> {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const consumed = new Set<number>();
  let wake: (() => void) | null = null;
  let endState: 'end' | 'error' | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const ended = (async (): Promise<'end' | 'error'> => {
    if (!res.body) return 'end';
    const dec = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let event = 'message';
          const data: string[] = [];
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('event:')) ((event = line.slice(6).trim()), (isEvent = true));
            else if (line.startsWith('data:')) (data.push(line.slice(5).replace(/^ /, '')), (isEvent = true));
          }
          if (isEvent) events.push({ event, data: data.join('\n') });
          notify();
        }
      }
      endState = 'end';
    } catch {
      endState = 'error';
    }
    notify();
    return endState;
  })();
  const reader: SseReader = {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    ended,
    async next(pred = () => true, timeoutMs = HANG_GUARD_MS) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const idx = events.findIndex((e, k) => !consumed.has(k) && pred(e));
        if (idx >= 0) {
          consumed.add(idx);
          return events[idx]!;
        }
        if (endState) throw new Error(`stream ended (${endState}) before the event; got ${JSON.stringify(events)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timeout waiting for an event; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.min(left, 100));
        });
      }
    },
    close() {
      ac.abort();
    },
  };
  return reader;
}

export const json = (e: SseEvent) => JSON.parse(e.data);

export interface Received {
  path: string;
  contentType: string;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Next n requests answer this status (then 200). */
  failNext(n: number, status?: number): void;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function webhookReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let failing = 0;
  let failStatus = 500;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
      if (failing > 0) {
        failing--;
        res.writeHead(failStatus).end();
      } else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext(n, status = 500) {
      failing = n;
      failStatus = status;
    },
    async waitFor(count, timeoutMs = HANG_GUARD_MS) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} webhook requests, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function until<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = HANG_GUARD_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
