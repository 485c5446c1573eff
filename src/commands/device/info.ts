import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { DisplayObject } from '../../output/format.js';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { DEPLOYMENT, DEVICE, DEVICE_GROUP, PRODUCT, Resolver } from '../shared/resolver.js';
import { infoView, relId, shortView, wrap } from '../shared/views.js';
import { DEVICE_OPTION, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'info',
  summary: 'Displays information about the specified device.',
  description: 'Displays information about the specified device.',
  options: [DEVICE_OPTION],
});

/** `Device Group` block with its nested `Current Deployment` (device.md, info view). */
async function groupBlock(res: Resolver, deviceIdent: string, dgId: string): Promise<DisplayObject> {
  const dg = await res.fetch(DEVICE_GROUP, dgId);
  if (!dg) {
    // corrupted-entity line first, then the command fails (README §6.1)
    await res.relatedBlock({ type: 'Device', ident: deviceIdent }, DEVICE_GROUP, dgId);
    throw new CliError(errors.notFound(`Device Group "${dgId}"`));
  }
  const block = shortView('Device Group', dg);
  const depId = relId(dg, 'current_deployment');
  if (depId) Object.assign(block, await res.relatedBlock({ type: 'Device Group', ident: dg.id }, DEPLOYMENT, depId, 'Current Deployment'));
  return block;
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const ident = opts.device;
  const res = new Resolver(session(rt), rt.out);
  const found = await findDevice(res, ident);
  // info commands re-read a list match by id (README §9.1 step 4)
  const device = await res.reread(DEVICE, found, ident);
  const view = infoView('Device', device);
  const dgId = relId(device, 'devicegroup');
  if (dgId) view['Device Group'] = await groupBlock(res, ident, dgId);
  const productId = relId(device, 'product');
  if (productId) Object.assign(view, await res.relatedBlock({ type: 'Device', ident }, PRODUCT, productId));
  const owner = await res.accountBlock(device, 'owner');
  if (owner) view.Owner = owner;
  const creator = await res.accountBlock(device, 'creator');
  if (creator) view.Creator = creator;
  rt.out.result(wrap('Device', view));
}
