import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { loginkeyMessages as msg } from '../../output/messages/loginkey.js';
import { session, str } from '../shared/context.js';
import { infoView } from '../shared/views.js';
import { findLoginKey, LK_OPTION, wrap } from './shared.js';

export const spec: CommandSpec = {
  group: 'loginkey',
  name: 'info',
  summary: 'Displays information about the specified login key.',
  description: 'Displays information about the specified login key.',
  options: [LK_OPTION],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const key = await findLoginKey(session(rt).api, str(opts.lk)!);
  rt.out.result(wrap(infoView(msg.type, key)));
}
