// What the standard library needs from the VM. The core's VM class implements
// this; natives receive it as their `vm` argument (NativeImpl's `unknown`), and
// the library's unit tests pass a small fake instead.

import type { SqValue } from '../value.js';

export interface LibHost {
  /** Float width of this VM: 32 on the device, 64 on agents. */
  readonly floatBits: 32 | 64;
  /** Milliseconds since the Unix epoch (time(), date()). */
  now(): number;
  /** Seconds of CPU time (clock()). */
  cpuClock(): number;
  /** A number in [0, 1) (math.rand()). */
  random(): number;
  /** Squirrel's tostring() of any value, honouring _tostring; a byte string. */
  tostring(v: SqValue): string;
  /** Calls a Squirrel closure or native function with `self` as `this`. */
  call(fn: SqValue, self: SqValue, args: SqValue[]): SqValue;
  /** The type name as type() gives it ('integer', 'float', 'instance', ...; ignores _typeof). */
  typeName(v: SqValue): string;
  /**
   * Optional memory accounting: called with the change in bytes held by a
   * library object (a blob growing by n calls allocate(n), shrinking calls it
   * with a negative n). May throw rtError('out of memory').
   */
  allocate?(bytes: number): void;
}

/** The `vm` argument of a NativeImpl, as the library sees it. */
export function host(vm: unknown): LibHost {
  return vm as LibHost;
}
