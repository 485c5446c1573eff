import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { entity, info } from '../../output/messages/common.js';
import { session, str } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { findWebhook, MIME_TYPES, mimeOption, URL_DESCRIBE, WH_OPTION } from './common.js';

export const spec: CommandSpec = {
  group: 'webhook',
  name: 'update',
  summary: 'Updates the specified webhook.',
  description: 'Updates the target URL and/or the MIME content type of the specified webhook. The triggering event cannot be changed.',
  options: [WH_OPTION, { name: 'url', alias: 'u', kind: 'string', usage: '<target_url>', describe: URL_DESCRIBE }, mimeOption(false)],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const id = str(opts.wh)!;
  const res = new Resolver(session(rt), rt.out);
  const wh = await findWebhook(res, id);
  const attributes: Record<string, unknown> = {};
  if (opts.url !== undefined) attributes.url = str(opts.url);
  if (opts.mime !== undefined) attributes.content_type = MIME_TYPES[str(opts.mime)!];
  await res.api.webhooks.update(wh.id, attributes);
  rt.out.info(info.updated(entity('Webhook', id)));
}
