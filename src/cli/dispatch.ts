// The command line: finds the group and command, prints help or version, and
// hands the rest to the error boundary (run.ts). Writes only to `io`; the
// process itself is src/cli/main.ts.
import { FAILS, VERSION, parse as msg } from '../output/messages/common.js';
import type { CliEnd, CliIo } from './io.js';
import { findGroup, GROUPS } from './registry.js';
import { outputValueOf, positionalWords } from './words.js';

export async function runCli(argv: string[], io: CliIo): Promise<CliEnd> {
  const out = (text: string) => void io.stdout.write(`${text}\n`);
  const done = (code: number): CliEnd => ({ code, quiet: false });
  const usageFailure = async (help: () => Promise<string>, message: string) => {
    // json mode: one `{"Error": …}` document, no help (DIFFERENCES F19), as for a command's parse error
    if (outputValueOf(argv) === 'json') return out(JSON.stringify({ Error: message }, null, 2)), done(1);
    out(await help());
    out(`Error: ${message}`);
    out(FAILS);
    return done(1);
  };

  // shell completion (DIFFERENCES A5): no group of impt 2.6.1, absent from the top help
  if (argv[0] === 'completion') return (await import('./completion.js')).runCompletion(argv.slice(1), io);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return out(VERSION), done(0);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const wantsVersion = argv.includes('--version') || argv.includes('-v');
  const words = positionalWords(argv);
  const helpWordAt = words.findIndex((w) => w.word === 'help');
  const help = wantsHelp || helpWordAt >= 0;
  const path = (helpWordAt >= 0 ? words.slice(0, helpWordAt) : words).slice(0, 2);
  // help, parser and runner are loaded only when needed: `--version` stays
  // fast, and a command that runs never loads the help layout
  const help$ = () => import('./help.js');
  const columns = io.stdout.columns;
  const top = async () => (await help$()).topHelp(GROUPS, columns);

  const groupWord = path[0];
  if (!groupWord) {
    if (help) return out(await top()), done(0);
    return usageFailure(top, msg.specifyCommand);
  }
  const group = findGroup(groupWord.word);
  if (!group) {
    if (help) return out(await top()), done(0);
    return usageFailure(top, msg.unknownArgument(words.map((w) => w.word)));
  }
  const gHelp = async () => (await help$()).groupHelp(group.name, group.summary, group.commands, columns);
  const commandWord = path[1];
  if (!commandWord) {
    if (help) return out(await gHelp()), done(0);
    return usageFailure(gHelp, msg.specifyCommand);
  }
  const entry = group.commands.find((c) => c.name === commandWord.word);
  if (!entry) {
    if (help) return out(await gHelp()), done(0);
    return usageFailure(gHelp, msg.unknownArgument(words.slice(1).map((w) => w.word)));
  }
  const mod = await entry.load();
  const cHelp = async () => (await help$()).commandHelp(mod.spec, columns);
  if (help) return out(await cHelp()), done(0);
  const rest = argv.filter((_, i) => i !== groupWord.index && i !== commandWord.index);
  if (wantsVersion) {
    return usageFailure(cHelp, msg.unknownArgument([rest.includes('-v') ? 'v' : 'version']));
  }
  // one chunk: the parser and the error boundary
  const { runCommand } = await import('./run.js');
  return runCommand(mod, rest, io);
}
