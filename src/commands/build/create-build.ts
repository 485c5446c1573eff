// The common first part of `build deploy` and `build run`: read the code,
// find the Device Group, POST the new Deployment.
import type { Resource } from '../../api/impcentral.js';
import type { CommandRuntime, OptionsOf } from '../../cli/spec.js';
import { entity, info } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { dgSource, Resolver } from '../shared/resolver.js';
import type { DEPLOY_OPTIONS } from './options.js';
import { readSources } from './sources.js';

export interface CreatedBuild {
  res: Resolver;
  dg: Resource;
  /** `Device Group "…"`: as typed, or the id from the Project file */
  dgIdent: string;
  build: Resource;
}

export async function createBuild(opts: OptionsOf<typeof DEPLOY_OPTIONS>, rt: CommandRuntime): Promise<CreatedBuild> {
  const attributes: Record<string, unknown> = { ...readSources(opts, rt) };
  const src = dgSource(opts.dg, rt.cwd);
  const res = new Resolver(session(rt), rt.out);
  const dg = await res.deviceGroup(src);
  if (opts.descr !== undefined) attributes.description = opts.descr;
  if (opts.origin !== undefined) attributes.origin = opts.origin;
  if (opts.flagged !== undefined) attributes.flagged = opts.flagged;
  if (opts.tag.length) attributes.tags = opts.tag;
  const build = await res.api.deployments.create(attributes, { devicegroup: { type: dg.type, id: dg.id } });
  rt.out.info(info.created(entity('Deployment', build.id)));
  return { res, dg, dgIdent: entity('Device Group', 'value' in src ? src.value : dg.id), build };
}
