// Finding the group and command words of a command line before the
// command's options are known. Kept free of dependencies: `impt --version`
// loads nothing else.

export function isOptionToken(t: string): boolean {
  return t.length > 1 && t.startsWith('-') && !/^-\d/.test(t);
}

/** Words of the command line that are not options or option values, with their positions. */
export function positionalWords(argv: string[]): Array<{ word: string; index: number }> {
  const found: Array<{ word: string; index: number }> = [];
  const booleans = new Set(['-h', '--help', '-v', '--version']);
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i]!;
    if (t === '--') continue; // ignored, as by impt 2.6.1's yargs
    if (isOptionToken(t)) {
      const next = argv[i + 1];
      const flagLike = booleans.has(t) || t.includes('=') || (next !== undefined && (next === 'true' || next === 'false'));
      if (!flagLike && next !== undefined && !isOptionToken(next) && !KNOWN_FLAGS.has(t)) i++;
      continue;
    }
    found.push({ word: t, index: i });
  }
  return found;
}

/** Flags of any command: they never take the following word as a value. */
const KNOWN_FLAGS = new Set(
  [
    'confirmed', 'q', 'force', 'f', 'full', 'u', 'builds', 'b', 'local', 'l', 'temp', 't', 'all', 'a', 'log', 'conditional',
    'c', 'unflag', 'unflag-old', 'remove', 'r', 'assigned', 'unassigned', 'online', 'offline', 'flagged', 'unflagged',
    'zombie', 'non-zombie', 'create-product', 'pre-factory', 'create-target', 'create-dut', 'entities', 'files', 'e',
    'clear-cache', 'github-config', 'builder-config', 'builder-cache', 'stop-on-fail', 'allow-disconnect', 'device-only',
    'agent-only',
  ]
    .filter((f) => f.length > 1 || f === 'q')
    .map((f) => (f.length === 1 ? `-${f}` : `--${f}`)),
);

/**
 * The last `--output`/`-z` value of a command line (`-z json`,
 * `--output=json`), read before the command and its options are known.
 */
export function outputValueOf(argv: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const t = argv[i]!;
    const joined = /^(?:--output|-z)=(.*)$/.exec(t);
    if (joined) value = joined[1];
    else if ((t === '--output' || t === '-z') && i + 1 < argv.length) value = argv[++i];
  }
  return value;
}
