// Device lifecycle: when a device and its agent (re)start, the platform's
// status lines, and the code they run (in Squirrel VMs, see src/emulator/imp).
// Offline devices run nothing (their agent runs); a restart asked while
// offline runs when the device comes online. Every line goes through
// Emulator.appendLog, so it reaches the historical logs and open log streams
// alike.
import type { Emulator } from '../core/emulator.js';
import type { DeploymentRec, DeviceRec, LogEntry } from '../core/model.js';
import type { SquirrelEngine } from '../imp/engine.js';
import { agentScripts, createWorld, deviceScripts } from './imp-host.js';
import { type ImpWorld, storagePercent } from '../imp/world.js';
import { CONSTANTS } from '../imp/api.js';
import { envInt } from '../core/env.js';

/** Real-time delay between a restart and the lines of the new boot (see bootDelayFromEnv). */
export const DEFAULT_BOOT_DELAY_MS = 2000;

export function bootDelayFromEnv(): number {
  return envInt('IMPT_EMULATOR_BOOT_DELAY_MS', 0, 600_000) ?? DEFAULT_BOOT_DELAY_MS;
}


export class DeviceRuntime {
  /** devices restarted while offline, run when they come online */
  private readonly pending = new Set<string>();
  /** deployment each device last booted, for "Downloading new code" */
  private readonly booted = new Map<string, string | null>();
  private readonly lastTs = new Map<string, number>();
  /** boots waiting for their delay (or their turn in the scheduler), by device: what cancels them */
  private readonly booting = new Map<string, () => void>();
  private readonly off: (() => void)[] = [];
  /** The devices' and agents' Squirrel VMs (when an interpreter is available). */
  readonly world: ImpWorld | null;

  constructor(
    private readonly emu: Emulator,
    readonly bootDelayMs = bootDelayFromEnv(),
    engine?: SquirrelEngine,
  ) {
    this.world = engine ? createWorld(emu, this, engine) : null;
    const ev = emu.events;
    this.off.push(
      ev.on('device.restarted', ({ device, forced, previousDeploymentId }) => {
        if (!forced && !this.restartsOnShutdown(device.id, previousDeploymentId, device.running_deployment_id)) {
          // the running code's shutdown handler declined: it keeps running
          if (device.running_deployment_id !== previousDeploymentId) {
            this.emu.store.put('devices', { ...device, running_deployment_id: previousDeploymentId });
          }
          return;
        }
        this.boot(device.id, { restart: true, agent: true });
      }),
      ev.on('device.assigned', ({ device, devicegroup }) => {
        // a device joining a group with code loads that code (INFERENCE)
        if (!devicegroup.current_deployment_id) return;
        this.load(device.id, devicegroup.current_deployment_id);
      }),
      ev.on('device.deleted', ({ device }) => this.forget(device.id)),
      ev.on('device.unassigned', ({ device }) => this.world?.drop(device.id)),
      ev.on('clock.advanced', () => this.world?.scheduler.wake()),
      ev.on('emulator.reset', () => {
        this.world?.reset();
        for (const cancel of this.booting.values()) cancel();
        this.booting.clear();
        this.pending.clear();
        this.booted.clear();
        this.lastTs.clear();
      }),
    );
  }

  /** Emulator start: devices with code run it again, agents too (offline devices: the agent only). */
  startAll(): void {
    if (!this.world) return;
    for (const d of this.emu.store.values('devices')) {
      const dep = d.running_deployment_id && d.devicegroup_id ? this.emu.store.get('deployments', d.running_deployment_id) : undefined;
      if (!dep) continue;
      this.booted.set(d.id, dep.id);
      if (d.device_online) this.runCode(d, dep, true);
      else this.startAgent(d.id, dep);
    }
  }

  stop(): void {
    this.world?.close();
    for (const cancel of this.booting.values()) cancel();
    this.booting.clear();
    for (const off of this.off) off();
    this.off.length = 0;
  }

  /** Makes a device run `deploymentId` (restart with that code). */
  load(deviceId: string, deploymentId: string): void {
    const d = this.emu.store.get('devices', deviceId);
    if (!d) return;
    if (d.running_deployment_id !== deploymentId) {
      this.emu.store.put('devices', { ...d, running_deployment_id: deploymentId, updated_at: this.emu.iso() });
    }
    this.boot(deviceId, { restart: true, agent: true });
  }

