// The event loops of the imp VMs. Each VM has a queue of ready tasks
// (messages, HTTP requests, callbacks) and timers due at an emulated time
// (the emulator's clock). One Scheduler per emulator runs them: one task of
// each ready VM in turn, each to completion (the interpreter's instruction
// budget bounds it), and gives the Node event loop back every few
// milliseconds, so that requests are served between slices whatever the
// devices do.
import { performance } from 'node:perf_hooks';

export interface Timer {
  id: number;
  due: number;
  seq: number;
  run: () => void;
}

/** The task queue and timers of one VM. */
export class VmLoop {
  readonly tasks: (() => void)[] = [];
  readonly timers = new Map<number, Timer>();
  stopped = false;
  private nextTimer = 1;

  constructor(
    private readonly scheduler: Scheduler,
    readonly name: string,
  ) {
    scheduler.add(this);
  }

  post(task: () => void): void {
    if (this.stopped) return;
    this.tasks.push(task);
    this.scheduler.wake();
  }

  /** A timer `delayMs` of emulated time from now; its id (> 0). */
  setTimer(delayMs: number, run: () => void): number {
    const id = this.nextTimer++;
    if (this.stopped) return id;
    this.timers.set(id, { id, due: this.scheduler.now() + Math.max(0, delayMs), seq: this.scheduler.seq(), run });
    this.scheduler.wake();
    return id;
  }

  cancelTimer(id: number): boolean {
    return this.timers.delete(id);
  }

  /** Stops for good: pending tasks and timers are dropped. */
  stop(): void {
    this.stopped = true;
    this.tasks.length = 0;
    this.timers.clear();
    this.scheduler.remove(this);
  }

  /** Moves the timers due at `now` to the task queue, in due order. */
  promote(now: number): void {
    if (this.timers.size === 0) return;
    const due = [...this.timers.values()].filter((t) => t.due <= now).sort((a, b) => a.due - b.due || a.seq - b.seq);
    for (const t of due) {
      this.timers.delete(t.id);
      this.tasks.push(t.run);
    }
  }

  earliest(): number {
    let min = Infinity;
    for (const t of this.timers.values()) if (t.due < min) min = t.due;
    return min;
  }
}

export class Scheduler {
  private readonly loops: VmLoop[] = [];
  private readonly system = new Map<number, Timer>();
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Infinity;
  private counter = 0;
  private closed = false;
  /** Statistics for the admin route. */
  readonly stats = { tasks: 0, slices: 0, longestTaskMs: 0 };

  constructor(
    readonly now: () => number,
    /** Real milliseconds of VM work before the Node event loop gets a turn. */
    private readonly sliceMs = 5,
  ) {}

  seq(): number {
    return ++this.counter;
  }

  add(loop: VmLoop): void {
    this.loops.push(loop);
  }

  remove(loop: VmLoop): void {
    const i = this.loops.indexOf(loop);
    if (i >= 0) this.loops.splice(i, 1);
  }

  /** Runs `fn` (not inside any VM) at an emulated time. */
  at(due: number, fn: () => void): () => void {
    const t: Timer = { id: this.seq(), due, seq: this.counter, run: fn };
    this.system.set(t.id, t);
    this.wake();
    return () => this.system.delete(t.id);
  }

  /** Something may be ready: run it soon (also after the clock moved). */
  wake(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const l of [...this.loops]) l.stop();
    this.system.clear();
  }

  /** Runs ready work until none is left or the slice is used up. */
  drain(): void {
    if (this.closed) return;
    const start = performance.now();
    this.stats.slices++;
    for (;;) {
      const now = this.now();
      const sys = [...this.system.values()].filter((t) => t.due <= now).sort((a, b) => a.due - b.due || a.seq - b.seq);
      for (const t of sys) {
        this.system.delete(t.id);
        t.run();
      }
      let ran = false;
      for (const loop of [...this.loops]) {
        loop.promote(now);
        const task = loop.tasks.shift();
        if (!task) continue;
        ran = true;
        const t0 = performance.now();
        task();
        this.stats.tasks++;
        this.stats.longestTaskMs = Math.max(this.stats.longestTaskMs, performance.now() - t0);
        if (performance.now() - start >= this.sliceMs) break;
      }
      if (!ran && sys.length === 0) break;
      if (performance.now() - start >= this.sliceMs) {
        this.wake();
        return;
      }
    }
    this.arm();
  }

  /** A real-time timer for the earliest emulated due time. */
  private arm(): void {
    let due = Infinity;
    for (const l of this.loops) due = Math.min(due, l.earliest());
    for (const t of this.system.values()) due = Math.min(due, t.due);
    if (due === this.timerDue && this.timer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerDue = due;
    if (due === Infinity) return;
    const delay = Math.min(Math.max(0, due - this.now()), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerDue = Infinity;
      this.wake();
    }, delay);
    this.timer.unref();
  }
}
