// The math library (sqstdmath). Electric Imp code calls it as `math.sin(x)`;
// stock Squirrel registers the same functions in the root table (`sin(x)`),
// so both names lead to the same natives. Results are floats of the VM's width
// (computed in double, then stored as the VM's float, like C's `(float)sin(f)`).

import { SqFloat, SqNativeFunction, SqTable, rtError } from '../value.js';
import type { SqValue } from '../value.js';
import { argFloat, argInt } from './args.js';
import type { LibHost } from './host.js';
import { sqFloat } from './number-format.js';

/** INFERENCE: the imp's RAND_MAX is 2^31-1 (newlib's value; the spec leaves it open). */
export const RAND_MAX = 2147483647;

const UNARY: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  asin: Math.asin,
  acos: Math.acos,
  log: Math.log,
  log10: Math.log10,
  tan: Math.tan,
  atan: Math.atan,
  floor: Math.floor,
  ceil: Math.ceil,
  exp: Math.exp,
  fabs: Math.abs,
};

/**
 * rand()/srand(): before any srand() the numbers come from the host (so an
 * emulator can make them reproducible); srand(seed) switches to a seeded
 * generator so a program that seeds gets the same sequence on every run.
 */
class RandomSource {
  private state: number | null = null;

  constructor(private readonly host: LibHost) {}

  seed(seed: number): void {
    this.state = seed >>> 0;
  }

  next(): number {
    if (this.state === null) return Math.floor(this.host.random() * (RAND_MAX + 1));
    // mulberry32, reduced to 0..RAND_MAX
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & RAND_MAX;
  }
}

/** Registers the `math` table and the same functions as root functions; returns the table. */
export function installMath(vm: LibHost, root: SqTable): SqTable {
  const math = new SqTable();
  const random = new RandomSource(vm);
  const fn = (name: string, nparams: number, impl: (args: SqValue[]) => SqValue) => {
    const f = new SqNativeFunction(name, (_vm, _self, args) => impl(args), nparams);
    math.map.set(name, f);
    root.map.set(name, f);
  };

  for (const [name, op] of Object.entries(UNARY)) fn(name, 1, (args) => sqFloat(op(argFloat(args, 0)), vm.floatBits));
  fn('atan2', 2, (args) => sqFloat(Math.atan2(argFloat(args, 0), argFloat(args, 1)), vm.floatBits));
  fn('pow', 2, (args) => sqFloat(Math.pow(argFloat(args, 0), argFloat(args, 1)), vm.floatBits));
  // abs is C's abs on an int: a float argument is truncated first, abs(-2^31) stays -2^31.
  fn('abs', 1, (args) => Math.abs(argInt(args, 0)) | 0);
  fn('rand', 0, () => random.next());
  fn('srand', 1, (args) => {
    const v = args[0] ?? null;
    if (typeof v !== 'number' && !(v instanceof SqFloat)) throw rtError('invalid param');
    random.seed(argInt(args, 0));
    return null;
  });

  for (const t of [math, root]) {
    t.map.set('PI', sqFloat(Math.PI, vm.floatBits));
    t.map.set('RAND_MAX', RAND_MAX);
  }
  root.map.set('math', math);
  return math;
}
