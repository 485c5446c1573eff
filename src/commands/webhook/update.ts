import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { entity, info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { findWebhook, MIME_TYPES, mimeOption, WH_OPTION } from './common.js';

export const spec = defineCommand({
  group: 'webhook',
  name: 'update',
  summary: 'Updates the specified webhook.',
  description: 'Changes the target URL and/or the MIME content type of the specified webhook; its triggering event cannot be changed. Fails if the webhook does not exist.',
  options: [WH_OPTION, { name: 'url', alias: 'u', kind: 'string', usage: '<target_url>', describe: 'The new target URL the webhook sends the notification to.' }, mimeOption(false)],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const id = opts.wh;
  const res = new Resolver(session(rt), rt.out);
  const wh = await findWebhook(res, id);
  const attributes: Record<string, unknown> = {};
  if (opts.url !== undefined) attributes.url = opts.url;
  if (opts.mime !== undefined) attributes.content_type = MIME_TYPES[opts.mime];
  await res.api.webhooks.update(wh.id, attributes);
  rt.out.info(info.updated(entity('Webhook', id)));
}
