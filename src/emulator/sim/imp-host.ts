// The emulator side of the imps: a WorldHost over the store, the device
// runtime and the factory operations, the limits, and the scripts a
// deployment runs.
import type { Emulator } from '../core/emulator.js';
import type { DeploymentRec } from '../core/model.js';
import { bless, makeDut, SimError } from './factory.js';
import type { DeviceRuntime } from './runtime.js';
import { isFixture } from '../core/rules.js';
import { scriptsFor } from '../imp/code-check.js';
import type { SquirrelEngine } from '../imp/engine.js';
import type { Portable } from '../imp/values.js';
import type { Script } from '../imp/vm.js';
import { ImpWorld, LOG_RATE, type WorldHost } from '../imp/world.js';

/** Instructions (function entries + loop iterations) a callback may run before the watchdog stops it: 1 to 15 ms of the interpreter's work (see docs/emulator.md). */
export const DEFAULT_BUDGET = 100_000;
export const DEVICE_MEMORY = 4 << 20;
export const AGENT_MEMORY = 32 << 20;

function intFromEnv(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(v) && v >= min && v <= max ? v : def;
}

export function createWorld(emu: Emulator, runtime: DeviceRuntime, engine: SquirrelEngine): ImpWorld {
  const budget = intFromEnv('IMPT_EMULATOR_IMP_BUDGET', DEFAULT_BUDGET, 1000, 1_000_000_000);
  const host: WorldHost = {
    now: () => emu.clock.nowMs(),
    iso: () => emu.iso(),
    line: (id, type, msg) => runtime.line(id, type, msg),
    device: (id) => emu.store.get('devices', id),
    origin: () => emu.origin,
    factoryRole(id) {
      const d = emu.store.get('devices', id) as (ReturnType<typeof emu.store.get<'devices'>> & { sim_fixture_device_id?: string }) | undefined;
      if (!d) return undefined;
      const g = d.devicegroup_id ? emu.store.get('devicegroups', d.devicegroup_id) : undefined;
      if (g && isFixture(g.type)) return { role: 'fixture', fixtureId: d.id, fixtureMac: d.mac_address, fixtureAgentUrl: agentUrl(emu, d.agent_id) };
      const f = d.sim_fixture_device_id ? emu.store.get('devices', d.sim_fixture_device_id) : undefined;
      if (f) return { role: 'dut', fixtureId: f.id, fixtureMac: f.mac_address, fixtureAgentUrl: agentUrl(emu, f.agent_id) };
      return undefined;
    },
    load: (id, dep) => runtime.load(id, dep),
    bless(id, success) {
      let loadAfter: string | undefined;
      const deferred = { line: (d: string, t: string, m: string) => runtime.line(d, t, m), load: (_d: string, dep: string) => void (loadAfter = dep) };
      try {
        const r = bless(emu, deferred, id, success);
        return { blessed: r.blessed, loadAfter };
      } catch (e) {
        if (e instanceof SimError) return { blessed: false, error: `server.bless: ${e.message}` };
        throw e;
      }
    },
    agentStorage: (id) => (emu.store.get('agent_storage', id)?.data as Portable | undefined) ?? null,
    saveAgentStorage(id, data) {
      emu.store.put('agent_storage', { id, data, updated_at: emu.iso() });
    },
    factoryBlinkup(id) {
      const d = emu.store.get('devices', id);
      const g = d?.devicegroup_id ? emu.store.get('devicegroups', d.devicegroup_id) : undefined;
      if (!g || !isFixture(g.type)) return 'Factory BlinkUp request failed. This is not a factory imp.';
      try {
        makeDut(emu, id);
        return undefined;
      } catch (e) {
        if (e instanceof SimError) return `Factory BlinkUp request failed. ${e.message}`;
        throw e;
      }
    },
  };
  return new ImpWorld(engine, host, {
    device: { budget, memory: intFromEnv('IMPT_EMULATOR_DEVICE_MEMORY', DEVICE_MEMORY, 65536, 1 << 30) },
    agent: { budget, memory: intFromEnv('IMPT_EMULATOR_AGENT_MEMORY', AGENT_MEMORY, 65536, 1 << 30) },
    agentInternet: emu.imp.agentInternet,
    logRate: {
      perSecond: intFromEnv('IMPT_EMULATOR_LOG_RATE', LOG_RATE.perSecond, 1, 1_000_000),
      burst: intFromEnv('IMPT_EMULATOR_LOG_BURST', LOG_RATE.burst, 1, 1_000_000),
    },
  });
}

export function agentUrl(emu: Emulator, agentId: string | null): string | null {
  return agentId ? `${emu.origin}/agent/${agentId}` : null;
}

export function deviceScripts(emu: Emulator, dep: DeploymentRec): Script[] {
  return scriptsFor(dep.device_code, 'device_code', emu.imp.libDir);
}

export function agentScripts(emu: Emulator, dep: DeploymentRec): Script[] {
  return scriptsFor(dep.agent_code, 'agent_code', emu.imp.libDir);
}
