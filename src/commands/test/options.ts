// Options shared by the test commands (`--timeout` is checked by the parser's
// generic number check, in the order of interface/README.md §1.4).
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';

export const DG_OPTION = defineOption({
  name: 'dg', alias: 'g', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>',
  describe: 'A Device Group identifier: Device Group ID or Device Group name. The tests run on the Devices assigned to this Device Group.',
});

/** `optionalValue`: update accepts "" to remove the setting. */
export function configOptions(optionalValue: boolean) {
  const fileKind = optionalValue ? 'string-optional' : 'string';
  // update: a bare option removes the setting; create: the defaults 2.6.1 shows as [default: …]
  const removable = optionalValue ? ' Given without a value (or empty), it removes the file from the test configuration.' : '';
  const byDefault = (value: string) => (optionalValue ? '' : ` Default: ${value}.`);
  const sourceFile = (unit: string) =>
    `${optionalValue ? 'File' : 'Optional file'} with ${unit} source code, deployed together with every test file. Absolute or relative path; the file must exist.${removable}`;
  const configFile = (what: string) => `${what} Absolute or relative path; the file need not exist yet.${removable}`;
  return [
    { name: 'device-file', alias: 'x', kind: fileKind, usage: optionalValue ? '[<device_file>]' : '<device_file>', describe: sourceFile('device') },
    { name: 'agent-file', alias: 'y', kind: fileKind, usage: optionalValue ? '[<agent_file>]' : '<agent_file>', describe: sourceFile('agent') },
    { name: 'timeout', alias: 't', kind: 'number', usage: '<timeout>', describe: `Seconds a test may run; a test still running then is stopped and counts as failed.${byDefault('30')}` },
    { name: 'stop-on-fail', alias: 's', kind: 'bool', usage: '[true|false]', describe: `If true or no value, the test run ends at the first failed test. If false, the remaining tests still run.${byDefault('false')}` },
    { name: 'allow-disconnect', alias: 'a', kind: 'bool', usage: '[true|false]', describe: `If true or no value, a test session survives a temporary disconnection of the device. If false, a disconnection fails the session.${byDefault('false')}` },
    { name: 'builder-cache', alias: 'e', kind: 'bool', usage: '[true|false]', describe: `If true or no value, Builder keeps the external libraries it includes in the .builder-cache directory of the current directory. If false, nothing is cached and an existing .builder-cache directory is deleted.${byDefault('false')}` },
    { name: 'test-file', alias: 'f', kind: 'array', usage: '<test_file_name_pattern>', describe: `Test file name or glob pattern, relative to the current directory; patterns may reach into subdirectories. Every matching file is taken as a file of test cases.${optionalValue ? ' The values given replace all configured patterns.' : ''}${byDefault('"*.test.nut", "tests/**/*.test.nut"')} (may be repeated several times)` },
    { name: 'github-config', alias: 'i', kind: fileKind, usage: optionalValue ? '[<github_credentials_file_name>]' : '<github_credentials_file_name>', describe: configFile('GitHub credentials file used by Builder for includes from GitHub (see "impt test github").') },
    { name: 'builder-config', alias: 'j', kind: fileKind, usage: optionalValue ? '[<builder_file_name>]' : '<builder_file_name>', describe: configFile('JSON file whose top-level keys become Builder variables.') },
  ] as const satisfies readonly OptionSpec[];
}