  /** Device restart: status lines, then the code's log lines (or later, if offline).
   * A device with code to run comes back after bootDelayMs (real time), like
   * hardware does, so that a log stream opened right after a restart sees it. */
  boot(deviceId: string, opts: { restart: boolean; agent: boolean }): void {
    const d = this.emu.store.get('devices', deviceId);
    if (!d) return;
    this.booting.get(d.id)?.();
    this.booting.delete(d.id);
    if (!d.device_online) {
      if (opts.restart) this.pending.add(d.id);
      return;
    }
    if (opts.restart) this.disconnected(d.id);
    const up = () => {
      this.booting.delete(deviceId);
      const cur = this.emu.store.get('devices', deviceId);
      if (!cur) return;
      if (!cur.device_online) {
        this.pending.add(cur.id);
        return;
      }
      const dep = cur.running_deployment_id ? this.emu.store.get('deployments', cur.running_deployment_id) : undefined;
      this.status(cur.id, 'Device connected');
      this.runCode(cur, dep, opts.agent);
    };
    if (this.bootDelayMs > 0 && d.running_deployment_id) {
      // after the delay the boot waits for its turn in the VMs' scheduler, so
      // that a group of a thousand devices restarting boots in slices
      // between which the API answers
      const t = setTimeout(() => {
        if (this.world) this.booting.set(deviceId, this.world.scheduler.at(this.emu.clock.nowMs(), up));
        else up();
      }, this.bootDelayMs);
      t.unref();
      this.booting.set(d.id, () => clearTimeout(t));
    } else {
      up();
    }
  }

  setOnline(deviceId: string, online: boolean): DeviceRec | undefined {
    const d = this.emu.store.get('devices', deviceId);
    if (!d) return undefined;
    if (d.device_online === online) return d;
    const now = this.emu.iso();
    const updated = this.emu.store.put('devices', { ...d, device_online: online, device_state_changed_at: now, updated_at: now });
    this.emu.events.emit('device.updated', { device: updated });
    if (!online) {
      const waiting = this.booting.get(d.id);
      if (waiting) {
        // went away while booting: the boot completes when it is back
        waiting();
        this.booting.delete(d.id);
        this.pending.add(d.id);
      }
      this.disconnected(d.id);
      return updated;
    }
    // a device coming online boots its code; its agent restarts only if a
    // restart was asked for while the device was away
    const agent = this.pending.delete(d.id);
    this.status(d.id, 'Device connected');
    const dep = updated.running_deployment_id ? this.emu.store.get('deployments', updated.running_deployment_id) : undefined;
    this.runCode(updated, dep, agent);
    return updated;
  }

  /** Appends one line with a strictly increasing timestamp per device. */
  line(deviceId: string, type: string, msg: string): LogEntry {
    const now = this.emu.clock.nowMs();
    const last = this.lastTs.get(deviceId) ?? 0;
    const ms = Math.max(now, last + 1);
    this.lastTs.set(deviceId, ms);
    return this.emu.appendLog(deviceId, { ts: new Date(ms).toISOString(), type, msg });
  }

  private status(deviceId: string, msg: string): void {
    this.line(deviceId, 'status', msg);
  }

  /** `Device disconnected`: the device code stops, the agent hears of it. */
  private disconnected(deviceId: string): void {
    this.status(deviceId, 'Device disconnected');
    const pair = this.world?.pairs.get(deviceId);
    if (pair?.device) {
      pair.stopDevice();
      pair.connection(false);
    }
  }

  private startAgent(deviceId: string, dep: DeploymentRec): void {
    this.status(deviceId, 'Agent restarted');
    this.world!.pair(deviceId).startAgent(agentScripts(this.emu, dep), dep.id);
  }

  private runCode(d: DeviceRec, dep: DeploymentRec | undefined, agent: boolean): void {
    if (!dep) return;
    const fresh = this.booted.get(d.id) !== dep.id;
    if (fresh) {
      this.status(d.id, `Downloading new code; ${storagePercent(d.imp_type, dep.device_code)}% program storage used`);
      this.booted.set(d.id, dep.id);
    }
    if (this.world) {
      const pair = this.world.pair(d.id);
      const reason = fresh ? CONSTANTS.WAKEREASON_NEW_SQUIRREL! : CONSTANTS.WAKEREASON_POWER_ON!;
      const newAgent = agent || !pair.agent;
      // messages the device code sends wait for the new agent
      if (newAgent) pair.stopAgent();
      pair.startDevice(deviceScripts(this.emu, dep), dep.id, { fresh, reason });
      if (newAgent) this.startAgent(d.id, dep);
      else pair.connection(true);
    }
  }

  /** A polite (conditional) restart: the handler of the code the device runs
   * decides. Without a server.onshutdown handler the device restarts; with
   * one, only if that code calls server.restart(). */
  private restartsOnShutdown(deviceId: string, runningDeploymentId: string | null, newDeploymentId: string | null): boolean {
    const pair = this.world?.pairs.get(deviceId);
    if (pair?.device?.running) return !(newDeploymentId && pair.offerShutdown(newDeploymentId));
    const dep = runningDeploymentId ? this.emu.store.get('deployments', runningDeploymentId) : undefined;
    if (!dep || !/server\s*\.\s*onshutdown\s*\(/.test(dep.device_code)) return true;
    return /server\s*\.\s*restart\s*\(/.test(dep.device_code);
  }

  private forget(id: string): void {
    this.world?.drop(id);
    if (this.emu.store.get('agent_storage', id)) this.emu.store.delete('agent_storage', id);
    this.pending.delete(id);
    this.booted.delete(id);
    this.lastTs.delete(id);
  }
}
