import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session } from '../shared/context.js';
import { groupDevices, infoDevices } from '../shared/dg-views.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { DG_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'unassign',
  summary: 'Unassigns all of the devices from the specified Device Group.',
  description:
    'Unassigns all of the devices from the specified Device Group. Does nothing if the Device Group has no devices assigned to it.',
  options: [
    DG_OPTION,
    { name: 'unbond', alias: 'u', kind: 'string-empty', usage: '<unbond_key>', describe: 'An unbond key is required to unassign the specified device from a Device Group of the production type.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { dg, ident, devices } = await groupDevices(res, src);
  if (devices.length === 0) return;
  // an empty key is not sent
  const unbond = opts.unbond || undefined;
  await res.api.deviceGroups.removeDevices(dg.id, devices.map((d) => d.id), unbond);
  rt.out.info(dgMessages.unassignedFrom(ident));
  infoDevices(rt.out, devices);
}
