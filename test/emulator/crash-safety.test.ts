// Crash safety of the data dir: every acknowledged change survives kill -9,
// an interrupted or damaged write either recovers to the last complete state
// or stops the start with one line naming the file, and one data dir serves
// one emulator at a time.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmulatorHandle, startEmulator } from '../helpers/emulator.js';
import { call, client, DEMO_DEVICES, login } from './util.js';
import { tempDir } from '../helpers/impt.js'; // removed after the file's tests

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/impt-emulator.js');

/** `impt-emulator start` on `dataDir`, expected to fail at once. */
function startFails(dataDir: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const running: EmulatorHandle[] = [];
async function start(dataDir?: string): Promise<EmulatorHandle> {
  const emu = await startEmulator(dataDir ? { dataDir } : {});
  running.push(emu);
  return emu;
}
afterEach(async () => {
  for (const emu of running.splice(0)) await emu.stop();
});

const journal = (emu: EmulatorHandle) => path.join(emu.dataDir, 'journal.ndjson');
const productNames = async (emu: EmulatorHandle, token: string) =>
  (await client(emu, token).get('/products')).body.data.map((p: any) => p.attributes.name);

/** A killed emulator whose journal holds products A, B and C (one transaction each, after the login). */
async function killedWithJournal(): Promise<{ emu: EmulatorHandle; token: string }> {
  const emu = await start();
  const token = await login(emu);
  for (const name of ['A', 'B', 'C']) await client(emu, token).createProduct(name);
  await emu.stop('SIGKILL');
  expect(fs.readFileSync(journal(emu), 'utf8').trim().split('\n')).toHaveLength(4);
  return { emu, token };
}

function expectRefusal(emu: EmulatorHandle, problem: string | RegExp): void {
  const r = startFails(emu.dataDir);
  expect(r.status).toBe(1);
  expect(r.stdout).toBe('');
  const prefix = `impt-emulator: cannot use data dir ${emu.dataDir}: `;
  if (typeof problem === 'string') expect(r.stderr).toBe(`${prefix}${problem}\n`);
  else {
    expect(r.stderr.startsWith(prefix)).toBe(true);
    expect(r.stderr.slice(prefix.length)).toMatch(problem);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  }
}

describe('every acknowledged change survives kill -9', () => {
  it('API and admin mutations are on disk before their answer', async () => {
    const emu = await start();
    const token = await login(emu);
    const api = () => client(emu, token);
    const pwd = { 'x-electricimp-password': 'demo' };
    /** kill -9 right after the answer, start again on the same data dir */
    const crash = async () => {
      await emu.stop('SIGKILL');
      await emu.restart();
    };
    const ok = (r: { status: number; body: any }) => {
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      return r.body;
    };

    await crash();
    expect((await api().get('/accounts/me')).status).toBe(200); // the access token

    const p = await api().createProduct('P');
    await crash();
    expect((await api().get(`/products/${p.id}`)).status).toBe(200);
    ok(await api().patch(`/products/${p.id}`, { data: { type: 'product', id: p.id, attributes: { description: 'pd' } } }));
    await crash();
    expect((await api().get(`/products/${p.id}`)).body.data.attributes.description).toBe('pd');

    const dg = await api().createDg(p.id, 'development_devicegroup', 'G');
    await crash();
    ok(await api().patch(`/devicegroups/${dg.id}`, { data: { type: dg.type, id: dg.id, attributes: { description: 'gd' } } }));
    await crash();
    expect((await api().get(`/devicegroups/${dg.id}`)).body.data.attributes.description).toBe('gd');

    const dep = await api().deploy(dg);
    await crash();
    expect((await api().get(`/devicegroups/${dg.id}`)).body.data.relationships.current_deployment.id).toBe(dep.id);
    ok(await api().patch(`/deployments/${dep.id}`, { data: { type: 'deployment', id: dep.id, attributes: { description: 'dd' } } }));
    await crash();
    expect((await api().get(`/deployments/${dep.id}`)).body.data.attributes.description).toBe('dd');

    const [d1, , d3] = DEMO_DEVICES;
    ok(await api().post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] }));
    await crash();
    expect((await api().get(`/devices/${d1}`)).body.data.relationships.devicegroup.id).toBe(dg.id);
    ok(await api().patch(`/devices/${d1}`, { data: { type: 'device', id: d1, attributes: { name: 'dev-one' } } }));
    await crash();
    expect((await api().get(`/devices/${d1}`)).body.data.attributes.name).toBe('dev-one');
    ok(await api().del(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: d1 }] }));
    await crash();
    expect((await api().get(`/devices/${d1}`)).body.data.relationships.devicegroup ?? null).toBeNull();
    ok(await api().del(`/devices/${d3}`));
    await crash();
    expect((await api().get(`/devices/${d3}`)).status).toBe(404);

    const hook = ok(
      await api().post('/webhooks', {
        data: {
          type: 'webhook',
          attributes: { url: 'http://127.0.0.1:9/h', event: 'deployment', content_type: 'application/json' },
          relationships: { devicegroup: { type: dg.type, id: dg.id } },
        },
      }),
    ).data;
    await crash();
    ok(await api().patch(`/webhooks/${hook.id}`, { data: { type: 'webhook', id: hook.id, attributes: { url: 'http://127.0.0.1:9/g' } } }));
    await crash();
    expect((await api().get(`/webhooks/${hook.id}`)).body.data.attributes.url).toBe('http://127.0.0.1:9/g');
    ok(await api().del(`/webhooks/${hook.id}`));
    await crash();
    expect((await api().get(`/webhooks/${hook.id}`)).status).toBe(404);

    const key = ok(await api().post('/accounts/me/login_keys', { data: { type: 'login_key', attributes: { description: 'k' } } }, pwd)).data;
    await crash();
    ok(await api().patch(`/accounts/me/login_keys/${key.id}`, { data: { type: 'login_key', id: key.id, attributes: { description: 'k2' } } }, pwd));
    await crash();
    expect((await api().get(`/accounts/me/login_keys/${key.id}`)).body.data.attributes.description).toBe('k2');
    ok(await api().del(`/accounts/me/login_keys/${key.id}`, undefined, pwd));
    await crash();
    expect((await api().get(`/accounts/me/login_keys/${key.id}`)).status).toBe(404);

    // admin simulation routes
    const [made] = (await emu.admin('POST', 'devices', { count: 1, online: false })).data;
    await crash();
    expect((await api().get(`/devices/${made.id}`)).body.data.attributes.device_online).toBe(false);
    await emu.admin('POST', `devices/${made.id}/online`);
    await crash();
    expect((await api().get(`/devices/${made.id}`)).body.data.attributes.device_online).toBe(true);
    await emu.admin('POST', `devices/${made.id}/logs`, { lines: [{ message: 'kept', ts: '2024-01-01T00:00:00.000Z' }] });
    await crash();
    const logs = (await api().get(`/devices/${made.id}/logs`)).body.data.map((l: any) => l.attributes?.msg ?? l.msg ?? l.message);
    expect(JSON.stringify(logs)).toContain('kept');
    await emu.admin('POST', 'clock', { advance_seconds: 60 });
    await crash();
    expect((await emu.admin('GET', 'clock')).data.offset_seconds).toBe(60);

    ok(await api().del(`/devicegroups/${dg.id}`));
    await crash();
    expect((await api().get(`/devicegroups/${dg.id}`)).status).toBe(404);
    ok(await api().del(`/products/${p.id}`));
    await crash();
    expect((await api().get(`/products/${p.id}`)).status).toBe(404);

    const q = await api().createProduct('Q');
    expect(await emu.admin('DELETE', `entities/products/${q.id}`)).toBeNull();
    await crash();
    expect((await api().get(`/products/${q.id}`)).status).toBe(404);

    await emu.admin('POST', 'reset');
    await crash();
    expect((await api().get('/accounts/me')).status).toBe(401); // tokens are gone with the reset
    expect((await call(emu, 'GET', `/devices/${d3}`, { token: await login(emu) })).status).toBe(200);
  });
});

