// The Production Guide of `npm run demo`, run against a test emulator; the
// emulator's final state and the webhook deliveries are checked afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module shared with the demo
import { productionGuide } from '../../scripts/production-guide.mjs';
// @ts-expect-error plain JavaScript module shared with the demo
import { startListener } from '../../scripts/local-run.mjs';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';

let emu: EmulatorHandle;

beforeAll(async () => {
  emu = await startEmulator({ inMemory: true });
});
afterAll(async () => {
  await emu?.stop();
});

interface Step {
  args: string[];
  code: number;
  out: string;
  expectFail: boolean;
}

describe('Production Guide', () => {
  it('runs every step and leaves the account clean', async () => {
    const home = tempDir('impt-home-');
    const dir = tempDir('impt-guide-');
    const hooks = await startListener();
    const steps: Step[] = [];
    const adminCalls: Array<{ path: string; ok: boolean }> = [];
    try {
      await productionGuide({
        impt: async (args: string[], opts: { json?: boolean; expectFail?: boolean } = {}) => {
          const r = await runImpt(args, { cwd: dir, home });
          steps.push({ args, code: r.code, out: r.stdout, expectFail: Boolean(opts.expectFail) });
          let data: unknown;
          if (opts.json && r.code === 0) data = JSON.parse(r.stdout);
          return { code: r.code, out: r.stdout, data };
        },
        admin: async (method: string, path: string, body?: unknown) => {
          const res = await fetch(`${emu.origin}/_emulator/${path}`, {
            method,
            headers: { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          adminCalls.push({ path, ok: res.ok });
          return res.json();
        },
        section: () => undefined,
        dir,
        endpoint: emu.url,
        hooksUrl: hooks.url,
      });
    } finally {
      hooks.server.close();
    }

    const failed = steps.filter((s) => (s.expectFail ? s.code === 0 : s.code !== 0));
    expect(failed.map((s) => `impt ${s.args.join(' ')}\n${s.out}`)).toEqual([]);
    expect(adminCalls.every((c) => c.ok)).toBe(true);
    expect(steps.length).toBeGreaterThan(40);

    // the DUT was made and blessed by the firmware of docs/examples/production
    // (server.factoryblinkup on the fixture, server.bless on the DUT), not by admin routes
    expect(adminCalls.map((c) => c.path).filter((p) => /\/dut$|\/bless$/.test(p))).toEqual([]);
    expect(adminCalls.map((c) => c.path)).toContain(`devices/${steps.find((st) => st.args[0] === 'device' && st.args[1] === 'update')!.args[3]}/hardware`);
    const fixtureLogs = steps.filter((st) => st.args.join(' ') === 'log get --device fixture-1').at(-1)!.out;
    expect(fixtureLogs).toMatch(/\[server\.log\] Footswitch pressed: factory BlinkUp/);
    const dut = /Label printed for ([0-9a-f]{16}) \(blessed\)/.exec(fixtureLogs)?.[1];
    expect(dut).toBeDefined();
    const dutLogs = steps.find((st) => st.args.join(' ') === `log get --device ${dut}`)!.out;
    expect(dutLogs).toMatch(/\[server\.log\] DUT self-test: supply 3\.30 V, pass/);
    expect(dutLogs).toMatch(/\[server\.log\] Blessed: this unit is now a production device/);
    expect(dutLogs).toMatch(new RegExp(`\\[agent\\.log\\] Result of ${dut} sent to the fixture: HTTP 200`));
    expect(steps.find((st) => st.args.join(' ') === 'device list --dg LampProduction')?.out).toContain(dut);

    // the blessed DUT reached production and was moved to the second production group
    const moved = steps.find((s) => s.args.join(' ') === 'device list --dg LampProduction2');
    expect(moved?.out).toMatch(/Device list \(1 items\):/);
    // unassigning without the unbond key was refused
    const refused = steps.find((s) => s.args.join(' ') === 'dg unassign --dg LampProduction2');
    expect(refused?.out).toMatch(/^Error: /m);

    // both production webhooks were delivered to the listener
    const events = hooks.received.map((r: { body: string }) => r.body);
    expect(events.some((b: string) => b.includes('"imp_id"'))).toBe(true);
    expect(events.some((b: string) => b.includes('plan_id='))).toBe(true);

    // final state, read through the API: no product, no device group, every device unassigned
    const login = await fetch(`${emu.url}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'demo', password: 'demo' }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    const get = async (path: string) =>
      ((await (await fetch(`${emu.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { data: Array<{ relationships?: Record<string, unknown> }> }).data;
    expect(await get('/products')).toEqual([]);
    expect(await get('/devicegroups')).toEqual([]);
    const devices = await get('/devices?page[size]=100');
    expect(devices.length).toBe(4);
    expect(devices.filter((d) => d.relationships && 'devicegroup' in d.relationships)).toEqual([]);
    expect(await get('/deployments')).toEqual([]);
  });
});
