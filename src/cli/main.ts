// Entry point of `impt`: finds the group and command, prints help or
// version, parses options, runs the handler inside the error boundary.
import { FAILS, VERSION, parse as msg } from '../output/messages/common.js';
import { writeLine } from '../output/plain.js';
import { findGroup, GROUPS } from './registry.js';
import { positionalWords } from './words.js';

const out = writeLine;

async function usageFailure(help: () => Promise<string>, message: string): Promise<number> {
  out(await help());
  out(`Error: ${message}`);
  out(FAILS);
  return 1;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return out(VERSION), 0;
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  const wantsVersion = argv.includes('--version') || argv.includes('-v');
  const words = positionalWords(argv);
  const helpWordAt = words.findIndex((w) => w.word === 'help');
  const help = wantsHelp || helpWordAt >= 0;
  const path = (helpWordAt >= 0 ? words.slice(0, helpWordAt) : words).slice(0, 2);
  // help, parser and runner are loaded only when needed: `--version` stays
  // fast, and a command that runs never loads the help layout
  const help$ = () => import('./help.js');
  const top = async () => (await help$()).topHelp(GROUPS);

  const groupWord = path[0];
  if (!groupWord) {
    if (help) return out(await top()), 0;
    return usageFailure(top, msg.specifyCommand);
  }
  const group = findGroup(groupWord.word);
  if (!group) {
    if (help) return out(await top()), 0;
    return usageFailure(top, msg.unknownArgument(words.map((w) => w.word)));
  }
  const gHelp = async () => (await help$()).groupHelp(group.name, group.summary, group.commands);
  const commandWord = path[1];
  if (!commandWord) {
    if (help) return out(await gHelp()), 0;
    return usageFailure(gHelp, msg.specifyCommand);
  }
  const entry = group.commands.find((c) => c.name === commandWord.word);
  if (!entry) {
    if (help) return out(await gHelp()), 0;
    return usageFailure(gHelp, msg.unknownArgument(words.slice(1).map((w) => w.word)));
  }
  const mod = await entry.load();
  const cHelp = async () => (await help$()).commandHelp(mod.spec);
  if (help) return out(await cHelp()), 0;
  const rest = argv.filter((_, i) => i !== groupWord.index && i !== commandWord.index);
  if (wantsVersion) {
    return usageFailure(cHelp, msg.unknownArgument([rest.includes('-v') ? 'v' : 'version']));
  }
  // one chunk: the parser and the error boundary
  const { ParseFailure, parseCommand, runCommand } = await import('./run.js');
  let parsed;
  try {
    parsed = parseCommand(mod.spec, rest);
  } catch (e) {
    if (e instanceof ParseFailure) return usageFailure(cHelp, e.message);
    throw e;
  }
  return runCommand(mod, parsed.options, parsed.given);
}

// A reader that goes away (`impt device list | head`) ends the command
// quietly, as for any Unix filter, instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    out(`Error: ${e instanceof Error ? e.message : String(e)}`);
    out(FAILS);
    process.exitCode = 1;
  },
);
