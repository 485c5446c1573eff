import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { info } from '../../output/messages/common.js';
import { session, str } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec: CommandSpec = {
  group: 'device',
  name: 'update',
  summary: 'Updates the name of the specified device.',
  description: 'Updates the name of the specified device.',
  options: [
    DEVICE_OPTION,
    // "" clears the name
    { name: 'name', alias: 'n', kind: 'string-empty', required: true, usage: '<device_name>', describe: "The device's new name." },
  ],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const ident = str(opts.device)!;
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  await res.api.devices.update(device.id, { name: str(opts.name) ?? '' });
  rt.out.info(info.updated(deviceEntity(ident)));
}
