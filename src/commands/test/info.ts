import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { readTestFile } from '../../context/test-file.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { savedDeviceGroup, testView } from './view.js';

export const spec = defineCommand({
  group: 'test',
  name: 'info',
  summary: 'Displays information about the test configuration.',
  description:
    'Displays the test configuration of the current directory and its Device Group. The Device Group details are read fresh from impCentral on every call.',
  options: [],
});

export async function run(_opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const config = readTestFile(rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await savedDeviceGroup(res, config.deviceGroupId);
  rt.out.result(await testView(res, config, dg));
}
