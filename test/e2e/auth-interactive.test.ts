// Prompts of auth login and loginkey on a real terminal: a pseudo-terminal
// (python3's pty module) runs impt and answers each prompt when it appears.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { cleanEnv, IMPT_BIN, impt, tempDir, writeAuthFileFor } from '../helpers/impt.js';

const SEED = {
  accounts: [
    { username: 'demo', email: 'demo@example.com', password: 'demo', login_keys: [{ id: '0123456789abcdef', description: 'k' }] },
    { username: 'mfa', email: 'mfa@example.com', password: 'mfa', otp: '654321' },
  ],
};

// Waits for each prompt text, then types the answer; reports output and exit
// code. The deadline guards against a hung impt, not a slow one.
const DRIVER = `
import json, os, pty, select, sys, time
steps = json.loads(sys.argv[1])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
out, seen, deadline = b'', 0, time.time() + 300
while time.time() < deadline:
    if steps and steps[0][0].encode() in out[seen:]:
        seen = out.index(steps[0][0].encode(), seen) + len(steps[0][0])
        time.sleep(0.15)
        os.write(fd, steps.pop(0)[1].encode())
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
if time.time() >= deadline:
    os.kill(pid, 9)
_, status = os.waitpid(pid, 0)
sys.stdout.write(json.dumps({"out": out.decode(errors="replace"), "code": os.waitstatus_to_exitcode(status), "left": len(steps)}))
`;

let emu: EmulatorHandle;
let driver: string;
beforeAll(async () => {
  emu = await startEmulator({ seed: SEED, inMemory: true });
  driver = join(tempDir(), 'drive.py');
  writeFileSync(driver, DRIVER);
});
afterAll(async () => {
  await emu.stop();
});

interface Run {
  /** output without colours and cursor movements, \n line ends */
  text: string;
  code: number;
  /** answers never asked for */
  left: number;
}

function tty(args: string[], steps: Array<[string, string]>, o: { home: string; cwd: string; env?: Record<string, string> }): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      [driver, JSON.stringify(steps), process.execPath, IMPT_BIN, ...args],
      { cwd: o.cwd, env: cleanEnv({ HOME: o.home, TERM: 'xterm', ...o.env }), timeout: 360_000 },
      (err, stdout) => {
        if (err && !stdout) return reject(err);
        const r = JSON.parse(stdout) as { out: string; code: number; left: number };
        // eslint-disable-next-line no-control-regex
        const text = r.out.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n/g, '\n');
        resolve({ text, code: r.code, left: r.left });
      },
    );
  });
}

const place = () => ({ home: tempDir(), cwd: tempDir() });
const auth = (dir: string) => JSON.parse(readFileSync(join(dir, '.impt.auth'), 'utf8')) as Record<string, string>;

