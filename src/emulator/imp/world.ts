// The imps of one emulator: for each device that runs code, a device VM and
// an agent VM (a DevicePair), the scheduler running their event loops, and
// the rules of what happens on errors, restarts and messages. The device
// runtime (sim/runtime.ts) decides when code starts and stops and writes the
// status lines; this file runs the code.
import { bytesToUtf8, rtError, SqTable, utf8ToBytes, type SqValue } from '../../squirrel/value.js';
import { type ApiHost, CONSTANTS, installImpApi, type OutgoingRequest, type OutgoingResponse } from './api.js';
import type { SquirrelEngine } from './engine.js';
import { HardwareState } from './hardware.js';
import { MAX_TASKS, Scheduler } from './loop.js';
import { fetchOutgoing, fetchOutgoingBlocking } from './outgoing.js';
import { argNumber, bytesOf, fromPortable, nat, type Portable, portableToJson, toPortable } from './values.js';
import { ImpVm, type Script, type Side, type VmLimits } from './vm.js';

/** Delay (emulated) before device code that stopped on an uncaught error or the watchdog starts again. */
export const ERROR_RESTART_MS = 10_000;

/** The `lastexitcode` line of the boot after device code stopped (INFERENCE: texts of the emulator). */
export const EXIT_REASONS = {
  error: 'Squirrel runtime error',
  watchdog: 'Squirrel watchdog: the code did not return to the event loop',
  memory: 'Squirrel out of memory',
} as const;

/** Program storage per imp type, for the "program storage used" status lines. */
const STORAGE_BYTES: Record<string, number> = { imp001: 65536, imp002: 65536, imp003: 131072, imp005: 1048576, imp006: 262144 };

/** How much of the imp type's program storage the code takes, two decimals. */
export function storagePercent(impType: string, deviceCode: string): string {
  const cap = STORAGE_BYTES[impType] ?? 262144;
  return ((Buffer.byteLength(deviceCode) / cap) * 100).toFixed(2);
}

const formatSeconds = (s: number): string => String(Math.round(s * 1000) / 1000);


export interface DeviceInfo {
  id: string;
  mac_address: string;
  imp_type: string;
  agent_id: string | null;
  device_online: boolean;
}

/** What the world needs from the emulator (implemented by sim/runtime.ts). */
export interface WorldHost {
  now(): number;
  iso(): string;
  line(deviceId: string, type: string, msg: string): void;
  device(deviceId: string): DeviceInfo | undefined;
  /** The emulator's own origin (http://host:port), for agent URLs. */
  origin(): string;
  /** Fixture / DUT configuration for imp.configparams. */
  factoryRole(deviceId: string): { fixtureId: string; fixtureAgentUrl: string | null; fixtureMac: string; role: 'fixture' | 'dut' } | undefined;
  /** Restart with the code of `deploymentId` (status lines included). */
  load(deviceId: string, deploymentId: string): void;
  /** server.bless: what POST /_emulator/devices/{id}/bless does; the production code loads after `then`. */
  bless(deviceId: string, success: boolean): { blessed: boolean; error?: string; loadAfter?: string };
  /** server.factoryblinkup: what POST /_emulator/factory/{fixture}/dut does; an error text if refused. */
  factoryBlinkup(deviceId: string): string | undefined;
  /** What the agent saved with server.save (kept in the store: it survives agent and emulator restarts). */
  agentStorage(deviceId: string): Portable | null;
  saveAgentStorage(deviceId: string, data: Portable): void;
}

/** Bytes (as JSON) server.save accepts (INFERENCE: the imp's limit is about 64 KB). */
export const MAX_AGENT_STORAGE = 65536;

export interface WorldOptions {
  device: VmLimits;
  agent: VmLimits;
  /** Agents may reach any host (default: loopback only). */
  agentInternet: boolean;
  /** Scheduler slice in real ms. */
  sliceMs?: number;
  /** Log lines per second the code of one device (device + agent) may write, and the burst above it. */
  logRate?: { perSecond: number; burst: number };
}

