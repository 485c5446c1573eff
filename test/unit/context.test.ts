// Auth context (interface/README.md §10, §11): precedence, auth file format,
// token refresh ahead of expiry and saving the new token back.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { readAuthFile, writeAuthFile } from '../../src/context/auth-file.js';
import { ContextTokens, locateContext, resolveContext, type AuthContext } from '../../src/context/session.js';
import { ContextError } from '../../src/errors.js';
import { contextFailureHints, contextFailureText } from '../../src/output/messages/context.js';
import { tempDir } from '../helpers/impt.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';
const ENDPOINT = `${ORIGIN}/v5`;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const file = (data: object) => JSON.stringify(data, null, 2);

function dirs() {
  const home = tempDir();
  const cwd = tempDir();
  const path = tempDir();
  return { home, cwd, path };
}

/** A context failure as the boundary prints it: the Error line and the info lines. */
function worded(e: unknown): { message: string; infoLines: string[] } {
  if (!(e instanceof ContextError)) throw e;
  return { message: contextFailureText(e.failure), infoLines: contextFailureHints(e.failure) };
}

function failure(f: () => unknown): { message: string; infoLines: string[] } {
  try {
    f();
  } catch (e) {
    return worded(e);
  }
  throw new Error('no failure');
}

describe('context precedence (§10.1)', () => {
  const valid = file({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(60) });

  it('local file > IMPT_AUTH_FILE_PATH > IMPT_LOGINKEY > IMPT_USER > global file', () => {
    const d = dirs();
    const env = { HOME: d.home, IMPT_AUTH_FILE_PATH: d.path, IMPT_LOGINKEY: 'k', IMPT_USER: 'u', IMPT_PASSWORD: 'p' };
    writeFileSync(join(d.home, '.impt.auth'), valid);
    writeFileSync(join(d.path, '.impt.auth'), valid);
    writeFileSync(join(d.cwd, '.impt.auth'), valid);
    expect(locateContext(d.cwd, env)?.label).toBe('Local Auth file');
    expect(locateContext(d.home, env)?.label).toBe('Local Auth file'); // home as cwd: the file is local there
    const other = tempDir();
    expect(locateContext(other, env)?.label).toBe(`Auth file path: ${d.path}`);
    const noPath = { ...env, IMPT_AUTH_FILE_PATH: '' };
    expect(locateContext(other, noPath)).toMatchObject({ kind: 'env', envLogin: { loginKey: 'k' } });
    expect(locateContext(other, { ...noPath, IMPT_LOGINKEY: undefined })).toMatchObject({ kind: 'env', envLogin: { user: 'u', password: 'p' } });
    expect(locateContext(other, { HOME: d.home })?.label).toBe('Global Auth file');
    expect(locateContext(other, { HOME: tempDir() })).toBeUndefined();
  });

  it('env context takes IMPT_ENDPOINT, else the default endpoint', () => {
    const cwd = tempDir();
    expect(resolveContext(cwd, { HOME: cwd, IMPT_USER: 'u', IMPT_ENDPOINT: 'http://x/v5' }).endpoint).toBe('http://x/v5');
    expect(resolveContext(cwd, { HOME: cwd, IMPT_LOGINKEY: 'k' }).endpoint).toBe('https://api.electricimp.com/v5');
  });

  it('a corrupted local file still wins, and fails with the relogin hint', () => {
    const d = dirs();
    writeFileSync(join(d.home, '.impt.auth'), valid);
    writeFileSync(join(d.cwd, '.impt.auth'), '{not json');
    const e = failure(() => resolveContext(d.cwd, { HOME: d.home }));
    expect(e.message).toBe('Local Auth File is corrupted.');
    expect(e.infoLines).toEqual(['Please relogin using "impt auth login --local" command and then try again.']);
  });

  it('missing keys make a file corrupted; IMPT_AUTH_FILE_PATH failures have no hint', () => {
    const d = dirs();
    writeFileSync(join(d.home, '.impt.auth'), file({ endpoint: ENDPOINT, accessToken: 'a' }));
    const g = failure(() => resolveContext(d.cwd, { HOME: d.home }));
    expect([g.message, g.infoLines]).toEqual(['Global Auth File is corrupted.', ['Please relogin using "impt auth login" command and then try again.']]);
    const missing = failure(() => resolveContext(d.cwd, { HOME: d.home, IMPT_AUTH_FILE_PATH: d.path }));
    expect([missing.message, missing.infoLines]).toEqual(['Auth File is not found.', []]);
    writeFileSync(join(d.path, '.impt.auth'), 'null');
    const corrupted = failure(() => resolveContext(d.cwd, { HOME: d.home, IMPT_AUTH_FILE_PATH: d.path }));
    expect([corrupted.message, corrupted.infoLines]).toEqual(['Auth File is corrupted.', []]);
    const none = failure(() => resolveContext(d.cwd, { HOME: tempDir() }));
    expect([none.message, none.infoLines]).toEqual(['You are not logged in.', []]);
  });
});

