// Option parsing with the quirks of impt 2.6.1 (interface/README.md §1).
// A normalising pass turns the raw words into canonical `--name value`
// tokens (aliases, camelCase forms, `=` values, ignored hyphenated unknown
// options, swallowed `true` after flags); commander then parses those
// tokens; the validation order of §1.4 is applied last.
import { Command, CommanderError, Option } from 'commander';
import { parse as msg } from '../output/messages/common.js';
import { isOptionToken } from './words.js';
import { allOptions } from './options.js';
import { LIST_COMMANDS } from './registry.js';
import { camelCase, type CommandSpec, type OptionSpec, type OptionValue, type ParsedOptions } from './spec.js';

export interface ParseResult {
  options: ParsedOptions;
  given: Set<string>;
}

/**
 * Thrown with the message to print after the command's help; `output` is the
 * `--output` value the command line gave, when it gave one.
 */
export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly output?: string,
  ) {
    super(message);
  }
}

/** The last `--output` value among the canonical tokens. */
function outputOf(tokens: string[]): string | undefined {
  const at = tokens.lastIndexOf('--output');
  return at >= 0 ? tokens[at + 1] : undefined;
}

interface Issue {
  step: number;
  message: string;
}

function takesValue(o: OptionSpec): boolean {
  return o.kind !== 'flag' && o.kind !== 'bool';
}



function findOption(options: OptionSpec[], name: string, short: boolean): OptionSpec | undefined {
  if (short && name.length === 1) return options.find((o) => o.alias === name);
  return options.find((o) => o.name === name || camelCase(o.name) === name || (o.alias === name && name.length === 1));
}

/**
 * Normalises `words` (the command line without group and command words).
 * Returns canonical tokens for commander plus the issues found on the way.
 */
function normalise(words: string[], options: OptionSpec[]) {
  const tokens: string[] = [];
  const positionals: string[] = [];
  const unknown: string[] = [];
  const issues: Issue[] = [];
  /** the value of each flag's last occurrence (`true` or `false`) */
  const flagValues = new Map<string, string>();
  const counts = new Map<string, number>();
  const given = new Set<string>();

  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // impt 2.6.1's yargs ignores `--`: the words after it are parsed as before it
    if (word === '--') continue;
    if (!isOptionToken(word)) {
      positionals.push(word);
      continue;
    }
    const long = word.startsWith('--');
    const body = word.slice(long ? 2 : 1);
    const eq = body.indexOf('=');
    const typed = eq >= 0 ? body.slice(0, eq) : body;
    let inline: string | undefined = eq >= 0 ? body.slice(eq + 1) : undefined;
    let name = typed;
    let negated = false;
    let opt = findOption(options, name, !long);
    if (!opt && typed.startsWith('no-')) {
      const base = findOption(options, typed.slice(3), false);
      if (base && !takesValue(base)) {
        opt = base;
        negated = true;
        name = typed.slice(3);
      }
    }
    const next = words[i + 1];
    const nextIsValue = next !== undefined && !isOptionToken(next);
    if (!opt) {
      // `--no-x` is yargs' negation of `x`: it takes no value and is reported as `x`.
      const key = long && inline === undefined && typed.startsWith('no-') && typed.length > 3 ? typed.slice(3) : typed;
      // yargs consumes a following word as the value of an unknown option.
      if (key === typed && inline === undefined && nextIsValue) i++;
      // hyphenated unknown keys are silently accepted; each unknown key is reported once
      if (!key.includes('-') && !unknown.includes(key)) unknown.push(key);
      continue;
    }
    given.add(opt.name);
    counts.set(opt.name, (counts.get(opt.name) ?? 0) + 1);
    if (!takesValue(opt)) {
      let value: string | undefined = negated ? 'false' : inline;
      if (value === undefined && (next === 'true' || next === 'false')) {
        value = next;
        i++;
      }
      // yargs reads any value but `true` of a boolean as false; the last occurrence wins
      const bool = value === undefined || value === 'true' ? 'true' : 'false';
      if (opt.kind === 'flag') {
        flagValues.set(opt.name, bool);
        tokens.push(`--${opt.name}`);
      } else {
        tokens.push(`--${opt.name}`, bool);
      }
      continue;
    }
    if (inline === undefined && nextIsValue) {
      inline = next;
      i++;
    }
    if (inline === undefined && opt.kind === 'string-optional') inline = '';
    if (inline === undefined || isOptionToken(inline)) {
      issues.push({ step: 1, message: msg.notEnoughArguments(typed) });
      continue;
    }
    tokens.push(`--${opt.name}`, inline);
  }
  return { tokens, positionals, unknown, issues, flagValues, counts, given };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** commander does the tokenising of the canonical words into values. */