/** Default log rate limit per device (INFERENCE, see docs/emulator.md). */
// Generous enough for a test framework reporting hundreds of test methods in
// a burst (impt test run), tight enough to bound a logging busy loop.
export const LOG_RATE = { perSecond: 500, burst: 2000 };

interface Message {
  name: string;
  data: Portable;
}

export class DevicePair implements ApiHost {
  device: ImpVm | null = null;
  agent: ImpVm | null = null;
  deviceScripts: Script[] = [];
  agentScripts: Script[] = [];
  deviceDeploymentId: string | null = null;
  agentDeploymentId: string | null = null;
  nv: SqTable | null = null;
  private nvSaved: Portable | null = null;
  /** device → agent messages while no agent runs */
  private readonly toAgent: Message[] = [];
  /** a new deployment the running code's shutdown handler has not let in yet */
  pendingDeploymentId: string | null = null;
  private cancelRestart: (() => void) | null = null;
  private reason = CONSTANTS.WAKEREASON_POWER_ON!;
  readonly hardware = new HardwareState();
  readonly outgoing = new Set<AbortController>();
  /** log rate limit: tokens left, when they were counted, lines dropped since the last notice */
  private logTokens: number;
  private logAt = 0;
  private dropped = 0;
  private cancelDropNotice: (() => void) | null = null;

  constructor(
    readonly world: ImpWorld,
    readonly deviceId: string,
  ) {
    this.logTokens = world.logRate.burst;
  }

  /** A line the device or agent code writes, within the log rate limit; dropped lines are counted and reported in a status line a second later. */
  codeLine(type: string, msg: string): void {
    const { perSecond, burst } = this.world.logRate;
    const now = this.now();
    this.logTokens = Math.min(burst, this.logTokens + (Math.max(0, now - this.logAt) * perSecond) / 1000);
    this.logAt = now;
    if (this.logTokens >= 1) {
      this.logTokens--;
      this.host.line(this.deviceId, type, msg);
      return;
    }
    this.dropped++;
    if (!this.cancelDropNotice) this.cancelDropNotice = this.world.scheduler.at(now + 1000, () => this.dropNotice());
  }

  private dropNotice(): void {
    this.cancelDropNotice = null;
    if (this.dropped === 0) return;
    const n = this.dropped;
    this.dropped = 0;
    const { perSecond } = this.world.logRate;
    this.host.line(this.deviceId, 'status', `Log rate limit: ${n} line${n === 1 ? '' : 's'} of device and agent code dropped (more than ${perSecond} lines a second)`);
  }

  private get host(): WorldHost {
    return this.world.host;
  }

  macAddress(): string {
    return this.host.device(this.deviceId)?.mac_address ?? '00:00:00:00:00:00';
  }
  impType(): string {
    return this.host.device(this.deviceId)?.imp_type ?? 'imp004m';
  }
  iso(): string {
    return this.host.iso();
  }
  now(): number {
    return this.host.now();
  }
  wakeReason(): number {
    return this.reason;
  }
  agentUrl(): string {
    const agentId = this.host.device(this.deviceId)?.agent_id;
    return `${this.host.origin()}/agent/${agentId ?? ''}`;
  }

  configParams(side: Side): Record<string, string | boolean> {
    const role = this.host.factoryRole(this.deviceId);
    const out: Record<string, string | boolean> = {};
    if (side === 'agent') out.deviceid = this.deviceId;
    if (role) {
      out.factory_imp_device_id = role.fixtureId;
      out.factory_imp = role.fixtureMac.replace(/:/g, '');
      out.factoryfirmware = true;
      if (side === 'agent' && role.role === 'dut' && role.fixtureAgentUrl) out.factory_fixture_url = role.fixtureAgentUrl;
    }
    return out;
  }

  deviceConnected(): boolean {
    return this.device !== null && this.device.running && (this.host.device(this.deviceId)?.device_online ?? false);
  }

  // ---- lifecycle -----------------------------------------------------------

