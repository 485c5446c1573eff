// What a web page in a browser could do to the emulator: simple cross-site
// requests (text/plain or body-less POSTs, no preflight) and DNS rebinding
// (a foreign Host). All of them are refused before any route runs.
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../helpers/emulator.js';
import { client, login } from './util.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/impt-emulator.js');

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
}

/** One request with exactly these headers (fetch would not send a foreign Host). */
function raw(origin: string, method: string, p: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const req = http.request(`${origin}${p}`, { method, headers: { ...length, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };

describe('requests a web page could send', () => {
  let emu: EmulatorHandle;
  let port: string;
  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    port = new URL(emu.origin).port;
  });
  afterAll(() => emu.stop());

  it('refuses a simple cross-site POST (text/plain or no Content-Type): clock, reset and login stay untouched', async () => {
    const api = client(emu, await login(emu));
    const p = await api.createProduct('Kept');
    const clock = await raw(emu.origin, 'POST', '/_emulator/clock', { 'content-type': 'text/plain;charset=UTF-8' }, '{"advance_seconds":3153600000}');
    expect(clock.status).toBe(415);
    expect(clock.body.error).toBe(
      'Content-Type "text/plain;charset=UTF-8" is not accepted: every POST and every request with a body must be application/vnd.api+json or application/json.',
    );
    expect((await emu.admin('GET', 'clock')).data.offset_seconds).toBe(0);
    const reset = await raw(emu.origin, 'POST', '/_emulator/reset');
    expect(reset.status).toBe(415);
    expect(reset.body.error).toMatch(/^Content-Type is missing: /);
    expect((await api.get(`/products/${p.id}`)).status).toBe(200);

    const auth = await raw(emu.origin, 'POST', '/v5/auth', { 'content-type': 'text/plain' }, '{"id":"demo","password":"demo"}');
    expect(auth.status).toBe(415);
    expect(auth.headers['content-type']).toBe('application/vnd.api+json');
    expect(auth.body.errors).toEqual([
      expect.objectContaining({ status: '415', code: 'VX415', title: 'Unsupported Media Type', detail: expect.stringMatching(/^Content-Type "text\/plain" is not accepted: /) }),
    ]);
    expect(auth.body.access_token).toBeUndefined();
    // a body-less POST (a browser sends one without preflight) needs it too
    expect((await raw(emu.origin, 'POST', `/v5/devices/x/restart`, { authorization: 'Bearer x' })).status).toBe(415);
  });

  it('accepts JSON with parameters, and body-less PUT, PATCH and DELETE without a Content-Type', async () => {
    const creds = '{"id":"demo","password":"demo"}';
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json']) {
      expect((await raw(emu.origin, 'POST', '/v5/auth', { 'content-type': type }, creds)).status, type).toBe(200);
    }
    expect((await raw(emu.origin, 'DELETE', '/_emulator/requests')).status).toBe(204);
    // ... but a body must be JSON whatever the method
    expect((await raw(emu.origin, 'DELETE', '/_emulator/requests', { 'content-type': 'text/plain' }, 'x')).status).toBe(415);
    expect((await raw(emu.origin, 'PATCH', '/v5/products/x', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=b')).status).toBe(415);
  });

  it('refuses a Host that is not a loopback name or the listening address with its port (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', 'localhost', `localhost.:${port}`]) {
      const admin = await raw(emu.origin, 'GET', '/_emulator/health', { host });
      expect(admin.status, host).toBe(403);
      expect(admin.body.error).toBe(`Host "${host}" is not this emulator's address (localhost:${port}, 127.0.0.1:${port}, [::1]:${port}); see --allow-host.`);
    }
    const api = await raw(emu.origin, 'POST', '/v5/auth', { host: `rebound.example:${port}`, ...JSON_TYPE }, '{"id":"demo","password":"demo"}');
    expect(api.status).toBe(403);
    expect(api.body.errors[0]).toMatchObject({ status: '403', code: 'PX403', title: 'Forbidden' });
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `127.8.9.10:${port}`, `[::1]:${port}`]) {
      expect((await raw(emu.origin, 'GET', '/_emulator/health', { host })).status, host).toBe(200);
    }
  });

  it('refuses cross-origin requests, and never answers a preflight with CORS headers', async () => {
    for (const origin of ['http://evil.example', 'null', `http://evil.example:${port}`, `http://127.0.0.1:${Number(port) + 1}`]) {
      const r = await raw(emu.origin, 'POST', '/_emulator/reset', { origin, ...JSON_TYPE });
      expect(r.status, origin).toBe(403);
      expect(r.body.error).toBe(`Cross-origin requests are refused (Origin "${origin}").`);
    }
    expect((await raw(emu.origin, 'GET', '/_emulator/health', { origin: `http://localhost:${port}` })).status).toBe(200);
    const preflight = { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };
    for (const p of ['/_emulator/clock', '/v5/auth']) {
      for (const headers of [preflight, { 'access-control-request-method': 'POST' }]) {
        const r = await raw(emu.origin, 'OPTIONS', p, headers);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    }
  });
});

describe('other addresses', () => {
  it('--allow-host adds a name (a reverse proxy in front), on any port', async () => {
    const emu = await startEmulator({ inMemory: true, extraArgs: ['--allow-host', 'Emulator.Test', '--allow-host', 'other.test'] });
    try {
      expect((await raw(emu.origin, 'GET', '/_emulator/health', { host: 'emulator.test' })).status).toBe(200);
      expect((await raw(emu.origin, 'GET', '/_emulator/health', { host: 'other.test:8443', origin: 'https://other.test:8443' })).status).toBe(200);
      expect((await raw(emu.origin, 'GET', '/_emulator/health', { host: 'emulator.test', origin: 'https://emulator.test' })).status).toBe(200);
      expect((await raw(emu.origin, 'GET', '/_emulator/health', { host: 'third.test' })).status).toBe(403);
    } finally {
      await emu.stop();
    }
  });

  it('--host other than loopback warns that the admin routes are open, and answers for the machine\'s names', async () => {
    const child = spawn(process.execPath, [BIN, 'start', '--host', '0.0.0.0', '--port', '0', '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errText = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (errText += d));
    try {
      await new Promise<void>((resolve, reject) => {
        const ready = () => out.includes('\n') && errText.includes('\n') && resolve();
        child.stdout.on('data', ready);
        child.stderr.on('data', ready);
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${errText}`)));
      });
      const url = /listening on (http:\/\/\S+)\/v5\n/.exec(out)![1]!;
      expect(errText).toBe(
        'impt-emulator: warning: listening on 0.0.0.0, not on loopback: the admin routes (/_emulator/...: reset, clock, devices, faults) need no authentication and are open to everyone who can reach it.\n',
      );
      const port = new URL(url).port;
      const local = `http://127.0.0.1:${port}`;
      expect((await raw(local, 'GET', '/_emulator/health', { host: `${os.hostname()}:${port}` })).status).toBe(200);
      expect((await raw(local, 'GET', '/_emulator/health', { host: `evil.example:${port}` })).status).toBe(403);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
