import type { CommandEnd, CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { dgMessages } from '../../output/messages/dg.js';
import { session, str } from '../shared/context.js';
import { groupDevices, infoDevices } from '../shared/dg-views.js';
import { streamLogs } from '../shared/log-stream.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import { DG_OPTION } from './options.js';

export const spec: CommandSpec = {
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
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<CommandEnd> {
  const src = dgSource(str(opts.dg), rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { dg, ident, devices } = await groupDevices(res, src);
  if (devices.length === 0) return;
  const conditional = opts.conditional === true;
  await res.api.deviceGroups.restart(dg.id, conditional);
  rt.out.info(dgMessages.restarted(ident, conditional));
  infoDevices(rt.out, devices);
  if (opts.log === true) return streamLogs(res, devices.map((d) => d.id), rt);
}
