// impt as shell scripts and CI jobs use it: machine-readable output, exit
// codes, IMPT_* logins, no prompts without a terminal, secrets kept out of
// output and files (interface/README.md §3–4, §10–11; DIFFERENCES F1, F6).
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { impt, tempDir, writeAuthFileFor } from '../helpers/impt.js';

const SEED = {
  accounts: [
    {
      username: 'ci',
      email: 'ci@example.com',
      password: 'Pw-S3cret-ci',
      unbond_key: 'Unbond-S3cret',
      login_keys: [{ id: 'c1c1c1c1c1c1c1c1', description: 'ci key' }],
    },
  ],
};

let emu: EmulatorHandle;
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
});
afterAll(async () => {
  await emu.stop();
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('auth file mode (DIFFERENCES F6)', () => {
  // Shells started from snap-packaged terminals and editors inherit SNAP.
  const SNAP = { SNAP: '/snap/code/123' };

  it('a refreshed token is written back atomically with mode 0600, even with SNAP set', async () => {
    const dir = tempDir();
    await writeAuthFileFor(dir, emu.url, 'ci', 'Pw-S3cret-ci');
    const path = join(dir, '.impt.auth');
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    writeFileSync(path, JSON.stringify({ ...data, expiresAt: '2000-01-01T00:00:00.000Z' }, null, 2));
    chmodSync(path, 0o644);
    const r = await impt(['account', 'info', '-z', 'json'], { home: tempDir(), cwd: tempDir(), env: { IMPT_AUTH_FILE_PATH: dir, ...SNAP } });
    expect(r.code).toBe(0);
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    expect(saved.expiresAt).not.toBe('2000-01-01T00:00:00.000Z');
    expect(mode(path)).toBe(0o600);
  });

  it('auth login over an existing world-readable file leaves it 0600, even with SNAP set', async () => {
    const home = tempDir();
    const path = join(home, '.impt.auth');
    writeFileSync(path, '{}');
    chmodSync(path, 0o644);
    const r = await impt(['auth', 'login', '-e', emu.url, '-k', 'c1c1c1c1c1c1c1c1', '-q', '-z', 'json'], { home, cwd: tempDir(), env: SNAP });
    expect(r).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(mode(path)).toBe(0o600);
  });
});

describe('GitHub credentials file (test github)', () => {
  it('is created readable by its owner only and holds the token', async () => {
    const cwd = tempDir();
    const r = await impt(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'ghp_S3cretToken', '-z', 'json'], { home: tempDir(), cwd });
    expect(r).toMatchObject({ code: 0, stdout: '{}\n' });
    expect(r.stdout + r.stderr).not.toContain('ghp_S3cretToken');
    const path = join(cwd, 'gh.json');
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ githubUser: 'octo', githubToken: 'ghp_S3cretToken' });
  });

  it('an existing world-readable file becomes 0600 when overwritten', async () => {
    const cwd = tempDir();
    const path = join(cwd, 'gh.json');
    writeFileSync(path, '{"githubUser": "old", "githubToken": "old"}');
    chmodSync(path, 0o644);
    const r = await impt(['test', 'github', '-i', 'gh.json', '-u', 'octo', '-w', 'ghp_N3w', '-q', '-z', 'minimal'], { home: tempDir(), cwd });
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(mode(path)).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ githubUser: 'octo', githubToken: 'ghp_N3w' });
  });
});
