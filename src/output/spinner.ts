// "Contacting impCentral..." progress indicator. It writes to stderr, only
// when stderr is a terminal, so piped output never contains it (DIFFERENCES F9).
const FRAMES = ['|', '/', '-', '\\'];
const ERASE = '\u001b[2K\u001b[1G';

export class Spinner {
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private active = 0;

  constructor(private readonly write: (text: string) => void) {}

  start(): void {
    this.active++;
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.write(`${ERASE}${FRAMES[this.frame++ % FRAMES.length]} Contacting impCentral...`);
    }, 60);
    this.timer.unref();
  }

  stop(): void {
    this.active = Math.max(0, this.active - 1);
    if (this.active === 0) this.clear();
  }

  /** Erases the indicator (before any other output). */
  clear(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.write(ERASE);
  }
}
