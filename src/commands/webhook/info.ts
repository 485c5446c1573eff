import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { findWebhook, webhookInfo, WH_OPTION } from './common.js';

export const spec = defineCommand({
  group: 'webhook',
  name: 'info',
  summary: 'Displays information about the specified webhook.',
  description: 'Displays information about the specified webhook.',
  options: [WH_OPTION],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const res = new Resolver(session(rt), rt.out);
  const wh = await findWebhook(res, opts.wh);
  rt.out.result(await webhookInfo(res, wh));
}
