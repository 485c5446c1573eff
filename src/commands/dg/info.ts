import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { session } from '../shared/context.js';
import { dgFullBlocks, dgInfoView, identOf } from '../shared/dg-views.js';
import { DEVICE_GROUP, dgSource, Resolver } from '../shared/resolver.js';
import { relId, wrap } from '../shared/views.js';
import { DG_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'info',
  summary: 'Displays information about the specified Device Group.',
  description: 'Displays information about the specified Device Group.',
  options: [
    DG_OPTION,
    { name: 'full', alias: 'u', kind: 'flag', describe: 'Displays additional information, including details about the devices assigned to the Device Group, and Webhooks created for the Device Group.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const found = await res.deviceGroup(src);
  // info commands re-fetch a match by id (§9.1 step 4), unless it was just fetched by that id
  const dg = await res.reread(DEVICE_GROUP, found, 'value' in src ? src.value : found.id);
  const ident = identOf(src, dg);
  const view = await dgInfoView(res, dg, ident);
  if (opts.full) {
    const pid = relId(dg, 'product');
    const productDgs = () => (pid ? res.api.deviceGroups.list({ 'product.id': pid }) : Promise.resolve([]));
    Object.assign(view, await dgFullBlocks(res, dg, productDgs, !rt.out.isJson));
  }
  rt.out.result(wrap('Device Group', view));
}
