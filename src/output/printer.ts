// The only writer of stdout/stderr (besides prompts). Knows the output modes
// of interface/README.md §3: which lines each mode shows and how results look.
import { Chalk } from 'chalk';
import { formatText, type DisplayObject, type Value } from './format.js';
import { FAILS, SUCCEEDS, info as infoMsg } from './messages/common.js';
import { metaLines } from './meta.js';
import { Spinner } from './spinner.js';

export type OutputMode = 'default' | 'minimal' | 'json' | 'debug' | 'table';

/** Where questions are asked: the input they are read from and the output they are drawn on. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface Streams {
  write(text: string): void;
  writeErr(text: string): void;
  isTTY: boolean;
  errIsTTY: boolean;
  /** the terminal's width when stdout is a terminal that tells it (tables fit it) */
  columns?: number;
  /** a terminal to ask questions on (src/prompt asks only when there is one) */
  canPrompt: boolean;
  /** the streams prompts use (stdin and stdout of the command) */
  terminal?: Terminal;
  env: NodeJS.ProcessEnv;
}

/**
 * Colours only on a TTY; NO_COLOR disables, FORCE_COLOR forces (DIFFERENCES F8).
 * `FORCE_COLOR=0` / `false` force colours off, as for Node and chalk.
 */
export function colorEnabled(s: Streams): boolean {
  const force = s.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined && force !== '') return true;
  if (s.env.NO_COLOR !== undefined && s.env.NO_COLOR !== '') return false;
  return s.isTTY && s.env.TERM !== 'dumb';
}

export class Printer {
  readonly mode: OutputMode;
  private readonly streams: Streams;
  /** undefined without colours: chalk is then never loaded (scripts/build.mjs) */
  private readonly chalk: InstanceType<typeof Chalk> | undefined;
  private jsonResult: unknown = undefined;
  private jsonErrors: string[] = [];
  private readonly spinner: Spinner | undefined;

  constructor(mode: OutputMode, streams: Streams) {
    this.mode = mode;
    this.streams = streams;
    if (mode !== 'minimal' && mode !== 'json' && colorEnabled(streams)) this.chalk = new Chalk({ level: 1 });
    if ((mode === 'default' || mode === 'table') && streams.errIsTTY) this.spinner = new Spinner((t) => streams.writeErr(t));
  }

  /** Network activity started or ended: drives the progress indicator. */
  activity(active: boolean): void {
    if (active) this.spinner?.start();
    else this.spinner?.stop();
  }

  /** whether the streams take colours (a terminal, or FORCE_COLOR), whatever the mode */
  get colorCapable(): boolean {
    return colorEnabled(this.streams);
  }

  /** whether prompts may ask (a terminal on stdin, IMPT_NO_PROMPT unset) */
  get canPrompt(): boolean {
    return this.streams.canPrompt;
  }

  /** the streams to ask on, when prompts may ask */
  get terminal(): Terminal | undefined {
    return this.streams.canPrompt ? this.streams.terminal : undefined;
  }

  get isJson(): boolean {
    return this.mode === 'json';
  }
  get isMinimal(): boolean {
    return this.mode === 'minimal';
  }
  get isDebug(): boolean {
    return this.mode === 'debug';
  }
  /** info lines, list headers and status lines are shown in default, debug and table modes */
  get showsInfo(): boolean {
    return this.mode === 'default' || this.mode === 'debug' || this.mode === 'table';
  }

  private line(text: string): void {
    this.spinner?.clear();
    this.streams.write(`${text}\n`);
  }

  /** Progress and success sentences (default/debug only). */
  info(text: string): void {
    if (this.showsInfo) this.line(text);
  }

  /**
   * Warnings a successful impCentral answer carries in `data.meta`:
   * `«title»: «detail»` and its meta lines, without `Error:` (README §4.1).
   */
  warnings(items: unknown[]): void {
    for (const w of items as Array<{ title?: unknown; detail?: unknown; meta?: unknown }>) {
      if (!w || w.title === undefined || w.detail === undefined) continue;
      this.info(infoMsg.meta(String(w.title), String(w.detail)));
      for (const l of metaLines(w.meta)) this.info(l);
    }
  }

  /** Dialog text (confirmation summaries): printed in every mode, never coloured outside default. */
  dialog(text: string): void {
    this.line(text);
  }

  /** A line on stderr, in every mode (only `Invalid JSON string: …` uses it, as in 2.6.1). */
  stderr(text: string): void {
    this.spinner?.clear();
    this.streams.writeErr(`${text}\n`);
  }

  /** Debug dumps (debug mode only). */
  debug(text: string): void {
    if (this.mode === 'debug') this.line(text);
  }

  /** Raw line, e.g. a log message, in every mode. */
  raw(text: string): void {
    this.line(text);
  }

  /** Text-mode rendering of display objects. */
  text(value: Value): string {
    return formatText(value, {
      minimal: this.mode === 'minimal',
      paint: (t, c) => (!this.chalk ? t : c === 'green' ? this.chalk.green(t) : this.chalk.red(t)),
    });
  }

  /** A single result object such as `{"Product": {...}}`. */
  result(obj: DisplayObject): void {
    if (this.isJson) {
      this.jsonResult = obj;
      return;
    }
    this.line(this.text(obj));
  }