  /** Starts (or restarts) the device code. `fresh`: new code, nv cleared. */
  startDevice(scripts: Script[], deploymentId: string | null, opts: { fresh: boolean; reason: number }): void {
    this.stopDevice();
    this.cancelRestart?.();
    this.cancelRestart = null;
    if (opts.fresh) {
      this.nvSaved = null;
      this.pendingDeploymentId = null;
    }
    this.deviceScripts = scripts;
    this.deviceDeploymentId = deploymentId;
    this.reason = opts.reason;
    const vm = this.world.newVm('device', this);
    this.device = vm;
    this.nv = this.nvSaved ? (fromPortable(vm.vm, this.nvSaved, 32) as SqTable) : new SqTable();
    installImpApi(vm, this);
    vm.runScripts(scripts);
  }

  startAgent(scripts: Script[], deploymentId: string | null): void {
    this.stopAgent();
    this.agentScripts = scripts;
    this.agentDeploymentId = deploymentId;
    const vm = this.world.newVm('agent', this);
    this.agent = vm;
    installImpApi(vm, this);
    vm.runScripts(scripts);
    // messages the device sent while no agent ran
    const waiting = this.toAgent.splice(0);
    for (const m of waiting) this.deliver(vm, m, 'agent.send');
  }

  stopDevice(): void {
    const vm = this.device;
    if (!vm) return;
    this.saveNv(vm);
    this.hardware.watchers.clear();
    vm.stop();
    this.device = null;
  }

  stopAgent(): void {
    this.agent?.stop();
    this.agent = null;
    for (const c of this.outgoing) c.abort();
    this.outgoing.clear();
  }

  stopAll(): void {
    this.cancelDropNotice?.();
    this.cancelDropNotice = null;
    this.dropped = 0;
    this.cancelRestart?.();
    this.cancelRestart = null;
    this.stopDevice();
    this.stopAgent();
    this.toAgent.length = 0;
  }

  private saveNv(vm: ImpVm): void {
    try {
      const nv = vm.vm.root.map.get('nv');
      this.nvSaved = nv instanceof SqTable ? toPortable(vm.vm, nv) : null;
    } catch {
      this.nvSaved = null;
    }
  }

  /** The agent is told the device connected / disconnected. */
  connection(connected: boolean): void {
    const a = this.agent;
    const cb = a?.callbacks.get(connected ? 'onconnect' : 'ondisconnect');
    if (a && cb) a.post(cb, []);
  }

  /** Device code stopped on an error: it starts again after ERROR_RESTART_MS (emulated), nv kept. */
  deviceFailed(kind: 'error' | 'watchdog' | 'memory'): void {
    const vm = this.device;
    if (!vm) return;
    this.stopDevice();
    this.connection(false);
    this.cancelRestart = this.world.scheduler.at(this.now() + ERROR_RESTART_MS, () => {
      this.cancelRestart = null;
      if (!this.host.device(this.deviceId)?.device_online) return;
      this.host.line(this.deviceId, 'lastexitcode', EXIT_REASONS[kind]);
      this.bootLine();
      this.startDevice(this.deviceScripts, this.deviceDeploymentId, { fresh: false, reason: CONSTANTS.WAKEREASON_SQUIRREL_ERROR! });
      this.connection(true);
    });
  }

  /** `Device booting; N.NN% program storage used`: a boot without new code. */
  private bootLine(): void {
    const code = this.deviceScripts.find((s) => s.srcName === 'device_code')?.source ?? '';
    this.host.line(this.deviceId, 'status', `Device booting; ${storagePercent(this.impType(), code)}% program storage used`);
  }

  /**
   * server.restart(), imp.reset(), deep sleep: a pending new deployment loads,
   * else the same code again (nv kept) — at once, or after `sleepMs` of
   * emulated time asleep (disconnected; the agent hears of it).
   */
  restartDevice(reason: number, sleepMs = 0): void {
    const vm = this.device;
    if (!vm) return;
    vm.running = false; // nothing more of this run
    const pending = this.pendingDeploymentId;
    setImmediate(() => {
      if (this.device !== vm) return;
      if (pending) {
        this.pendingDeploymentId = null;
        this.host.load(this.deviceId, pending);
        return;
      }
      this.stopDevice();
      if (sleepMs > 0) this.host.line(this.deviceId, 'powerstate', `Device entered deep sleep for ${formatSeconds(sleepMs / 1000)} s`);
      this.host.line(this.deviceId, 'status', 'Device disconnected');
      this.connection(false);
      const wake = () => {
        this.cancelRestart = null;
        if (!this.host.device(this.deviceId)?.device_online) return;
        this.host.line(this.deviceId, 'status', 'Device connected');
        this.bootLine();
        this.startDevice(this.deviceScripts, this.deviceDeploymentId, { fresh: false, reason });
        this.connection(true);
      };
      if (sleepMs > 0) this.cancelRestart = this.world.scheduler.at(this.now() + sleepMs, wake);
      else wake();
    });
  }

