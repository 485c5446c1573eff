// List filters (interface/README.md §9.4): identifiers resolved to all
// matching ids, one list request per combination of filter values,
// duplicates removed in request order.
import type { Filters } from '../../api/collection.js';
import type { Resource } from '../../api/impcentral.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { CliError } from '../../errors.js';
import { ACCOUNT, DEVICE_GROUP, PRODUCT, type EntityKind } from '../../identify/index.js';
import { errors } from '../../output/messages/common.js';
import { dgSource, type DgSource, type Resolver } from './resolver.js';

/** Every id matching any of `values`; undefined when the filter is not used, [] when nothing matches. */
export async function filterIds(res: Resolver, kind: EntityKind, values: string[]): Promise<string[] | undefined> {
  if (values.length === 0) return undefined;
  if (values.includes('')) throw new CliError(errors.noIdentifier(kind.type));
  const ids = new Set<string>();
  for (const v of values) for (const r of await res.all(kind, v)) ids.add(r.id);
  return [...ids];
}

/**
 * The cartesian product of the used filters (OR within one, AND across them),
 * in 2.6.1's order: each further filter's values vary slowest
 * (`-p P1 -p P2 -y A -y B` → P1+A, P2+A, P1+B, P2+B).
 */
export function combinations(values: Record<string, string[] | undefined>): Filters[] {
  let out: Filters[] = [{}];
  for (const [key, vs] of Object.entries(values)) {
    if (vs === undefined) continue;
    out = vs.flatMap((v) => out.map((f) => ({ ...f, [key]: v })));
  }
  return out;
}

/** One list request per filter set, results concatenated in request order, duplicates removed. */
export async function listEach(list: (f: Filters) => Promise<Resource[]>, sets: Filters[]): Promise<Resource[]> {
  const found = new Map<string, Resource>();
  for (const f of sets) for (const r of await list(f)) if (!found.has(r.id)) found.set(r.id, r);
  return [...found.values()];
}

/** Deployments whose Device Group has one of the given impt types (no names → all). */
export function filterByDgType(items: Resource[], names: string[]): Resource[] {
  if (names.length === 0) return items;
  const wanted = new Set<string>(names.map((n) => DG_TYPES[n as DgTypeName]));
  return items.filter((r) => {
    const link = r.relationships?.devicegroup;
    return Boolean(link && !Array.isArray(link) && wanted.has(link.type));
  });
}

export interface EntityFilterIds {
  owners?: string[];
  products?: string[];
  dgs?: string[];
}

export interface EntityFilterValues {
  owner: string[];
  product: string[];
  dg: string[];
}

/** Where an empty `--product ""` / `--dg ""` points: the Project file (README §9.4). */
export interface EmptyFilterSources {
  product?: DgSource;
  dg?: DgSource;
}

/**
 * An empty filter value means "no identifier": the Project file's Product or
 * Device Group, else `No … Identifier is specified.` (accounts have no
 * fallback). Checked before authentication.
 */
export function emptyFilterSources(values: EntityFilterValues, cwd: string): EmptyFilterSources {
  if (values.owner.includes('')) throw new CliError(errors.noIdentifier(ACCOUNT.type));
  return {
    product: values.product.includes('') ? dgSource(undefined, cwd, PRODUCT.type) : undefined,
    dg: values.dg.includes('') ? dgSource(undefined, cwd) : undefined,
  };
}

async function idsOf(values: string[], resolve: (v: string) => Promise<Resource[]>): Promise<string[] | undefined> {
  if (values.length === 0) return undefined;
  const ids = new Set<string>();
  for (const v of values) for (const r of await resolve(v)) ids.add(r.id);
  return [...ids];
}

/** `--owner`, `--product` and `--dg` resolved to ids; `undefined` when one of them matches nothing (empty list). */
export async function entityFilterIds(
  res: Resolver,
  values: EntityFilterValues,
  empty: EmptyFilterSources = {},
): Promise<EntityFilterIds | undefined> {
  const ids: EntityFilterIds = {
    owners: await filterIds(res, ACCOUNT, values.owner),
    products: await idsOf(values.product, async (v) => (v === '' ? [await res.product(empty.product!)] : res.all(PRODUCT, v))),
    dgs: await idsOf(values.dg, async (v) => (v === '' ? [await res.deviceGroup(empty.dg!)] : res.all(DEVICE_GROUP, v))),
  };
  return Object.values(ids).some((v) => v?.length === 0) ? undefined : ids;
}
