// Production and DUT targets of factory Device Groups (`dg create`,
// `dg update` --target/--dut): which types may have them, which types the
// targets must have, and impt's messages when they do not.
import type { Linkage } from '../../api/wire.js';
import { DG_TYPES, type DgTypeName } from '../../api/wire.js';
import { CliError } from '../../errors.js';
import { AmbiguousError } from '../../identify/index.js';
import { entity } from '../../output/messages/common.js';
import { dgMessages } from '../../output/messages/dg.js';
import { DEVICE_GROUP, type Resolver } from './resolver.js';
import { dgTypeName, relId } from './views.js';

export type TargetOption = 'target' | 'dut';

interface TargetKind {
  label: string;
  rel: 'production_target' | 'dut_target';
  expected: Partial<Record<DgTypeName, DgTypeName>>;
}

const TARGETS: Record<TargetOption, TargetKind> = {
  target: { label: 'Production Target', rel: 'production_target', expected: { 'pre-factory': 'pre-production', factory: 'production' } },
  dut: { label: 'DUT Target', rel: 'dut_target', expected: { 'pre-factory': 'pre-dut', factory: 'dut' } },
};

export const FACTORY_TYPES: readonly string[] = ['pre-factory', 'factory'];
export const PRODUCTION_TYPES: readonly string[] = ['pre-production', 'production'];

/** `Invalid option "--x" for Device Group of the type "t". It may be specified for "a" or "b" Device Groups only.` */
export function checkOptionForType(option: string, type: string, allowed: readonly string[]): void {
  if (!allowed.includes(type)) throw new CliError(dgMessages.invalidOptionForType(option, type, allowed[0]!, allowed[1]!));
}

/**
 * Resolves `--target`/`--dut` for a group of impt type `type` in product
 * `productId`; returns the relationship to send.
 */
export async function resolveTarget(
  res: Resolver,
  option: TargetOption,
  ident: string,
  type: string,
  productId: string | undefined,
): Promise<{ rel: TargetKind['rel']; link: Linkage }> {
  checkOptionForType(option, type, FACTORY_TYPES);
  const kind = TARGETS[option];
  const e = entity('Device Group', ident);
  const found = await res.all(DEVICE_GROUP, ident);
  if (found.length === 0) throw new CliError(dgMessages.targetNotFound(kind.label, e));
  if (found.length > 1) throw await res.translate(new AmbiguousError(DEVICE_GROUP, ident, found));
  const target = found[0]!;
  const expected = kind.expected[type as DgTypeName]!;
  if (target.type !== DG_TYPES[expected]) {
    throw new CliError(dgMessages.targetWrongType(kind.label, e, dgTypeName(target.type), expected));
  }
  if (relId(target, 'product') !== productId) throw new CliError(dgMessages.targetOtherProduct(kind.label));
  // 2.6.1 sends the target linkage id first (the product linkage is type first)
  return { rel: kind.rel, link: { id: target.id, type: target.type } };
}
