// One imp VM: a Squirrel VM running the device code or the agent code of one
// device, its event loop, its registered handlers, and the rule for what an
// uncaught error or the end of the instruction budget does.
import { performance } from 'node:perf_hooks';
import { bytesToUtf8, type SqValue } from '../../squirrel/value.js';
import type { HostVM, SquirrelEngine } from './engine.js';
import type { Scheduler } from './loop.js';
import { VmLoop } from './loop.js';

export type Side = 'device' | 'agent';

export interface VmLimits {
  /** Instructions per callback (top-level code included). */
  budget: number;
  /** Estimated bytes per VM. */
  memory: number;
}

export interface VmOwner {
  /** Appends a log line of the device (type server.log / agent.log / ... ). */
  log(type: string, msg: string): void;
  /** An uncaught error or the watchdog ended a callback of this VM. */
  failed(vm: ImpVm, kind: 'error' | 'watchdog' | 'memory'): void;
  now(): number;
  /** Real ms between two memory estimates of a VM that holds less than half its limit. */
  memoryCheckMs(): number;
}

export interface Script {
  source: string;
  srcName: string;
}

export class ImpVm {
  readonly loop: VmLoop;
  readonly vm: HostVM;
  /** Message handlers: agent.on / device.on. */
  readonly handlers = new Map<string, SqValue>();
  /** Other callbacks by name: onshutdown, onconnect, ondisconnect, onrequest, onidle, onunexpecteddisconnect. */
  readonly callbacks = new Map<string, SqValue>();
  readonly startedAt: number;
  running = true;
  errors = 0;
  lastError: string | null = null;

  constructor(
    readonly engine: SquirrelEngine,
    scheduler: Scheduler,
    readonly side: Side,
    readonly deviceId: string,
    readonly deploymentId: string | null,
    private readonly owner: VmOwner,
    readonly limits: VmLimits,
  ) {
    this.loop = new VmLoop(scheduler, `${side}:${deviceId}`);
    this.startedAt = owner.now();
    this.vm = engine.createVM({
      floatBits: side === 'device' ? 32 : 64,
      print: (text) => this.log(false, text),
      error: (text) => this.log(true, text),
      budget: limits.budget,
      memoryLimit: limits.memory,
      now: () => owner.now(),
    });
  }

  get floatBits(): 32 | 64 {
    return this.side === 'device' ? 32 : 64;
  }

  /** A log line of the code: server.log / server.error on the device, agent.log / agent.error on the agent. */
  log(isError: boolean, msg: string): void {
    if (!this.running) return;
    const type = this.side === 'device' ? (isError ? 'server.error' : 'server.log') : isError ? 'agent.error' : 'agent.log';
    this.owner.log(type, msg);
  }

  /** Runs top-level code now; false if it failed. */
  runScripts(scripts: Script[]): boolean {
    for (const s of scripts) {
      if (!this.running) return false;
      if (!this.guard(() => this.vm.run(this.engine.compile(s.source, s.srcName), s.srcName))) return false;
    }
    return this.checkMemory(true);
  }

  /** Calls a Squirrel function from the event loop (this = the root table). */
  invoke(fn: SqValue, args: SqValue[]): boolean {
    if (!this.running) return false;
    return this.guard(() => this.vm.call(fn, this.vm.root, args)) && this.checkMemory();
  }

  private lastMemoryCheck = 0;
  private lastMemoryUsed = 0;
  /**
   * What the VM holds stays under the limit. Estimating it walks the VM's
   * heap, so it is done after a callback only when enough real time has
   * passed: 200 ms once the VM holds half its limit, else the owner's
   * interval (longer with more VMs, so that a thousand devices do not spend
   * their time walking heaps). A single call allocating too much is stopped by
   * the interpreter's own limit meanwhile.
   */
  checkMemory(force = false): boolean {
    const t = performance.now();
    const interval = this.lastMemoryUsed * 2 >= this.limits.memory ? 200 : this.owner.memoryCheckMs();
    if (!force && t - this.lastMemoryCheck < interval) return true;
    this.lastMemoryCheck = t;
    let used: number;
    try {
      used = this.vm.memoryUsed();
    } catch {
      return true;
    }
    this.lastMemoryUsed = used;
    if (used <= this.limits.memory) return true;
    this.errors++;
    this.lastError = 'out of memory';
    this.log(true, `ERROR: out of memory (the ${this.side} code holds about ${used} bytes; the emulator allows ${this.limits.memory})`);
    this.owner.failed(this, 'memory');
    return false;
  }

  /** Queues a callback for a later turn of this VM's event loop. */
  post(fn: SqValue, args: SqValue[] | (() => SqValue[])): boolean {
    return this.loop.post(() => {
      if (!this.running) return;
      let a: SqValue[];
      try {
        a = typeof args === 'function' ? args() : args;
      } catch (e) {
        this.failure(e);
        return;
      }
      this.invoke(fn, a);
    });
  }

  /** Queues host work that calls into the VM itself. */
  postTask(task: () => void): boolean {
    return this.loop.post(() => {
      if (this.running && this.guard(task)) this.checkMemory();
    });
  }

  stop(): void {
    this.running = false;
    this.loop.stop();
  }

  private guard(fn: () => unknown): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      this.failure(e);
      return false;
    }
  }

  /** Error lines as the imp writes them, then the owner's rule. */
  failure(e: unknown): void {
    if (!this.running) return;
    this.errors++;
    if (this.engine.isBudgetExceeded(e)) {
      const msg = `ERROR: watchdog: the ${this.side} code ran ${this.limits.budget} instructions without returning to the event loop`;
      this.lastError = msg;
      this.log(true, msg);
      this.owner.failed(this, 'watchdog');
      return;
    }
    const thrown = this.engine.thrown(e);
    if (thrown) {
      const text = typeof thrown.value === 'string' ? bytesToUtf8(thrown.value) : safeToString(this.vm, thrown.value);
      this.lastError = text;
      this.log(true, `ERROR: ${text}`);
      thrown.stack.forEach((f, i) => {
        const func = !f.func || f.func === 'unknown' ? 'unknown' : f.func;
        this.log(true, `ERROR:   ${i === 0 ? 'in' : 'from'} ${func} ${f.src}:${f.line}`);
      });
      this.owner.failed(this, 'error');
      return;
    }
    const compile = this.engine.compileError(e);
    if (compile) {
      this.lastError = compile.message;
      this.log(true, `ERROR: ${compile.message} (line ${compile.line}, column ${compile.column})`);
      this.owner.failed(this, 'error');
      return;
    }
    // a bug of the emulator or the interpreter: say so, keep the VM
    const text = e instanceof Error ? e.message : String(e);
    this.lastError = text;
    this.log(true, `ERROR: internal error of the emulator: ${text}`);
  }
}

function safeToString(vm: HostVM, v: SqValue): string {
  try {
    return bytesToUtf8(vm.tostring(v));
  } catch {
    return '(unprintable value)';
  }
}
