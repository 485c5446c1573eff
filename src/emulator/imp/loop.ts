// The event loops of the imp VMs. Each VM has a queue of ready tasks
// (messages, HTTP requests, callbacks) and timers due at an emulated time
// (the emulator's clock). One Scheduler per emulator runs them:
//
// - timers of every VM (and the emulator's own, `at`) sit in one heap ordered
//   by due time, so finding what is due costs O(log n) however many devices
//   wait;
// - VMs with ready tasks wait in a ring; a slice takes them round-robin, one
//   task (one callback, run to completion; the interpreter's instruction
//   budget bounds it) per VM per turn, so a VM that is always ready (an
//   `imp.wakeup(0, ...)` loop, a flood of messages) gets its share and no more;
// - a slice ends after `sliceMs` of real time and the next one is queued with
//   setImmediate, so the HTTP server (whose I/O runs between two immediates)
//   answers requests between slices whatever the devices do.
import { performance } from 'node:perf_hooks';

export interface Timer {
  id: number;
  due: number;
  seq: number;
  run: () => void;
  /** The VM the timer belongs to (null: the emulator's own). */
  loop: VmLoop | null;
  cancelled: boolean;
}

/** Pending timers one VM may hold (imp.wakeup returns null beyond; INFERENCE, see docs/emulator.md). */
export const MAX_TIMERS = 1000;
/** Ready tasks (messages, callbacks) one VM may have queued; `post` refuses more. */
export const MAX_TASKS = 10_000;

/** The task queue and timers of one VM. */
export class VmLoop {
  private queue: (() => void)[] = [];
  private head = 0;
  readonly timers = new Map<number, Timer>();
  stopped = false;
  /** in the scheduler's ring of ready VMs */
  queued = false;
  private nextTimer = 1;

  constructor(
    private readonly scheduler: Scheduler,
    readonly name: string,
  ) {}

  /** Ready tasks not run yet. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Queues a task; false (nothing queued) when the VM stopped or its queue is full. */
  post(task: () => void): boolean {
    if (this.stopped || this.pending >= MAX_TASKS) return false;
    this.queue.push(task);
    this.scheduler.ready(this);
    return true;
  }

  /** The next task, if any. */
  take(): (() => void) | undefined {
    if (this.head >= this.queue.length) return undefined;
    const t = this.queue[this.head]!;
    this.queue[this.head++] = undefined as never;
    if (this.head >= this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return t;
  }

  /** A timer `delayMs` of emulated time from now; its id (> 0), or 0 when the VM holds MAX_TIMERS already. */
  setTimer(delayMs: number, run: () => void): number {
    if (this.timers.size >= MAX_TIMERS) return 0;
    const id = this.nextTimer++;
    if (this.stopped) return id;
    const t: Timer = { id, due: this.scheduler.now() + Math.max(0, delayMs), seq: this.scheduler.seq(), run, loop: this, cancelled: false };
    this.timers.set(id, t);
    this.scheduler.addTimer(t);
    return id;
  }

  cancelTimer(id: number): boolean {
    const t = this.timers.get(id);
    if (!t) return false;
    this.timers.delete(id);
    this.scheduler.cancelTimer(t);
    return true;
  }

  /** Stops for good: pending tasks and timers are dropped. */
  stop(): void {
    this.stopped = true;
    this.queue = [];
    this.head = 0;
    for (const t of this.timers.values()) this.scheduler.cancelTimer(t);
    this.timers.clear();
  }

  /** A timer came due: its callback joins the task queue (timers run in due order). */
  fire(t: Timer): void {
    if (this.timers.delete(t.id)) this.post(t.run);
  }
}

/** A binary min-heap of timers by (due, seq). */
class TimerHeap {
  readonly items: Timer[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Timer | undefined {
    return this.items[0];
  }
  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
  /** Drops cancelled timers (rebuilds the heap). */
  compact(): void {
    const live = this.items.filter((t) => !t.cancelled);
    this.items.length = 0;
    for (const t of live) this.push(t);
  }
}

const before = (a: Timer, b: Timer): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

export class Scheduler {
  private readonly heap = new TimerHeap();
  private cancelled = 0;
  /** VMs with ready tasks, round-robin */
  private ring: VmLoop[] = [];
  private ringHead = 0;
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private timerDue = Infinity;
  private counter = 0;
  private closed = false;
  /** whenIdle() callers, told after the next slice that leaves nothing to run */
  private idleWaiters: (() => void)[] = [];
  /** Statistics for the admin route. */
  readonly stats = { tasks: 0, slices: 0, longestTaskMs: 0, longestTaskVm: '', longestSliceMs: 0, ready: 0, timers: 0 };

