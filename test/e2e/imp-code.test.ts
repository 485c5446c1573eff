// Devices and agents run their code (Squirrel VMs in the emulator): what
// impt shows of it, agent URLs, the emulator clock, errors, the watchdog,
// the factory flow in code, and code running again after an emulator restart.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir, writeAuthFileFor } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { until } from '../emulator/sim-helpers.js';
import { client, login } from '../emulator/util.js';

process.env.IMPT_EMULATOR_BOOT_DELAY_MS = '0';

const dev = (n: number) => `30000c2a6920${String(n).padStart(4, '0')}`;
const SEED = {
  accounts: [{ username: 'demo', email: 'demo@example.com', password: 'demo' }],
  devices: [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => ({ id: dev(n), name: `imp${n}` })),
};

let emu: EmulatorHandle;
let home: string;
let api: ReturnType<typeof client>;
let product: any;
let seq = 0;

const logs = async (device: string) =>
  ((await api.get(`/devices/${device}/logs?page[size]=1000`)).body.data as any[]).map((l) => `${l.type} ${l.msg}`).reverse();
const codeLines = async (device: string) => (await logs(device)).filter((l) => !l.startsWith('status'));

/** A new DG running this code, with `device` assigned (it loads the code). */
async function run(device: string | null, device_code: string, agent_code = '', type = 'development_devicegroup', rels: Record<string, unknown> = {}) {
  seq++;
  const dg = await api.createDg(product.id, type, `imp-g${seq}`, rels);
  await api.deploy(dg, { device_code, agent_code });
  if (device) expect((await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: device }] })).status).toBe(204);
  return dg;
}

beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, tokenTtl: 31_536_000 });
  home = tempDir();
  await writeAuthFileFor(home, emu.url);
  api = client(emu, await login(emu));
  product = await api.createProduct('imp-code');
});
afterAll(() => emu?.stop());

