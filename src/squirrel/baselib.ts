// The base library (sqbaselib.cpp): root-table functions and constants.

import { argTypeError } from './lib/args.js';
import { floatToInt } from './lib/number-format.js';
import { typeName } from './runtime.js';
import { SqClosure, SqFloat, SqNativeFunction, SqTable, rtError, type SqValue } from './value.js';
import type { VM } from './vm.js';

export function installBaseLib(vm: VM): void {
  const ops = vm.ops;
  const root = vm.root;
  const def = (name: string, nparams: number | undefined, impl: (self: SqValue, args: SqValue[]) => SqValue | void) => {
    root.map.set(
      name,
      new SqNativeFunction(
        name,
        (_vm, self, args) => {
          const r = impl(self, args);
          return r === undefined ? null : r;
        },
        nparams,
      ),
    );
  };

  def('array', -2, (_self, args) => {
    const nv = args[0] ?? null;
    let n: number;
    if (typeof nv === 'number') n = nv;
    else if (nv instanceof SqFloat) n = floatToInt(nv.v);
    else throw argTypeError(args, 0, 'integer|float');
    if (n < 0) throw rtError('negative size');
    ops.allocate(32 + n * 8);
    return new Array<SqValue>(n).fill(args.length > 1 ? args[1]! : null);
  });
  def('assert', -2, (_self, args) => {
    if (!ops.T(args[0]!)) throw rtError('assertion failed');
  });
  def('type', 1, (_self, args) => typeName(args[0]!));
  def('print', 1, (_self, args) => vm.printText(ops.tostring(args[0]!)));
  def('error', 1, (_self, args) => vm.errorText(ops.tostring(args[0]!)));
  def('callee', 0, () => {
    const f = vm.stack[vm.depth];
    return vm.depth > 0 && f ? f.cl : null;
  });
  // setroottable(t) / setconsttable(t) replace the table and return the old one
  const tableSlot = (name: string, slot: 'root' | 'consts') => {
    def(`get${name}table`, 0, () => vm[slot]);
    def(`set${name}table`, 1, (_self, args) => {
      const t = args[0];
      if (!(t instanceof SqTable)) throw argTypeError(args, 0, 'table');
      const old = vm[slot];
      vm[slot] = t;
      return old;
    });
  };
  tableSlot('root', 'root');
  tableSlot('const', 'consts');
  def('getstackinfos', 1, (_self, args) => {
    const level = args[0];
    if (typeof level !== 'number') throw argTypeError(args, 0, 'integer');
    // level 0 is getstackinfos itself (a native), 1 its caller, ...
    if (level === 0) {
      const t = new SqTable();
      t.map.set('func', 'getstackinfos');
      t.map.set('src', 'NATIVE');
      t.map.set('line', -1);
      t.map.set('locals', new SqTable());
      return t;
    }
    const d = vm.depth - (level - 1);
    if (level < 0 || d < 1) return null;
    const f = vm.stack[d]!;
    const t = new SqTable();
    t.map.set('func', f.cl!.info.name ?? 'unknown');
    t.map.set('src', f.cl!.info.src);
    t.map.set('line', f.line);
    const locals = new SqTable();
    if (f.loc && f.locCl === f.cl) for (const [name, value] of f.loc()) locals.map.set(name, value);
    t.map.set('locals', locals);
    return t;
  });
  def('seterrorhandler', 1, (_self, args) => {
    const f = args[0]!;
    if (f !== null && !(f instanceof SqClosure || f instanceof SqNativeFunction)) throw argTypeError(args, 0, 'function|null');
    vm.errorHandler = f;
  });
  def('collectgarbage', 0, () => 0);
  def('resurrectunreachable', 0, () => null);

  root.map.set('_version_', 'Squirrel 3.0.4 stable');
  root.map.set('_versionnumber_', 304);
  root.map.set('_charsize_', 1);
  root.map.set('_intsize_', 4);
  root.map.set('_floatsize_', vm.floatBits === 32 ? 4 : 8);
}
