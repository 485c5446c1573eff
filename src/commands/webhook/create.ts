import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { entity, info } from '../../output/messages/common.js';
import { PROJECT_DG_OPTION } from '../shared/common-options.js';
import { session, str } from '../shared/context.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { EVENTS, MIME_TYPES, mimeOption, URL_DESCRIBE, webhookShort } from './common.js';

export const spec: CommandSpec = {
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
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const src = dgSource(str(opts.dg), rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  const attributes = { event: str(opts.event), url: str(opts.url), content_type: MIME_TYPES[str(opts.mime)!] };
  const wh = await res.api.webhooks.create(attributes, { devicegroup: { type: dg.type, id: dg.id } });
  rt.out.info(info.created(entity('Webhook', wh.id)));
  rt.out.result(webhookShort(wh));
}
