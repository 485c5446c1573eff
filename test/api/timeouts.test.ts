// A server that is slow or stalls must not hold impt forever: every API
// request has a deadline from sending to the end of the answer (not only a
// silent-socket timer), and the log stream's GET has one until the server
// answers — after which the stream may stay quiet as long as it likes.
// Against a real local server: nock cannot stall a socket half-way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/api/errors.js';
import { Http } from '../../src/api/http.js';
import { openEventStream, type SseEvent } from '../../src/api/logstream.js';

const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`, seen };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

const client = (url: string) => new Http({ endpoint: url, userAgent: 'impt/2.6.1', timeoutMs: 300, retryBaseMs: 1 });

async function failure(p: Promise<unknown>): Promise<TransportError> {
  const e = await p.then(
    () => new Error('no failure'),
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TransportError);
  return e as TransportError;
}

describe('request deadline', () => {
  it('a server that takes the connection and never answers: three tries, then a network failure', async () => {
    const { url, seen } = await serve(() => undefined);
    const e = await failure(client(url).get('/products'));
    expect(e.isNetworkFailure).toBe(true);
    expect(seen).toHaveLength(3);
  });

  it('an answer that stalls after its headers is a timeout too, not a broken answer', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
      res.write('{"data":');
    });
    const e = await failure(client(url).get('/products'));
    expect(e.code).toBe('ETIMEDOUT');
    expect(e.isNetworkFailure).toBe(true);
  });

  it('an answer that trickles forever ends at the deadline', async () => {
    const { url, seen } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.api+json' });
      const t = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(t));
    });
    const e = await failure(client(url).get('/products'));
    expect(e.code).toBe('ETIMEDOUT');
    expect(seen).toHaveLength(3);
  });

  it('a POST that times out is not sent again', async () => {
    const { url, seen } = await serve(() => undefined);
    const e = await failure(client(url).request('POST', '/products', { body: { data: {} } }));
    expect(e.isNetworkFailure).toBe(true);
    expect(seen).toEqual(['POST /v5/products']);
  });
});

describe('log stream connection', () => {
  const noHandlers = { onEvent: () => undefined, onEnd: () => undefined };

  it('fails with a timeout when the server never answers the GET', async () => {
    const { url } = await serve(() => undefined);
    const e = await failure(openEventStream(`${url}/logstream/s1`, noHandlers, { userAgent: 'impt', openTimeoutMs: 200 }));
    expect(e.code).toBe('ETIMEDOUT');
    expect(e.isNetworkFailure).toBe(true);
  });

  it('gives up opening when asked to', async () => {
    const { url } = await serve(() => undefined);
    const abort = new AbortController();
    const opening = openEventStream(`${url}/logstream/s1`, noHandlers, { userAgent: 'impt', signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    expect((await failure(opening)).code).toBe('ABORT_ERR');
  });

  it('an open stream may stay quiet longer than the time allowed to open it', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\n\n');
      // quiet for longer than the time allowed to open (a generous one: the
      // headers must arrive within it even on a loaded machine)
      setTimeout(() => res.write('event: state_change\ndata: {"state":"opened"}\n\n'), 1500);
    });
    const events: SseEvent[] = [];
    let ended: unknown = 'no';
    const got = new Promise<void>((resolve) => {
      void openEventStream(
        `${url}/logstream/s1`,
        { onEvent: (e) => (events.push(e), resolve()), onEnd: (e) => (ended = e) },
        { userAgent: 'impt', openTimeoutMs: 1000 },
      ).then((conn) => got.then(() => conn.close()));
    });
    await got;
    expect(events).toEqual([{ event: 'state_change', data: '{"state":"opened"}' }]);
    expect(ended).toBe('no');
  });
});
