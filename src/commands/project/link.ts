import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { projectFileExists, writeProjectFile, type ProjectFile } from '../../context/project-file.js';
import { CliError } from '../../errors.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { dgTypeName } from '../shared/views.js';
import { AGENT_FILE_OPTION, CONFIRMED_OPTION, DEVICE_FILE_OPTION } from './options.js';
import { confirmOverwrite } from './overwrite.js';
import { projectView } from './project-view.js';
import { ensureSourceFiles } from './source-files.js';

export const spec = defineCommand({
  group: 'project',
  name: 'link',
  summary: 'Creates a new Project file and links it to the specified Device Group.',
  description:
    'Creates a new Project file in the current directory that refers to the specified existing Device Group. Missing device and agent source files are created empty; no code is downloaded.',
  options: [
    { name: 'dg', alias: 'g', kind: 'string', required: true, usage: '<DEVICE_GROUP_IDENTIFIER>', describe: 'A Device Group identifier: Device Group ID or Device Group name. Only development and pre-factory Device Groups can be linked.' },
    DEVICE_FILE_OPTION,
    AGENT_FILE_OPTION,
    CONFIRMED_OPTION,
  ],
});

const LINKABLE = ['development', 'pre-factory'];

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  // the question comes first: the auth context is needed only afterwards
  await confirmOverwrite(rt.out, projectFileExists(rt.cwd), opts.confirmed, msg.overwrite);
  const res = new Resolver(session(rt), rt.out);
  const found = await res.one(DEVICE_GROUP, opts.dg);
  const dg = (await res.fetch(DEVICE_GROUP, found.id)) ?? found;
  const type = dgTypeName(dg.type);
  if (!LINKABLE.includes(type)) throw new CliError(msg.cannotLink(type));
  const project: ProjectFile = { deviceGroupId: dg.id, deviceFile: opts['device-file'], agentFile: opts['agent-file'] };
  ensureSourceFiles(rt.cwd, project.deviceFile, project.agentFile, rt.out);
  writeProjectFile(rt.cwd, project);
  const view = await projectView(res, project, dg, false);
  rt.out.info(msg.linked);
  rt.out.result(view);
}
