// time(), date() and clock() (the sqstdsystem subset the imp keeps). The imp's
// clock is UTC, so date()'s 'l' (local, the default) and 'u' give the same
// fields; the imp adds `usec` and `time` to date()'s table.

import { SqNativeFunction, SqTable } from '../value.js';
import type { SqValue } from '../value.js';
import { argInt } from './args.js';
import type { LibHost } from './host.js';
import { sqFloat } from './number-format.js';

/** date()'s table for Unix time `t` (seconds) and `usec` microseconds, in C's struct tm terms. */
export function dateTable(t: number, usec: number): SqTable {
  const d = new Date(t * 1000);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const fields: [string, number][] = [
    ['sec', d.getUTCSeconds()],
    ['min', d.getUTCMinutes()],
    ['hour', d.getUTCHours()],
    ['day', d.getUTCDate()],
    ['month', d.getUTCMonth()],
    ['year', d.getUTCFullYear()],
    ['wday', d.getUTCDay()],
    ['yday', Math.floor((d.getTime() - yearStart) / 86400000)],
    ['usec', usec],
    ['time', t],
  ];
  const table = new SqTable();
  for (const [k, v] of fields) table.map.set(k, v);
  return table;
}

export function installTime(vm: LibHost, root: SqTable): void {
  const fn = (name: string, nparams: number, impl: (args: SqValue[]) => SqValue) =>
    root.map.set(name, new SqNativeFunction(name, (_vm, _self, args) => impl(args), nparams));

  fn('time', 0, () => Math.floor(vm.now() / 1000) | 0);
  fn('clock', 0, () => sqFloat(vm.cpuClock(), vm.floatBits));
  fn('date', -1, (args) => {
    if (args.length === 0) {
      const ms = vm.now();
      const t = Math.floor(ms / 1000);
      return dateTable(t, Math.floor((ms - t * 1000) * 1000));
    }
    const t = argInt(args, 0);
    // 'u' (UTC) or 'l' (local, the default): the same on the imp, whose clock is UTC.
    if (args.length > 1) argInt(args, 1);
    // INFERENCE: an explicit time has no sub-second part, so usec is 0.
    return dateTable(t, 0);
  });
}
