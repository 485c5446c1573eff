// The credentials of `auth login`: taken from the options or asked for
// (method choice, username, hidden password / login key, one-time password),
// then exchanged for an access token. Nothing is written here.
import { exchangeLoginKey } from '../../api/auth.js';
import { ImpCentralApiError } from '../../api/errors.js';
import { Http } from '../../api/http.js';
import type { TokenDocument } from '../../api/wire.js';
import { passwordLogin, USER_AGENT } from '../../context/session.js';
import { CliError } from '../../errors.js';
import { authMessages as msg } from '../../output/messages/auth.js';
import { entity, errors } from '../../output/messages/common.js';
import type { Printer } from '../../output/printer.js';
import { askSecret, askText, choose } from '../../prompt/index.js';

export type Credentials = { loginKey: string } | { user: string; password?: string };

/** Credentials from --user/--pwd or --lk; with neither, the user picks a method. */
export async function credentials(user: string | undefined, pwd: string | undefined, lk: string | undefined, out: Printer): Promise<Credentials> {
  if (lk !== undefined) return { loginKey: lk };
  if (user !== undefined) return { user, password: pwd };
  const method = await choose(out, msg.chooseMethod, [...msg.methods], msg.howCredentials);
  if (method === 2) return { loginKey: await askSecret(out, msg.askLoginKey, msg.howLoginKey) };
  return { user: await askText(out, msg.askUser, msg.howCredentials) };
}

/** Exchanges the credentials for a token at `endpoint`, prompting for what is missing. */
export async function obtainToken(endpoint: string, creds: Credentials, out: Printer, env: NodeJS.ProcessEnv): Promise<TokenDocument> {
  const http = new Http({ endpoint, userAgent: USER_AGENT, debug: out.isDebug ? (t) => out.debug(t) : undefined, env });
  if ('loginKey' in creds) {
    try {
      return await exchangeLoginKey(http, creds.loginKey);
    } catch (e) {
      if (e instanceof ImpCentralApiError && e.status === 404) throw new CliError(errors.notFound(entity('Login Key', creds.loginKey)));
      throw e;
    }
  }
  const password = creds.password ?? (await askSecret(out, msg.askPassword, msg.howPassword));
  return passwordLogin(http, creds.user, password, () => askSecret(out, msg.askOtp, msg.howOtp));
}
