import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { ImpCentralApiError } from '../../api/errors.js';
import { info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { CONFIRMED_OPTION } from '../shared/common-options.js';
import { confirmPlan } from '../shared/delete-plan.js';
import { Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'remove',
  summary: 'Removes the specified Device from the current account.',
  description: 'Removes the specified Device from the current account.',
  options: [
    DEVICE_OPTION,
    { name: 'force', alias: 'f', kind: 'flag', describe: 'Implicitly updates or deletes other required entities or attributes in order to delete the target entity.' },
    CONFIRMED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const ident = opts.device;
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  const dg = opts.force ? relId(device, 'devicegroup') : undefined;
  await confirmPlan(rt.out, { unassigned: dg ? [device] : [], removed: [device] }, opts.confirmed);
  const d = deviceEntity(ident);
  if (dg) {
    // no unbond key here, as in impt (device.md, device remove step 3)
    await res.api.deviceGroups.removeDevices(dg, [device.id]);
    rt.out.info(info.unassigned(d));
  }
  try {
    await res.api.devices.delete(device.id);
    rt.out.info(info.removed(d));
  } catch (e) {
    if (!(e instanceof ImpCentralApiError && e.status === 404)) throw e;
    rt.out.info(info.alreadyDeleted(d));
  }
}
