import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { ImpCentralApiError } from '../../api/errors.js';
import { entity, info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { confirmPlan, deleteDeployment, deleteDeviceGroup, targetsLast, unassignDevice, unflagDeployment } from '../shared/delete-plan.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { PRODUCT_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'product',
  name: 'delete',
  summary: 'Deletes the specified Product.',
  description: 'Deletes the specified Product.',
  options: [
    PRODUCT_OPTION,
    { name: 'builds', alias: 'b', kind: 'flag', describe: 'Additionally deletes all Deployments related to all of the Device Groups which belong to the Product, including Device Groups that were deleted previously. The command fails if any Deployment has its "flagged" attribute set to true and the --force option was not specified.' },
    { name: 'force', alias: 'f', kind: 'flag', describe: 'Implicitly updates or deletes other required entities or attributes in order to delete the target entity.' },
    { name: 'confirmed', alias: 'q', kind: 'flag', describe: 'Executes the operation without asking additional confirmation from user.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.product, rt.cwd, 'Product');
  const force = opts.force;
  const builds = opts.builds;
  const res = new Resolver(session(rt), rt.out);
  const product = await res.product(src);
  const api = res.api;

  let dgs: Resource[] = [];
  const devices: Resource[] = [];
  const flagged = new Map<string, Resource>();
  if (force) {
    dgs = await api.deviceGroups.list({ 'product.id': product.id });
    for (const dg of dgs) {
      devices.push(...(await api.devices.list({ 'devicegroup.id': dg.id })));
      for (const d of await api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'true' })) flagged.set(d.id, d);
    }
    if (builds) {
      for (const d of await api.deployments.list({ 'product.id': product.id, flagged: 'true' })) {
        if (!relId(d, 'devicegroup')) flagged.set(d.id, d);
      }
    }
  }
  const deployments = builds ? await api.deployments.list({ 'product.id': product.id }) : [];

  await confirmPlan(
    rt.out,
    {
      deleted: [
        { type: 'Product', r: product },
        ...dgs.map((r) => ({ type: 'Device Group', r })),
        ...deployments.map((r) => ({ type: 'Deployment', r })),
      ],
      unassigned: devices,
      unflagged: [...flagged.values()],
    },
    opts.confirmed,
  );

  for (const d of devices) await unassignDevice(res, d);
  for (const d of flagged.values()) await unflagDeployment(res, d);
  for (const dg of targetsLast(dgs)) await deleteDeviceGroup(res, dg);
  const ident = entity('Product', 'value' in src ? src.value : product.id);
  try {
    await api.products.delete(product.id);
    rt.out.info(info.deleted(ident));
  } catch (e) {
    if (!(e instanceof ImpCentralApiError && e.status === 404)) throw e;
    rt.out.info(info.alreadyDeleted(ident));
  }
  for (const d of deployments) await deleteDeployment(res, d);
}
