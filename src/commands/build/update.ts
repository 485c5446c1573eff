import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { info } from '../../output/messages/common.js';
import { buildSource, resolveBuild, tagsOf } from '../shared/build-identify.js';
import { session } from '../shared/context.js';
import { REPEATED } from '../shared/common-options.js';
import { Resolver } from '../shared/resolver.js';
import { ADD_TAG_OPTION, BUILD_OPTION, DESCR_OPTION, FLAGGED_OPTION } from './options.js';

export const spec = defineCommand({
  group: 'build',
  name: 'update',
  summary: 'Updates the specified build.',
  description:
    'Changes the description, tags and/or "flagged" attribute of the specified build (Deployment); only what the options give is changed. Fails if the build does not exist.',
  options: [
    BUILD_OPTION,
    { ...DESCR_OPTION, describe: 'A new description of the build.' },
    ADD_TAG_OPTION,
    { name: 'remove-tag', alias: 'r', kind: 'array', usage: '<tag>', describe: `A tag removed from the build; ignored if the build does not have it.${REPEATED}` },
    FLAGGED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const src = buildSource(opts.build, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const { build, ident } = await resolveBuild(res, src);
  const attributes: Record<string, unknown> = {};
  if (opts.descr !== undefined) attributes.description = opts.descr;
  if (opts.flagged !== undefined) attributes.flagged = opts.flagged;
  if (opts.tag.length || opts['remove-tag'].length) {
    // removals first, then additions not yet present
    const removed = new Set(opts['remove-tag']);
    const tags = tagsOf(build).filter((t) => !removed.has(t));
    for (const t of opts.tag) if (!tags.includes(t)) tags.push(t);
    attributes.tags = tags;
  }
  await res.api.deployments.update(build.id, attributes);
  rt.out.info(info.updated(ident));
}
