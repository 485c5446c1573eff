import type { CommandRuntime, CommandSpec, ParsedOptions } from '../../cli/spec.js';
import { buildSource, resolveBuild } from '../shared/build-identify.js';
import { buildInfo } from '../shared/build-views.js';
import { session, str } from '../shared/context.js';
import { Resolver } from '../shared/resolver.js';
import { BUILD_OPTION } from './options.js';

export const spec: CommandSpec = {
  group: 'build',
  name: 'info',
  summary: 'Displays information about the specified build.',
  description: 'Displays information about the specified build (Deployment).',
  options: [BUILD_OPTION],
};

export async function run(opts: ParsedOptions, rt: CommandRuntime): Promise<void> {
  const src = buildSource(str(opts.build), rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { build } = await resolveBuild(res, src);
  rt.out.result(await buildInfo(res, build));
}
