// Ctrl-C reaching `log get` / `log stream` while they still look up their
// device (interface/log.md: "Ctrl-C (SIGINT) at any time"): against an
// impCentral that never answers the lookup, the command ends with the
// success line (default mode only) and exit code 0, not killed by the signal.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { startImpt } from './log-helpers.js';

let server: http.Server;
let endpoint: string;
/** requests held without an answer, and who waits for the next one */
const held: http.ServerResponse[] = [];
let arrived: (() => void) | undefined;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/v5/auth') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'tok', expires_at: new Date(Date.now() + 3600e3).toISOString(), refresh_token: 'r' }));
      return;
    }
    // every lookup stays unanswered
    held.push(res);
    arrived?.();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`;
});
afterAll(() => {
  held.forEach((res) => res.destroy());
  return new Promise<void>((r) => server.close(() => r()));
});

async function interruptedDuringLookup(args: string[], signal: NodeJS.Signals = 'SIGINT') {
  const home = tempDir();
  const lookup = new Promise<void>((r) => (arrived = r));
  const running = startImpt(args, { home, env: { IMPT_ENDPOINT: endpoint, IMPT_USER: 'u', IMPT_PASSWORD: 'p' } });
  await lookup;
  running.child.kill(signal);
  return { code: await running.exited, stdout: running.out() };
}

describe('Ctrl-C while the log commands look up their devices', () => {
  it('log get ends with the success line and exit code 0, in every mode', async () => {
    expect(await interruptedDuringLookup(['log', 'get', '-d', 'someone'])).toEqual({ code: 0, stdout: 'IMPT COMMAND SUCCEEDS\n' });
    expect(await interruptedDuringLookup(['log', 'get', '-d', 'someone', '-n', '1', '-z', 'json'])).toEqual({ code: 0, stdout: '' });
    expect(await interruptedDuringLookup(['log', 'get', '-d', 'someone', '-z', 'minimal'], 'SIGTERM')).toEqual({ code: 0, stdout: '' });
  });

  it('log stream ends with the success line and exit code 0 before any stream is opened', async () => {
    expect(await interruptedDuringLookup(['log', 'stream', '-d', 'someone', '-g', 'group'])).toEqual({ code: 0, stdout: 'IMPT COMMAND SUCCEEDS\n' });
    expect(await interruptedDuringLookup(['log', 'stream', '-g', 'group', '-z', 'json'])).toEqual({ code: 0, stdout: '' });
  });
});
