import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { openSession, validateContext, locateContext, type LocatedContext } from '../../context/session.js';
import type { DisplayObject } from '../../output/format.js';
import { authInfo as k } from '../../output/messages/auth.js';
import { askSecret } from '../../prompt/index.js';
import { DEFAULT_ENDPOINT } from '../../api/http.js';

export const spec = defineCommand({
  group: 'auth',
  name: 'info',
  summary: 'Displays the status and the details of the authentication applicable to the current directory.',
  description: 'Displays the status and the details of the authentication applicable to the current directory.',
  options: [],
});

/** The keys known without any request; a bad file counts as not refreshable. */
function statusBlock(loc: LocatedContext): DisplayObject {
  const data = loc.read?.status === 'ok' ? loc.read.data : undefined;
  const viaKey = Boolean(loc.envLogin && 'loginKey' in loc.envLogin) || Boolean(data?.loginKey);
  const refreshable = Boolean(loc.envLogin) || Boolean(data?.loginKey || data?.refreshToken);
  const block: DisplayObject = {
    [k.authType]: loc.label,
    [k.endpoint]: (loc.envLogin ? loc.envEndpoint : data?.endpoint) || DEFAULT_ENDPOINT,
    [k.autoRefresh]: refreshable,
  };
  if (refreshable) block[k.loginMethod] = viaKey ? k.methodLoginKey : k.methodPassword;
  return block;
}

/** `expired` or `expires in N minutes` (whole minutes, truncated). */
function expiry(expiresAt: string): { expired: boolean; text: string } {
  const left = Date.parse(expiresAt) - Date.now();
  if (!(left > 0)) return { expired: true, text: k.expired };
  return { expired: false, text: k.expiresIn(Math.floor(left / 60_000)) };
}

export async function run(_opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const loc = locateContext(rt.cwd, rt.env);
  const block = loc ? statusBlock(loc) : {};
  try {
    const context = validateContext(loc);
    if (block[k.autoRefresh] === false && context.data) {
      const state = expiry(context.data.expiresAt);
      block[k.accessToken] = state.text;
      // an expired token that cannot be renewed is a status, not a failure
      if (state.expired) return rt.out.result({ [k.key]: block });
    }
    const debug = rt.out.isDebug ? (t: string) => rt.out.debug(t) : undefined;
    const ask = (question: string, hint: string) => askSecret(rt.out, question, hint);
    const me = await (rt.openSession ?? openSession)({ cwd: rt.cwd, env: rt.env, debug, askSecret: ask }, context).api.me();
    block[k.username] = String(me.attributes.username ?? '');
    block[k.email] = String(me.attributes.email ?? '');
    block[k.accountId] = me.id;
  } catch (e) {
    // the part known so far precedes the error (default/debug only)
    if (loc) rt.out.info(rt.out.text({ [k.key]: statusBlock(loc) }));
    throw e;
  }
  rt.out.result({ [k.key]: block });
}
