import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { loginkeyMessages as msg } from '../../output/messages/loginkey.js';
import { session } from '../shared/context.js';
import { infoView } from '../shared/views.js';
import { findLoginKey, LK_OPTION, wrap } from './shared.js';

export const spec = defineCommand({
  group: 'loginkey',
  name: 'info',
  summary: 'Displays information about the specified login key.',
  description: 'Displays information about the specified login key.',
  options: [LK_OPTION],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const key = await findLoginKey(session(rt).api, opts.lk);
  rt.out.result(wrap(infoView(msg.type, key)));
}