  /** A polite restart: true if the running code has a shutdown handler (it decides). */
  offerShutdown(newDeploymentId: string): boolean {
    const vm = this.device;
    const cb = vm?.callbacks.get('onshutdown');
    if (!vm || !vm.running || !cb) return false;
    this.pendingDeploymentId = newDeploymentId;
    vm.post(cb, [CONSTANTS.SHUTDOWN_NEWSQUIRREL!]);
    return true;
  }

  // ---- messages ------------------------------------------------------------

  send(from: ImpVm, name: string, data: Portable): number {
    // a full queue on the other side (MAX_TASKS waiting): the message is not sent
    if (from.side === 'device') {
      if (this.agent && this.agent.running) return this.deliver(this.agent, { name, data }, 'agent.send') ? 0 : CONSTANTS.SEND_ERROR_TIMEOUT!;
      if (this.toAgent.length >= MAX_TASKS) return CONSTANTS.SEND_ERROR_TIMEOUT!;
      this.toAgent.push({ name, data });
      return 0;
    }
    if (!this.deviceConnected()) return CONSTANTS.SEND_ERROR_NOT_CONNECTED!;
    return this.deliver(this.device!, { name, data }, 'device.send') ? 0 : CONSTANTS.SEND_ERROR_TIMEOUT!;
  }

  private deliver(to: ImpVm, m: Message, call: string): boolean {
    return to.postTask(() => {
      const fn = to.handlers.get(m.name);
      if (!fn) {
        to.log(true, `ERROR: no handler for ${call}("${bytesToUtf8(m.name)}")`);
        return;
      }
      to.invoke(fn, [fromPortable(to.vm, m.data, to.floatBits)]);
    });
  }

  // ---- factory ---------------------------------------------------------------

  /** server.bless: the request goes to the server and the call returns; the blessing happens in a later turn (after the agent of a booting device started), then the callback runs. */
  bless(vm: ImpVm, success: boolean, cb: SqValue): void {
    this.world.scheduler.at(this.now(), () => {
      if (vm.running) this.blessNow(vm, success, cb);
    });
  }

  private blessNow(vm: ImpVm, success: boolean, cb: SqValue): void {
    const r = this.host.bless(this.deviceId, success);
    if (r.error) vm.log(true, `ERROR: ${r.error}`);
    if (cb !== null) vm.post(cb, [r.blessed]);
    if (r.loadAfter) {
      const dep = r.loadAfter;
      // the callback runs first, then the production code loads
      vm.postTask(() => setImmediate(() => this.host.load(this.deviceId, dep)));
      if (cb === null) setImmediate(() => this.host.load(this.deviceId, dep));
    }
  }

  factoryBlinkup(vm: ImpVm): void {
    const error = this.host.factoryBlinkup(this.deviceId);
    if (error) vm.log(true, error);
  }

  // ---- agent storage and HTTP ------------------------------------------------

  save(data: Portable): void {
    const size = Buffer.byteLength(JSON.stringify(data));
    if (size > MAX_AGENT_STORAGE) throw rtError(`server.save: the table takes ${size} bytes, more than the ${MAX_AGENT_STORAGE} the agent may keep`);
    this.host.saveAgentStorage(this.deviceId, data);
  }

  load(vm: ImpVm): SqValue {
    const saved = this.host.agentStorage(this.deviceId);
    return saved ? fromPortable(vm.vm, saved, 64) : new SqTable();
  }

