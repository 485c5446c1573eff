// Shell completion (DIFFERENCES A5): the bash script printed by the built
// `impt completion bash`, sourced in bash, fills COMPREPLY by calling impt back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, impt, IMPT_BIN, tempDir } from '../helpers/impt.js';

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

/** COMPREPLY after completing the last of `words` (words after `impt`). */
function complete(words: string[]): string[] {
  const quoted = ['impt', ...words].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const program = `source "$1"; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length}; _impt_completion; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['-c', program, 'bash', scriptFile], {
    env: cleanEnv({ PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` }),
    encoding: 'utf8',
  });
  return out.split('\n').filter((l) => l !== '');
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
