import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { accountPassword, DESCR_OPTION, ident, PWD_OPTION, shortView, wrap } from './shared.js';

export const spec = defineCommand({
  group: 'loginkey',
  name: 'create',
  summary: 'Creates a new login key.',
  description: 'Adds a new login key to the current account.',
  options: [PWD_OPTION, DESCR_OPTION],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const s = session(rt);
  const password = await accountPassword(opts.pwd, rt.out);
  const key = await s.api.loginKeys.createWithPassword(password, opts.descr);
  rt.out.info(info.created(ident(key.id)));
  rt.out.result(wrap(shortView(key)));
}
