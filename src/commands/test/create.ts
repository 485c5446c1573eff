import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { DEFAULT_TEST_FILES, DEFAULT_TIMEOUT, testFileExists, writeTestFile, type TestConfig } from '../../context/test-file.js';
import { testMessages as msg } from '../../output/messages/test.js';
import { confirmOverwrite } from '../project/overwrite.js';
import { CONFIRMED_OPTION } from '../project/options.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { applyConfigOptions, removeBuilderCache } from './apply.js';
import { configOptions, DG_OPTION } from './options.js';
import { testView } from './view.js';

export const spec = defineCommand({
  group: 'test',
  name: 'create',
  summary: 'Creates a test configuration file.',
  description:
    'Creates a test configuration file in the current directory for running impUnit tests on the Devices of the specified Device Group. An existing Builder cache is deleted.',
  options: [{ ...DG_OPTION, required: true }, ...configOptions(false), CONFIRMED_OPTION],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  // the question comes first: the auth context is needed only afterwards
  await confirmOverwrite(rt.out, testFileExists(rt.cwd), opts.confirmed, msg.overwrite);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.one(DEVICE_GROUP, opts.dg);
  removeBuilderCache(rt);
  const config: TestConfig = {
    deviceGroupId: dg.id,
    timeout: DEFAULT_TIMEOUT,
    stopOnFail: false,
    allowDisconnect: false,
    builderCache: false,
    testFiles: [...DEFAULT_TEST_FILES],
  };
  applyConfigOptions(config, opts, rt);
  writeTestFile(rt.cwd, config);
  const view = await testView(res, config, dg);
  rt.out.info(msg.created);
  rt.out.result(view);
}
