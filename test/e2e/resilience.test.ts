// How impt behaves when impCentral misbehaves (DIFFERENCES F4, F5, F10, F11;
// interface/README.md §4, §11): server errors, dropped connections, slow or
// silent servers, 429 bursts, tokens expiring mid-command, HTML and cut-off
// answers. Every failure ends with one `Error: …` line, `IMPT COMMAND FAILS`
// and exit 1, without a stack trace and without hiding the steps that were
// already done. Faults come from the emulator (POST /_emulator/faults) or,
// for what it cannot produce, from a small front server that forwards to it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor, type ImptResult } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { assign, expectFailure, FAILS, SUCCEEDS, useWorld } from './dg-world.js';
import { startImpt } from './log-helpers.js';

const w = useWorld();

const INJECTED_500 = 'Internal Error: Injected fault (impt-emulator).';
const NETWORK = 'Access to impCentral failed or timed out. Please check your network connection.';
const MAY_HAVE = (check: string) =>
  `Access to impCentral failed or timed out before its answer came: the request may have been carried out; check with "${check}".`;

async function withFaults<T>(emu: EmulatorHandle, faults: object, fn: () => Promise<T>): Promise<T> {
  await emu.admin('POST', 'faults', faults);
  try {
    return await fn();
  } finally {
    await emu.admin('DELETE', 'faults');
  }
}

/** `METHOD /path` of the requests the emulator saw while `fn` ran (no query). */
async function seen(emu: EmulatorHandle, fn: () => Promise<unknown>): Promise<string[]> {
  await emu.admin('DELETE', 'requests');
  await fn();
  const log = (await emu.admin('GET', 'requests')).data as Array<{ method: string; path: string }>;
  return log.map((r) => `${r.method} ${r.path}`);
}

const count = (lines: string[], line: string) => lines.filter((l) => l === line).length;

// ---------------------------------------------------------------------------
// A front server: forwards every request to an emulator, except those a test
// answers itself; can also act after a forwarded answer.

type Answer = (res: http.ServerResponse) => void;

interface Front {
  url: string;
  /** answers requests itself when this returns an Answer */
  intercept?: (method: string, path: string) => Answer | undefined;
  /** runs once the emulator has answered a forwarded request, before impt gets the answer */
  after?: (method: string, path: string) => Promise<void>;
  close(): Promise<void>;
}

