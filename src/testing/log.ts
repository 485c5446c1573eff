// The line logger of `impt test run`: `[kind]` before the first line it
// prints, then `[+<total>/<delta>s kind]` (seconds since the first and the
// previous printed line). Which lines each output mode shows follows
// interface/test-run.md: info/warning lines only where info is shown,
// test/error lines in every text mode, nothing of it in json.
import { Chalk } from 'chalk';
import type { Printer } from '../output/printer.js';
import { testRunMessages as msg } from '../output/messages/test-run.js';

export type Kind = 'info' | 'warning' | 'error' | 'test';
export type Colour = 'red' | 'green' | 'yellow' | 'cyan';

export class TestLog {
  private first: number | undefined;
  private last = 0;
  private readonly chalk: InstanceType<typeof Chalk>;

  constructor(readonly out: Printer) {
    const coloured = out.showsInfo && out.colorCapable;
    this.chalk = new Chalk({ level: coloured ? 1 : 0 });
  }

  private shows(kind: Kind): boolean {
    if (this.out.isJson) return false;
    return kind === 'test' || kind === 'error' || this.out.showsInfo;
  }

  line(kind: Kind, text: string, colour?: Colour): void {
    if (!this.shows(kind)) return;
    const now = Date.now();
    const secs = (ms: number) => (ms / 1000).toFixed(2);
    const label = this.first === undefined ? `[${kind}]` : `[+${secs(now - this.first)}/${secs(now - this.last)}s ${kind}]`;
    this.first ??= now;
    this.last = now;
    const c = this.chalk;
    const prefix = kind === 'warning' ? c.yellow(label) : kind === 'error' ? c.red(label) : c.gray(label);
    const body = kind === 'error' ? c.red(text) : colour ? c[colour](text) : text;
    this.out.raw(`${prefix} ${body}`);
  }

  info(text: string): void {
    this.line('info', text);
  }
  warning(text: string): void {
    this.line('warning', text, 'yellow');
  }
  error(text: string): void {
    this.line('error', text);
  }
  test(text: string, colour?: Colour): void {
    this.line('test', text, colour);
  }

  /** Unprefixed lines of impt's generic printer (hidden in minimal and json). */
  plain(text: string, colour?: Colour): void {
    this.out.info(colour ? this.chalk[colour](text) : text);
  }

  /** Output of an external command: every text mode. */
  command(line: string): void {
    if (!this.out.isJson) this.out.raw(this.chalk.cyan(msg.commandOutput(line)));
  }

  debug(cls: string, text: string): void {
    this.out.debug(msg.debug(cls, text));
  }

  get isDebug(): boolean {
    return this.out.isDebug;
  }
}
