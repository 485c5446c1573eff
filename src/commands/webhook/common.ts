// What the webhook commands share: `--wh` (an id only), the `--mime` ↔
// `content_type` mapping and the Webhook views.
import type { Resource } from '../../api/impcentral.js';
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { CliError } from '../../errors.js';
import type { EntityKind } from '../../identify/index.js';
import type { DisplayObject } from '../../output/format.js';
import { entity, errors } from '../../output/messages/common.js';
import { addRelatedBlocks } from '../shared/info-blocks.js';
import type { Resolver } from '../shared/resolver.js';
import { infoView, shortView, wrap } from '../shared/views.js';

export const EVENTS = ['blessing', 'blinkup', 'deployment'] as const;

/** `--mime` values and the API `content_type` each stands for. */
export const MIME_TYPES: Record<string, string> = {
  json: 'application/json',
  urlencoded: 'application/x-www-form-urlencoded',
};

const MIME_NAMES = Object.keys(MIME_TYPES);

export function mimeName(contentType: unknown): string {
  return MIME_NAMES.find((n) => MIME_TYPES[n] === contentType) ?? 'unknown';
}

export const WH_OPTION = defineOption({ name: 'wh', alias: 'w', kind: 'string', required: true, usage: '<webhook_id>', describe: 'The ID of the webhook.' });

export const URL_DESCRIBE = 'The target URL the webhook sends the notification to.';

export const mimeOption = <R extends boolean>(required: R) => defineOption({
  name: 'mime',
  alias: 'm',
  kind: 'choice',
  choices: MIME_NAMES,
  required,
  usage: '<content_type>',
  describe: `The${required ? '' : ' new'} MIME content type in which the webhook sends the event data.`,
});

const WEBHOOK: EntityKind = {
  type: 'Webhook',
  collection: (api) => api.webhooks,
  attributes: [],
  maybeId: () => true,
};

/** The webhook of `--wh`: ids only, no attribute search. */
export async function findWebhook(res: Resolver, id: string): Promise<Resource> {
  const wh = await res.fetch(WEBHOOK, id);
  if (!wh) throw new CliError(errors.notFound(entity('Webhook', id)));
  return wh;
}

/** `id`, every API attribute (`content_type` by its `--mime` name), then the related blocks. */
export async function webhookInfo(res: Resolver, wh: Resource): Promise<DisplayObject> {
  const view = infoView('Webhook', wh);
  if ('content_type' in view) view.content_type = mimeName(wh.attributes.content_type);
  return wrap('Webhook', await addRelatedBlocks(res, 'Webhook', wh, view));
}

export const webhookShort = (wh: Resource): DisplayObject => wrap('Webhook', shortView('Webhook', wh));
