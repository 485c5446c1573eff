// Lookups that may create what they do not find: the Product of
// `project create --create-product` and the production/DUT target groups of
// a pre-factory Project Device Group.
import type { Resource } from '../../api/impcentral.js';
import { DG_TYPES } from '../../api/wire.js';
import { CliError } from '../../errors.js';
import { findOne, NotFoundError, type EntityKind } from '../../identify/index.js';
import { entity, errors, info } from '../../output/messages/common.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import { DEVICE_GROUP, PRODUCT, type Resolver } from '../shared/resolver.js';
import { dgTypeName, relId } from '../shared/views.js';

/** One match, `undefined` when none; several → impt's not-unique error. */
async function findOptional(res: Resolver, kind: EntityKind, value: string): Promise<Resource | undefined> {
  try {
    const r = await findOne(res.api, kind, value);
    res.remember(kind, r);
    return r;
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw await res.translate(e);
  }
}

/** The Product named by `--product`, created when absent and `create` is set. */
export async function productOrCreate(res: Resolver, value: string, create: boolean): Promise<Resource> {
  const found = await findOptional(res, PRODUCT, value);
  if (found) return found;
  if (!create) throw new CliError(errors.notFound(entity('Product', value)));
  const product = await res.api.products.create({ name: value });
  res.out.info(info.created(entity('Product', value)));
  return product;
}

export type TargetKind = 'production' | 'dut';

const TARGET = {
  production: { label: 'Production Target', want: 'pre-production', rel: 'production_target' },
  dut: { label: 'DUT Target', want: 'pre-dut', rel: 'dut_target' },
} as const;

/** A target group of a pre-factory group: same Product, right type; created when absent and `create` is set. */
export async function targetGroup(res: Resolver, kind: TargetKind, value: string, productId: string, create: boolean): Promise<Resource> {
  const t = TARGET[kind];
  const found = await findOptional(res, DEVICE_GROUP, value);
  if (found) {
    const type = dgTypeName(found.type);
    if (type !== t.want) throw new CliError(msg.targetWrongType(t.label, value, type, t.want));
    if (relId(found, 'product') !== productId) throw new CliError(msg.targetOtherProduct(t.label));
    return found;
  }
  if (!create) throw new CliError(msg.targetNotFound(t.label, value));
  const dg = await res.api.deviceGroups.create({ name: value }, { product: { type: 'product', id: productId } }, DG_TYPES[t.want]);
  res.out.info(info.created(entity('Device Group', value)));
  return dg;
}

/** `relationships` entry of a target group: id first, as impt sends it (the product linkage is type first). */
export function targetLink(kind: TargetKind, dg: Resource): Record<string, { id: string; type: string }> {
  return { [TARGET[kind].rel]: { id: dg.id, type: dg.type } };
}
