import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { entity } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { identOf } from '../shared/dg-views.js';
import { confirmPlan, deleteDeviceGroup, unassignDevice, unflagDeployment } from '../shared/delete-plan.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { CONFIRMED_OPTION, DG_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'delete',
  summary: 'Deletes the specified Device Group.',
  description: 'Deletes the specified Device Group and all of the related builds (Deployments).',
  options: [
    DG_OPTION,
    { name: 'force', alias: 'f', kind: 'flag', describe: 'Implicitly updates or deletes other required entities or attributes in order to delete the target entity.' },
    CONFIRMED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  let devices: Resource[] = [];
  let flagged: Resource[] = [];
  if (opts.force) {
    [devices, flagged] = await Promise.all([
      res.api.devices.list({ 'devicegroup.id': dg.id }),
      res.api.deployments.list({ 'devicegroup.id': dg.id, flagged: 'true' }),
    ]);
  }
  await confirmPlan(rt.out, { deleted: [{ type: 'Device Group', r: dg }], unassigned: devices, unflagged: flagged }, opts.confirmed);
  // the unbond key is never sent here: production groups refuse, as in 2.6.1
  for (const d of devices) await unassignDevice(res, d);
  for (const d of flagged) await unflagDeployment(res, d);
  await deleteDeviceGroup(res, dg, entity('Device Group', identOf(src, dg)));
}
