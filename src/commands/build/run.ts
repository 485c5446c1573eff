import type { CommandEnd, CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { entity } from '../../output/messages/common.js';
import { streamLogs } from '../shared/log-stream.js';
import { createBuild } from './create-build.js';
import { DEPLOY_OPTIONS } from './options.js';
import { restartGroup, setMinSupported, updateGroup } from './run-steps.js';

export const spec = defineCommand({
  group: 'build',
  name: 'run',
  summary: 'Creates, deploys and runs a build.',
  description:
    'Creates a build (Deployment) from the specified source files, deploys it to the specified Device Group and restarts the devices assigned to the group, so that they run it. With --log, then displays the logs of the running build.',
  options: [
    ...DEPLOY_OPTIONS,
    { name: 'conditional', alias: 'c', kind: 'flag', describe: 'Restarts the devices of the Device Group conditionally instead of unconditionally: a device restarts only if it does not run the min supported Deployment or a newer one.' },
    { name: 'log', alias: 'l', kind: 'flag', describe: 'After the restart, shows the logs of the Device Group\'s devices as they arrive, as "impt log stream" does, until <Ctrl-C> is pressed.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<CommandEnd> {
  const created = await createBuild(opts, rt);
  await setMinSupported(created);
  await updateGroup(created, opts.descr);
  const devices = await restartGroup(created, opts.conditional);
  if (opts.log && devices.length > 0) {
    rt.out.info(msg.runSuccessful(entity('Deployment', created.build.id)));
    return streamLogs(created.res, devices.map((d) => d.id), rt);
  }
}
