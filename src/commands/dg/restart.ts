import type { CommandEnd, CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session } from '../shared/context.js';
import { groupDevices, infoDevices } from '../shared/dg-views.js';
import { streamLogs } from '../shared/log-stream.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { DG_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'dg',
  name: 'restart',
  summary: 'Reboots all of the devices assigned to the specified Device Group.',
  description:
    'Reboots all of the devices assigned to the specified Device Group and, optionally, starts displaying logs from them. Does nothing if the Device Group has no devices assigned to it.',
  options: [
    DG_OPTION,
    { name: 'conditional', alias: 'c', kind: 'flag', describe: 'Trigger a conditional restart.' },
    { name: 'log', alias: 'l', kind: 'flag', describe: 'Starts displaying logs from the devices assigned to the specified Device Group (see the impt log stream command description). To stop displaying the logs, press <Ctrl-C>.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<CommandEnd> {
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { dg, ident, devices } = await groupDevices(res, src);
  if (devices.length === 0) return;
  const conditional = opts.conditional;
  await res.api.deviceGroups.restart(dg.id, conditional);
  rt.out.info(dgMessages.restarted(ident, conditional));
  infoDevices(rt.out, devices);
  if (opts.log) return streamLogs(res, devices.map((d) => d.id), rt);
}
