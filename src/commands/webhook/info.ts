import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { session, str } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { findWebhook, webhookInfo, WH_OPTION } from './common.js';

export const spec: CommandSpec = {
  group: 'webhook',
  name: 'info',
  summary: 'Displays information about the specified webhook.',
  description: 'Displays information about the specified webhook.',
  options: [WH_OPTION],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const res = new Resolver(session(rt), rt.out);
  const wh = await findWebhook(res, str(opts.wh)!);
  rt.out.result(await webhookInfo(res, wh));
}
