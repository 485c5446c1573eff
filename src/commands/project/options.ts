// Options shared by the project commands.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';

export const DEVICE_FILE_OPTION = defineOption({
  name: 'device-file', alias: 'x', kind: 'string', usage: '<device_file>', default: 'device.nut',
  describe: 'Name of the file with the device source code. It is created empty in the current directory if it does not exist.',
});

export const AGENT_FILE_OPTION = defineOption({
  name: 'agent-file', alias: 'y', kind: 'string', usage: '<agent_file>', default: 'agent.nut',
  describe: 'Name of the file with the agent source code. It is created empty in the current directory if it does not exist.',
});

export const CONFIRMED_OPTION = defineOption({
  name: 'confirmed', alias: 'q', kind: 'flag',
  describe: 'Executes the operation without asking additional confirmation from user.',
});

export const DG_NAME_OPTION = defineOption({
  name: 'name', alias: 'n', kind: 'string', usage: '<device_group_name>',
  describe: "New name for the Project's Device Group; no other Device Group of the Product may have it.",
});

export const DG_DESCR_OPTION = defineOption({
  name: 'descr', alias: 's', kind: 'string-empty', usage: '<device_group_description>',
  describe: "New description of the Project's Device Group.",
});

export const DUT_OPTION = defineOption({
  name: 'dut', alias: 'u', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>',
  describe:
    "New device-under-test (DUT) target of the Project's Device Group, given as a Device Group identifier. Allowed only when that Device Group is pre-factory; the target must be a pre-dut Device Group of the same Product.",
});

export const TARGET_OPTION = defineOption({
  name: 'target', alias: 't', kind: 'string', usage: '<DEVICE_GROUP_IDENTIFIER>',
  describe:
    "New production target of the Project's Device Group, given as a Device Group identifier. Allowed only when that Device Group is pre-factory; the target must be a pre-production Device Group of the same Product.",
});