function commanderParse(tokens: string[], options: OptionSpec[]): Record<string, string[] | boolean> {
  const cmd = new Command()
    .exitOverride()
    .helpOption(false)
    .allowExcessArguments(true)
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  for (const o of options) {
    const option = takesValue(o) || o.kind === 'bool' ? new Option(`--${o.name} <value>`) : new Option(`--${o.name}`);
    if (takesValue(o) || o.kind === 'bool') option.argParser(collect);
    cmd.addOption(option);
  }
  try {
    cmd.parse(tokens, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) throw new ParseFailure(e.message, outputOf(tokens));
    throw e;
  }
  return cmd.opts();
}

export function parseCommand(spec: CommandSpec, words: string[]): ParseResult {
  const options = allOptions(spec);
  const n = normalise(words, options);
  const raw = commanderParse(n.tokens, options);
  const result: ParsedOptions = {};
  const issues = [...n.issues];

  const required = options.filter((o) => o.required && !n.given.has(o.name)).map((o) => o.name);
  if (required.length) issues.push({ step: 3, message: msg.missingRequired(required) });
  if (n.unknown.length) issues.push({ step: 4, message: msg.unknownArgument(n.unknown) });

  // generic checks: extra positionals, then option by option in declaration
  // order: empty value → repeated → flag given `false` → number
  const generic: string[] = [];
  if (n.positionals.length) generic.push(msg.extraPositionals(n.positionals));
  // the values have the shapes of OptionsOf (spec.ts): flags false and
  // multi-valued options [] when absent, numbers as numbers
  for (const o of options) {
    const key = camelCase(o.name);
    const v = raw[key];
    const multi = o.kind === 'array' || o.repeatable === true;
    let value: OptionValue;
    if (o.kind === 'flag') value = v === true;
    else if (o.kind === 'bool') value = Array.isArray(v) ? v[v.length - 1] === 'true' : undefined;
    else if (Array.isArray(v)) {
      // a number option's "" is the number 0 (yargs), refused by the number check
      if (!multi && o.kind !== 'string-empty' && o.kind !== 'string-optional' && o.kind !== 'number' && v.includes('')) generic.push(msg.empty(o.name));
      if (!multi && (n.counts.get(o.name) ?? 0) > 1) generic.push(msg.multiple(o.name));
      if (o.kind === 'number') value = Number(v[v.length - 1]);
      else value = multi ? [...new Set(v)] : v[v.length - 1];
      const choices = o.choices;
      if (choices && v.some((x) => !choices.includes(x)) && !(v.includes('') && !multi)) {
        // `-z table` outside the list commands: say where it belongs (DIFFERENCES A1)
        const tableElsewhere = o.name === 'output' && !spec.list && v.every((x) => x === 'table' || choices.includes(x));
        issues.push({ step: 6, message: tableElsewhere ? msg.tableOnlyInLists(LIST_COMMANDS) : msg.invalidValues(o.name, v, [...choices]) });
      }
    } else value = multi ? [] : o.default;
    const flagValue = n.flagValues.get(o.name);
    if (flagValue === 'false') generic.push(msg.incorrectValue(o.name, flagValue));
    if (typeof value === 'number') {
      if (Number.isNaN(value)) generic.push(msg.notNumber(o.name));
      else if (!Number.isInteger(value) || value <= 0) generic.push(msg.notPositiveInteger(o.name));
    }
    result[o.name] = value;
  }
  const custom = spec.check?.(result, n.given);
  if (custom) issues.push({ step: 5, message: custom });
  for (const message of generic) issues.push({ step: 5.5, message });
  issues.sort((a, b) => a.step - b.step);
  if (issues.length) throw new ParseFailure(issues[0]!.message, outputOf(n.tokens));
  return { options: result, given: n.given };
}