  /** Entities in list view for text/minimal modes (no header), used by summaries and errors. */
  entities(items: DisplayObject[], max = Infinity, typeForMore?: string): void {
    items.slice(0, max).forEach((item) => this.line(this.text(item)));
    if (items.length > max && typeForMore) this.line(infoMsg.andMore(items.length - max, typeForMore));
  }

  /** A list result: `X list (N items):` + blocks, or `No Xs are found.`; json: an array. */
  list(type: string, items: DisplayObject[], tableColumns?: string[]): void {
    if (this.isJson) {
      this.jsonResult = items;
      return;
    }
    if (this.mode === 'table' && items.length > 0) {
      this.info(infoMsg.listHeader(type, items.length));
      this.table(type, items, tableColumns);
      return;
    }
    if (items.length === 0) {
      this.info(infoMsg.noneFound(type));
      return;
    }
    this.info(infoMsg.listHeader(type, items.length));
    for (const item of items) this.line(this.text(item));
  }

  private table(type: string, items: DisplayObject[], columns?: string[]): void {
    // Loaded on demand: only `-z table` needs it.
    const rows = items.map((i) => flattenForTable(i[type] as DisplayObject));
    const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    this.pendingTable = { cols, rows };
  }

  private pendingTable: { cols: string[]; rows: Record<string, string>[] } | undefined;

  /** Tables need cli-table3, loaded lazily; called by the boundary before the status line. */
  async flushTable(): Promise<void> {
    if (!this.pendingTable) return;
    const { default: Table } = await import('cli-table3');
    const { cols, rows } = this.pendingTable;
    this.pendingTable = undefined;
    const cells = rows.map((r) => cols.map((c) => r[c] ?? ''));
    const fit = this.streams.isTTY && this.streams.columns ? fitColumns(cols, cells, this.streams.columns) : undefined;
    const table = new Table({
      head: cols,
      style: { head: [], border: [] },
      // long cells wrap inside their column, ids and other unbroken words too
      ...(fit ? { colWidths: fit, wordWrap: true, wrapOnWordBoundary: false } : {}),
    });
    for (const r of cells) table.push(r);
    this.line(table.toString());
  }

  /**
   * An error line: `Error: …` in text modes. In json mode the errors of a
   * command are collected and printed at its end as one document,
   * `{"Error": …}` (several: one line each, in order), so that stdout is
   * always exactly one JSON document.
   */
  error(message: string): void {
    if (this.isJson) this.jsonErrors.push(message);
    else this.line(`Error: ${message}`);
  }

  /**
   * An error in the middle of a stream of results (`log stream`): printed at
   * once in every mode; a stream is a sequence of documents, not one.
   */
  streamError(message: string): void {
    if (this.isJson) this.line(JSON.stringify({ Error: message }, null, 2));
    else this.line(`Error: ${message}`);
  }

  private flushJsonErrors(): boolean {
    if (!this.jsonErrors.length) return false;
    this.line(JSON.stringify({ Error: this.jsonErrors.join('\n') }, null, 2));
    this.jsonErrors = [];
    return true;
  }

  succeed(): void {
    if (this.isJson) {
      if (this.flushJsonErrors()) return;
      this.line(JSON.stringify(this.jsonResult ?? {}, null, 2));
      return;
    }
    this.info(SUCCEEDS);
  }

  fail(): void {
    if (this.isJson) this.flushJsonErrors();
    this.info(FAILS);
  }

  /** json mode prints `{}` when the operation is canceled */
  canceled(): void {
    this.info(infoMsg.canceled);
    if (this.isJson && !this.flushJsonErrors()) this.line('{}');
  }
}

/** cell padding of cli-table3 (one space each side) */
const PAD = 2;
/** narrowest a squeezed column gets: 6 characters of text */
const MIN_TEXT = 6;

/**
 * Column widths (padding included, as cli-table3's `colWidths`) of a table
 * that fits `columns` characters, borders included; undefined when the table
 * fits as it is. Columns narrower than their fair share keep their width; the
 * others share what is left. When not even MIN_TEXT per column fits, every
 * column gets MIN_TEXT and the terminal wraps the lines.
 */
export function fitColumns(head: string[], rows: string[][], columns: number): number[] | undefined {
  const longest = (t: string) => Math.max(0, ...t.split('\n').map((l) => l.length));
  const natural = head.map((h, i) => Math.max(longest(h), ...rows.map((r) => longest(r[i] ?? ''))) + PAD);
  const borders = head.length + 1;
  if (natural.reduce((a, b) => a + b, 0) + borders <= columns) return undefined;
  const widths: number[] = new Array<number>(head.length).fill(0);
  let left = columns - borders;
  let open = natural.map((_, i) => i);
  // water-filling: settle the columns that fit their share, then share again
  for (;;) {
    const share = Math.floor(left / Math.max(1, open.length));
    const settled = open.filter((i) => natural[i]! <= share);
    if (settled.length === 0) {
      let extra = left - share * open.length;
      for (const i of open) {
        widths[i] = Math.max(MIN_TEXT + PAD, share + (extra > 0 ? 1 : 0));
        extra--;
      }
      return widths;
    }
    for (const i of settled) {
      widths[i] = natural[i]!;
      left -= natural[i]!;
    }
    open = open.filter((i) => !settled.includes(i));
    if (open.length === 0) return widths;
  }
}

function flattenForTable(obj: DisplayObject | undefined, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj ?? {})) {
    if (v === undefined) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flattenForTable(v, key));
    else if (Array.isArray(v)) out[key] = v.map(String).join(', ');
    else out[key] = String(v);
  }
  return out;
}
