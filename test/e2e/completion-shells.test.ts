// Shell completion in zsh and fish (DIFFERENCES A5): the scripts printed by
// the built `impt completion zsh|fish`, loaded in the shell, calling impt
// back. fish completes a command line itself (`complete -C`), matching what
// is typed, quotes and all; zsh's matching belongs to its line editor, so its
// test gives `_impt` the words of a command line and records what it hands
// to `compadd` (or whether it falls back to `_files`).
// zsh and fish must be installed (Debian: `apt-get install zsh fish`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { cleanEnv, impt, IMPT_BIN, tempDir, writeAuthFileFor } from '../helpers/impt.js';

let emu: EmulatorHandle;
let binDir: string;
let project: string;
const scripts: Record<string, string> = {};

beforeAll(async () => {
  binDir = tempDir('impt-completion-');
  fs.symlinkSync(IMPT_BIN, path.join(binDir, 'impt'));
  for (const shell of ['zsh', 'fish']) {
    const res = await impt(['completion', shell]);
    expect(res.code).toBe(0);
    scripts[shell] = path.join(binDir, `impt.${shell}`);
    fs.writeFileSync(scripts[shell]!, res.stdout);
  }
  emu = await startEmulator({ inMemory: true });
  project = tempDir('impt-completion-project-');
  await writeAuthFileFor(project, emu.url);
  expect((await impt(['product', 'create', '--name', 'Smart Lamp'], { cwd: project, home: project })).code).toBe(0);
  fs.writeFileSync(path.join(project, 'gs.nut'), '');
});
afterAll(() => emu?.stop());

/** Runs `shell` with `args` in the project (its auth file), impt on PATH. */
function run(shell: string, args: string[]): string[] {
  const r = spawnSync(shell, args, {
    cwd: project,
    // a loaded machine may need more than the 1.5 s a <Tab> waits for names by default
    env: cleanEnv({ HOME: project, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, IMPT_COMPLETION_TIMEOUT_MS: '120000' }),
    encoding: 'utf8',
  });
  expect(r.error, `${shell} must be installed (Debian: apt-get install zsh fish)`).toBeUndefined();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('impt completion zsh', () => {
  /** What `_impt` offers for the last of `words` (the words after impt): compadd's words, or `<files>`. */
  const offered = (words: string[]) =>
    run('zsh', [
      '-c',
      'source "$1"; shift; compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }; _files() { print -- "<files>"; }; words=(impt "$@"); CURRENT=${#words}; _impt',
      'zsh',
      scripts.zsh!,
      ...words,
    ]);

  it('offers the groups, and the commands of a group, for zsh to match', () => {
    expect(offered(['lo'])).toEqual(['account', 'auth', 'build', 'device', 'dg', 'log', 'loginkey', 'product', 'project', 'test', 'webhook', 'completion']);
    expect(offered(['dg', ''])).toEqual(['builds', 'create', 'delete', 'info', 'list', 'reassign', 'restart', 'unassign', 'update']);
  });

  it('offers the options that begin with the dashes typed', () => {
    expect(offered(['dg', 'create', '--d'])).toEqual(['--dg-type', '--descr', '--dut']);
  });

  it('offers the names of the current login, a name with a space as one word', () => {
    expect(offered(['device', 'info', '-d', ''])).toEqual(['demo-device-1', 'demo-device-2', 'demo-device-3']);
    expect(offered(['dg', 'create', '--product', 'Sm'])).toEqual(['Smart Lamp']);
  });

  it('falls back to file names where impt has nothing to offer', () => {
    expect(offered(['build', 'deploy', '-x', 'gs'])).toEqual(['<files>']);
  });
});

describe('impt completion fish', () => {
  /** fish's completions of the command line `line`. */
  const completions = (line: string) => run('fish', ['-c', 'source $argv[1]; complete -C $argv[2]', scripts.fish!, line]);

  it('completes groups and commands', () => {
    expect(completions('impt lo')).toEqual(['log', 'loginkey']);
    expect(completions('impt dg re')).toEqual(['reassign', 'restart']);
  });

  it('completes options and their fixed values', () => {
    expect(completions('impt dg create --d')).toEqual(['--descr', '--dg-type', '--dut']);
    expect(completions('impt dg create --dg-type pre-')).toEqual(['pre-dut', 'pre-factory', 'pre-production']);
    expect(completions('impt dg create -z j')).toEqual(['json']);
  });

  it('completes the names of the current login, also inside quotes', () => {
    expect(completions('impt device info -d demo-device-')).toEqual(['demo-device-1', 'demo-device-2', 'demo-device-3']);
    expect(completions('impt dg create --product Sm')).toEqual(['Smart Lamp']);
    expect(completions('impt dg create --product "Smart L')).toEqual(['Smart Lamp']);
  });

  it('completes file names where impt has nothing to offer', () => {
    expect(completions('impt build deploy -x gs')).toEqual(['gs.nut']);
  });
});
