// Deployment (build) identification, interface/README.md §9.1 with the
// server doing the filtering where it can: a GET only when the value can be
// an id, `filter[sha]` for sha-like values, `filter[tags]` for tag-like
// values, the whole collection only to compare `origin`.
import { ImpCentralApiError } from '../../api/errors.js';
import type { ImpCentral, Resource } from '../../api/impcentral.js';
import { CliError } from '../../errors.js';
import { AmbiguousError, NotFoundError } from '../../identify/index.js';
import { entity, errors } from '../../output/messages/common.js';
import { DEPLOYMENT, dgSource, Resolver } from './resolver.js';
import { relId } from './views.js';

const SHA_LIKE = /^[0-9a-f]{64}$/i;
// a comma would be read by the server as a list of tags
const TAG_LIKE = /^[A-Za-z0-9_\-*.]+$/;

/** Every Deployment matching `value`: id, then sha, then tags, then origin. */
export async function findBuilds(api: ImpCentral, value: string): Promise<Resource[]> {
  if (DEPLOYMENT.maybeId(value)) {
    try {
      return [await api.deployments.get(value)];
    } catch (e) {
      if (!(e instanceof ImpCentralApiError && (e.status === 404 || e.status === 400))) throw e;
    }
  }
  if (SHA_LIKE.test(value)) {
    const hits = (await api.deployments.list({ sha: value })).filter((d) => d.attributes.sha === value);
    if (hits.length) return hits;
  }
  if (TAG_LIKE.test(value)) {
    const hits = (await api.deployments.list({ tags: value })).filter((d) => tagsOf(d).includes(value));
    if (hits.length) return hits;
  }
  return (await api.deployments.list()).filter((d) => d.attributes.origin === value);
}

export function tagsOf(d: Resource): string[] {
  const t = d.attributes.tags;
  return Array.isArray(t) ? t.map(String) : [];
}

/** Exactly one Deployment, with impt's not found / multiple errors. */
export async function findBuild(res: Resolver, value: string): Promise<Resource> {
  const found = await findBuilds(res.api, value);
  if (found.length === 0) throw await res.translate(new NotFoundError(DEPLOYMENT, value));
  if (found.length > 1) throw await res.translate(new AmbiguousError(DEPLOYMENT, value, found));
  res.remember(DEPLOYMENT, found[0]!);
  return found[0]!;
}

/** Where a `--build` identifier comes from: typed, or the Project file (checked before authentication). */
export type BuildSource = { value: string } | { projectDgId: string };

export function buildSource(value: string | undefined, cwd: string): BuildSource {
  return dgSource(value, cwd, 'Deployment');
}

/** The build of `--build`, or the current Deployment of the Project's Device Group. */
export async function resolveBuild(res: Resolver, src: BuildSource): Promise<{ build: Resource; ident: string }> {
  if ('value' in src) {
    const build = await findBuild(res, src.value);
    return { build, ident: entity('Deployment', src.value) };
  }
  const dg = await res.deviceGroup(src);
  const id = relId(dg, 'current_deployment');
  if (!id) throw new CliError(errors.noIdentifier('Deployment'));
  const build = await res.fetch(DEPLOYMENT, id);
  if (!build) throw new CliError(errors.notFound(entity('Deployment', id)));
  return { build, ident: entity('Deployment', id) };
}
