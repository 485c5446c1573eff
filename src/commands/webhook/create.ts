import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { entity, info } from '../../output/messages/common.js';
import { PROJECT_DG_OPTION } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { EVENTS, MIME_TYPES, mimeOption, URL_DESCRIBE, webhookShort } from './common.js';

export const spec = defineCommand({
  group: 'webhook',
  name: 'create',
  summary: 'Creates a new webhook for the specified Device Group.',
  description: 'Creates a new webhook for the specified Device Group.',
  options: [
    PROJECT_DG_OPTION,
    { name: 'url', alias: 'u', kind: 'string', required: true, usage: '<target_url>', describe: URL_DESCRIBE },
    { name: 'event', alias: 'e', kind: 'choice', choices: EVENTS, required: true, usage: '<triggered_event>', describe: 'The event that triggers the webhook.' },
    mimeOption(true),
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  const attributes = { event: opts.event, url: opts.url, content_type: MIME_TYPES[opts.mime] };
  const wh = await res.api.webhooks.create(attributes, { devicegroup: { type: dg.type, id: dg.id } });
  rt.out.info(info.created(entity('Webhook', wh.id)));
  rt.out.result(webhookShort(wh));
}
