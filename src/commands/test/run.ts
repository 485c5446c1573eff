import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { readTestFile } from '../../context/test-file.js';
import { CliError } from '../../errors.js';
import { testRunMessages as msg } from '../../output/messages/test-run.js';
import { TestLog } from '../../testing/log.js';
import { TestRunner } from '../../testing/runner.js';
import { parseSelection } from '../../testing/selection.js';
import { runSettings } from '../../testing/settings.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { removeBuilderCache } from './apply.js';
import { savedDeviceGroup } from './view.js';

export const spec = defineCommand({
  group: 'test',
  name: 'run',
  summary: 'Runs the tests specified by the test configuration file.',
  description:
    'Runs the tests specified by the test configuration file in the current directory: every test file is deployed with the framework and the source files to the Device Group of the configuration and run on each of its devices in turn.',
  options: [
    { name: 'tests', alias: 't', kind: 'string-empty', usage: '<test_pattern>', describe: 'Selects the tests to run: [testFile][:testCase][::testMethod]. testFile is a regular expression searched in the paths of the test files, so it may include a relative path. Without this option, every test of every configured test file runs.' },
    { name: 'clear-cache', alias: 'e', kind: 'flag', describe: 'Deletes the Builder cache (the .builder-cache directory, if present) before the tests run.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const config = readTestFile(rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await savedDeviceGroup(res, config.deviceGroupId);
  if (opts['clear-cache']) removeBuilderCache(rt);
  const log = new TestLog(rt.out);
  const settings = runSettings(config, rt.cwd, rt.env, (line) => log.plain(line));
  const selection = parseSelection(opts.tests);
  const ok = await new TestRunner(res.api, log, settings, selection, dg).run();
  if (!ok) throw new CliError(msg.testingFailed);
}
