// A command run in-process takes its surroundings from the io it is given,
// as the binary takes them from its process: the directory (Builder's local
// includes and cache), the environment (external commands of `test run`,
// the proxy of API calls and log streams, SNAP) and stdin (prompts). Each
// run here differs from the test process in what it checks: another
// directory, variables the process does not have, a stdin of its own.
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { plain, project, testLines, useTestEmulator } from './test-run-support.js';

const DEVICE = '30000c2a69b00001';
const env = useTestEmulator('30000c2a69b0', 1);

describe('test run in another directory and environment', () => {
  it('Builder finds local includes and its cache in the directory of the command; external commands get its environment', async () => {
    expect(process.env.IMPT_BOUNDARY_MARK).toBeUndefined();
    const p = await project(
      env,
      [DEVICE],
      {
        'lib/helper.nut': 'function helper() { return "helped"; }\n',
        // a cached GitHub file: read from the cache, nothing is fetched
        '.builder-cache/github#acme-lib-cached.nut': 'function cached() { return "from the cache"; }\n',
        'tests/inc.test.nut': [
          '@include "lib/helper.nut"',
          '@include "github:acme/lib/cached.nut"',
          'class IncCase extends ImpTestCase {',
          '  function testHelper() { this.assertEqual("helped", helper()); }',
          '  function testCached() { this.assertEqual("from the cache", cached()); }',
          '  function testCommand() { this.runCommand("echo mark=$IMPT_BOUNDARY_MARK; pwd"); }',
          '}',
          '',
        ].join('\n'),
      },
      { builderCache: true },
    );
    expect(p.dir).not.toBe(process.cwd());
    const r = await p.run([], { env: { IMPT_BOUNDARY_MARK: 'given-to-runImpt' } });
    expect(r.code, r.stdout).toBe(0);
    expect(testLines(r.stdout)).toEqual([
      'Starting test session "SESSION"',
      'IncCase::testCached()',
      'Success',
      'IncCase::testCommand()',
      'Success',
      'IncCase::testHelper()',
      'Success',
      'Tests: 3, Assertions: 2, Failures: 0',
      'Session "SESSION" succeeded',
    ]);
    expect(plain(r.stdout)).toContain(`> mark=given-to-runImpt\n> ${p.dir}\n`);
  });
});

describe('proxies from the environment of the command', () => {
  const HOST = 'impcentral.example.test';
  let proxy: http.Server;
  let proxyUrl = '';
  const seen: string[] = [];

  beforeAll(async () => {
    const emu = new URL(env.emu.origin);
    // a forwarding proxy (absolute-form requests) that alone knows where HOST is
    proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const target = new URL(req.url ?? '');
      const upstream = http.request(
        { host: emu.hostname, port: emu.port, method: req.method, path: target.pathname + target.search, headers: { ...req.headers, host: emu.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    proxy.closeAllConnections();
    return new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  const proxied = () => ({ IMPT_ENDPOINT: `http://${HOST}/v5`, IMPT_USER: 'demo', IMPT_PASSWORD: 'demo', HTTP_PROXY: proxyUrl });

  it('API calls go through HTTP_PROXY given to the command only', async () => {
    expect(process.env.HTTP_PROXY ?? process.env.http_proxy).toBeUndefined();
    const r = await runImpt(['product', 'list', '-z', 'json'], { home: tempDir(), env: proxied() });
    expect(r.code, r.stdout).toBe(0);
    expect(seen).toContain(`POST http://${HOST}/v5/auth`);
    expect(seen.some((s) => s.startsWith(`GET http://${HOST}/v5/products?`))).toBe(true);
  });

  it('the event stream of log stream goes through it too', async () => {
    const stop = new AbortController();
    const running = runImpt(['log', 'stream', '-d', DEVICE], { home: tempDir(), env: proxied(), signal: stop.signal });
    const streamed = () => seen.some((s) => new RegExp(`^GET http://${HOST}/v5/logstream/[^/?]+(\\?|$)`).test(s));
    // until the stream's own GET reached the proxy, or the command ended without it
    let ended = false;
    void running.finally(() => (ended = true));
    while (!streamed() && !ended) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    const r = await running;
    expect(streamed(), r.stdout).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe('SNAP in the environment of the command', () => {
  it('a refreshed token is still written atomically with mode 0600', async () => {
    const dir = tempDir();
    await writeAuthFileFor(dir, env.emu.url);
    const path = join(dir, '.impt.auth');
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    writeFileSync(path, JSON.stringify({ ...data, expiresAt: '2000-01-01T00:00:00.000Z' }, null, 2));
    chmodSync(path, 0o644);
    // conf reads SNAP from the process: there it is hidden during the write, and restored
    process.env.SNAP = '/snap/code/123';
    let r;
    try {
      r = await runImpt(['account', 'info', '-z', 'json'], { home: tempDir(), env: { IMPT_AUTH_FILE_PATH: dir, SNAP: '/snap/code/123' } });
      expect(process.env.SNAP).toBe('/snap/code/123');
    } finally {
      delete process.env.SNAP;
    }
    expect(r.code, r.stdout).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8')).expiresAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('prompts on the stdin of the command', () => {
  it('a confirmation is asked on the given streams and answered from the given stdin', async () => {
    const home = tempDir();
    await writeAuthFileFor(home, env.emu.url);
    expect((await runImpt(['product', 'create', '-n', 'asked-on-io'], { home })).code).toBe(0);
    const r = await runImpt(['product', 'delete', '-p', 'asked-on-io'], { home, terminal: true, input: 'y\n' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Are you sure you want to continue?\n');
    // the question line is drawn by the prompt itself, on the given stdout
    expect(r.stdout).toContain("Enter 'y' (yes) or 'n' (no):");
    expect(r.stdout).toContain('Product "asked-on-io" is deleted successfully.');
    expect((await runImpt(['product', 'info', '-p', 'asked-on-io'], { home })).code).toBe(1);
  });
});