async function startFront(emu: EmulatorHandle): Promise<Front> {
  const front: Front = { url: '', close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const method = req.method ?? 'GET';
        const path = (req.url ?? '/').split('?')[0]!;
        const own = front.intercept?.(method, path);
        if (own) return own(res);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${emu.origin}${req.url}`, { method, headers, body });
        const text = Buffer.from(await answer.arrayBuffer());
        const out: Record<string, string> = {};
        answer.headers.forEach((v, k) => {
          if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection' && k !== 'keep-alive') out[k] = v;
        });
        await front.after?.(method, path);
        res.writeHead(answer.status, out).end(text);
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  front.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v5`;
  front.close = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return front;
}

/** A HOME logged in (global auth file) against `endpoint`. */
async function homeFor(endpoint: string): Promise<string> {
  const home = tempDir('impt-home-');
  await writeAuthFileFor(home, endpoint);
  return home;
}

const answer =
  (status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/vnd.api+json' }): Answer =>
  (res) =>
    res.writeHead(status, headers).end(body);

function expectFailureIn(r: ImptResult, mode: 'default' | 'json', message: string): void {
  if (mode === 'json') {
    expect(r.stdout).toBe(`${JSON.stringify({ Error: message }, null, 2)}\n`);
    expect(r.code).toBe(1);
  } else {
    expectFailure(r, message);
  }
}

// ---------------------------------------------------------------------------

describe('server errors and dropped connections', () => {
  it('a 503 on a lookup is tried three times, then reported; a 503 on a create is not sent again', async () => {
    const p = await w.demo.createProduct(w.name('Busy'));
    let r!: ImptResult;
    const get = await withFaults(w.emu, { error_rate: 1, statuses: [503], routes: `^/v5/products/${p.id}$` }, () =>
      seen(w.emu, async () => (r = await w.run(['product', 'info', '-p', p.id]))),
    );
    expectFailure(r, 'Service Unavailable: Injected fault (impt-emulator).');
    expect(count(get, `GET /products/${p.id}`)).toBe(3);

    const name = w.name('NotCreated');
    const post = await withFaults(w.emu, { error_rate: 1, statuses: [503], routes: '^/v5/products$' }, () =>
      seen(w.emu, async () => (r = await w.run(['product', 'create', '-n', name]))),
    );
    expectFailure(r, 'Service Unavailable: Injected fault (impt-emulator).');
    expect(count(post, 'POST /products')).toBe(1);
  });

  it('a create whose connection drops is never sent twice; impt cannot know whether it was carried out and says how to check', async () => {
    const name = w.name('Dropped');
    let r!: ImptResult;
    const log = await withFaults(w.emu, { drop_rate: 1, routes: '^/v5/products$' }, () =>
      seen(w.emu, async () => (r = await w.run(['product', 'create', '-n', name]))),
    );
    expectFailure(r, MAY_HAVE('impt product list'));
    expect(count(log, 'POST /products')).toBe(1);
    const list = await w.run(['product', 'list', '-z', 'json']);
    expect(list.stdout).not.toContain(name);
  });

  it('a create whose answer is lost after it was carried out: the change may have been made, check with impt product list', async () => {
    for (const mode of ['default', 'json'] as const) {
      const name = w.name('LostAnswer');
      let r!: ImptResult;
      const log = await withFaults(w.emu, { lost_answer_rate: 1, routes: '^/v5/products$' }, () =>
        seen(w.emu, async () => (r = await w.run(['product', 'create', '-n', name, ...(mode === 'json' ? ['-z', 'json'] : [])]))),
      );
      expectFailureIn(r, mode, MAY_HAVE('impt product list'));
      expect(count(log, 'POST /products')).toBe(1);
      const info = await w.run(['product', 'info', '-p', name, '-z', 'json']);
      expect(JSON.parse(info.stdout).Product.name).toBe(name);
    }
  });

  it('an update whose answers are all lost is tried three times and names the entity to look at', async () => {
    const p = await w.demo.createProduct(w.name('LostUpdate'));
    let r!: ImptResult;
    const log = await withFaults(w.emu, { lost_answer_rate: 1, routes: `^/v5/products/${p.id}$` }, () =>
      seen(w.emu, async () => (r = await w.run(['product', 'update', '-p', p.id, '-s', 'changed']))),
    );
    expectFailure(r, MAY_HAVE(`impt product info --product ${p.id}`));
    expect(count(log, `PATCH /products/${p.id}`)).toBe(3);
    expect((await w.demo.get(`/products/${p.id}`)).body.data.attributes.description).toBe('changed');
    // a lookup whose connection drops is no change: the plain network failure
    const lookup = await withFaults(w.emu, { drop_rate: 1, routes: `^/v5/products/${p.id}$` }, () => w.run(['product', 'info', '-p', p.id]));
    expectFailure(lookup, NETWORK);
  });

  it('an HTML error page ends with the status line of F10, in every mode', async () => {
    const front = await startFront(w.emu);
    try {
      const home = await homeFor(front.url);
      front.intercept = (m, p) => (m === 'GET' && p === '/v5/products' ? answer(502, '<html><body>Bad gateway</body></html>', { 'content-type': 'text/html' }) : undefined);
      for (const mode of ['default', 'json'] as const) {
        const r = await runImpt(['product', 'list', ...(mode === 'json' ? ['-z', 'json'] : [])], { home, cwd: tempDir() });
        expectFailureIn(r, mode, 'impCentral answered with HTTP status 502 and no error description.');
      }
    } finally {
      await front.close();
    }
  });

  it('a cut-off or HTML answer with a 2xx status is an unexpected format, not an empty result', async () => {
    const front = await startFront(w.emu);
    try {
      const home = await homeFor(front.url);
      const device = w.devices(1)[0]!;
      // historical logs: an answer cut off mid-way is no empty page
      front.intercept = (m, p) => (m === 'GET' && p === `/v5/devices/${device}/logs` ? answer(200, '{"data":[{"ts":"2024-01-01T00:00:00Z","ty') : undefined);
      const logs = await runImpt(['log', 'get', '-d', device, '-n', '1'], { home, cwd: tempDir() });
      expectFailure(logs, 'Internal error: Unexpected format of impCentral response.');
      // a log stream whose creation is answered by an HTML page
      front.intercept = (m, p) => (m === 'POST' && p === '/v5/logstream' ? answer(200, '<html>maintenance</html>', { 'content-type': 'text/html' }) : undefined);
      const stream = await runImpt(['log', 'stream', '-d', device], { home, cwd: tempDir() });
      expectFailure(stream, 'Internal error: Unexpected format of impCentral response.');
    } finally {
      await front.close();
    }
  });

  it('a stack trace is shown in debug mode only', async () => {
    const p = await w.demo.createProduct(w.name('Trace'));
    await withFaults(w.emu, { error_rate: 1, statuses: [500], routes: `^/v5/products/${p.id}$` }, async () => {
      const plain = await w.run(['product', 'info', '-p', p.id]);
      expectFailure(plain, INJECTED_500);
      const debug = await w.run(['product', 'info', '-p', p.id, '-z', 'debug']);
      expect(debug.stdout).toMatch(/\n\s+at /);
      expect(debug.stdout).toContain(`Error: ${INJECTED_500}\n${FAILS}\n`);
      expect(debug.code).toBe(1);
    });
  });
});

describe('rate limit (F4)', () => {
  it('a short burst of 429 answers is waited out', async () => {
    const p = await w.demo.createProduct(w.name('Burst'));
    let r!: ImptResult;
    const log = await withFaults(w.emu, { rate_limit_burst: 2 }, () => seen(w.emu, async () => (r = await w.run(['product', 'info', '-p', p.id]))));
    expect(r.stdout).toContain(`id:          ${p.id}\n`);
    expect(r.stdout.endsWith(`${SUCCEEDS}\n`)).toBe(true);
    expect(r.code).toBe(0);
    expect(count(log, `GET /products/${p.id}`)).toBe(3);
  });

  it('a Retry-After beyond the 60 s budget fails at once with the rate-limit message', async () => {
    const front = await startFront(w.emu);
    try {
      const home = await homeFor(front.url);
      front.intercept = (m, p) =>
        m === 'GET' && p === '/v5/products'
          ? answer(429, JSON.stringify({ errors: [{ status: '429', title: 'Rate Limit Exceeded', detail: 'x' }] }), { 'content-type': 'application/vnd.api+json', 'retry-after': '120' })
          : undefined;
      const r = await runImpt(['product', 'list'], { home, cwd: tempDir() });
      expectFailure(r, 'The impCentral API rate limit was hit and the request could not be completed in 60 seconds; try again later.');
    } finally {
      await front.close();
    }
  });
});

describe('steps already done stay visible when a later one fails', () => {
  it('dg delete --force: the unassigned devices are listed before the error, and really are unassigned', async () => {
    const p = await w.demo.createProduct(w.name('P'));
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('Doomed'));
    const [d1, d2] = w.devices(2);
    await assign(w.demo, dg.id, [d1!, d2!]);
    const r = await withFaults(w.emu, { error_rate: 1, statuses: [500], routes: `^/v5/devicegroups/${dg.id}$` }, () =>
      w.run(['dg', 'delete', '-g', dg.attributes.name, '--force', '-q']),
    );
    expect(r.stdout).toBe(
      `Device "${d1}" is unassigned successfully.\nDevice "${d2}" is unassigned successfully.\nError: ${INJECTED_500}\n${FAILS}\n`,
    );
    expect(r.code).toBe(1);
    const devices = (await w.demo.get(`/devices?filter[devicegroup.id]=${dg.id}`)).body.data;
    expect(devices).toEqual([]);
    expect((await w.demo.get(`/devicegroups/${dg.id}`)).status).toBe(200);
  });

  it('product delete --force --builds: the deleted groups are listed before the product fails', async () => {
    const p = await w.demo.createProduct(w.name('P'));
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('G'));
    const r = await withFaults(w.emu, { error_rate: 1, statuses: [500], routes: `^/v5/products/${p.id}$` }, async () => {
      // the lookup by id would fail too: identify the product by name
      return w.run(['product', 'delete', '-p', p.attributes.name, '--force', '--builds', '-q']);
    });
    expect(r.stdout).toBe(`Device Group "${dg.id}" is deleted successfully.\nError: ${INJECTED_500}\n${FAILS}\n`);
    expect(r.code).toBe(1);
  });

  it('build run: created build, min supported build and group update are reported before the restart fails', async () => {
    const p = await w.demo.createProduct(w.name('P'));
    const name = w.name('Run');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', name);
    await assign(w.demo, dg.id, w.devices(1));
    const r = await withFaults(w.emu, { error_rate: 1, statuses: [500], routes: '/restart$' }, () => w.run(['build', 'run', '-g', name]));
    expect(r.stdout).toMatch(
      new RegExp(
        `Deployment "[0-9a-f-]+" is created successfully\\.\\nMin supported Deployment for Device Group "${name}" is updated successfully\\.\\nDevice Group "${name}" is updated successfully\\.\\nError: ${INJECTED_500.replace(/[.()]/g, '\\$&')}\\n${FAILS}\\n$`,
      ),
    );
    expect(r.code).toBe(1);
  });
});