  fetch(_vm: ImpVm, req: OutgoingRequest, timeoutS: number, done: (r: OutgoingResponse) => void): () => void {
    const refused = this.world.refuse(req.url);
    if (refused) {
      setImmediate(() => done(refused));
      return () => {};
    }
    const ac = new AbortController();
    this.outgoing.add(ac);
    const timer = setTimeout(() => ac.abort(), Math.max(0.001, timeoutS) * 1000);
    timer.unref();
    void fetchOutgoing(req, ac.signal).then((r) => finish(r));
    let ended = false;
    const finish = (r: OutgoingResponse) => {
      clearTimeout(timer);
      this.outgoing.delete(ac);
      if (ended) return;
      ended = true;
      done(r);
    };
    return () => {
      ended = true;
      ac.abort();
    };
  }

  fetchSync(_vm: ImpVm, req: OutgoingRequest, timeoutS: number): OutgoingResponse {
    const refused = this.world.refuse(req.url);
    if (refused) return refused;
    let origin = '';
    try {
      origin = new URL(this.host.origin()).host;
    } catch {}
    if (origin && new URL(req.url).host === origin) {
      return { statuscode: 7, headers: {}, body: 'impt-emulator: sendsync() to the emulator itself would wait for itself; use sendasync()' };
    }
    return fetchOutgoingBlocking(req, timeoutS);
  }

  // ---- admin view --------------------------------------------------------------

  state(): unknown {
    const side = (vm: ImpVm | null, deploymentId: string | null) =>
      vm
        ? {
            running: vm.running,
            deployment_id: deploymentId,
            started_at: new Date(vm.startedAt).toISOString(),
            pending_tasks: vm.loop.pending,
            timers: [...vm.loop.timers.values()].map((t) => ({ id: t.id, due: new Date(t.due).toISOString() })),
            handlers: [...vm.handlers.keys()].map(bytesToUtf8),
            callbacks: [...vm.callbacks].filter(([, f]) => f !== null).map(([k]) => k),
            memory_used: memoryOf(vm),
            errors: vm.errors,
            last_error: vm.lastError,
          }
        : null;
    let nv: unknown = null;
    try {
      const cur = this.device?.vm.root.map.get('nv');
      nv = cur instanceof SqTable && this.device ? portableToJson(toPortable(this.device.vm, cur)) : this.nvSaved ? portableToJson(this.nvSaved) : null;
    } catch {}
    return {
      device: side(this.device, this.deviceDeploymentId),
      agent: side(this.agent, this.agentDeploymentId),
      agent_url: this.agentUrl(),
      nv,
      restart_pending: this.cancelRestart !== null,
      pending_deployment_id: this.pendingDeploymentId,
      messages_waiting_for_agent: this.toAgent.length,
      hardware: this.hardware.toJSON(),
    };
  }
}

