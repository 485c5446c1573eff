import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { relId } from '../shared/views.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'unassign',
  summary: 'Unassigns the specified device.',
  description: 'Unassigns the specified device. Does nothing if the device already unassigned.',
  options: [
    DEVICE_OPTION,
    { name: 'unbond', alias: 'u', kind: 'string-empty', usage: '<unbond_key>', describe: 'An unbond key is required to unassign the specified device from a Device Group of the production type.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const ident = opts.device;
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  const dg = relId(device, 'devicegroup');
  if (!dg) {
    rt.out.info(info.alreadyUnassigned(deviceEntity(ident)));
    return;
  }
  // the unbond key is sent, unlike impt 2.6.1 (DIFFERENCES F7)
  await res.api.deviceGroups.removeDevices(dg, [device.id], opts.unbond);
  rt.out.info(info.unassigned(deviceEntity(ident)));
}