describe('kill -9 during a snapshot fold', () => {
  it('loses no acknowledged write of concurrent clients', async () => {
    // a fold every 10 journal transactions, of a state big enough for the fold to take a while
    const seed = { accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }], generated_devices: 3000 };
    const emu = await startEmulator({ seed, env: { IMPT_EMULATOR_FOLD_AFTER: '10' } });
    running.push(emu);
    const token = await login(emu);
    const acknowledged: string[] = [];
    let midFold = 0;
    for (let round = 0; round < 4; round++) {
      let killed: Promise<void> | undefined;
      let folds = 0;
      // the temp file of a new state.json appears: a fold has begun; kill -9 in the third one
      const watcher = fs.watch(emu.dataDir, (event, name) => {
        if (killed || event !== 'rename' || !name || !/^state\.json\.\d+\.tmp$/.test(name) || !fs.existsSync(path.join(emu.dataDir, name))) return;
        if (++folds === 3) killed = emu.stop('SIGKILL');
      });
      const api = client(emu, token);
      await Promise.all(
        Array.from({ length: 8 }, async (_, c) => {
          for (let n = 0; !killed && n < 500; n++) {
            const name = `r${round}-c${c}-${n}`;
            const r = await api.post('/products', { data: { type: 'product', attributes: { name } } }).catch(() => null);
            if (r?.status === 201) acknowledged.push(name);
            else if (r) throw new Error(`create ${name}: ${r.status}`);
          }
        }),
      );
      watcher.close();
      expect(killed, 'no fold began within 4000 transactions').toBeDefined();
      await killed;
      // killed before the rename of the new state.json (else after it, before or while the journal was emptied)
      if (fs.readdirSync(emu.dataDir).some((f) => f.endsWith('.tmp'))) midFold++;
      await emu.restart();
    }
    const names = new Set<string>();
    for (let page = 1; ; page++) {
      const r = await client(emu, token).get(`/products?page[size]=100&page[number]=${page}`);
      for (const p of r.body.data) names.add(p.attributes.name);
      if (!r.body.links.next) break;
    }
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(midFold).toBeGreaterThan(0);
  });
});

