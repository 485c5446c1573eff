import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'update',
  summary: 'Updates the name of the specified device.',
  description: 'Updates the name of the specified device.',
  options: [
    DEVICE_OPTION,
    // "" clears the name
    { name: 'name', alias: 'n', kind: 'string-empty', required: true, usage: '<device_name>', describe: "The device's new name." },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const ident = opts.device;
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  await res.api.devices.update(device.id, { name: opts.name ?? '' });
  rt.out.info(info.updated(deviceEntity(ident)));
}
