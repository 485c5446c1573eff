import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { buildSource, resolveBuild } from '../shared/build-identify.js';
import { buildInfo } from '../shared/build-views.js';
import { session } from '../shared/context.js';
import { DEPLOYMENT, Resolver } from '../shared/resolver.js';
import { BUILD_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'build',
  name: 'info',
  summary: 'Displays information about the specified build.',
  description: 'Displays information about the specified build (Deployment).',
  options: [BUILD_OPTION],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = buildSource(opts.build, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { build: found } = await resolveBuild(res, src);
  // info commands re-read a list match by id (README §9.1 step 4)
  const build = 'value' in src ? await res.reread(DEPLOYMENT, found, src.value) : found;
  rt.out.result(await buildInfo(res, build));
}
