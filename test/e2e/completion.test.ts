// Shell completion (DIFFERENCES A5): the bash script printed by the built
// `impt completion bash`, sourced in bash, fills COMPREPLY by calling impt back.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { cleanEnv, impt, IMPT_BIN, tempDir, writeAuthFileFor } from '../helpers/impt.js';

let binDir: string;
let scriptFile: string;

beforeAll(async () => {
  binDir = tempDir('impt-completion-');
  fs.symlinkSync(IMPT_BIN, path.join(binDir, 'impt'));
  const res = await impt(['completion', 'bash']);
  expect(res.code).toBe(0);
  scriptFile = path.join(binDir, 'impt.bash');
  fs.writeFileSync(scriptFile, res.stdout);
});

/** COMPREPLY after completing the last of `words` (words after `impt`), run in `cwd` with `home` as HOME. */
function completeIn(words: string[], where: { cwd?: string; home?: string } = {}): { reply: string[]; stderr: string } {
  const quoted = ['impt', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const program = `source "$1"; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}; _impt_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const home = where.home ?? tempDir('impt-completion-home-');
  const run = spawnSync('bash', ['-c', program, 'bash', scriptFile], {
    cwd: where.cwd ?? home,
    // a loaded machine may need more than the 1.5 s a <Tab> waits for names by default
    env: cleanEnv({ HOME: home, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`, IMPT_COMPLETION_TIMEOUT_MS: '120000' }),
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return { reply: run.stdout.split('\n').filter((l) => l !== ''), stderr: run.stderr };
}

function complete(words: string[]): string[] {
  return completeIn(words).reply;
}

describe('impt completion bash', () => {
  it('completes the group names after impt', () => {
    expect(complete([''])).toEqual(['account', 'auth', 'build', 'device', 'dg', 'log', 'loginkey', 'product', 'project', 'test', 'webhook', 'completion']);
    expect(complete(['lo'])).toEqual(['log', 'loginkey']);
  });

  it('completes the commands after impt dg', () => {
    expect(complete(['dg', ''])).toEqual(['builds', 'create', 'delete', 'info', 'list', 'reassign', 'restart', 'unassign', 'update']);
  });

  it('completes the long options after impt dg create --', () => {
    expect(complete(['dg', 'create', '--'])).toEqual(['--name', '--dg-type', '--product', '--descr', '--dut', '--target', '--region', '--output', '--env-variable', '--help']);
  });

  it('completes the output modes after -z and the Device Group types after --dg-type', () => {
    expect(complete(['dg', 'create', '-z', ''])).toEqual(['minimal', 'json', 'debug']);
    expect(complete(['product', 'list', '-z', 't'])).toEqual(['table']);
    expect(complete(['dg', 'create', '--dg-type', 'pre-p'])).toEqual(['pre-production']);
  });

  it('prints the zsh and fish scripts, and refuses another shell', async () => {
    expect((await impt(['completion', 'zsh'])).stdout).toContain('compdef _impt impt');
    expect((await impt(['completion', 'fish'])).stdout).toContain('complete -c impt');
    const bad = await impt(['completion', 'tcsh']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Unknown shell "tcsh"');
  });
});

describe('impt completion bash: names from the current login', () => {
  let emu: EmulatorHandle;
  let project: string;

  beforeAll(async () => {
    emu = await startEmulator({ inMemory: true });
    project = tempDir('impt-completion-project-');
    await writeAuthFileFor(project, emu.url);
    const made = await impt(['product', 'create', '--name', 'Smart Lamp'], { cwd: project, home: project });
    expect(made.code).toBe(0);
  });
  afterAll(() => emu?.stop());

  it('completes device names after impt device info -d, from the local auth file', () => {
    const { reply, stderr } = completeIn(['device', 'info', '-d', ''], { cwd: project });
    expect(reply).toEqual(['demo-device-1', 'demo-device-2', 'demo-device-3']);
    expect(stderr).toBe('');
    expect(completeIn(['log', 'get', '--device', 'demo-device-2'], { cwd: project }).reply).toEqual(['demo-device-2']);
  });

  it('completes Product names quoted for the command line', () => {
    expect(completeIn(['dg', 'create', '--name', 'x', '--product', 'Sm'], { cwd: project }).reply).toEqual(['Smart\\ Lamp']);
  });

  it('completes nothing, and prints nothing, without a login', () => {
    const { reply, stderr } = completeIn(['device', 'info', '-d', '']);
    expect(reply).toEqual([]);
    expect(stderr).toBe('');
  });
});