describe('auth file', () => {
  it('is written with mode 0600, keys in impt order, 2-space JSON, no trailing newline', async () => {
    const dir = tempDir();
    const path = join(dir, '.impt.auth');
    writeFileSync(path, 'old', { mode: 0o644 });
    chmodSync(path, 0o644);
    await writeAuthFile(path, { refreshToken: 'r', loginKey: 'k', expiresAt: '2030-01-01T00:00:00.000Z', accessToken: 'a', endpoint: 'x' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(
      '{\n  "endpoint": "x",\n  "accessToken": "a",\n  "expiresAt": "2030-01-01T00:00:00.000Z",\n  "loginKey": "k",\n  "refreshToken": "r"\n}',
    );
    expect(readAuthFile(path)).toEqual({
      status: 'ok',
      data: { endpoint: 'x', accessToken: 'a', expiresAt: '2030-01-01T00:00:00.000Z', loginKey: 'k', refreshToken: 'r' },
    });
  });

  it('is corrupted when a key has the wrong type, accessToken is empty or expiresAt is no date', () => {
    const path = join(tempDir(), '.impt.auth');
    const good = { endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(60), loginKey: 'k', refreshToken: 'r' };
    writeFileSync(path, file({ ...good, extra: [1] }));
    expect(readAuthFile(path).status).toBe('ok');
    for (const bad of [{ endpoint: 5 }, { accessToken: '' }, { accessToken: 1 }, { expiresAt: 'soon' }, { expiresAt: 17e11 }, { loginKey: null }, { refreshToken: {} }]) {
      writeFileSync(path, file({ ...good, ...bad }));
      expect(readAuthFile(path), JSON.stringify(bad)).toEqual({ status: 'corrupted' });
    }
  });

  it('creates the file in an existing directory without other files', async () => {
    const dir = join(tempDir(), 'sub');
    mkdirSync(dir);
    await writeAuthFile(join(dir, '.impt.auth'), { accessToken: 'a', expiresAt: 'e' });
    expect(readFileSync(join(dir, '.impt.auth'), 'utf8')).toBe('{\n  "accessToken": "a",\n  "expiresAt": "e"\n}');
  });
});

describe('token refresh (§11)', () => {
  noNetworkAndAllScopesDone();

  function fileCtx(data: AuthContext['data'], kind: AuthContext['kind'] = 'global'): AuthContext {
    const path = join(tempDir(), '.impt.auth');
    writeFileSync(path, file(data!));
    return { kind, label: '', filePath: path, endpoint: ENDPOINT, data };
  }

  it('keeps a token that is valid for more than 3 minutes', async () => {
    const ctx = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(4), refreshToken: 'r' });
    expect(await new ContextTokens(ctx, { cwd: '.', env: {} }).token()).toBe('a');
  });

  it('refreshes with the refresh token 3 minutes ahead and saves the new token in place', async () => {
    const ctx = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(2), refreshToken: 'r' });
    const scope = nock(ORIGIN).post('/v5/auth/token', { token: 'r' }).reply(200, { access_token: 'b', expires_at: '2031-01-01T00:00:00.000Z' });
    expect(await new ContextTokens(ctx, { cwd: '.', env: {} }).token()).toBe('b');
    expect(readFileSync(ctx.filePath!, 'utf8')).toBe(
      file({ endpoint: ENDPOINT, accessToken: 'b', expiresAt: '2031-01-01T00:00:00.000Z', refreshToken: 'r' }),
    );
    expect(statSync(ctx.filePath!).mode & 0o777).toBe(0o600);
    scope.done();
  });

  it('refreshes with the login key when there is no refresh token', async () => {
    const ctx = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(-5), loginKey: 'k' }, 'local');
    const scope = nock(ORIGIN).post('/v5/auth/token', { key: 'k' }).reply(200, { access_token: 'c', expires_at: '2031-01-01T00:00:00.000Z' });
    expect(await new ContextTokens(ctx, { cwd: '.', env: {} }).token()).toBe('c');
    expect(JSON.parse(readFileSync(ctx.filePath!, 'utf8'))).toEqual({ endpoint: ENDPOINT, accessToken: 'c', expiresAt: '2031-01-01T00:00:00.000Z', loginKey: 'k' });
    scope.done();
  });

  it('fails with impt messages when nothing can refresh, or the refresh is unknown (404)', async () => {
    const temp = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(1) }, 'local');
    const e1 = await new ContextTokens(temp, { cwd: '.', env: {} }).token().then(() => worded(new Error('no failure')), worded);
    expect(e1.message).toBe('Access token is expired for the Local Auth File. Information required to refresh access token is not saved.');
    expect(e1.infoLines).toEqual(['Please relogin using "impt auth login --local" command and then try again.']);

    const gone = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(1), refreshToken: 'r' }, 'path');
    const scope = nock(ORIGIN).post('/v5/auth/token').reply(404, { errors: [{ title: 'Not Found', detail: 'x' }] });
    const e2 = await new ContextTokens(gone, { cwd: '.', env: {} }).token().then(() => worded(new Error('no failure')), worded);
    expect([e2.message, e2.infoLines]).toEqual(['Impossible to refresh access token for the Auth File.', []]);
    scope.done();
  });

  it('requests refused together share one refresh, and a late refusal of the old token uses the new one', async () => {
    const ctx = fileCtx({ endpoint: ENDPOINT, accessToken: 'a', expiresAt: inMinutes(60), refreshToken: 'r' });
    // exactly one exchange: nock fails the test on a second one
    const scope = nock(ORIGIN).post('/v5/auth/token', { token: 'r' }).delay(20).reply(200, { access_token: 'f', expires_at: inMinutes(60) });
    const tokens = new ContextTokens(ctx, { cwd: '.', env: {} });
    expect(await Promise.all([tokens.refresh('a'), tokens.refresh('a')])).toEqual(['f', 'f']);
    expect(await tokens.refresh('a')).toBe('f');
    expect(await tokens.token()).toBe('f');
    scope.done();
  });

  it('env context logs in on first use and saves nothing', async () => {
    const ctx: AuthContext = { kind: 'env', label: '', endpoint: ENDPOINT, envLogin: { user: 'u' } };
    const asked: string[] = [];
    const askSecret = async (q: string, hint: string) => {
      asked.push(`${q}|${hint}`);
      return 'pw';
    };
    const scope = nock(ORIGIN).post('/v5/auth', { id: 'u', password: 'pw' }).reply(200, { access_token: 'e', expires_at: inMinutes(60) });
    expect(await new ContextTokens(ctx, { cwd: '.', env: {}, askSecret }).token()).toBe('e');
    expect(asked).toEqual(['Enter password: |set IMPT_PASSWORD']);
    scope.done();
  });
});

