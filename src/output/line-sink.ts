// Output of log lines at stream speed. The Printer writes one line per call
// and ignores back-pressure; a log stream can deliver tens of thousands of
// lines a second, so lines are joined into one write per event-loop turn (or
// per 64 KiB) and the source is paused while stdout's buffer is full.

const MAX_BATCH = 64 * 1024;

export class LineSink {
  private parts: string[] = [];
  private size = 0;
  private scheduled = false;
  private blocked = false;
  private readonly waiters: Array<() => void> = [];

  /** `pressure(true)` when the output is full (pause the source), `pressure(false)` when it drained. */
  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly pressure: (full: boolean) => void = () => {},
  ) {}

  /** Queues one line (a trailing newline is added). */
  push(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= MAX_BATCH) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Writes what is queued now; call before any other output to keep the order of lines. */
  flush(): void {
    this.scheduled = false;
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.out.write(chunk) || this.blocked) return;
    this.blocked = true;
    this.pressure(true);
    this.out.once('drain', () => {
      this.blocked = false;
      this.pressure(false);
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Resolves when everything queued has been handed to the OS. */
  drained(): Promise<void> {
    this.flush();
    if (!this.blocked) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
