import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { readTestFile, writeTestFile } from '../../context/test-file.js';
import { testMessages as msg } from '../../output/messages/test.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { applyConfigOptions, removeBuilderCache } from './apply.js';
import { configOptions, DG_OPTION } from './options.js';
import { savedDeviceGroup, testView } from './view.js';

export const spec = defineCommand({
  group: 'test',
  name: 'update',
  summary: 'Updates the test configuration file.',
  description:
    'Changes the given settings in the test configuration file of the current directory and keeps the others. Fails if there is no test configuration file.',
  options: [DG_OPTION, ...configOptions(true)],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const config = readTestFile(rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dgValue = opts.dg;
  const dg = dgValue !== undefined ? await res.one(DEVICE_GROUP, dgValue) : await savedDeviceGroup(res, config.deviceGroupId);
  config.deviceGroupId = dg.id;
  if (opts['builder-cache'] === false) removeBuilderCache(rt);
  applyConfigOptions(config, opts, rt);
  writeTestFile(rt.cwd, config);
  const view = await testView(res, config, dg);
  rt.out.info(msg.updated);
  rt.out.result(view);
}
