import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { shortView, wrap } from '../shared/views.js';
import { createBuild } from './create-build.js';
import { DEPLOY_OPTIONS } from './options.js';

export const spec = defineCommand({
  group: 'build',
  name: 'deploy',
  summary: 'Creates and deploys a build.',
  description:
    'Builds a new Deployment from the specified source files and deploys it to all devices assigned to the specified Device Group. The options set its description and attributes. Devices are not restarted.',
  options: DEPLOY_OPTIONS,
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const { build } = await createBuild(opts, rt);
  rt.out.result(wrap('Deployment', shortView('Deployment', build)));
}
