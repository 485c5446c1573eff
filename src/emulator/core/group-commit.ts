// Group commit of journal transactions. A transaction's line is queued; when
// no write is in flight, every queued line goes out in one write followed by
// one fdatasync, and whatever is queued meanwhile waits for the next one. A
// waiter is answered only once everything queued before it asked is durable,
// so "persisted before the response is sent" holds for each request while
// concurrent requests share the fsync.
//
// A snapshot (fold) replaces the journal: it is written between two writes,
// never during one, and makes everything queued durable at once. While a fold
// is wanted (a reset, whose state no journal line can express, or a journal
// grown past its threshold), no line is appended; a failed fold is tried
// again on the next commit.

export interface CommitTarget {
  /** Appends whole journal lines and makes them durable; on failure none of them stays. */
  append(data: Buffer, transactions: number): Promise<void>;
  /** Writes a snapshot of the current state (it holds every queued transaction). */
  fold(): void;
  /** Whether the journal has grown enough to be folded. */
  wantsFold(): boolean;
}

interface Waiter {
  ticket: number;
  resolve(): void;
  reject(e: unknown): void;
}

const DONE = Promise.resolve();

export class GroupCommit {
  private queue: { line: Buffer; ticket: number }[] = [];
  /** last ticket handed out (one per transaction or fold asked for) */
  private tickets = 0;
  /** every ticket up to this one is durable */
  private durable = 0;
  private waiters: Waiter[] = [];
  private writing = false;
  private foldWanted = false;

  constructor(private readonly target: CommitTarget) {}

  /** Queues one transaction's journal line (ending with a newline). */
  add(line: Buffer): void {
    this.queue.push({ line, ticket: ++this.tickets });
    this.kick();
  }

  /** Folds the state into a snapshot: now when no write is in flight (errors
   * are thrown), otherwise right after it (wait() reports errors). */
  fold(): void {
    this.tickets++;
    this.foldWanted = true;
    if (!this.writing) this.foldNow();
  }

  /** Resolves once everything queued or folded so far is durable; rejects when writing it failed. */
  wait(): Promise<void> {
    const ticket = this.tickets;
    if (this.durable >= ticket) return DONE;
    const p = new Promise<void>((resolve, reject) => this.waiters.push({ ticket, resolve, reject }));
    this.kick(); // after a failed write, the next request tries again
    return p;
  }

  private kick(): void {
    if (!this.writing && (this.queue.length > 0 || this.foldWanted)) void this.run();
  }

  private foldNow(): void {
    const upTo = this.tickets;
    this.target.fold(); // throws: the fold stays wanted
    this.foldWanted = false;
    this.queue = [];
    this.settle(upTo);
  }

  private async run(): Promise<void> {
    this.writing = true;
    try {
      for (;;) {
        if (this.foldWanted) {
          try {
            this.foldNow();
          } catch (e) {
            this.fail(this.tickets, e);
            return;
          }
        }
        if (this.queue.length === 0) return;
        const batch = this.queue;
        this.queue = [];
        const last = batch.at(-1)!.ticket;
        try {
          await this.target.append(Buffer.concat(batch.map((t) => t.line)), batch.length);
        } catch (e) {
          // written again with the next write, under the same numbers
          this.queue = batch.concat(this.queue);
          this.fail(last, e);
          if (this.queue.length === batch.length) return; // nothing new: the next commit retries
          continue;
        }
        this.settle(last);
        if (this.target.wantsFold()) this.foldWanted = true;
      }
    } finally {
      this.writing = false;
    }
  }

  private settle(upTo: number): void {
    this.durable = Math.max(this.durable, upTo);
    this.answer((w) => w.ticket <= this.durable, (w) => w.resolve());
  }

  private fail(upTo: number, e: unknown): void {
    this.answer((w) => w.ticket <= upTo, (w) => w.reject(e));
  }

  private answer(due: (w: Waiter) => boolean, fn: (w: Waiter) => void): void {
    const now = this.waiters.filter(due);
    if (now.length === 0) return;
    this.waiters = this.waiters.filter((w) => !due(w));
    for (const w of now) fn(w);
  }
}
