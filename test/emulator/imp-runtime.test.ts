// The imp runtime against a stand-in interpreter (imp-fake-engine.ts), in
// process: event loops on the emulator clock, agent<->device messages, agent
// HTTP, error lines and restarts, the watchdog, factory calls, lifecycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/core/emulator.js';
import { deviceSimulation } from '../../src/emulator/sim/index.js';
import { deviceRuntime } from '../../src/emulator/sim/index.js';
import { createEmulator } from '../../src/emulator/server.js';
import { SqTable, type SqValue } from '../../src/squirrel/value.js';
import { DEFAULT_BUDGET } from '../../src/emulator/sim/imp-host.js';
import { fakeEngine, programs } from './imp-fake-engine.js';
import { until } from './sim-helpers.js';

const DEVICE = '30000c2a690c0001';
const DEVICE2 = '30000c2a690c0002';

describe('imp runtime (stand-in interpreter)', () => {
  let emu: Emulator;
  let token: string;
  let product: any;
  let seq = 0;

  const req = async (method: string, path: string, body?: unknown) => {
    const res = await emu.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  /** Resolves when the VMs have run all that the emulated time so far calls for. */
  const idle = () => deviceRuntime(emu)!.world!.scheduler.whenIdle();
  /** Waits until the device's lines since the n-th (as `since`) include every one of `want`. */
  const logged = (n: number, want: string[], id = DEVICE) => until(async () => want.every((w) => since(n, id).includes(w)));
  const logs = (id = DEVICE) => emu.store.logsOf(id).map((l) => `${l.type} ${l.msg}`);
  /** lines since the n-th, without the connect/disconnect status lines */
  const since = (n: number, id = DEVICE) => logs(id).slice(n).filter((l) => !/^status Device (dis)?connected$/.test(l));

  /** A new DG with the device assigned, running these programs. */
  async function run(device: Program, agent: Program, id = DEVICE, type = 'development_devicegroup', rels: Record<string, unknown> = {}) {
    seq++;
    programs.set(`d${seq}`, device);
    programs.set(`a${seq}`, agent);
    const dg = (await req('POST', '/v5/devicegroups', { data: { type, attributes: { name: `g${seq}` }, relationships: { product: { type: 'product', id: product.id }, ...rels } } })).body.data;
    const dep = await req('POST', '/v5/deployments', {
      data: { type: 'deployment', attributes: { device_code: `@fake:d${seq}`, agent_code: `@fake:a${seq}` }, relationships: { devicegroup: { type: dg.type, id: dg.id } } },
    });
    expect(dep.status).toBe(201);
    if (id) expect((await req('POST', `/v5/devicegroups/${dg.id}/relationships/devices`, { data: [{ type: 'device', id }] })).status).toBe(204);
    await idle();
    return dg;
  }
  type Program = Parameters<typeof programs.set>[1];
  const noop: Program = () => {};

  beforeAll(async () => {
    process.env.IMPT_EMULATOR_BOOT_DELAY_MS = '0';
    emu = createEmulator({ extensions: [deviceSimulation(fakeEngine)] });
    for (const ext of emu.extensions) await ext.start?.(emu);
    const auth = await emu.app.request('/v5/auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'demo', password: 'demo' }) });
    token = ((await auth.json()) as { access_token: string }).access_token;
    product = (await req('POST', '/v5/products', { data: { type: 'product', attributes: { name: 'imp' } } })).body.data;
  });
  afterAll(async () => {
    for (const ext of emu.extensions) await ext.stop?.(emu);
    emu.close();
  });

  it('runs device code then agent code, each log line with its type, in order', async () => {
    const n = logs().length;
    await run(
      (g) => {
        for (let i = 0; i < 20; i++) g.call('server.log', `Message #${i}#`);
        g.call('server.error', 'bad');
      },
      (g) => g.call('server.log', 'agent up'),
    );
    await logged(n, ['agent.log agent up']);
    await idle();
    expect(since(n)).toEqual([
      expect.stringMatching(/^status Downloading new code/),
      ...Array.from({ length: 20 }, (_, i) => `server.log Message #${i}#`),
      'server.error bad',
      'status Agent restarted',
      'agent.log agent up',
    ]);
  });

  it('passes messages both ways, asynchronously and in order, as deep copies', async () => {
    const n = logs().length;
    let sentTable: SqTable | null = null;
    await run(
      (g) => {
        g.call('agent.on', 'pong', g.fn((d) => void g.call('server.log', `pong ${d}`)));
        for (let i = 1; i <= 3; i++) g.call('agent.send', 'ping', i);
        const t = new SqTable();
        t.map.set('k', 'v1');
        g.call('agent.send', 'table', t);
        t.map.set('k', 'changed after send');
        g.call('server.log', 'sent');
      },
      (g) => {
        g.call('device.on', 'ping', g.fn((d) => void g.call('device.send', 'pong', (d as number) * 10)));
        g.call('device.on', 'table', g.fn((d) => {
          sentTable = d as SqTable;
          g.call('server.log', `got ${(d as SqTable).map.get('k')}`);
        }));
      },
    );
    await logged(n, ['server.log pong 30', 'agent.log got v1']);
    const got = since(n).filter((l) => !l.startsWith('status'));
    // the two event loops interleave; each direction keeps its order
    expect(got[0]).toBe('server.log sent');
    expect(got.filter((l) => l.startsWith('server.log pong'))).toEqual(['server.log pong 10', 'server.log pong 20', 'server.log pong 30']);
    expect(got).toContain('agent.log got v1');
    expect(sentTable).toBeInstanceOf(SqTable);
  });

  it('logs a message nobody handles', async () => {
    const n = logs().length;
    await run((g) => void g.call('agent.send', 'nobody', null), noop);
    await logged(n, ['agent.error ERROR: no handler for agent.send("nobody")']);
    expect(since(n)).toContain('agent.error ERROR: no handler for agent.send("nobody")');
  });

  it('runs timers on the emulator clock: POST /_emulator/clock fires them', async () => {
    emu.clock.freeze();
    try {
      const n = logs().length;
      await run((g) => {
        g.call('imp.wakeup', 60, g.fn(() => void g.call('server.log', 'a minute later')));
        const t = g.call('imp.wakeup', 30, g.fn(() => void g.call('server.log', 'cancelled')));
        g.call('imp.wakeup', 0, g.fn(() => void g.call('server.log', 'next turn')));
        g.call('imp.cancelwakeup', t);
      }, noop);
      await logged(n, ['server.log next turn']);
      await idle();
      expect(since(n).filter((l) => l.startsWith('server'))).toEqual(['server.log next turn']);
      const r = await emu.app.request('/_emulator/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_seconds: 59 }) });
      expect(r.status).toBe(200);
      await idle(); // the timers due by now have run: the 60 s one is not among them
      expect(since(n).filter((l) => l.startsWith('server'))).toEqual(['server.log next turn']);
      await emu.app.request('/_emulator/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_seconds: 1 }) });
      await logged(n, ['server.log a minute later']);
      await idle();
      expect(since(n).filter((l) => l.startsWith('server'))).toEqual(['server.log next turn', 'server.log a minute later']);
    } finally {
      emu.clock.unfreeze();
    }
  });

  it('answers HTTP requests to the agent URL with http.onrequest', async () => {
    await run(noop, (g) => {
      g.call(
        'http.onrequest',
        g.fn((request, response) => {
          const r = request as SqTable;
          const q = r.map.get('query') as SqTable;
          const h = r.map.get('headers') as SqTable;
          g.vm.call((response as SqTable).map.get('header')!, response as SqValue, ['x-agent', 'yes']);
          const text = `${r.map.get('method')} ${r.map.get('path')} a=${q.map.get('a')} h=${h.map.get('x-test')} body=${r.map.get('body')}`;
          g.vm.call((response as SqTable).map.get('send')!, response as SqValue, [201, text]);
        }),
      );
    });
    const d = emu.store.get('devices', DEVICE)!;
    const state = await (await emu.app.request(`/_emulator/devices/${DEVICE}/agent-url`)).json();
    expect(state.data.agent_url).toBe(`${emu.origin}/agent/${d.agent_id}`);
    const res = await emu.app.request(`/agent/${d.agent_id}/some/path?a=1`, { method: 'POST', headers: { 'x-test': 't' }, body: 'hello' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-agent')).toBe('yes');
    expect(await res.text()).toBe('POST /some/path a=1 h=t body=hello');
    expect((await emu.app.request('/agent/nosuchagent1')).status).toBe(404);
  });

  it('writes runtime errors as error lines with the stack; device code restarts 10 s later, the agent keeps running', async () => {
    emu.clock.freeze();
    try {
      const n = logs().length;
      let boots = 0;
      await run(
        (g) => {
          boots++;
          g.call('server.log', `boot ${boots}`);
          if (boots === 1) g.fail("the index 'x' does not exist", [{ func: 'f', src: 'device_code', line: 3 }, { func: 'main', src: 'device_code', line: 7 }]);
        },
        (g) => {
          g.call('imp.wakeup', 1, g.fn(() => g.fail('agent boom', [{ func: 'unknown', src: 'agent_code', line: 2 }])));
          g.call('imp.wakeup', 2, g.fn(() => void g.call('server.log', 'agent still alive')));
        },
      );
      await logged(n, ['server.error ERROR:   from main device_code:7']);
      expect(since(n).slice(1, 5)).toEqual([
        'server.log boot 1',
        "server.error ERROR: the index 'x' does not exist",
        'server.error ERROR:   in f device_code:3',
        'server.error ERROR:   from main device_code:7',
      ]);
      emu.advanceClock(10_000);
      await logged(n, ['server.log boot 2', 'agent.error ERROR:   in unknown agent_code:2', 'agent.log agent still alive']);
      const after = since(n);
      expect(after).toContain('server.log boot 2');
      expect(after).toContain('agent.error ERROR: agent boom');
      expect(after).toContain('agent.error ERROR:   in unknown agent_code:2');
      expect(after.indexOf('agent.log agent still alive')).toBeGreaterThan(after.indexOf('agent.error ERROR: agent boom'));
    } finally {
      emu.clock.unfreeze();
    }
  });

  it('stops runaway code with the watchdog without stalling requests', async () => {
    const n = logs().length;
    let runs = 0;
    emu.clock.freeze();
    try {
      await run((g) => {
        runs++;
        g.call('imp.wakeup', 0, g.fn(() => g.spin()));
      }, noop);
      const watchdog = `server.error ERROR: watchdog: the device code ran ${DEFAULT_BUDGET} instructions without returning to the event loop`;
      await logged(n, [watchdog]);
      expect(since(n)).toContain(`server.error ERROR: watchdog: the device code ran ${DEFAULT_BUDGET} instructions without returning to the event loop`);
      const state = await (await emu.app.request(`/_emulator/devices/${DEVICE}/imp`)).json();
      expect(state.data.restart_pending).toBe(true);
      emu.advanceClock(10_000);
      // the second run spins too; on the frozen clock nothing restarts it again
      await until(async () => since(n).filter((l) => l === watchdog).length === 2);
      await idle();
      expect(runs).toBe(2);
    } finally {
      emu.clock.unfreeze();
    }
  });

  it('warm restarts print the status lines: server.restart(), an error, deep sleep (woken after the emulated period)', async () => {
    emu.clock.freeze();
    try {
      const n = logs().length;
      let boots = 0;
      const reasons: SqValue[] = [];
      await run(
        (g) => {
          boots++;
          reasons.push(g.call('hardware.wakereason'));
          g.call('server.log', `boot ${boots}`);
          if (boots === 1) g.call('imp.wakeup', 0, g.fn(() => void g.call('server.restart')));
          if (boots === 2) g.call('imp.wakeup', 0, g.fn(() => g.fail('boom')));
          if (boots === 3) g.call('imp.wakeup', 0, g.fn(() => void g.call('server.sleepfor', 60)));
        },
        (g) => {
          g.call('device.ondisconnect', g.fn(() => void g.call('server.log', `device gone, send ${g.call('device.send', 'x', 1)}`)));
          g.call('device.onconnect', g.fn(() => void g.call('server.log', 'device back')));
        },
      );
      const restartPending = async () => (await (await emu.app.request(`/_emulator/devices/${DEVICE}/imp`)).json()).data.restart_pending as boolean;
      await until(async () => boots === 2);
      await until(restartPending); // boot 2 failed; it starts again 10 s later
      emu.advanceClock(10_000);
      await until(async () => boots === 3);
      await until(async () => logs().slice(n).includes('powerstate Device entered deep sleep for 60 s'));
      expect(logs().slice(n)).toContain('powerstate Device entered deep sleep for 60 s');
      emu.advanceClock(59_000);
      await idle(); // what 59 s asleep calls for has run: not the wake
      expect(boots).toBe(3);
      expect(await restartPending()).toBe(true);
      emu.advanceClock(1000);
      await until(async () => boots === 4);
      await until(async () => logs().slice(n).filter((l) => l === 'agent.log device back').length === 3);
      await idle();
      const lines = logs().slice(n).filter((l) => !l.startsWith('agent.') && l !== 'status Agent restarted');
      const pct = /^status Device booting; \d+\.\d\d% program storage used$/;
      const restart = lines.indexOf('server.log boot 1');
      expect(lines.slice(restart + 1, restart + 5)).toEqual(['status Device disconnected', 'status Device connected', expect.stringMatching(pct), 'server.log boot 2']);
      const failed = lines.indexOf('server.log boot 2');
      expect(lines.slice(failed + 1, failed + 5)).toEqual(['server.error ERROR: boom', 'server.error ERROR:   in main device_code:1', 'lastexitcode Squirrel runtime error', expect.stringMatching(pct)]);
      const slept = lines.indexOf('server.log boot 3');
      expect(lines.slice(slept + 1, slept + 6)).toEqual([
        'powerstate Device entered deep sleep for 60 s',
        'status Device disconnected',
        'status Device connected',
        expect.stringMatching(pct),
        'server.log boot 4',
      ]);
      expect(reasons).toEqual([4, 10, 5, 1]); // NEW_SQUIRREL, SW_RESTART, SQUIRREL_ERROR, TIMER
      const agent = logs().slice(n).filter((l) => l.startsWith('agent.'));
      expect(agent.filter((l) => l.startsWith('agent.log device gone'))).toContain('agent.log device gone, send 1');
      expect(agent.filter((l) => l === 'agent.log device back').length).toBe(3);
    } finally {
      emu.clock.unfreeze();
    }
  });

  it('server.factoryblinkup makes a DUT; server.bless moves it to production', async () => {
    const rel = (g: any) => ({ type: g.type, id: g.id });
    const prodDg = await run(noop, noop, '', 'production_devicegroup');
    const dutDg = await run(
      (g) => {
        g.call('server.log', `dut ${g.call('imp.getmacaddress')}`);
        g.call('server.bless', true, g.fn((ok) => void g.call('server.log', `blessed ${ok}`)));
      },
      noop,
      '',
      'dut_devicegroup',
    );
    const n2 = logs(DEVICE2).length;
    await run(
      (g) => {
        g.call('server.log', `fixture ${(g.get('imp.configparams') as SqTable).map.get('factory_imp_device_id')}`);
        g.call('server.factoryblinkup', 'ssid', 'pw', null, 0);
      },
      noop,
      DEVICE2,
      'factoryfixture_devicegroup',
      { production_target: rel(prodDg), dut_target: rel(dutDg) },
    );
    await logged(n2, [`server.log fixture ${DEVICE2}`], DEVICE2);
    expect(since(n2, DEVICE2)).toContain(`server.log fixture ${DEVICE2}`);
    const dut = await until(async () => {
      const made = emu.store.list('devices', (d) => d.devicegroup_id === prodDg.id)[0];
      return made && logs(made.id).includes('server.log blessed true') ? made : undefined;
    });
    expect(dut).toBeDefined();
    expect(logs(dut.id)).toContain('server.log blessed true');
    // a device that is not a fixture cannot do it
    const n = logs().length;
    await run((g) => void g.call('server.factoryblinkup', 'ssid', 'pw', null, 0), noop);
    await logged(n, ['server.error Factory BlinkUp request failed. This is not a factory imp.']);
    expect(since(n)).toContain('server.error Factory BlinkUp request failed. This is not a factory imp.');
  });

  it('stops both VMs when the device is unassigned', async () => {
    await run(noop, noop);
    expect(deviceRuntime(emu)!.world!.pairs.get(DEVICE)?.agent?.running).toBe(true);
    const g = emu.store.get('devices', DEVICE)!.devicegroup_id!;
    expect((await req('DELETE', `/v5/devicegroups/${g}/relationships/devices`, { data: [{ type: 'device', id: DEVICE }] })).status).toBe(204);
    expect(deviceRuntime(emu)!.world!.pairs.get(DEVICE)).toBeUndefined();
  });

  it('limits the log rate of a device: a wakeup(0) loop logging every turn keeps the burst, then a status line counts what was dropped', async () => {
    // a limit below the default, so that what passes fits the log history kept per device
    const world = deviceRuntime(emu)!.world! as unknown as { logRate: { perSecond: number; burst: number } };
    const defaults = world.logRate;
    world.logRate = { perSecond: 50, burst: 200 };
    emu.clock.freeze();
    try {
      const n = logs().length;
      let turns = 0;
      await run((g) => {
        const turn = g.fn(() => {
          g.call('server.log', `turn ${++turns}`);
          if (turns < 1000) g.call('imp.wakeup', 0, turn);
        });
        g.call('imp.wakeup', 0, turn);
      }, noop);
      await until(async () => turns === 1000);
      const code = () => since(n).filter((l) => !l.startsWith('status'));
      // the clock stands still: the burst (200 lines) and nothing more
      expect(code().length).toBe(200);
      expect(code().slice(-1)).toEqual(['server.log turn 200']);
      emu.advanceClock(1000);
      await logged(n, ['status Log rate limit: 800 lines of device and agent code dropped (more than 50 lines a second)']);
      expect(since(n)).toContain('status Log rate limit: 800 lines of device and agent code dropped (more than 50 lines a second)');
    } finally {
      world.logRate = defaults;
      emu.clock.unfreeze();
    }
  });
});
