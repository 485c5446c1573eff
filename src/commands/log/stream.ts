import type { CommandEnd, CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { CliError } from '../../errors.js';
import { errors, SUCCEEDS } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { streamLogs } from '../shared/log-stream.js';
import { DEVICE, DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { devicesOf, projectDgId } from './devices.js';
import { INTERRUPTED, unlessInterrupted } from './interrupt.js';

export const spec = defineCommand({
  group: 'log',
  name: 'stream',
  summary: 'Displays logs from the specified devices in real-time.',
  description:
    'Opens a log stream and displays the logs of the specified devices in real-time, until <Ctrl-C> is pressed. Without --device and --dg, the devices assigned to the Device Group that the Project file in the current directory refers to are used.',
  options: [
    { name: 'device', alias: 'd', kind: 'array', usage: '<DEVICE_IDENTIFIER>', describe: 'A Device identifier: Device ID, MAC address, Agent ID or Device name. The device is added to the log stream. (may be repeated several times)' },
    { name: 'dg', alias: 'g', kind: 'array', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: 'A Device Group identifier: Device Group ID or Device Group name. Every device assigned to it is added to the log stream; --device and --dg add up. (may be repeated several times)' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<CommandEnd> {
  const devices = opts.device;
  const dgs = opts.dg;
  // an empty value means "no identifier" (README §9.4): an empty --dg is the
  // Project file's group, else no Device Group; an empty --device no Device
  const projectDg = (!devices.length && !dgs.length) || dgs.includes('') ? projectDgId(rt.cwd) : undefined;
  if (dgs.includes('') && !projectDg) throw new CliError(errors.noIdentifier('Device Group'));
  if (!devices.length && !dgs.length && !projectDg) throw new CliError(errors.noIdentifier('Device'));

  const res = new Resolver(session(rt), rt.out);
  // Ctrl-C while the devices are looked up ends the command too
  const ids = new Set<string>();
  const looked = await unlessInterrupted(rt.signal, async () => {
    // the groups first, then the devices (interface/log.md); the ids keep the devices first
    const groupDevices: string[] = [];
    const groups = dgs.length ? dgs : projectDg ? [''] : [];
    for (const v of groups) {
      const dg = v === '' ? await res.deviceGroup({ projectDgId: projectDg! }) : await res.one(DEVICE_GROUP, v);
      for (const d of await devicesOf(res, dg.id)) groupDevices.push(d.id);
    }
    for (const v of devices) {
      if (v === '') throw new CliError(errors.noIdentifier('Device'));
      ids.add((await res.one(DEVICE, v)).id);
    }
    for (const id of groupDevices) ids.add(id);
  });
  if (looked === INTERRUPTED) {
    rt.out.info(SUCCEEDS);
    return 'quiet';
  }
  // the stream handles Ctrl-C from here on
  if (ids.size === 0) throw new CliError(errors.noIdentifier('Device'));
  return streamLogs(res, [...ids], rt);
}
