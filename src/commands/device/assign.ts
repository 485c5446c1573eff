import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { deviceMessages as msg } from '../../output/messages/device.js';
import { entity } from '../../output/messages/common.js';
import { confirm } from '../../prompt/index.js';
import { session } from '../shared/context.js';
import { CONFIRMED_OPTION, PROJECT_DG_OPTION } from '../shared/common-options.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'assign',
  summary: 'Assigns the specified device to the Device Group.',
  description: 'Assigns the specified device to the specified Device Group. Fails if the specified Device Group does not exist.',
  options: [
    DEVICE_OPTION,
    PROJECT_DG_OPTION,
    CONFIRMED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const ident = opts.device;
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  const dg = await res.deviceGroup(src);
  const d = deviceEntity(ident);
  const g = entity('Device Group', 'value' in src ? src.value : dg.id);
  const current = relId(device, 'devicegroup');
  if (current === dg.id) {
    rt.out.info(msg.alreadyAssigned(d, g));
    return;
  }
  if (current && !opts.confirmed) await confirm(rt.out, msg.willBeReassigned(d, g));
  await res.api.deviceGroups.addDevices(dg.id, [device.id]);
  rt.out.info(msg.assigned(d, g));
}
