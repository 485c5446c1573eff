// Options shared by the build commands.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { PROJECT_DG_OPTION, REPEATED } from '../shared/common-options.js';

const BUILD_IDENT = 'A build identifier: Deployment ID, Deployment SHA, Deployment tag or Deployment origin.';

/** Where `--build` falls back to when it is not given. */
export const LATEST_BUILD =
  'If not specified: the most recent build of the Device Group that the Project file in the current directory refers to; without a Project file, the command fails.';

export const BUILD_OPTION = defineOption({
  name: 'build',
  alias: 'b',
  kind: 'string',
  usage: '<BUILD_IDENTIFIER>',
  describe: `${BUILD_IDENT} ${LATEST_BUILD}`,
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
  describe: 'If true or no value, the build is flagged: it cannot be deleted until the flag is set back to false. If false, the flag is removed and the build can be deleted.',
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
      'File with the device source code; the command fails if it does not exist. If not specified, the device file named in the Project file of the current directory is used, or empty code when there is no Project file.',
  },
  {
    name: 'agent-file',
    alias: 'y',
    kind: 'string',
    usage: '<agent_file>',
    describe:
      'File with the agent source code; the command fails if it does not exist. If not specified, the agent file named in the Project file of the current directory is used, or empty code when there is no Project file.',
  },
  DESCR_OPTION,
  { name: 'origin', alias: 'o', kind: 'string-empty', usage: '<origin>', describe: 'Free-form text recording where the source code comes from, for example a GitHub repository name or URL.' },
  tagOption('A tag applied to the build.'),
  {
    ...FLAGGED_OPTION,
    describe: 'If true or no value, the new build is flagged: it cannot be deleted until the flag is set back to false. If false or not given, the build is not flagged and can be deleted.',
  },
] as const satisfies readonly OptionSpec[];

export const ADD_TAG_OPTION = tagOption('A tag applied to the build; ignored if the build already has it.');
