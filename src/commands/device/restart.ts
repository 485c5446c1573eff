import type { CommandEnd, CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { deviceMessages as msg } from '../../output/messages/device.js';
import { session } from '../shared/context.js';
import { streamLogs } from '../shared/log-stream.js';
import { Resolver } from '../shared/resolver.js';
import { DEVICE_OPTION, deviceEntity, findDevice } from './options.js';

export const spec = defineCommand({
  group: 'device',
  name: 'restart',
  summary: 'Reboots the specified device.',
  description: 'Reboots the specified device and, optionally, starts displaying logs from it.',
  options: [
    DEVICE_OPTION,
    { name: 'conditional', alias: 'c', kind: 'flag', describe: 'Trigger a conditional restart.' },
    {
      name: 'log',
      alias: 'l',
      kind: 'flag',
      describe: 'Start displaying logs from the specified device (see impt log stream command description). To stop displaying the logs press <Ctrl-C>.',
    },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<CommandEnd> {
  const ident = opts.device;
  const conditional = opts.conditional;
  const res = new Resolver(session(rt), rt.out);
  const device = await findDevice(res, ident);
  await res.api.devices.restart(device.id, conditional);
  const d = deviceEntity(ident);
  rt.out.info(conditional ? msg.conditionallyRestarted(d) : msg.restarted(d));
  if (opts.log) return streamLogs(res, [device.id], rt);
}
