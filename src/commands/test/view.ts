// The Test Configuration block of `test info` (also printed by create/update)
// and the configuration's Device Group.
import type { Resource } from '../../api/impcentral.js';
import type { TestConfig } from '../../context/test-file.js';
import { CliError } from '../../errors.js';
import type { DisplayObject, Value } from '../../output/format.js';
import { info } from '../../output/messages/common.js';
import { testMessages as msg } from '../../output/messages/test.js';
import { testDgView } from '../project/dg-view.js';
import { DEVICE_GROUP, type Resolver } from '../shared/resolver.js';

// file keys in the order `test info` shows them; each key is also its label's name
const SHOWN = ['testFiles', 'deviceFile', 'agentFile', 'stopOnFail', 'timeout', 'allowDisconnect', 'builderCache', 'githubConfig', 'builderConfig'] as const;

export async function testView(res: Resolver, config: TestConfig, dg: Resource): Promise<DisplayObject> {
  const block: DisplayObject = {};
  for (const key of SHOWN) {
    const v = config[key];
    if (v !== undefined && v !== null && v !== '') block[msg.labels[key]] = v as Value;
  }
  block['Device Group'] = await testDgView(res, dg);
  return { [msg.labels.config]: block };
}

/** The Device Group saved in the configuration; gone → the "outdated Test Configuration" error. */
export async function savedDeviceGroup(res: Resolver, id: string): Promise<Resource> {
  const dg = await res.fetch(DEVICE_GROUP, id);
  if (!dg) throw new CliError(msg.dgGone(id), { infoLines: [info.impossible, msg.deleteOutdated] });
  return dg;
}
