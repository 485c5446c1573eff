// Help text in the layout of impt 2.6.1 (yargs 12 + cliui): usage wrapped at
// 80 columns, option switches in a left column, type tags right-aligned.
// cliui does the column layout; this module only feeds it the rows.
import cliui from './cliui.cjs';
import { allOptions } from './options.js';
import { HELP_DESCRIBE_COMMAND, type CommandSpec, type OptionSpec } from './spec.js';

/** yargs wraps help at 80 columns, or at the terminal's width when it is narrower. */
function wrapWidth(columns: number | undefined): number {
  return columns ? Math.min(80, columns) : 80;
}

interface Ui {
  readonly width: number;
  div(...cols: Array<string | Col>): void;
  span(...cols: Array<string | Col>): void;
  toString(): string;
}
interface Col {
  text: string;
  width?: number;
  padding?: [number, number, number, number];
  align?: 'left' | 'right' | 'center';
}

function newUi(width: number): Ui {
  return cliui({ width, wrap: true });
}

function maxWidth(cells: string[], width: number): number {
  return Math.min(Math.max(0, ...cells.map((c) => c.length)), Math.floor(width * 0.5));
}

function typeTag(o: OptionSpec): string {
  const t = o.type ?? (o.kind === 'flag' || o.kind === 'bool' ? 'boolean' : o.kind === 'array' || o.repeatable ? 'array' : o.kind === 'number' ? 'number' : 'string');
  return `[${t}]`;
}

function optionRows(ui: Ui, rows: Array<{ sw: string; desc: string; extra: string }>): void {
  const width = maxWidth(rows.map((r) => r.sw), ui.width) + 4;
  for (const r of rows) {
    ui.span({ text: r.sw, padding: [0, 2, 0, 2], width }, { text: r.desc });
    if (r.extra) ui.div({ text: r.extra, padding: [0, 0, 0, 2], align: 'right' });
    else ui.div();
  }
}

function finish(ui: Ui): string {
  return ui.toString().replace(/\s+$/, '');
}

/** The usage synopsis generated from the options (used when a spec gives none). */
export function synopsis(spec: CommandSpec): string {
  const parts = allOptions(spec)
    .filter((o) => !o.hidden)
    .map((o) => {
      const placeholder = o.usage === undefined ? '' : o.usage;
      const text = placeholder ? `--${o.name} ${placeholder}` : `--${o.name}`;
      return o.required ? text : `[${text}]`;
    });
  return [...parts, '[--help]'].join(' ');
}

/** `columns`: the terminal's width (undefined when stdout is not a terminal). */
export function commandHelp(spec: CommandSpec, columns?: number): string {
  const ui = newUi(wrapWidth(columns));
  ui.div(`\nUsage: impt ${spec.group} ${spec.name} ${spec.usage ?? synopsis(spec)}\n\n${spec.description}`);
  ui.div();
  ui.div('Options:');
  const rows = [{ sw: '--help, -h', desc: HELP_DESCRIBE_COMMAND, extra: '[boolean]' }];
  for (const o of allOptions(spec)) {
    if (o.hidden) continue;
    const sw = o.alias ? `--${o.name}, -${o.alias}` : `--${o.name}`;
    const extra = [
      typeTag(o),
      o.required ? '[required]' : null,
      o.choices ? `[choices: ${o.choices.map((c) => JSON.stringify(c)).join(', ')}]` : null,
      o.default !== undefined ? `[default: ${JSON.stringify(o.default)}]` : null,
    ]
      .filter(Boolean)
      .join(' ');
    rows.push({ sw, desc: o.describe, extra });
  }
  optionRows(ui, rows);
  return finish(ui);
}

export interface GroupHelpEntry {
  name: string;
  summary: string;
}

/** `Usage:` head, then the `Commands:` table of a group or of the top level. */
function commandsHelp(prefix: string, head: string, entries: GroupHelpEntry[], columns: number | undefined): Ui {
  const ui = newUi(wrapWidth(columns));
  ui.div(head);
  ui.div();
  ui.div('Commands:');
  const names = entries.map((e) => `${prefix}${e.name}`);
  const width = maxWidth(names, ui.width) + 4;
  entries.forEach((e, i) => {
    ui.span({ text: names[i]!, padding: [0, 2, 0, 2], width }, { text: e.summary });
    ui.div();
  });
  ui.div();
  ui.div('Options:');
  return ui;
}

export function groupHelp(group: string, description: string, commands: GroupHelpEntry[], columns?: number): string {
  const ui = commandsHelp(`impt ${group} `, `\nUsage: impt ${group} <command> [options]\n\n${description}`, commands, columns);
  optionRows(ui, [{ sw: '--help, -h', desc: HELP_DESCRIBE_COMMAND, extra: '[boolean]' }]);
  return finish(ui);
}

export function topHelp(groups: GroupHelpEntry[], columns?: number): string {
  const ui = commandsHelp('impt ', '\nUsage: impt <command> [options]', groups, columns);
  optionRows(ui, [
    { sw: '--version, -v', desc: 'Displays the version of impt.', extra: '[boolean]' },
    { sw: '--help, -h', desc: 'Displays a description of the command.', extra: '[boolean]' },
  ]);
  return finish(ui);
}