describe('a crash in the middle of a write', () => {
  it('drops a record cut short at the end of the journal and keeps the ones before', async () => {
    const { emu, token } = await killedWithJournal();
    const text = fs.readFileSync(journal(emu), 'utf8');
    fs.writeFileSync(journal(emu), text.slice(0, text.length - 25));
    await emu.restart();
    running.push(emu);
    expect(await productNames(emu, token)).toEqual(['A', 'B']);
  });

  it('refuses a journal with a damaged record before its last one, naming the line', async () => {
    const { emu } = await killedWithJournal();
    const lines = fs.readFileSync(journal(emu), 'utf8').split('\n');
    lines[2] = lines[2]!.slice(0, 30);
    fs.writeFileSync(journal(emu), lines.join('\n'));
    expectRefusal(emu, 'journal.ndjson line 3 is not a journal transaction');
  });

  it('refuses garbage appended to the journal as a whole line', async () => {
    const { emu } = await killedWithJournal();
    fs.appendFileSync(journal(emu), 'null\n');
    expectRefusal(emu, 'journal.ndjson line 5 is not a journal transaction');
    fs.writeFileSync(journal(emu), fs.readFileSync(journal(emu), 'utf8').replace('null\n', '{"s":5,"ops":[["put","nope",{"id":"x"}]]}\n'));
    expectRefusal(emu, 'journal.ndjson line 5 is not a journal transaction');
  });

  it('refuses a journal with a missing transaction', async () => {
    const { emu } = await killedWithJournal();
    const lines = fs.readFileSync(journal(emu), 'utf8').split('\n');
    lines.splice(1, 1);
    fs.writeFileSync(journal(emu), lines.join('\n'));
    expectRefusal(emu, 'journal.ndjson line 2: transaction 3 does not follow transaction 1');
  });

  it('refuses a journal that does not continue the snapshot', async () => {
    const { emu } = await killedWithJournal();
    const lines = fs.readFileSync(journal(emu), 'utf8').split('\n');
    fs.writeFileSync(journal(emu), lines.slice(2).join('\n'));
    expectRefusal(emu, 'journal.ndjson starts at transaction 3 but state.json ends at transaction 0');
  });

  it('refuses a data dir that lost state.json or journal.ndjson', async () => {
    const { emu } = await killedWithJournal();
    const state = path.join(emu.dataDir, 'state.json');
    fs.renameSync(state, `${state}.away`);
    expectRefusal(emu, 'state.json is missing (journal.ndjson alone cannot rebuild the state)');
    fs.renameSync(`${state}.away`, state);
    fs.rmSync(journal(emu));
    expectRefusal(emu, 'journal.ndjson is missing (changes made since state.json was written are lost)');
  });

  it('refuses a snapshot with a record that is not one, naming state.json', async () => {
    const { emu } = await killedWithJournal();
    const state = path.join(emu.dataDir, 'state.json');
    const snap = JSON.parse(fs.readFileSync(state, 'utf8'));
    snap.collections.devices.push(null);
    fs.writeFileSync(state, JSON.stringify(snap));
    expectRefusal(emu, 'state.json: devices holds something that is not an emulator record');
    snap.collections.devices.pop();
    snap.logs = { x: [1] };
    fs.writeFileSync(state, JSON.stringify(snap));
    expectRefusal(emu, 'state.json: logs holds something that is not a device log line');
  });

  it('ignores and removes a half-written snapshot temp file', async () => {
    const { emu, token } = await killedWithJournal();
    const state = path.join(emu.dataDir, 'state.json');
    const tmp = `${state}.4242.tmp`;
    fs.writeFileSync(tmp, fs.readFileSync(state, 'utf8').slice(0, 50));
    await emu.restart();
    running.push(emu);
    expect(await productNames(emu, token)).toEqual(['A', 'B', 'C']);
    expect(fs.existsSync(tmp)).toBe(false);
  });

  it('replays nothing twice after a crash between the new snapshot and the emptied journal', async () => {
    const emu = await start();
    const token = await login(emu);
    const [made] = (await emu.admin('POST', 'devices', { count: 1 })).data;
    for (const msg of ['one', 'two', 'three']) {
      await emu.admin('POST', `devices/${made.id}/logs`, { lines: [{ message: msg, ts: '2024-01-01T00:00:00.000Z' }] });
    }
    await emu.stop('SIGKILL');
    const oldJournal = fs.readFileSync(journal(emu), 'utf8');
    expect(oldJournal.trim().split('\n').length).toBeGreaterThanOrEqual(4);
    // the start folds the journal into a new snapshot; put the old journal back
    // as if the crash came right after the rename of state.json
    await emu.restart();
    await emu.stop('SIGKILL');
    expect(fs.readFileSync(journal(emu), 'utf8')).toBe('');
    fs.writeFileSync(journal(emu), oldJournal);
    await emu.restart();
    running.push(emu);
    const logs = (await client(emu, token).get(`/devices/${made.id}/logs`)).body.data;
    expect(JSON.stringify(logs).match(/"two"/g)).toHaveLength(1);
  });
});

