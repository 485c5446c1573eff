// Answers the emulator never gives, run in-process against nock: a login key
// deleted between lookup and DELETE, several accounts matching one identifier.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { expect, it } from 'vitest';
import { reportFailure } from '../../src/cli/run.js';
import type { CommandModule, ParsedOptions } from '../../src/cli/spec.js';
import { Printer, type OutputMode } from '../../src/output/printer.js';
import * as accountInfo from '../../src/commands/account/info.js';
import * as loginkeyDelete from '../../src/commands/loginkey/delete.js';
import { tempDir } from '../helpers/impt.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const ORIGIN = 'https://api.example.test';

noNetworkAndAllScopesDone();

/** Runs a command like the CLI boundary does and returns stdout and the exit code. */
async function runInProcess(mod: CommandModule, opts: ParsedOptions, mode: OutputMode = 'default'): Promise<{ stdout: string; code: number }> {
  const home = tempDir();
  const data = { endpoint: `${ORIGIN}/v5`, accessToken: 'at', expiresAt: '2099-01-01T00:00:00.000Z', refreshToken: 'rt' };
  writeFileSync(join(home, '.impt.auth'), JSON.stringify(data, null, 2));
  let stdout = '';
  const out = new Printer(mode, { write: (t) => void (stdout += t), writeErr: () => undefined, isTTY: false, errIsTTY: false, env: {} });
  try {
    await mod.run(opts, { out, cwd: tempDir(), env: { HOME: home }, given: new Set(Object.keys(opts)) });
    out.succeed();
    return { stdout, code: 0 };
  } catch (e) {
    reportFailure(out, e);
    out.fail();
    return { stdout, code: 1 };
  }
}

it('loginkey delete: a 404 on DELETE means the key is already deleted', async () => {
  const scope = nock(ORIGIN)
    .get('/v5/accounts/me/login_keys/k1')
    .reply(200, { data: { type: 'login_key', id: 'k1', attributes: { description: '', usages: 0 } } })
    .delete('/v5/accounts/me/login_keys/k1')
    .matchHeader('x-electricimp-password', 'pw')
    .reply(404, { errors: [{ status: '404', title: 'Not Found', detail: 'gone' }] });
  const r = await runInProcess(loginkeyDelete, { lk: 'k1', pwd: 'pw', confirmed: true });
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
  const r = await runInProcess(accountInfo, { user: 'dup' });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe(
    'Error: Multiple Accounts "dup" are found:\n' +
      'Account: \n  id:       a1\n  email:    a1@example.com\n  username: dup\n' +
      'Account: \n  id:       a2\n  email:    a2@example.com\n  username: dup\n' +
      'Impossible to execute the command.\nIMPT COMMAND FAILS\n',
  );
  const json = await runInProcess(accountInfo, { user: 'dup' }, 'json');
  expect(json.stdout).toBe('{\n  "Error": "Multiple Accounts \\"dup\\" are found:"\n}\n');
  scope.done();
});
