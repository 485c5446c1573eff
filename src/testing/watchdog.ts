// A named timer of a test session, with its debug lines.
import { testRunMessages as msg } from '../output/messages/test-run.js';
import type { TestLog } from './log.js';

export class Watchdog {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly ms: number,
    private readonly log: TestLog,
    private readonly onTimeout: () => void,
  ) {}

  start(): void {
    this.stop(false);
    this.log.debug('TestWatchdog', msg.watchdog(this.name, 'started'));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.log.debug('TestWatchdog', msg.watchdog(this.name, 'timed out'));
      this.onTimeout();
    }, this.ms);
  }

  stop(say = true): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (say) this.log.debug('TestWatchdog', msg.watchdog(this.name, 'stopped'));
  }
}
