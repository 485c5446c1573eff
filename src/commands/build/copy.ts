import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { buildMessages as msg } from '../../output/messages/build.js';
import { entity, info } from '../../output/messages/common.js';
import { buildSource, resolveBuild } from '../shared/build-identify.js';
import { session } from '../shared/context.js';
import { DEVICE_GROUP, Resolver } from '../shared/resolver.js';
import { BUILD_OPTION, DG_OPTION, LATEST_BUILD } from './options.js';

export const spec = defineCommand({
  group: 'build',
  name: 'copy',
  summary: 'Copies the specified build to the specified Device Group.',
  description:
    'Creates a new build (Deployment) in the specified Device Group with the source code of the specified build. The devices are not restarted. Fails if either the build or the Device Group does not exist.',
  options: [
    {
      ...BUILD_OPTION,
      describe:
        `The build to copy: Deployment ID, SHA, tag or origin. ${LATEST_BUILD}`,
    },
    { ...DG_OPTION, required: true, describe: 'The Device Group the build is copied to: Device Group ID or Device Group name.' },
    { name: 'all', alias: 'a', kind: 'flag', describe: 'Copies all attributes of the build as well: description, origin, tags and "flagged".' },
  ],
});

const COPIED_WITH_ALL = ['description', 'origin', 'flagged', 'tags'];

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = buildSource(opts.build, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { build, ident } = await resolveBuild(res, src);
  const dg = await res.one(DEVICE_GROUP, opts.dg);
  const a = build.attributes;
  const attributes: Record<string, unknown> = { device_code: a.device_code ?? '', agent_code: a.agent_code ?? '' };
  if (opts.all) {
    for (const k of COPIED_WITH_ALL) if (a[k] !== undefined && a[k] !== null) attributes[k] = a[k];
  }
  const copy = await res.api.deployments.create(attributes, { devicegroup: { type: dg.type, id: dg.id } });
  const copyIdent = entity('Deployment', copy.id);
  rt.out.info(info.created(copyIdent));
  rt.out.info(msg.copied(ident, copyIdent));
}