  constructor(
    readonly now: () => number,
    /** Real milliseconds of VM work before the Node event loop gets a turn. */
    private readonly sliceMs = 5,
  ) {}

  seq(): number {
    return ++this.counter;
  }

  /** A VM has a task to run. */
  ready(loop: VmLoop): void {
    if (!loop.queued && !loop.stopped) {
      loop.queued = true;
      this.ring.push(loop);
    }
    this.wake();
  }

  addTimer(t: Timer): void {
    this.heap.push(t);
    this.wake();
  }

  cancelTimer(t: Timer): void {
    if (t.cancelled) return;
    t.cancelled = true;
    if (++this.cancelled > 1000 && this.cancelled * 2 > this.heap.size) {
      this.heap.compact();
      this.cancelled = 0;
    }
  }

  /** Runs `fn` (not inside any VM) at an emulated time; the function cancels it. */
  at(due: number, fn: () => void): () => void {
    const t: Timer = { id: 0, due, seq: this.seq(), run: fn, loop: null, cancelled: false };
    this.addTimer(t);
    return () => this.cancelTimer(t);
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

  /**
   * Resolves once no VM has a ready task and no timer is due (at once if so
   * now): everything the emulated time so far calls for has run.
   */
  whenIdle(): Promise<void> {
    if (this.closed || (!this.scheduled && this.ringHead >= this.ring.length && !this.dueNow())) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private idle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  close(): void {
    this.closed = true;
    this.idle();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const l of this.ring) l.stop();
    this.ring = [];
    this.ringHead = 0;
    this.heap.items.length = 0;
  }

  /** Moves the timers due now to their VMs' queues (emulator timers run here); false if the slice ended meanwhile. */
  private promote(start: number): boolean {
    const now = this.now();
    for (let t = this.heap.peek(); t && t.due <= now; t = this.heap.peek()) {
      this.heap.pop();
      if (t.cancelled) {
        this.cancelled = Math.max(0, this.cancelled - 1);
        continue;
      }
      if (t.loop) t.loop.fire(t);
      else {
        t.cancelled = true;
        t.run();
        if (performance.now() - start >= this.sliceMs) return false;
      }
    }
    return true;
  }

  /** One slice: ready tasks round-robin until none is left or the slice is used up. */
  drain(): void {
    if (this.closed) return;
    const start = performance.now();
    this.stats.slices++;
    let more = this.promote(start);
    while (more) {
      if (this.ringHead >= this.ring.length) {
        // a pass is over: compact the ring, take in the timers that came due
        this.ring = this.ring.slice(this.ringHead);
        this.ringHead = 0;
        if (!this.promote(start)) break;
        if (this.ring.length === 0) break;
      }
      const loop = this.ring[this.ringHead++]!;
      loop.queued = false;
      if (loop.stopped) continue;
      const task = loop.take();
      if (task) {
        const t0 = performance.now();
        task();
        const took = performance.now() - t0;
        this.stats.tasks++;
        if (took > this.stats.longestTaskMs) {
          this.stats.longestTaskMs = took;
          this.stats.longestTaskVm = loop.name;
        }
      }
      if (loop.pending > 0 && !loop.stopped && !loop.queued) {
        loop.queued = true;
        this.ring.push(loop);
      }
      if (performance.now() - start >= this.sliceMs) more = false;
    }
    const took = performance.now() - start;
    if (took > this.stats.longestSliceMs) this.stats.longestSliceMs = took;
    this.stats.ready = this.ring.length - this.ringHead;
    this.stats.timers = this.heap.size - this.cancelled;
    if (this.ringHead < this.ring.length || this.dueNow()) this.wake();
    else {
      this.arm();
      this.idle();
    }
  }

  private dueNow(): boolean {
    while (this.heap.peek()?.cancelled) {
      this.heap.pop();
      this.cancelled = Math.max(0, this.cancelled - 1);
    }
    const t = this.heap.peek();
    return t !== undefined && t.due <= this.now();
  }

  /** A real-time timer for the earliest emulated due time. */
  private arm(): void {
    const due = this.heap.peek()?.due ?? Infinity;
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
