// Answers the emulator never gives, run in-process against nock: a login key
// deleted between lookup and DELETE, several accounts matching one identifier.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';

noNetworkAndAllScopesDone();

/** Runs `impt «args»` in-process, logged in (global auth file) to ORIGIN. */
async function run(args: string[]): Promise<{ stdout: string; code: number }> {
  const home = tempDir();
  const data = { endpoint: `${ORIGIN}/v5`, accessToken: 'at', expiresAt: '2099-01-01T00:00:00.000Z', refreshToken: 'rt' };
  writeFileSync(join(home, '.impt.auth'), JSON.stringify(data, null, 2));
  const { stdout, code } = await runImpt(args, { home });
  return { stdout, code };
}

it('loginkey delete: a 404 on DELETE means the key is already deleted', async () => {
  const scope = nock(ORIGIN)
    .get('/v5/accounts/me/login_keys/k1')
    .reply(200, { data: { type: 'login_key', id: 'k1', attributes: { description: '', usages: 0 } } })
    .delete('/v5/accounts/me/login_keys/k1')
    .matchHeader('x-electricimp-password', 'pw')
    .reply(404, { errors: [{ status: '404', title: 'Not Found', detail: 'gone' }] });
  const r = await run(['loginkey', 'delete', '--lk', 'k1', '--pwd', 'pw', '--confirmed']);
  expect(r).toEqual({ code: 0, stdout: 'Login Key "k1" is already deleted.\nIMPT COMMAND SUCCEEDS\n' });
  scope.done();
});

it('account info: several accounts with the same username → Multiple Accounts, list, impossible', async () => {
  const acc = (id: string) => ({ type: 'account', id, attributes: { username: 'dup', email: `${id}@example.com` } });
  const scope = nock(ORIGIN)
    .get('/v5/accounts/dup')
    .times(2)
    .reply(404, { errors: [{ status: '404', title: 'Resource Not Found', detail: 'The requested account could not be found.' }] })
    .get('/v5/accounts')
    .query(true)
    .times(2)
    .reply(200, { data: [acc('a1'), acc('a2')], links: {} });
  const r = await run(['account', 'info', '--user', 'dup']);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe(
    'Error: Multiple Accounts "dup" are found:\n' +
      'Account: \n  id:       a1\n  email:    a1@example.com\n  username: dup\n' +
      'Account: \n  id:       a2\n  email:    a2@example.com\n  username: dup\n' +
      'Impossible to execute the command.\nIMPT COMMAND FAILS\n',
  );
  const json = await run(['account', 'info', '--user', 'dup', '-z', 'json']);
  expect(json.stdout).toBe('{\n  "Error": "Multiple Accounts \\"dup\\" are found:"\n}\n');
  scope.done();
});
