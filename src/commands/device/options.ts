// Options and lookups shared by the device commands.
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import type { Resource } from '../../api/impcentral.js';
import { entity } from '../../output/messages/common.js';
import { DEVICE, type Resolver } from '../shared/resolver.js';

export const DEVICE_OPTION = defineOption({
  name: 'device',
  alias: 'd',
  kind: 'string',
  required: true,
  usage: '<DEVICE_IDENTIFIER>',
  describe: 'A Device identifier: Device ID, MAC address, Agent ID or Device name.',
});

/** The device named by `--device`, with impt's not found / multiple errors. */
export function findDevice(res: Resolver, ident: string): Promise<Resource> {
  return res.one(DEVICE, ident);
}

/** `Device "«identifier as typed»"` — how device messages name it. */
export const deviceEntity = (ident: string) => entity('Device', ident);
