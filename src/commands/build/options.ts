// Options shared by the build commands.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { PROJECT_DG_OPTION, REPEATED } from '../shared/common-options.js';

const BUILD_IDENT = 'A build identifier: Deployment ID, Deployment SHA, Deployment tag or Deployment origin.';

export const BUILD_OPTION = defineOption({
  name: 'build',
  alias: 'b',
  kind: 'string',
  usage: '<BUILD_IDENTIFIER>',
  describe: `${BUILD_IDENT} If not specified, the most recent Deployment of the Device Group referenced by the Project file in the current directory is used (if there is no Project file, the command fails).`,
});

export const REQUIRED_BUILD_OPTION = defineOption({ ...BUILD_OPTION, required: true, describe: BUILD_IDENT });

export const DG_OPTION = PROJECT_DG_OPTION;

export const DESCR_OPTION = defineOption({
  name: 'descr',
  alias: 's',
  kind: 'string-empty',
  usage: '<build_description>',
  describe: 'A description of the build.',
});

export const FLAGGED_OPTION = defineOption({
  name: 'flagged',
  alias: 'f',
  kind: 'bool',
  usage: '[true|false]',
  describe: 'If true or no value, the build is marked "flagged" to protect it from deletion. If false, the "flagged" mark is removed.',
});

const tagOption = (describe: string) => defineOption({ name: 'tag', alias: 't', kind: 'array', usage: '<tag>', describe: describe + REPEATED });

/** Options of `build deploy` (and the first ones of `build run`). */
export const DEPLOY_OPTIONS = [
  DG_OPTION,
  {
    name: 'device-file',
    alias: 'x',
    kind: 'string',
    usage: '<device_file>',
    describe:
      'The device source code file name. If not specified, the file referenced by the Project file in the current directory is used; if there is no Project file, empty code is used.',
  },
  {
    name: 'agent-file',
    alias: 'y',
    kind: 'string',
    usage: '<agent_file>',
    describe:
      'The agent source code file name. If not specified, the file referenced by the Project file in the current directory is used; if there is no Project file, empty code is used.',
  },
  DESCR_OPTION,
  { name: 'origin', alias: 'o', kind: 'string-empty', usage: '<origin>', describe: 'A free-form key to store the source of the code.' },
  tagOption('A tag applied to the build.'),
  FLAGGED_OPTION,
] as const satisfies readonly OptionSpec[];

export const ADD_TAG_OPTION = tagOption('A tag applied to the build; ignored if the build already has it.');
