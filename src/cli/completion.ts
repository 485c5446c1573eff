// `impt completion bash|zsh|fish` (DIFFERENCES A5) and the hidden
// `impt completion --words <words so far>` the scripts call back: the
// candidates for the last word, from the registry and the command specs, and
// for identifier options the names of the current auth context.
import type { NameKind } from '../commands/shared/names.js';
import { completion as msg } from '../output/messages/completion.js';
import type { CliEnd, CliIo } from './io.js';
import { allOptions } from './options.js';
import { findGroup, GROUPS } from './registry.js';
import { camelCase, type OptionSpec } from './spec.js';

const TOP_OPTIONS = ['--help', '--version'];

/** Options whose next word is their value. */
function takesValue(o: OptionSpec): boolean {
  return o.kind !== 'flag';
}

/** Names to complete an identifier option with; none when unavailable. */
export type NameSource = (kind: NameKind) => Promise<string[]>;

/** Identifier options, known by the placeholder of their usage. */
const NAMED: Record<string, NameKind> = {
  '<PRODUCT_IDENTIFIER>': 'products',
  '<DEVICE_GROUP_IDENTIFIER>': 'dgs',
  '<DEVICE_IDENTIFIER>': 'devices',
};

async function values(o: OptionSpec, names: NameSource | undefined): Promise<string[]> {
  if (o.choices) return [...o.choices];
  if (o.kind === 'bool') return ['true', 'false'];
  const kind = o.usage === undefined ? undefined : NAMED[o.usage];
  return kind && names ? names(kind) : [];
}

function findOption(options: OptionSpec[], word: string): OptionSpec | undefined {
  if (word.startsWith('--')) {
    const name = word.slice(2);
    return options.find((o) => o.name === name || camelCase(o.name) === name);
  }
  if (/^-[^-]$/.test(word)) return options.find((o) => o.alias === word.slice(1));
  return undefined;
}

/**
 * The candidates for the last of `words` (the words after `impt`, the last
 * one being the word under completion, possibly empty), filtered by it;
 * identifier options take their values from `names`.
 */
export async function completionCandidates(words: readonly string[], names?: NameSource): Promise<string[]> {
  const all = words.length === 0 ? [''] : words;
  const cur = all[all.length - 1]!;
  const before = all.slice(0, -1);
  const pick = (list: string[]) => list.filter((w) => w.startsWith(cur));
  const positional = before.filter((w) => !w.startsWith('-'));

  if (before.length === 0) {
    return pick(cur.startsWith('-') ? TOP_OPTIONS : [...GROUPS.map((g) => g.name), 'completion']);
  }
  const groupWord = before[0]!;
  if (groupWord === 'completion') return before.length === 1 ? pick([...msg.shells]) : [];
  const group = findGroup(groupWord);
  if (!group) return [];
  if (before.length === 1) return pick(cur.startsWith('-') ? ['--help'] : group.commands.map((c) => c.name));
  const entry = group.commands.find((c) => c.name === before[1]);
  if (!entry || positional.length < 2) return [];
  const { spec } = await entry.load();
  const options = allOptions(spec).filter((o) => !o.hidden || o.name === 'output');
  const prev = findOption(options, before[before.length - 1]!);
  if (prev && takesValue(prev) && before.length > 2) {
    // a bool's value is optional: an option may follow it instead
    if (prev.kind !== 'bool' || !cur.startsWith('-')) return pick(await values(prev, names));
  }
  if (!cur.startsWith('-')) return [];
  const long = options.map((o) => `--${o.name}`).concat('--help');
  const aliases = options.filter((o) => o.alias).map((o) => `-${o.alias}`).concat('-h');
  return pick(cur.startsWith('--') || cur.length > 2 ? long : [...long, ...aliases]);
}

/** `impt completion …`: argv are the words after `completion`. */
export async function runCompletion(argv: string[], io: CliIo): Promise<CliEnd> {
  const out = (text: string) => void io.stdout.write(`${text}\n`);
  if (argv[0] === '--words') {
    const names: NameSource = async (kind) => (await import('../commands/shared/names.js')).identifierNames(kind, io.cwd, io.env);
    const found = await completionCandidates(argv.slice(1), names);
    if (found.length) out(found.join('\n'));
    // quiet: a name request given up on does not hold the shell
    return { code: 0, quiet: true };
  }
  const shell = argv[0];
  if (shell === 'bash' || shell === 'zsh' || shell === 'fish') {
    out(msg[shell]);
    return { code: 0, quiet: false };
  }
  if (shell === undefined || shell === '--help' || shell === '-h') {
    out(msg.usage);
    return { code: shell === undefined ? 1 : 0, quiet: false };
  }
  out(msg.unknownShell(shell));
  out(msg.usage);
  return { code: 1, quiet: false };
}
