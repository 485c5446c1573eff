// Device "execution": what a device and its agent print when they (re)start.
// No interpreter: a boot emits the platform status lines of §11.3, then the
// literal server.log/server.error messages of the device code (server.log /
// server.error), then those of the agent code (agent.log / agent.error).
// Offline devices print nothing; a restart asked while offline runs when the
// device comes online. Every line goes through Emulator.appendLog, so it
// reaches the historical logs and open log streams alike.
import type { Emulator } from '../emulator.js';
import { envInt } from '../env.js';
import type { DeploymentRec, DeviceRec, LogEntry } from '../model.js';
import { extractLogLines } from './squirrel.js';

/** Real-time delay between a restart and the lines of the new boot (see bootDelayFromEnv). */
export const DEFAULT_BOOT_DELAY_MS = 2000;

export function bootDelayFromEnv(): number {
  return envInt('IMPT_EMULATOR_BOOT_DELAY_MS', 0, 600_000) ?? DEFAULT_BOOT_DELAY_MS;
}

/** Program storage per imp type, for the "program storage used" status line. */
const STORAGE_BYTES: Record<string, number> = { imp001: 65536, imp002: 65536, imp003: 131072, imp005: 1048576, imp006: 262144 };

export class DeviceRuntime {
  /** devices restarted while offline, run when they come online */
  private readonly pending = new Set<string>();
  /** deployment each device last booted, for "Downloading new code" */
  private readonly booted = new Map<string, string | null>();
  private readonly lastTs = new Map<string, number>();
  /** boots waiting for their delay, by device */
  private readonly booting = new Map<string, NodeJS.Timeout>();
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly emu: Emulator,
    readonly bootDelayMs = bootDelayFromEnv(),
  ) {
    const ev = emu.events;
    this.off.push(
      ev.on('device.restarted', ({ device, forced, previousDeploymentId }) => {
        if (!forced && !this.restartsOnShutdown(previousDeploymentId)) {
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
      ev.on('emulator.reset', () => {
        for (const t of this.booting.values()) clearTimeout(t);
        this.booting.clear();
        this.pending.clear();
        this.booted.clear();
        this.lastTs.clear();
      }),
    );
  }

  stop(): void {
    for (const t of this.booting.values()) clearTimeout(t);
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
    const waiting = this.booting.get(d.id);
    if (waiting) clearTimeout(waiting);
    this.booting.delete(d.id);
    if (!d.device_online) {
      if (opts.restart) this.pending.add(d.id);
      return;
    }
    if (opts.restart) this.status(d.id, 'Device disconnected');
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
      const t = setTimeout(up, this.bootDelayMs);
      t.unref();
      this.booting.set(d.id, t);
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
        clearTimeout(waiting);
        this.booting.delete(d.id);
        this.pending.add(d.id);
      }
      this.status(d.id, 'Device disconnected');
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

  private runCode(d: DeviceRec, dep: DeploymentRec | undefined, agent: boolean): void {
    if (!dep) return;
    if (this.booted.get(d.id) !== dep.id) {
      const cap = STORAGE_BYTES[d.imp_type] ?? 262144;
      const pct = ((Buffer.byteLength(dep.device_code) / cap) * 100).toFixed(2);
      this.status(d.id, `Downloading new code; ${pct}% program storage used`);
      this.booted.set(d.id, dep.id);
    }
    for (const l of extractLogLines(dep.device_code)) this.line(d.id, l.kind === 'log' ? 'server.log' : 'server.error', l.msg);
    if (!agent) return;
    this.status(d.id, 'Agent restarted');
    for (const l of extractLogLines(dep.agent_code)) this.line(d.id, l.kind === 'log' ? 'agent.log' : 'agent.error', l.msg);
  }

  /** A polite (conditional) restart: the handler of the code the device runs
   * decides. Without a server.onshutdown handler the device restarts; with
   * one, only if that code calls server.restart(). */
  private restartsOnShutdown(runningDeploymentId: string | null): boolean {
    const dep = runningDeploymentId ? this.emu.store.get('deployments', runningDeploymentId) : undefined;
    if (!dep || !/server\s*\.\s*onshutdown\s*\(/.test(dep.device_code)) return true;
    return /server\s*\.\s*restart\s*\(/.test(dep.device_code);
  }

  private forget(id: string): void {
    this.pending.delete(id);
    this.booted.delete(id);
    this.lastTs.delete(id);
  }
}
