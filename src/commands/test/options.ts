// Options shared by the test commands (`--timeout` is checked by the parser's
// generic number check, in the order of interface/README.md §1.4).
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';

export const DG_OPTION = defineOption({
  name: 'dg', alias: 'g', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>',
  describe: 'Device Group identifier: Device Group ID or Device Group name. The tests run on the Devices assigned to this Device Group.',
});

/** `optionalValue`: update accepts "" to remove the setting. */
export function configOptions(optionalValue: boolean) {
  const fileKind = optionalValue ? 'string-optional' : 'string';
  const unset = optionalValue ? ' An empty value removes the setting.' : '';
  return [
    { name: 'device-file', alias: 'x', kind: fileKind, usage: optionalValue ? '[<device_file>]' : '<device_file>', describe: `Device source code file deployed together with every test file. The file must exist.${unset}` },
    { name: 'agent-file', alias: 'y', kind: fileKind, usage: optionalValue ? '[<agent_file>]' : '<agent_file>', describe: `Agent source code file deployed together with every test file. The file must exist.${unset}` },
    { name: 'timeout', alias: 't', kind: 'number', usage: '<timeout>', describe: `Timeout of every test, in seconds.${optionalValue ? '' : ' Default: 30.'}` },
    { name: 'stop-on-fail', alias: 's', kind: 'bool', usage: '[true|false]', describe: `Whether the whole test run stops after a failed test.${optionalValue ? '' : ' Default: false.'}` },
    { name: 'allow-disconnect', alias: 'a', kind: 'bool', usage: '[true|false]', describe: `Whether the test session survives a disconnection of the device.${optionalValue ? '' : ' Default: false.'}` },
    { name: 'builder-cache', alias: 'e', kind: 'bool', usage: '[true|false]', describe: `Whether Builder caches remote includes in the .builder-cache directory.${optionalValue ? ' false also deletes the cache.' : ' Default: false.'}` },
    { name: 'test-file', alias: 'f', kind: 'array', usage: '<test_file_name_pattern>', describe: 'Glob pattern of test files, relative to the current directory; the patterns given replace the configured ones. Default: "*.test.nut" and "tests/**/*.test.nut". (may be repeated several times)' },
    { name: 'github-config', alias: 'i', kind: fileKind, usage: optionalValue ? '[<github_credentials_file_name>]' : '<github_credentials_file_name>', describe: `GitHub credentials file used by Builder for includes from GitHub; see "impt test github".${unset}` },
    { name: 'builder-config', alias: 'j', kind: fileKind, usage: optionalValue ? '[<builder_file_name>]' : '<builder_file_name>', describe: `JSON file whose top-level keys are Builder variables.${unset}` },
  ] as const satisfies readonly OptionSpec[];
}
