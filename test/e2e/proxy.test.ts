// impt behind a corporate proxy (interface/README.md §10: HTTPS_PROXY /
// HTTP_PROXY): an https impCentral is reached through CONNECT tunnels, both
// for the API calls and for the Server-Sent Events of `log stream`. Here
// "impcentral.example.test" is a TLS front of the emulator that only the
// local proxy knows how to reach; impt trusts its certificate through
// NODE_EXTRA_CA_CERTS, so nothing but the tunnel can make the commands pass.
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir } from '../helpers/impt.js';
import { startImpt } from './log-helpers.js';

const TLS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tls');
const HOST = 'impcentral.example.test';
const DEVICE = '30000c2a69a00001';

let emu: EmulatorHandle;
let front: tls.Server;
let proxy: http.Server;
let proxyUrl = '';
const tunnels: string[] = [];
/** every socket of the front and the proxy, destroyed at the end (tunnels are not the servers' connections) */
const sockets = new Set<net.Socket>();
const track = (...list: net.Socket[]) => list.forEach((s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
const home = tempDir();

const listen = (server: net.Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  emu = await startEmulator({
    inMemory: true,
    extraArgs: ['--allow-host', HOST], // the name the TLS front passes on in Host
    seed: { accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }], devices: [{ id: DEVICE, name: 'tunnelled' }] },
  });
  const emuPort = Number(new URL(emu.origin).port);
  // TLS terminated here, plain HTTP on to the emulator
  front = tls.createServer({ key: fs.readFileSync(path.join(TLS_DIR, 'key.pem')), cert: fs.readFileSync(path.join(TLS_DIR, 'cert.pem')) }, (socket) => {
    const upstream = net.connect(emuPort, '127.0.0.1');
    track(socket, upstream);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  const frontPort = await listen(front);
  // a proxy that tunnels CONNECT to HOST:443 and refuses everything else
  proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    if (req.url !== `${HOST}:443`) return socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    track(socket);
    const upstream = net.connect(frontPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    track(upstream);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
});

afterAll(async () => {
  sockets.forEach((s) => s.destroy());
  await Promise.all([proxy && new Promise((r) => proxy.close(r)), front && new Promise((r) => front.close(r))]);
  await emu?.stop();
});

const env = (extra: Record<string, string> = {}) => ({
  IMPT_ENDPOINT: `https://${HOST}/v5`,
  IMPT_USER: 'demo',
  IMPT_PASSWORD: 'demo',
  HTTPS_PROXY: proxyUrl,
  NODE_EXTRA_CA_CERTS: path.join(TLS_DIR, 'cert.pem'),
  ...extra,
});

describe('HTTPS_PROXY', () => {
  it('tunnels the API calls of a command', async () => {
    const before = tunnels.length;
    const r = await impt(['device', 'info', '-d', DEVICE, '-z', 'minimal'], { home, env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^  name: +tunnelled$/m);
    expect(tunnels.length).toBeGreaterThan(before);
    expect(new Set(tunnels)).toEqual(new Set([`${HOST}:443`]));
  });

  it('also tunnels the event stream of log stream', async () => {
    const p = startImpt(['log', 'stream', '-d', DEVICE], { home, env: env() });
    try {
      await p.waitFor(/Press <Ctrl-C> to exit.\n/);
      // the line is streamed once the device is in the stream; the opening block says it is
      await emu.admin('POST', `devices/${DEVICE}/logs`, { lines: [{ type: 'server.log', message: 'through the tunnel' }] });
      await p.waitFor(/through the tunnel\n/);
      p.child.kill('SIGINT');
      expect(await p.exited).toBe(0);
    } finally {
      p.child.kill('SIGKILL');
    }
    // the stream's own request went through the proxy: the emulator saw it arrive from the front
    const requests = (await emu.admin('GET', 'requests')) as { data: Array<{ method: string; path: string }> };
    expect(requests.data.some((r) => r.method === 'GET' && /^\/logstream\/[^/]+$/.test(r.path))).toBe(true);
  });

  it('goes direct for hosts in NO_PROXY, and says why it could not connect', async () => {
    const before = tunnels.length;
    const r = await impt(['product', 'list'], { home, env: env({ NO_PROXY: HOST }) });
    expect(r.code).toBe(1);
    expect(tunnels.length).toBe(before);
    expect(r.stdout).toMatch(/^Error: .+\nIMPT COMMAND FAILS\n$/m);
  });
});