function memoryOf(vm: ImpVm): number | null {
  try {
    return vm.vm.memoryUsed();
  } catch {
    return null;
  }
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

export class ImpWorld {
  readonly pairs = new Map<string, DevicePair>();
  readonly scheduler: Scheduler;
  readonly logRate: { perSecond: number; burst: number };

  constructor(
    readonly engine: SquirrelEngine,
    readonly host: WorldHost,
    readonly opts: WorldOptions,
  ) {
    this.scheduler = new Scheduler(() => host.now(), opts.sliceMs ?? 5);
    this.logRate = opts.logRate ?? LOG_RATE;
  }

  pair(deviceId: string): DevicePair {
    let p = this.pairs.get(deviceId);
    if (!p) {
      p = new DevicePair(this, deviceId);
      this.pairs.set(deviceId, p);
    }
    return p;
  }

  newVm(side: Side, pair: DevicePair): ImpVm {
    return new ImpVm(this.engine, this.scheduler, side, pair.deviceId, side === 'device' ? pair.deviceDeploymentId : pair.agentDeploymentId, {
      log: (type, msg) => pair.codeLine(type, msg),
      now: () => this.host.now(),
      // 1 s, and 10 ms more per device: about 100 heap walks a second in all
      memoryCheckMs: () => Math.max(1000, this.pairs.size * 10),
      failed: (vm, kind) => {
        if (vm.side === 'device' && pair.device === vm) pair.deviceFailed(kind);
        // the agent logs errors and keeps running; out of memory, it starts again
        else if (kind === 'memory' && pair.agent === vm) {
          setImmediate(() => {
            if (pair.agent !== vm) return;
            this.host.line(pair.deviceId, 'status', 'Agent restarted');
            pair.startAgent(pair.agentScripts, pair.agentDeploymentId);
          });
        }
      },
    }, side === 'device' ? this.opts.device : this.opts.agent);
  }

  /** Outgoing HTTP an agent may not make: a transport error answer. */
  refuse(url: string): OutgoingResponse | undefined {
    if (this.opts.agentInternet) return undefined;
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return { statuscode: 3, headers: {}, body: 'malformed URL' };
    }
    if (LOOPBACK.test(host)) return undefined;
    return {
      statuscode: 7,
      headers: {},
      body: `impt-emulator: agents may only reach loopback addresses; start the emulator with --agent-internet to allow ${host}`,
    };
  }

  /** Forgets a device: both VMs stop. */
  drop(deviceId: string): void {
    this.pairs.get(deviceId)?.stopAll();
    this.pairs.delete(deviceId);
  }

  /** Emulator reset: every VM stops. */
  reset(): void {
    for (const p of this.pairs.values()) p.stopAll();
    this.pairs.clear();
  }

  close(): void {
    for (const p of this.pairs.values()) p.stopAll();
    this.pairs.clear();
    this.scheduler.close();
  }

  /** An HTTP request to an agent URL. */
  async agentRequest(
    deviceId: string,
    req: { method: string; path: string; query: string; headers: Record<string, string>; body: string },
    timeoutMs = 60_000,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const agent = this.pairs.get(deviceId)?.agent;
    if (!agent || !agent.running) return text(503, 'Agent is not running');
    const handler = agent.callbacks.get('onrequest');
    if (!handler) return text(404, 'No request handler');
    return new Promise((resolve) => {
      let done = false;
      const finish = (r: { status: number; headers: Record<string, string>; body: Buffer }) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => finish(text(504, 'The agent did not answer in time')), timeoutMs);
      timer.unref();
      agent.postTask(() => {
        const fn = agent.callbacks.get('onrequest');
        if (!fn) return finish(text(404, 'No request handler'));
        const headers: Record<string, string> = {};
        const r = new SqTable();
        r.map.set('method', req.method);
        r.map.set('path', utf8ToBytes(req.path));
        r.map.set('query', queryTable(req.query));
        const h = new SqTable();
        for (const [k, val] of Object.entries(req.headers)) h.map.set(utf8ToBytes(k.toLowerCase()), utf8ToBytes(val));
        r.map.set('headers', h);
        r.map.set('body', req.body);
        const res = responseObject(agent, headers, (status, body) => finish({ status, headers, body }));
        if (!agent.invoke(fn, [r, res])) finish(text(500, 'Internal Server Error'));
      });
    });
  }
}

function text(status: number, body: string) {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: Buffer.from(body) };
}

function queryTable(query: string): SqTable {
  const t = new SqTable();
  for (const [k, v] of new URLSearchParams(query)) t.map.set(utf8ToBytes(k), utf8ToBytes(v));
  return t;
}

function responseObject(agent: ImpVm, headers: Record<string, string>, send: (status: number, body: Buffer) => void): SqTable {
  let sent = false;
  const t = new SqTable();
  t.map.set(
    'header',
    nat('header', (args) => {
      headers[bytesToUtf8(String(args[0] ?? '')).toLowerCase()] = bytesToUtf8(typeof args[1] === 'string' ? args[1] : agent.vm.tostring(args[1] ?? null));
      return null;
    }),
  );
  t.map.set(
    'send',
    nat('send', (args) => {
      if (sent) return null;
      sent = true;
      const status = argNumber(args, 0);
      const body = args[1] === undefined || args[1] === null ? '' : typeof args[1] === 'string' ? args[1] : bytesOf(agent.vm, args[1], 1);
      if (!Object.keys(headers).some((k) => k === 'content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
      send(status, Buffer.from(body, 'latin1'));
      return null;
    }),
  );
  return t;
}