describe('access token (§11)', () => {
  it('expiring between a lookup and the parallel requests after it: one refresh serves them all', async () => {
    const emu = await startEmulator({ inMemory: true });
    const front = await startFront(emu);
    try {
      const home = await homeFor(front.url);
      const api = await fetch(`${emu.url}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'demo', password: 'demo' }) });
      const token = ((await api.json()) as { access_token: string }).access_token;
      const call = async (method: string, path: string, body: unknown) =>
        (await (await fetch(`${emu.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' }, body: JSON.stringify(body) })).json()) as { data: { id: string } };
      const p = await call('POST', '/products', { data: { type: 'product', attributes: { name: 'P' } } });
      await call('POST', '/devicegroups', { data: { type: 'development_devicegroup', attributes: { name: 'G' }, relationships: { product: { type: 'product', id: p.data.id } } } });
      // the group is found; then every token issued so far expires
      let expired = false;
      front.after = async (m, path) => {
        if (expired || m !== 'GET' || path !== '/v5/devicegroups') return;
        expired = true;
        await emu.admin('POST', 'clock', { advance_seconds: 7200 });
      };
      let r!: ImptResult;
      const log = await seen(emu, async () => (r = await runImpt(['dg', 'delete', '-g', 'G', '--force', '-q'], { home, cwd: tempDir() })));
      expect(r.stdout).toBe(`Device Group "G" is deleted successfully.\n${SUCCEEDS}\n`);
      expect(count(log, 'POST /auth/token')).toBe(1);
    } finally {
      await front.close();
      await emu.stop();
    }
  });

  it('a 401 on the refreshed token too ends with that error after one refresh', async () => {
    const front = await startFront(w.emu);
    try {
      const home = await homeFor(front.url);
      front.intercept = (m, p) =>
        p.startsWith('/v5/auth') ? undefined : answer(401, JSON.stringify({ errors: [{ status: '401', title: 'Unauthorized', detail: 'The access token is invalid.' }] }));
      let r!: ImptResult;
      const log = await seen(w.emu, async () => (r = await runImpt(['product', 'list'], { home, cwd: tempDir() })));
      expectFailure(r, 'Unauthorized: The access token is invalid.');
      expect(count(log, 'POST /auth/token')).toBe(1);
    } finally {
      await front.close();
    }
  });
});

describe('Ctrl-C while impCentral is slow', () => {
  it('an ordinary command ends at once, without a stack trace', async () => {
    const p = await w.demo.createProduct(w.name('Slow'));
    await withFaults(w.emu, { latency_ms: 600_000, routes: `^/v5/products/${p.id}$` }, async () => {
      const running = startImpt(['product', 'info', '-p', p.id], { home: w.home });
      await waitFor(async () => (await w.emu.admin('GET', 'faults')).data.injected.delayed >= 1);
      running.child.kill('SIGINT');
      await running.exited;
      expect(running.child.signalCode).toBe('SIGINT');
      expect(running.out()).toBe('');
    });
  });

  it('log get ends with the success line while a page is still being fetched, and prints nothing after it', async () => {
    const device = w.devices(1)[0]!;
    const cases = [
      { args: [], signal: 'SIGINT', stdout: `${SUCCEEDS}\n` },
      { args: ['-z', 'json'], signal: 'SIGTERM', stdout: '' },
    ] as const;
    for (const c of cases) {
      await withFaults(w.emu, { latency_ms: 600_000, routes: `^/v5/devices/${device}/logs$` }, async () => {
        const running = startImpt(['log', 'get', '-d', device, ...c.args], { home: w.home });
        await waitFor(async () => (await w.emu.admin('GET', 'faults')).data.injected.delayed >= 1);
        running.child.kill(c.signal);
        expect(await running.exited).toBe(0);
        expect(running.out()).toBe(c.stdout);
      });
    }
  });

  it('log stream ends with the success line while the stream connection is still unanswered', async () => {
    const device = w.devices(1)[0]!;
    const cases = [
      { args: [], signal: 'SIGINT', stdout: `${SUCCEEDS}\n` },
      { args: ['-z', 'json'], signal: 'SIGTERM', stdout: '' },
    ] as const;
    for (const c of cases) {
      await withFaults(w.emu, { latency_ms: 600_000, routes: '^/v5/logstream/[0-9a-f]+$' }, async () => {
        const running = startImpt(['log', 'stream', '-d', device, ...c.args], { home: w.home });
        await waitFor(async () => (await w.emu.admin('GET', 'faults')).data.injected.delayed >= 1);
        running.child.kill(c.signal);
        expect(await running.exited).toBe(0);
        expect(running.out()).toBe(c.stdout);
      });
    }
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  // a guard against a hang, not a limit on a slow machine
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached');
}
