// impt log stream against a scripted impCentral: event-stream bytes the
// emulator never sends (unnamed events, messages without device_id, invalid
// JSON) and an event stream that cannot be opened.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { impt, tempDir } from '../helpers/impt.js';

const DEVICE = '30000c2a69300001';
type Scenario = { sse?: (res: http.ServerResponse) => void; sseStatus?: number };
let scenario: Scenario = {};
let server: http.Server;
let endpoint: string;
let feed: http.ServerResponse | undefined;

const json = (res: http.ServerResponse, status: number, body?: unknown) => {
  res.writeHead(status, { 'content-type': 'application/vnd.api+json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'POST /v5/auth') return json(res, 200, { access_token: 'tok', expires_at: new Date(Date.now() + 3600e3).toISOString(), refresh_token: 'r' });
    if (route === `GET /v5/devices/${DEVICE}`) return json(res, 200, { data: { type: 'device', id: DEVICE, attributes: { name: 'wire' } } });
    if (route === 'POST /v5/logstream') return json(res, 201, { data: { type: 'logstream', id: 'feedfeedfeedfeed', attributes: {} } });
    if (route === 'GET /v5/logstream/feedfeedfeedfeed') {
      if (scenario.sseStatus) return json(res, scenario.sseStatus, { errors: [{ status: String(scenario.sseStatus), title: 'Stream Failure', detail: 'The stream cannot be opened.' }] });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: state_change\ndata: {"state":"opened"}\n\n');
      feed = res;
      return;
    }
    if (route === `PUT /v5/logstream/feedfeedfeedfeed/${DEVICE}`) {
      json(res, 204);
      // the scripted events follow the subscription
      setTimeout(() => feed && scenario.sse?.(feed), 50);
      return;
    }
    json(res, 404, { errors: [{ status: '404', title: 'Resource Not Found', detail: route }] });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const run = (args: string[]) => {
  const home = tempDir();
  return impt(['log', 'stream', '-d', DEVICE, ...args], { home, cwd: home, env: { IMPT_ENDPOINT: endpoint, IMPT_USER: 'u', IMPT_PASSWORD: 'p' } });
};

describe('log stream event-stream bytes', () => {
  it('prints unnamed events as messages, without the device id when there is none, and ends on "closed"', async () => {
    scenario = {
      sse: (res) => {
        res.write(': keep-alive comment\n\n');
        res.write(`data: {"device_id":"${DEVICE}","ts":"2024-01-01T00:00:00.000Z","type":"server.log","msg":"unnamed"}\n\n`);
        res.write('event: message\ndata: {"ts":"2024-01-01T00:00:01.000Z","type":"status","msg":"no id"}\n\n');
        // split across writes
        res.write(`event: message\ndata: {"device_id":"${DEVICE}","ts":"2024-01-01T00:00:02.000Z",`);
        setTimeout(() => {
          res.write('"type":"agent.log","msg":"joined"}\n\nevent: state_change\ndata: {"state":"closed"}\n\n');
          res.end();
        }, 50);
      },
    };
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Log stream for Device(s) ${DEVICE} is opened.\nIMPT COMMAND SUCCEEDS\n\nPress <Ctrl-C> to exit.\n` +
        `[${DEVICE}] 2024-01-01T00:00:00.000Z [server.log] unnamed\n` +
        '2024-01-01T00:00:01.000Z [status] no id\n' +
        `[${DEVICE}] 2024-01-01T00:00:02.000Z [agent.log] joined\n` +
        'The log stream is closed.\nIMPT COMMAND SUCCEEDS\n',
    );
    // json: the objects as received and nothing else
    const j = await run(['-z', 'json']);
    expect(j.code).toBe(0);
    expect(j.stdout).toBe(
      [
        { device_id: DEVICE, ts: '2024-01-01T00:00:00.000Z', type: 'server.log', msg: 'unnamed' },
        { ts: '2024-01-01T00:00:01.000Z', type: 'status', msg: 'no id' },
        { device_id: DEVICE, ts: '2024-01-01T00:00:02.000Z', type: 'agent.log', msg: 'joined' },
      ]
        .map((o) => `${JSON.stringify(o, null, 2)}\n`)
        .join(''),
    );
  });

  it('fails on a message that is not JSON', async () => {
    scenario = { sse: (res) => res.write('event: message\ndata: not json\n\n') };
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Press <Ctrl-C> to exit.\nError: Internal error: Unexpected format of log stream message: not json.\nIMPT COMMAND FAILS\n$/);
    const j = await run(['-z', 'json']);
    expect(j.code).toBe(1);
    expect(j.stdout).toBe('{\n  "Error": "Internal error: Unexpected format of log stream message: not json."\n}\n');
  });

  it('fails when the event stream cannot be opened', async () => {
    scenario = { sseStatus: 500 };
    const r = await run([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('Error: Stream Failure: The stream cannot be opened.\nIMPT COMMAND FAILS\n');
  });
});
