// The standard library of the imp's Squirrel: one call installs it into a VM's root table.

import type { SqTable } from '../value.js';
import { installBlob } from './blob.js';
import type { LibHost } from './host.js';
import { installMath } from './math.js';
import { installString } from './strings.js';
import type { StringLibOptions } from './strings.js';
import { installTime } from './time.js';

export type StdlibOptions = StringLibOptions;

export function installStdlib(vm: LibHost, root: SqTable, options: StdlibOptions = {}): void {
  installMath(vm, root);
  installString(vm, root, options);
  installBlob(vm, root);
  installTime(vm, root);
}

export type { LibHost } from './host.js';
export { floatToString, stringToFloat, stringToInteger, floatToInt, roundFloat } from './number-format.js';
export { isBlob, blobBytes, newBlob } from './blob.js';
