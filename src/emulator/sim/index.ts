// The device simulation extension: the device runtime, its admin routes and
// the imps' HTTP side.
import type { Extension } from '../core/emulator.js';
import type { Emulator } from '../core/emulator.js';
import { checkDeploymentCode } from '../imp/code-check.js';
import type { SquirrelEngine } from '../imp/engine.js';
import { compileErrorOf, compileSource, ENGINE } from '../imp/interpreter.js';
import { registerImpRoutes } from './imp-routes.js';
import { registerSimAdmin } from './admin.js';
import { DeviceRuntime } from './runtime.js';

const runtimes = new WeakMap<Emulator, DeviceRuntime>();

/** The device runtime of an emulator (created with the routes). */
export function deviceRuntime(emu: Emulator): DeviceRuntime | undefined {
  return runtimes.get(emu);
}

/** Device simulation; with an engine, devices and agents run their code in Squirrel VMs. */
export function deviceSimulation(engine: SquirrelEngine | undefined = ENGINE): Extension {
  return {
    name: 'device-simulation',
    routes(emu, app) {
      const rt = new DeviceRuntime(emu, undefined, engine);
      runtimes.set(emu, rt);
      emu.codeChecks.push((code) =>
        checkDeploymentCode(engine ? (s, n) => engine.compile(s, n) : compileSource, engine ? (e) => engine.compileError(e) : compileErrorOf, code, emu.imp.libDir),
      );
      registerSimAdmin(emu, app, rt);
      registerImpRoutes(emu, app, rt);
    },
    start(emu) {
      runtimes.get(emu)?.startAll();
    },
    stop(emu) {
      runtimes.get(emu)?.stop();
      runtimes.delete(emu);
    },
  };
}

export const deviceSimulationExtension: Extension = deviceSimulation();
