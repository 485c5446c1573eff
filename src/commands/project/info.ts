import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { projectDeviceGroup, requireProjectFile } from './load.js';
import { projectView } from './project-view.js';

export const spec = defineCommand({
  group: 'project',
  name: 'info',
  summary: 'Displays information about the project.',
  description:
    'Displays information about the Project of the current directory and its Device Group, read fresh from impCentral on every call. Fails if there is no Project file in the current directory.',
  options: [
    { name: 'full', alias: 'u', kind: 'flag', describe: 'Also shows the full details of the Device Group, including its Webhooks and Devices, and the authentication status that applies in the current directory.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const project = requireProjectFile(rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await projectDeviceGroup(res, project);
  rt.out.result(await projectView(res, project, dg, opts.full));
}
