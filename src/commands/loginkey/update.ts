import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { askedPassword, DESCR_OPTION, findLoginKey, ident, LK_OPTION, nonEmptyPassword, PWD_OPTION } from './shared.js';

export const spec = defineCommand({
  group: 'loginkey',
  name: 'update',
  summary: "Updates the specified login key's description.",
  description: "Updates the specified login key's description.",
  options: [LK_OPTION, PWD_OPTION, { ...DESCR_OPTION, required: true, describe: 'New text for the login key description, replacing the current one.' }],
});

/**
 * The password is asked first, then the key is looked up and patched; an
 * empty password stops the PATCH only, so an unknown key is reported first.
 */
export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const s = session(rt);
  const password = await askedPassword(opts.pwd, rt.out);
  const id = opts.lk;
  await findLoginKey(s.api, id);
  await s.api.loginKeys.updateWithPassword(id, nonEmptyPassword(password), opts.descr ?? '');
  rt.out.info(info.updated(ident(id)));
}
