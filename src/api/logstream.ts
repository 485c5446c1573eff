// The Server-Sent Events connection of an impCentral log stream
// (impcentral-api.md §11.2): `GET /logstream/{id}?format=json`, no token.
// Plain node:http + eventsource-parser rather than an EventSource client:
// the caller decides what a dropped connection means (impt re-creates the
// stream and re-adds its devices) and pauses the socket while its output is
// full, so a fast stream never piles up in memory.
import http from 'node:http';
import https from 'node:https';
import { createParser } from 'eventsource-parser';
import { ImpCentralApiError, TransportError } from './errors.js';
import { connectionAgent, type ProxyEnv } from './proxy.js';

export interface SseEvent {
  /** `message` when the server sent no `event:` line */
  event: string;
  data: string;
}

export interface SseHandlers {
  onEvent(e: SseEvent): void;
  /** The connection ended without close(): `error` is undefined when the server ended the response. */
  onEnd(error?: Error): void;
}

export interface SseConnection {
  /** stops reading from the socket (TCP back-pressure reaches the server) */
  pause(): void;
  resume(): void;
  /** drops the connection; no handler is called afterwards */
  close(): void;
}

export interface SseOptions {
  userAgent: string;
  debug?: (text: string) => void;
  /** how long the server may take to answer the GET, ms (default 60 s); the stream itself may stay quiet */
  openTimeoutMs?: number;
  /** gives up opening (the promise rejects, the request is dropped) */
  signal?: AbortSignal;
  /** where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default: the process's environment) */
  env?: ProxyEnv;
}

/** Opens the event stream; resolves once the server answered 200 (the transport's "open"). */
export function openEventStream(url: string, handlers: SseHandlers, opts: SseOptions): Promise<SseConnection> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    let closed = false;
    let opened = false;
    let timer: NodeJS.Timeout | undefined;
    const stopWaiting = () => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', abort);
    };
    const fail = (e: Error) => {
      stopWaiting();
      if (closed) return;
      closed = true;
      if (opened) handlers.onEnd(e);
      else reject(e);
    };
    const abort = () => {
      fail(new TransportError('Error: the log stream request was canceled', 'ABORT_ERR'));
      req.destroy();
    };
    opts.debug?.(`Doing the request with options:\n${JSON.stringify({ method: 'GET', url, headers: { Accept: 'text/event-stream' } }, null, 2)}\n`);
    // a connection of its own: the global agent's sockets time out after 5 s
    // without data, which would drop a quiet stream between two messages
    const headers = { Accept: 'text/event-stream', 'Cache-Control': 'no-cache', 'User-Agent': opts.userAgent };
    const req = lib.get(url, { headers, agent: connectionAgent(url, opts.env) }, (res) => {
      const status = res.statusCode ?? 0;
      opts.debug?.(`Response code: ${status}\nResponse headers: ${JSON.stringify(res.headers)}\n`);
      if (status < 200 || status >= 300) {
        readErrorBody(res).then((errors) => fail(new ImpCentralApiError(status, errors, 'GET', new URL(url).pathname)));
        return;
      }
      stopWaiting();
      opened = true;
      const parser = createParser({
        onEvent: (m) => {
          if (!closed) handlers.onEvent({ event: m.event ?? 'message', data: m.data });
        },
      });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => parser.feed(chunk));
      res.on('end', () => {
        if (closed) return;
        closed = true;
        handlers.onEnd();
      });
      res.on('error', (e) => fail(new TransportError(e.message, (e as NodeJS.ErrnoException).code)));
      // a connection destroyed mid-response may close without 'end' or 'error'
      res.on('close', () => fail(new TransportError('socket hang up', 'ECONNRESET')));
      resolve({
        pause: () => res.pause(),
        resume: () => res.resume(),
        close: () => {
          closed = true;
          req.destroy();
        },
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(e instanceof TransportError ? e : new TransportError(`Error: ${e.message}`, e.code)));
    // a server that takes the connection but never answers must not hold the command forever
    const timeout = opts.openTimeoutMs ?? 60_000;
    timer = setTimeout(() => req.destroy(new TransportError(`Error: timeout of ${timeout}ms exceeded`, 'ETIMEDOUT')), timeout);
    if (opts.signal?.aborted) abort();
    else opts.signal?.addEventListener('abort', abort, { once: true });
  });
}

async function readErrorBody(res: http.IncomingMessage): Promise<ImpCentralApiError['errors']> {
  let text = '';
  res.setEncoding('utf8');
  try {
    for await (const chunk of res) text += chunk;
    const body = JSON.parse(text) as { errors?: ImpCentralApiError['errors'] };
    return Array.isArray(body.errors) ? body.errors : [];
  } catch {
    return [];
  }
}