describe('device and agent code', () => {
  it('impt build run: a loop of twenty server.log lines shows in impt log get, in order', async () => {
    const dg = await api.createDg(product.id, 'development_devicegroup', 'loop');
    await api.post(`/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id: dev(1) }] });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'd.nut'), 'for (local i = 0; i < 20; i++) server.log("Message #" + i + "#");\n');
    fs.writeFileSync(path.join(dir, 'a.nut'), 'server.log("agent " + (1.5 * 2));\n');
    const r = await runImpt(['build', 'run', '-g', dg.id, '-x', 'd.nut', '-y', 'a.nut'], { home, cwd: dir });
    expect(r.code).toBe(0);
    await until(async () => (await codeLines(dev(1))).length >= 21);
    const out = await runImpt(['log', 'get', '-d', dev(1), '-s', '100', '-z', 'minimal'], { home, cwd: dir });
    const shown = out.stdout
      .split('\n')
      .filter((l) => /\[(server|agent)\.log\]/.test(l))
      .map((l) => l.replace(/^\S+ /, ''))
      .reverse();
    expect(shown).toEqual([...Array.from({ length: 20 }, (_, i) => `[server.log] Message #${i}#`), '[agent.log] agent 3']);
  });

  it('impt build deploy refuses code that does not compile, naming the file, line and column', async () => {
    const dg = await api.createDg(product.id, 'development_devicegroup', 'bad');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'd.nut'), 'server.log("ok");\nlocal x = ;\n');
    fs.writeFileSync(path.join(dir, 'a.nut'), '');
    const r = await runImpt(['build', 'deploy', '-g', dg.id, '-x', 'd.nut', '-y', 'a.nut'], { home, cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Error: Compilation Error: device_code does not compile: line 2, column 11: expression expected\n' +
        'device_code error (line 2, column 11): expression expected\n' +
        'IMPT COMMAND FAILS\n',
    );
  });

  it('agent and device exchange messages; the agent answers its URL over HTTP', async () => {
    await run(
      dev(2),
      'agent.on("pong", function(n) { server.log("pong " + n); });\nagent.send("ping", 1);',
      [
        'device.on("ping", function(n) { server.log("ping " + n); device.send("pong", n + 1); });',
        'http.onrequest(function(req, res) {',
        '  res.header("content-type", "application/json");',
        '  res.send(200, http.jsonencode({ path = req.path, q = req.query.q, method = req.method, body = req.body, connected = device.isconnected() }));',
        '});',
      ].join('\n'),
    );
    await until(async () => (await codeLines(dev(2))).includes('server.log pong 2'));
    expect(await codeLines(dev(2))).toEqual(['agent.log ping 1', 'server.log pong 2']);
    const url = (await emu.admin('GET', `devices/${dev(2)}/agent-url`)).data.agent_url;
    const device = (await api.get(`/devices/${dev(2)}`)).body.data;
    expect(url).toBe(`${emu.origin}/agent/${device.attributes.agent_id}`);
    const res = await fetch(`${url}/api/x?q=hello`, { method: 'PUT', body: 'payload' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ path: '/api/x', q: 'hello', method: 'PUT', body: 'payload', connected: true });
  });

  it('blobs travel in messages and as HTTP bodies', async () => {
    await run(
      dev(9),
      'local b = blob(4);\nb.writen(0x64636261, \'i\');\nb.seek(2);\nagent.send("blob", b);\nserver.log("device pointer " + b.tell());',
      [
        'local got = null;',
        'device.on("blob", function(b) { got = b; server.log(typeof b + " " + b.len() + " " + b.tostring() + " at " + b.tell()); });',
        'http.onrequest(function(req, res) { res.send(200, req.path == "/b64" ? http.base64decode("aGk=") : got); });',
      ].join('\n'),
    );
    await until(async () => (await codeLines(dev(9))).some((l) => l.startsWith('agent.log blob')));
    expect(await codeLines(dev(9))).toEqual(['server.log device pointer 2', 'agent.log blob 4 abcd at 0']);
    const url = (await emu.admin('GET', `devices/${dev(9)}/agent-url`)).data.agent_url;
    expect(await (await fetch(url)).text()).toBe('abcd');
    expect(await (await fetch(`${url}/b64`)).text()).toBe('hi');
  });

  it('agents make HTTP requests: sendsync() answers in place, sendasync() calls back; timeouts, refusals', async () => {
    let slowAnswered = false;
    const server = http.createServer((req, res) => {
      if (req.url === '/slow') return void req.on('close', () => (slowAnswered = true));
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString('latin1')));
      req.on('end', () => res.writeHead(200, { 'x-test': 'yes' }).end(req.method === 'POST' ? `echo ${body}` : 'hi'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await run(dev(2), '', [
        `local r = http.get("${base}/hello").sendsync();`,
        'server.log("out sync " + r.statuscode + " " + r.body + " " + r.headers["x-test"]);',
        `local p = http.post("${base}/echo", {}, "payload").sendsync();`,
        'server.log("out post " + p.statuscode + " " + p.body);',
        `server.log("out slow " + http.get("${base}/slow").sendsync(0.5).statuscode);`,
        'server.log("out refused " + http.get("http://127.0.0.1:1/x").sendsync().statuscode);',
        `http.get("${base}/hello").sendasync(function(a) { server.log("out async " + a.statuscode + " " + a.body); });`,
      ].join('\n'));
      const out = async () => (await codeLines(dev(2))).filter((l) => l.startsWith('agent.log out '));
      await until(async () => (await out()).length >= 5);
      expect(await out()).toEqual([
        'agent.log out sync 200 hi yes',
        'agent.log out post 200 echo payload',
        'agent.log out slow 28',
        'agent.log out refused 7',
        'agent.log out async 200 hi',
      ]);
      // the timed-out request was given up on
      await until(async () => slowAnswered);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  it('runs timers on the emulator clock', async () => {
    await run(dev(3), 'imp.wakeup(3600, function() { server.log("an hour later"); });\nimp.wakeup(0.01, function() { server.log("soon"); });');
    await until(async () => (await codeLines(dev(3))).includes('server.log soon'));
    expect(await codeLines(dev(3))).toEqual(['server.log soon']);
    await emu.admin('POST', 'clock', { advance_seconds: 3600 });
    await until(async () => (await codeLines(dev(3))).includes('server.log an hour later'));
  });

  it('writes a runtime error as error lines with the stack; the agent keeps running', async () => {
    await run(
      dev(4),
      'function check(t) {\n  return t.missing;\n}\nserver.log("before");\ncheck({});\nserver.log("never");',
      'imp.wakeup(0.01, function() { throw "agent trouble"; });\nimp.wakeup(0.05, function() { server.log("agent alive"); });',
    );
    await until(async () => (await codeLines(dev(4))).includes('agent.log agent alive'));
    expect(await codeLines(dev(4))).toEqual([
      'server.log before',
      "server.error ERROR: the index 'missing' does not exist",
      'server.error ERROR:   in check device_code:2',
      'server.error ERROR:   from main device_code:5',
      'agent.error ERROR: agent trouble',
      'agent.error ERROR:   in unknown agent_code:1',
      'agent.log agent alive',
    ]);
  });

  it('a device in an endless loop is stopped by the watchdog and never stalls the API', async () => {
    await run(dev(5), 'function spin() { imp.wakeup(0, spin); local i = 0; while (true) i++; }\nspin();');
    // an endless loop that held the event loop would leave these unanswered (the hang guard ends the test)
    for (let i = 0; i < 20; i++) expect((await api.get('/products')).status).toBe(200);
    const lines = await codeLines(dev(5));
    expect(lines[0]).toMatch(/^server\.error ERROR: watchdog: the device code ran \d+ instructions without returning to the event loop$/);
    const state = (await emu.admin('GET', `devices/${dev(5)}/imp`)).data;
    expect(state.restart_pending).toBe(true);
    // a busy device that keeps returning to the event loop does not stall it either
    await run(dev(5), 'function busy() { imp.wakeup(0, busy); for (local i = 0; i < 50000; i++); }\nbusy();');
    for (let i = 0; i < 20; i++) expect((await api.get('/products')).status).toBe(200);
  });

  it('factory firmware makes a DUT with server.factoryblinkup; the DUT blesses itself with server.bless', async () => {
    const prod = await run(null, 'server.log("production code");', '', 'production_devicegroup');
    const dut = await run(
      null,
      'server.log("testing " + hardware.getdeviceid() + " for " + imp.configparams.factory_imp_device_id);\nserver.bless(true, function(ok) { server.log("blessed " + ok); });',
      '',
      'dut_devicegroup',
    );
    const link = (g: any) => ({ type: g.type, id: g.id });
    await run(
      dev(6),
      'if (imp.configparams.factory_imp_device_id == hardware.getdeviceid()) server.factoryblinkup("ssid", "pw", hardware.pinA, BLINKUP_FAST);',
      '',
      'factoryfixture_devicegroup',
      { production_target: link(prod), dut_target: link(dut) },
    );
    const made = await until(async () => (await api.get(`/devices?filter[devicegroup.id]=${prod.id}`)).body.data[0]);
    await until(async () => (await codeLines(made.id)).includes('server.log production code'));
    expect(await codeLines(made.id)).toEqual([`server.log testing ${made.id} for ${dev(6)}`, 'server.log blessed true', 'server.log production code']);
  });

  it('hardware objects are instances of native classes, those of the imp type; injected values are read, writes recorded', async () => {
    await run(
      dev(7),
      [
        'server.log(typeof hardware.pinA + " " + (hardware.pinA instanceof hardware.pinB.getclass()) + " " + ("pin1" in hardware) + " " + typeof hardware.uartFGJH);',
        'hardware.pinA.configure(DIGITAL_IN, function() { server.log("pinA " + hardware.pinA.read()); });',
        'hardware.pinB.configure(DIGITAL_OUT);',
        'hardware.pinB.write(1);',
      ].join('\n'),
    );
    await until(async () => (await codeLines(dev(7))).length > 0);
    // an imp004m: pins A..W, no pin1
    expect((await codeLines(dev(7)))[0]).toBe('server.log instance true false instance');
    const r = await emu.admin('POST', `devices/${dev(7)}/hardware`, { values: { pinA: 1 } });
    expect(r.data.writes).toEqual(expect.arrayContaining([expect.objectContaining({ target: 'pinB', op: 'write', value: 1 })]));
    await until(async () => (await codeLines(dev(7))).includes('server.log pinA 1'));
    const refused = await fetch(`${emu.origin}/_emulator/devices/${dev(7)}/hardware`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ values: { pin1: 1 } }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^values\.pin1: an imp004m has no such pin or bus/);
  });

  it('after an emulator restart the devices run their code again; server.save data survives agent and emulator restarts, nv only warm restarts', async () => {
    const device = [
      'nv.boots <- ("boots" in nv) ? nv.boots + 1 : 1;',
      'server.log("boot " + nv.boots);',
      'if (nv.boots == 1) imp.wakeup(0, function() { server.restart(); });',
    ].join('\n');
    const agent = ['local d = server.load();', 'local n = ("n" in d) ? d.n + 1 : 1;', 'server.save({ n = n });', 'server.log("agent boot " + n);'].join('\n');
    await run(dev(8), device, agent);
    const lines = async (prefix: string) => (await codeLines(dev(8))).filter((l) => l.startsWith(prefix));
    // server.restart(): a warm restart, nv kept; the agent keeps running
    await until(async () => (await lines('server.log')).length === 2);
    expect(await lines('server.log')).toEqual(['server.log boot 1', 'server.log boot 2']);
    expect(await lines('agent.log')).toEqual(['agent.log agent boot 1']);
    // a restart through the API restarts the agent too: server.load() has what it saved
    expect((await api.post(`/devices/${dev(8)}/restart`)).status).toBe(204);
    await until(async () => (await lines('agent.log')).length === 2);
    await until(async () => (await lines('server.log')).length === 3);
    expect(await lines('agent.log')).toEqual(['agent.log agent boot 1', 'agent.log agent boot 2']);
    expect((await lines('server.log'))[2]).toBe('server.log boot 3');
    // an emulator restart is a power loss for the device (nv empty) but not for the agent's storage
    await emu.restart();
    api = client(emu, await login(emu));
    await until(async () => (await lines('server.log')).length === 5 && (await lines('agent.log')).length === 3);
    expect((await lines('server.log')).slice(3)).toEqual(['server.log boot 1', 'server.log boot 2']);
    expect((await lines('agent.log'))[2]).toBe('agent.log agent boot 3');
  });
});
