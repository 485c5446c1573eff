import type { Resource } from '../../api/impcentral.js';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { DG_TYPES } from '../../api/wire.js';
import { REPEATED } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { combinations, emptyFilterSources, entityFilterIds, filterByDgType, listEach } from '../shared/list-filters.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { EVENTS } from './common.js';

export const spec = defineCommand({
  group: 'webhook',
  name: 'list',
  summary: 'Displays information about all or filtered webhooks.',
  description: 'Displays information about the webhooks available to the current account: all of them, or only those that pass the filter options.',
  list: true,
  options: [
    { name: 'owner', alias: 'o', kind: 'array', usage: '<ACCOUNT_IDENTIFIER>', describe: `Lists only the webhooks of Device Groups owned by the specified Account(s).${REPEATED}` },
    { name: 'product', alias: 'p', kind: 'array', usage: '<PRODUCT_IDENTIFIER>', describe: `Lists only the webhooks created for Device Groups of the specified Product(s).${REPEATED}` },
    { name: 'dg', alias: 'g', kind: 'array', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: `Lists only the webhooks created for the specified Device Group(s).${REPEATED}` },
    { name: 'dg-type', alias: 'y', kind: 'choice', repeatable: true, choices: Object.keys(DG_TYPES), usage: '<device_group_type>', describe: `Lists only the webhooks created for Device Groups of the specified type(s).${REPEATED}` },
    { name: 'url', alias: 'u', kind: 'array', usage: '<target_url>', describe: `Lists only the webhooks with the specified target URL(s).${REPEATED}` },
    { name: 'event', alias: 'e', kind: 'choice', repeatable: true, choices: EVENTS, usage: '<triggered_event>', describe: `Lists only the webhooks triggered by the specified event(s).${REPEATED}` },
  ],
});

/** Keeps the webhooks whose Device Group has `rel` in `ids` (no ids → no filter). */
async function byGroup(res: Resolver, items: Resource[], rel: string, ids: string[] | undefined): Promise<Resource[]> {
  if (ids === undefined) return items;
  const out: Resource[] = [];
  for (const wh of items) {
    const dgId = relId(wh, 'devicegroup');
    const dg = dgId ? await res.fetch(DEVICE_GROUP, dgId) : undefined;
    const id = dg ? relId(dg, rel) : undefined;
    if (id && ids.includes(id)) out.push(wh);
  }
  return out;
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const values = { owner: opts.owner, product: opts.product, dg: opts.dg };
  const empty = emptyFilterSources(values, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const ids = await entityFilterIds(res, values, empty);
  if (!ids) {
    rt.out.list('Webhook', []);
    return;
  }
  let hooks = await listEach((f) => res.api.webhooks.list(f), combinations({ 'devicegroup.id': ids.dgs }));
  hooks = filterByDgType(hooks, opts['dg-type']);
  const urls = opts.url;
  if (urls.length) hooks = hooks.filter((w) => urls.includes(String(w.attributes.url)));
  const events = opts.event;
  if (events.length) hooks = hooks.filter((w) => events.some((e) => e === w.attributes.event));
  hooks = await byGroup(res, hooks, 'owner', ids.owners);
  hooks = await byGroup(res, hooks, 'product', ids.products);
  rt.out.list('Webhook', await res.listItems('Webhook', hooks));
}
