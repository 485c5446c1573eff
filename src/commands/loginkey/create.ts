import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { info } from '../../output/messages/common.js';
import { session, str } from '../shared/context.js';
import { accountPassword, DESCR_OPTION, ident, PWD_OPTION, shortView, wrap } from './shared.js';

export const spec: CommandSpec = {
  group: 'loginkey',
  name: 'create',
  summary: 'Creates a new login key.',
  description: 'Adds a new login key to the current account.',
  options: [PWD_OPTION, DESCR_OPTION],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const s = session(rt);
  const password = await accountPassword(str(opts.pwd), rt.out);
  const key = await s.api.loginKeys.createWithPassword(password, str(opts.descr));
  rt.out.info(info.created(ident(key.id)));
  rt.out.result(wrap(shortView(key)));
}
