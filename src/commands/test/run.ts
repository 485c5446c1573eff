import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { CliError } from '../../errors.js';
import { testMessages as msg } from '../../output/messages/test.js';

// The options stay those of impt 2.6.1 so scripts get the same parse errors
// and help; running impUnit sessions on devices is not part of this version.
export const spec: CommandSpec = {
  group: 'test',
  name: 'run',
  summary: 'Runs the tests specified by the test configuration file.',
  description:
    'Runs the tests specified by the test configuration file in the current directory. Not available in this version of impt: the command always fails.',
  options: [
    { name: 'tests', alias: 't', kind: 'string-empty', usage: '<test_pattern>', describe: 'Selects the tests to run: [testFile][:testCase][::testMethod], where testFile is a regular expression searched in the paths of the test files.' },
    { name: 'clear-cache', alias: 'e', kind: 'flag', describe: 'Deletes the Builder cache before running the tests.' },
  ],
};

export async function run(_opts: ParsedOptions, _rt: CommandRuntime): Promise<void> {
  throw new CliError(msg.runUnavailable);
}
