// The command tree of impt 2.6.1. Only names and short descriptions live
// here: the group summaries below, and each command's name and summary
// copied from its spec into registry.generated.ts (node
// scripts/commands-registry.mjs); each command's options and handler are
// loaded on demand so that `impt --version` and `impt --help` load nothing else.
import { COMMANDS } from './registry.generated.js';
import type { CommandModule } from './spec.js';

export interface CommandEntry {
  name: string;
  summary: string;
  /** the spec says `list: true` (`-z table`) */
  list?: true;
  load: () => Promise<CommandModule>;
}

export interface GroupEntry {
  name: string;
  summary: string;
  commands: CommandEntry[];
}

/** The groups of impt 2.6.1, in help order; their commands come from the specs (registry.generated.ts). */
const GROUP_SUMMARIES: Record<string, string> = {
  account: 'Account information commands.',
  auth: 'Authentication commands.',
  build: 'Build manipulation commands.',
  device: 'Device manipulation commands.',
  dg: 'Device Group manipulation commands.',
  log: 'Logs manipulation commands.',
  loginkey: 'Login Key manipulation commands.',
  product: 'Product manipulation commands.',
  project: 'Project manipulation commands.',
  test: 'Test manipulation commands.',
  webhook: 'Webhook manipulation commands.',
};

export const GROUPS: GroupEntry[] = Object.entries(GROUP_SUMMARIES).map(([name, summary]) => ({ name, summary, commands: COMMANDS[name] ?? [] }));

export function findGroup(name: string): GroupEntry | undefined {
  return GROUPS.find((g) => g.name === name);
}

/**
 * The commands whose spec says `list: true` (`-z table`), as `group list`.
 * Known here so that a parse error can name them without loading every command.
 */
export const LIST_COMMANDS: string[] = GROUPS.flatMap((g) => g.commands.filter((cmd) => cmd.list).map((cmd) => `${g.name} ${cmd.name}`));