describe('context failures in impt words', () => {
  it('names each file by its role, and hints at a new login only for the files auth login writes', () => {
    const cases: Array<[ContextError['failure'], string, string[]]> = [
      [{ kind: 'not-logged-in' }, 'You are not logged in.', []],
      [{ kind: 'corrupted', file: { role: 'project' } }, 'Project File is corrupted.', []],
      [{ kind: 'not-in-cwd', file: { role: 'test' } }, 'Test Configuration File is not found in the current directory.', []],
      [{ kind: 'corrupted', file: { role: 'test' } }, 'Test Configuration File is corrupted.', []],
      [{ kind: 'not-found', file: { role: 'auth', scope: 'path' } }, 'Auth File is not found.', []],
      [{ kind: 'corrupted', file: { role: 'auth', scope: 'global' } }, 'Global Auth File is corrupted.', ['Please relogin using "impt auth login" command and then try again.']],
      [{ kind: 'refresh-impossible', scope: 'local' }, 'Impossible to refresh access token for the Local Auth File.', ['Please relogin using "impt auth login --local" command and then try again.']],
      [{ kind: 'unknown-login-key', loginKey: 'k1' }, 'Login Key "k1" is not found.', []],
      [{ kind: 'file-access', path: '/x/.impt.test', reason: 'EACCES: permission denied' }, 'File error: /x/.impt.test: EACCES: permission denied.', []],
      [{ kind: 'not-regular-file', path: '.impt.project' }, 'File error: .impt.project: not a regular file, nothing is deleted.', []],
    ];
    for (const [f, message, infoLines] of cases) expect(worded(new ContextError(f)), f.kind).toEqual({ message, infoLines });
  });
});