describe('one emulator per data dir', () => {
  it('refuses a second emulator while the first runs, and takes over the lock of a killed one', async () => {
    const first = await start();
    const token = await login(first);
    const lock = path.join(first.dataDir, 'emulator.lock');
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    expectRefusal(first, `it is in use by another emulator (pid ${pid}; if no emulator runs, delete emulator.lock)`);
    // the refused start changed nothing: the first goes on journaling
    await client(first, token).createProduct('Still');
    await first.stop('SIGKILL');
    expect(fs.existsSync(lock)).toBe(true); // left behind by kill -9
    await first.restart();
    running.push(first);
    expect(await productNames(first, token)).toEqual(['Still']);
    expect(Number(fs.readFileSync(lock, 'utf8'))).not.toBe(pid);
    await first.stop();
    expect(fs.existsSync(lock)).toBe(false); // a clean stop gives the dir back
  });

  it('gives the data dir back when the start fails after taking it', async () => {
    const emu = await start();
    const port = new URL(emu.url).port;
    const other = tempDir('impt-emu-lock-');
    const r = spawnSync(process.execPath, [BIN, 'start', '--port', port, '--data-dir', other], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe(`impt-emulator: port ${port} on 127.0.0.1 is already in use.\n`);
    expect(fs.existsSync(path.join(other, 'emulator.lock'))).toBe(false);
  });
});