describe('auth login prompts', () => {
  it('method choice 1: username and hidden password', async () => {
    const p = place();
    const r = await tty(['auth', 'login', '-e', emu.url], [['Enter 1 or 2', '1\r'], ['username or email address', 'demo\r'], ['Enter password', 'demo\r']], p);
    expect(r.text).toContain('Choose authentication method:\n  (1) User/Password\n  (2) Login Key\n\n');
    expect(r.text).toContain('Global login is successful.\nIMPT COMMAND SUCCEEDS\n');
    expect(r.text).toMatch(/Enter username or email address:[^\n]*demo/);
    expect(r.text).not.toMatch(/Enter password:[^\n]*demo/);
    expect([r.code, r.left]).toEqual([0, 0]);
    expect(Object.keys(auth(p.home))).toEqual(['endpoint', 'accessToken', 'expiresAt', 'refreshToken']);
  });

  it('an invalid choice is asked again; choice 2 asks for the login key (hidden)', async () => {
    const p = place();
    const r = await tty(['auth', 'login', '-l', '-e', emu.url], [['Enter 1 or 2', '3\r'], ['Invalid value!', '\u007f2\r'], ['Enter Login Key', '0123456789abcdef\r']], p);
    expect([r.code, r.left]).toEqual([0, 0]);
    // an empty line after the answer, then the message, then the prompt line only
    expect(r.text).toMatch(/Enter 1 or 2: 3\n\nInvalid value!\nEnter 1 or 2:/);
    expect(r.text).not.toContain('0123456789abcdef');
    expect(r.text).toContain('Local login is successful.');
    expect(auth(p.cwd).loginKey).toBe('0123456789abcdef');
  });

  it('--user without --pwd asks for the password only', async () => {
    const p = place();
    const r = await tty(['auth', 'login', '-u', 'demo', '-e', emu.url, '-z', 'json'], [['Enter password', 'demo\r']], p);
    expect([r.code, r.left]).toEqual([0, 0]);
    expect(r.text).not.toContain('Choose authentication method');
    expect(r.text.trim().endsWith('{}')).toBe(true);
  });

  it('an MFA account asks for the one-time password; a wrong one fails with nothing written', async () => {
    const p = place();
    const ok = await tty(['auth', 'login', '-u', 'mfa', '-w', 'mfa', '-e', emu.url], [['Enter one-time password', '654321\r']], p);
    expect([ok.code, ok.left]).toEqual([0, 0]);
    expect(ok.text).not.toContain('654321');
    expect(auth(p.home).refreshToken).toBeTruthy();
    const q = place();
    const bad = await tty(['auth', 'login', '-u', 'mfa', '-w', 'mfa', '-e', emu.url], [['Enter one-time password', '000000\r']], q);
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(/Error: Invalid Credentials: .+\nIMPT COMMAND FAILS\n$/);
    expect(existsSync(join(q.home, '.impt.auth'))).toBe(false);
  });

  it('overwrite confirmation: n cancels and keeps the file, y replaces it', async () => {
    const p = place();
    writeFileSync(join(p.home, '.impt.auth'), 'old');
    const no = await tty(['auth', 'login', '-u', 'demo', '-w', 'demo', '-e', emu.url], [["Enter 'y' (yes) or 'n' (no)", 'n\r']], p);
    expect(no.text).toContain('The Global Auth File already exists. It will be overwritten.\nAre you sure you want to continue?\n');
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(no.code).toBe(1);
    expect(readFileSync(join(p.home, '.impt.auth'), 'utf8')).toBe('old');
    const yes = await tty(
      ['auth', 'login', '-u', 'demo', '-w', 'demo', '-e', emu.url],
      [["Enter 'y' (yes) or 'n' (no)", 'yes\r'], ['Invalid value!', 'y\r']],
      p,
    );
    expect([yes.code, yes.left]).toEqual([0, 0]);
    expect(yes.text).toMatch(/\(no\): yes\n\nInvalid value!\nEnter 'y' \(yes\) or 'n' \(no\):/);
    expect(yes.text.match(/Are you sure you want to continue\?/g)).toHaveLength(1);
    expect(yes.text).toContain('Global login is successful.');
    expect(auth(p.home).accessToken).toBeTruthy();
  });

  it('Ctrl-C at a prompt cancels', async () => {
    const p = place();
    const r = await tty(['auth', 'login', '-u', 'demo', '-e', emu.url], [['Enter password', '\u0003']], p);
    expect(r.code).toBe(1);
    // raw mode: the terminal does not echo Ctrl-C, impt does (README §8.1)
    expect(r.text).toMatch(/Enter password: \^C\nOperation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(existsSync(join(p.home, '.impt.auth'))).toBe(false);
    writeFileSync(join(p.home, '.impt.auth'), 'old');
    const confirm = await tty(['auth', 'login', '-u', 'demo', '-w', 'demo', '-e', emu.url], [["Enter 'y' (yes) or 'n' (no)", '\u0003']], p);
    expect(confirm.code).toBe(1);
    // the space before ^C is a cursor move here (stripped with the other escapes)
    expect(confirm.text).toMatch(/Enter 'y' \(yes\) or 'n' \(no\): ?\^C\nOperation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect(readFileSync(join(p.home, '.impt.auth'), 'utf8')).toBe('old');
  });

  it('IMPT_USER without IMPT_PASSWORD asks for the password on a terminal', async () => {
    const p = place();
    const r = await tty(['auth', 'info', '-z', 'json'], [['Enter password', 'demo\r']], { ...p, env: { IMPT_USER: 'demo', IMPT_ENDPOINT: emu.url } });
    expect([r.code, r.left]).toEqual([0, 0]);
    expect(r.text).toContain('"Auth type": "Environment variables"');
    expect(r.text).toContain('"Username": "demo"');
  });
});

describe('loginkey prompts', () => {
  it('create asks for the password; delete shows the summary, asks, then asks for the password', async () => {
    const p = place();
    await writeAuthFileFor(p.home, emu.url);
    const created = await tty(['loginkey', 'create', '-s', 'typed'], [['Enter password', 'demo\r']], p);
    expect([created.code, created.left]).toEqual([0, 0]);
    const id = /Login Key "([0-9a-f]{16})" is created successfully\./.exec(created.text)?.[1];
    expect(id).toBeDefined();

    const no = await tty(['loginkey', 'delete', '-k', id!], [["Enter 'y' (yes) or 'n' (no)", 'n\r']], p);
    expect(no.text).toContain(
      `The following entities will be deleted:\nLogin Key: \n  id:          ${id}\n  description: typed\n  usages:      0\n\nAre you sure you want to continue?\n`,
    );
    expect(no.text).toMatch(/Operation is canceled\.\nIMPT COMMAND FAILS\n$/);
    expect((await impt(['loginkey', 'info', '-k', id!], p)).code).toBe(0);

    const yes = await tty(['loginkey', 'delete', '-k', id!], [["Enter 'y' (yes) or 'n' (no)", 'y\r'], ['Enter password', 'demo\r']], p);
    expect([yes.code, yes.left]).toEqual([0, 0]);
    expect(yes.text).toContain(`Login Key "${id}" is deleted successfully.\nIMPT COMMAND SUCCEEDS\n`);
    expect((await impt(['loginkey', 'info', '-k', id!], p)).stdout).toBe(`Error: Login Key "${id}" is not found.\nIMPT COMMAND FAILS\n`);
  });

  it('an empty typed password is refused before any request', async () => {
    const p = place();
    await writeAuthFileFor(p.home, emu.url);
    const r = await tty(['loginkey', 'update', '-k', '0123456789abcdef', '-s', 'x'], [['Enter password', '\r']], p);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/Error: Non empty "password" parameter required\.\nIMPT COMMAND FAILS\n$/);
  });
});
