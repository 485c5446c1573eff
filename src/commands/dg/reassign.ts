import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { entity } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session } from '../shared/context.js';
import { identOf, infoDevices } from '../shared/dg-views.js';
import { dgSource, Resolver } from '../shared/resolver.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'reassign',
  summary: 'Reassigns all of the devices from one Device Group to another.',
  description: 'Reassigns all of the devices from one Device Group to another. Fails if any of the specified Device Groups does not exist.',
  options: [
    { name: 'from', alias: 'f', kind: 'string', required: true, usage: '<DEVICE_GROUP_IDENTIFIER>', describe: 'The Device Group identifier of the origin Device Group.' },
    { name: 'to', alias: 't', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>', describe: 'The Device Group identifier of the destination Device Group. If not specified, the Device Group referenced by the Project file in the current directory is used (if there is no Project file, the command fails).' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const toSrc = dgSource(opts.to, rt.cwd);
  const fromIdent = opts.from;
  const res = new Resolver(session(rt), rt.out);
  // the destination is resolved first, as in 2.6.1
  const to = await res.deviceGroup(toSrc);
  const from = await res.deviceGroup({ value: fromIdent });
  const fromEntity = entity('Device Group', fromIdent);
  const devices = await res.api.devices.list({ 'devicegroup.id': from.id });
  if (devices.length === 0) {
    rt.out.info(dgMessages.noDevices(fromEntity));
    return;
  }
  await res.api.deviceGroups.addDevices(to.id, devices.map((d) => d.id));
  rt.out.info(dgMessages.reassigned(fromEntity, entity('Device Group', identOf(toSrc, to))));
  infoDevices(rt.out, devices);
}
