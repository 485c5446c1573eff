import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { CliError } from '../../errors.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { parse } from '../../output/messages/common.js';
import { confirm } from '../../prompt/index.js';
import { buildSource, resolveBuild } from '../shared/build-identify.js';
import { buildInfo } from '../shared/build-views.js';
import { CONFIRMED_OPTION } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { BUILD_OPTION } from './options.js';
import { codeFileError, codeFileNames } from './sources.js';

export const spec = defineCommand({
  group: 'build',
  name: 'get',
  summary: 'Downloads the source files of the specified build.',
  description:
    'Downloads the device and agent source code of the specified build (Deployment) into files and displays information about the build.',
  options: [
    BUILD_OPTION,
    { name: 'device-file', alias: 'x', kind: 'string', usage: '<device_file>', describe: 'The file the device source code is written to. If not specified, the device file named in the Project file of the current directory is used; with no Project file, the command fails unless --agent-only is given.' },
    { name: 'agent-file', alias: 'y', kind: 'string', usage: '<agent_file>', describe: 'The file the agent source code is written to. If not specified, the agent file named in the Project file of the current directory is used; with no Project file, the command fails unless --device-only is given.' },
    { name: 'device-only', alias: 'i', kind: 'flag', describe: 'Downloads the device source code only.' },
    { name: 'agent-only', alias: 'j', kind: 'flag', describe: 'Downloads the agent source code only.' },
    CONFIRMED_OPTION,
  ],
});

interface Target {
  file: string;
  code: unknown;
}

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = buildSource(opts.build, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { build, ident } = await resolveBuild(res, src);
  const deviceOnly = opts['device-only'];
  const agentOnly = opts['agent-only'];
  const { deviceFile, agentFile } = codeFileNames(opts, rt.cwd);
  if (!deviceFile && !agentOnly) throw new CliError(parse.mustBeSpecified('device-file'));
  if (!agentFile && !deviceOnly) throw new CliError(parse.mustBeSpecified('agent-file'));

  const targets: Target[] = [];
  if (!agentOnly) targets.push({ file: deviceFile!, code: build.attributes.device_code });
  if (!deviceOnly) targets.push({ file: agentFile!, code: build.attributes.agent_code });
  const existing = targets.filter((t) => existsSync(resolve(rt.cwd, t.file))).map((t) => t.file);
  if (existing.length && !opts.confirmed) await confirm(rt.out, msg.overwrite(existing));

  for (const t of targets) {
    const path = resolve(rt.cwd, t.file);
    try {
      writeFileSync(path, typeof t.code === 'string' ? t.code : '');
    } catch (e) {
      throw codeFileError(t.file, path, e);
    }
  }
  rt.out.info(msg.downloaded(ident));
  rt.out.result(await buildInfo(res, build));
}
