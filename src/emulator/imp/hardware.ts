// Simulated hardware of a device: pins, I2C, SPI and UART objects whose reads
// return values injected through the admin API and whose writes are recorded.
import { bytesToUtf8, rtError, SqClass, SqInstance, type SqValue } from '../../squirrel/value.js';
import type { HostVM } from './engine.js';
import { argNumber, bytesOf, float, isFunction, makeBlob, nat, toNumber } from './values.js';

export const PINS = [...'123456789', ...'ABCDEFGHIJKLMNPQRSTUVWXYZ'].map((c) => `pin${c}`);
export const I2C = ['i2c12', 'i2c89', 'i2cAB', 'i2cFG', 'i2cJK', 'i2cKL', 'i2cLM', 'i2cNM', 'i2cPQ', 'i2cQP', 'i2cTU', 'i2cXDC'];
export const SPI = ['spi189', 'spi257', 'spiEBCA', 'spiEFGH', 'spiPQRS', 'spiBCAD', 'spiAHSR', 'spiGJKL', 'spiFLASH', 'spi0', 'spiMNPQ', 'spiXABCD', 'spiXPQRS', 'spiXTUVW'];
export const UART = ['uart12', 'uart57', 'uart1289', 'uart6E', 'uartFG', 'uartFGJH', 'uartHJ', 'uartQ', 'uartQRPW', 'uartDCAB', 'uartUVGD', 'uartABCD', 'uartXEFGH', 'uartXJKLM', 'uartHJKL', 'uartPQRS', 'uartYJKE', 'uartNU', 'uartBCAW'];

const pins = (chars: string) => [...chars].map((c) => `pin${c}`);
/**
 * Pins and buses per imp type (the imp's pin-mux tables); a type not listed
 * here gets every name above.
 */
const BY_TYPE: Record<string, { pins: string[]; buses: string[] }> = {
  imp001: { pins: pins('125789'), buses: ['i2c12', 'i2c89', 'spi189', 'spi257', 'uart12', 'uart57', 'uart1289'] },
  imp004m: { pins: pins('ABCDEFGHJKLMNPQRSW'), buses: ['i2cNM', 'i2cQP', 'spiAHSR', 'spiGJKL', 'uartBCAW', 'uartFGJH', 'uartHJ', 'uartQ'] },
};

export function hardwareOf(impType: string): { pins: string[]; buses: string[] } {
  return BY_TYPE[impType] ?? { pins: PINS, buses: [...I2C, ...SPI, ...UART] };
}

/** Whether a device of this imp type has the pin or bus. */
export function hasHardware(impType: string, name: string): boolean {
  const hw = hardwareOf(impType);
  return hw.pins.includes(name) || hw.buses.includes(name);
}

const busKind = (name: string): 'i2c' | 'spi' | 'uart' => (name.startsWith('i2c') ? 'i2c' : name.startsWith('spi') ? 'spi' : 'uart');

export const HW_CONSTANTS: Record<string, number> = {
  DIGITAL_IN: 0,
  DIGITAL_IN_PULLUP: 1,
  DIGITAL_IN_PULLDOWN: 2,
  DIGITAL_IN_WAKEUP: 3,
  DIGITAL_OUT: 4,
  DIGITAL_OUT_OD: 5,
  DIGITAL_OUT_OD_PULLUP: 6,
  ANALOG_IN: 7,
  ANALOG_OUT: 8,
  PWM_OUT: 9,
  PWM_OUT_STEPS: 10,
  PULSE_COUNTER: 11,
  DIGITAL_IN_WAKEUP_PULLDOWN: 12,
  CLOCK_SPEED_10_KHZ: 10000,
  CLOCK_SPEED_50_KHZ: 50000,
  CLOCK_SPEED_100_KHZ: 100000,
  CLOCK_SPEED_400_KHZ: 400000,
  MSB_FIRST: 0,
  LSB_FIRST: 4,
  CLOCK_IDLE_HIGH: 1,
  CLOCK_IDLE_LOW: 0,
  CLOCK_2ND_EDGE: 2,
  SIMPLEX_RX: 8,
  SIMPLEX_TX: 16,
  NO_SCLK: 32,
  USE_CS_L: 64,
  PARITY_NONE: 0,
  PARITY_EVEN: 1,
  PARITY_ODD: 2,
  NO_CTSRTS: 0,
  NO_RX: 1,
  NO_TX: 2,
  CALLBACK_WITH_FLAGS: 4,
  TIMING_ENABLED: 8,
  READ_READY: 1,
  WRITE_DONE: 2,
  NOISE_ERROR: 4,
  FRAME_ERROR: 8,
  PARITY_ERROR: 16,
  OVERRUN_ERROR: 32,
  LINE_IDLE: 64,
};

export interface HardwareWrite {
  ts: string;
  target: string;
  op: string;
  value: unknown;
}

/** Per device: injected input values, recorded writes, pin configuration. Survives VM restarts. */
export class HardwareState {
  readonly inputs = new Map<string, unknown>();
  readonly writes: HardwareWrite[] = [];
  readonly config = new Map<string, unknown[]>();
  /** UART receive buffers (bytes), filled by injected values. */
  readonly rx = new Map<string, string>();
  /** state-change / receive callbacks of the running VM, by object */
  readonly watchers = new Map<string, () => void>();

  record(ts: string, target: string, op: string, value: unknown): void {
    this.writes.push({ ts, target, op, value });
    if (this.writes.length > 1000) this.writes.splice(0, this.writes.length - 1000);
  }

  /** Injects values: { pin1: 1, i2c89: "bytes", uart57: "received text" }. */
  inject(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      if (k.startsWith('uart')) this.rx.set(k, (this.rx.get(k) ?? '') + Buffer.from(String(v), 'utf8').toString('latin1'));
      else this.inputs.set(k, v);
      this.watchers.get(k)?.();
    }
  }

  toJSON(): unknown {
    return {
      inputs: Object.fromEntries(this.inputs),
      uart_rx: Object.fromEntries([...this.rx].map(([k, v]) => [k, bytesToUtf8(v)])),
      config: Object.fromEntries(this.config),
      writes: this.writes,
    };
  }
}

interface HwContext {
  vm: HostVM;
  state: HardwareState;
  iso(): string;
  /** Calls a Squirrel callback in a later turn of the VM. */
  later(fn: SqValue, args: SqValue[]): void;
}

const plain = (v: SqValue, vm: HostVM): unknown => {
  if (typeof v === 'string') return bytesToUtf8(v);
  const n = toNumber(v);
  if (n !== undefined) return n;
  try {
    return bytesToUtf8(bytesOf(vm, v, 0));
  } catch {
    return bytesToUtf8(vm.tostring(v));
  }
};

function inputBytes(state: HardwareState, name: string): string | null {
  const v = state.inputs.get(name);
  if (v === undefined || v === null) return null;
  return Buffer.from(String(v), 'utf8').toString('latin1');
}

type Method = (name: string, args: SqValue[]) => SqValue | void;

/** A native class of this VM whose instances are named hardware objects (`inst.native` = the name). */
function hwClass(className: string, methods: Record<string, Method>): (name: string) => SqInstance {
  const cls = new SqClass(null, className);
  for (const [k, m] of Object.entries(methods)) {
    cls.members.set(
      k,
      nat(k, (args, self) => {
        if (!(self instanceof SqInstance) || self.cls !== cls) throw rtError('invalid type tag');
        return m(self.native as string, args);
      }),
    );
  }
  cls.locked = true;
  return (name) => {
    const inst = new SqInstance(cls).initFields();
    inst.native = name;
    return inst;
  };
}

function pinClass(ctx: HwContext) {
  const { state } = ctx;
  return hwClass('pin', {
    configure: (name, args) => {
      state.config.set(name, args.map((a) => (isFunction(a) ? '(callback)' : plain(a, ctx.vm))));
      const cb = args.find(isFunction);
      if (cb) state.watchers.set(name, () => ctx.later(cb, []));
      else state.watchers.delete(name);
      state.record(ctx.iso(), name, 'configure', state.config.get(name));
      return null;
    },
    read: (name) => {
      const v = state.inputs.get(name);
      const mode = state.config.get(name)?.[0];
      if (typeof v === 'number') return mode === HW_CONSTANTS.ANALOG_IN || Number.isInteger(v) ? Math.trunc(v) : float(v, 32);
      if (typeof v === 'boolean') return v ? 1 : 0;
      return 0;
    },
    write: (name, args) => {
      state.record(ctx.iso(), name, 'write', plain(args[0] ?? null, ctx.vm));
      state.inputs.set(`${name}.out`, plain(args[0] ?? null, ctx.vm));
      return null;
    },
    getdrivestrength: () => 0,
    setdrivestrength: () => null,
    disable: (name) => {
      state.config.delete(name);
      state.watchers.delete(name);
      return null;
    },
  });
}

function busClass(ctx: HwContext, kind: 'i2c' | 'spi' | 'uart') {
  const { state, vm } = ctx;
  const rec = (name: string, op: string, v: SqValue) => state.record(ctx.iso(), name, op, plain(v, vm));
  const take = (name: string, n: number): string => {
    const buf = state.rx.get(name) ?? '';
    state.rx.set(name, buf.slice(n));
    return buf.slice(0, n);
  };
  const fixed = (name: string, n: number): string => (inputBytes(state, name) ?? '').padEnd(n, '\0').slice(0, n);
  const common: Record<string, Method> = {
    configure: (name, args) => {
      state.config.set(name, args.map((a) => (isFunction(a) ? '(callback)' : plain(a, vm))));
      const cb = args.find(isFunction);
      if (cb && kind === 'uart') state.watchers.set(name, () => ctx.later(cb, []));
      state.record(ctx.iso(), name, 'configure', state.config.get(name));
      return kind === 'spi' ? (toNumber(args[1] ?? null) ?? 0) : null;
    },
    disable: (name) => {
      state.config.delete(name);
      state.watchers.delete(name);
      return null;
    },
  };
  if (kind === 'i2c') {
    return hwClass('i2c', {
      ...common,
      read: (name, args) => {
        const n = argNumber(args, 2);
        const b = inputBytes(state, name);
        return b === null ? null : b.padEnd(n, '\0').slice(0, n);
      },
      write: (name, args) => {
        rec(name, 'write', args[1] ?? null);
        return 0;
      },
      readerror: (name) => (inputBytes(state, name) === null ? -1 : 0),
    });
  }
  if (kind === 'spi') {
    return hwClass('spi', {
      ...common,
      write: (name, args) => {
        rec(name, 'write', args[0] ?? null);
        return 0;
      },
      writeread: (name, args) => {
        const data = args[0] ?? null;
        rec(name, 'writeread', data);
        const out = fixed(name, bytesOf(vm, data, 0).length);
        return typeof data === 'string' ? out : makeBlob(vm, out);
      },
      readblob: (name, args) => makeBlob(vm, fixed(name, argNumber(args, 0))),
      readstring: (name, args) => fixed(name, argNumber(args, 0)),
      chipselect: () => null,
    });
  }
  return hwClass('uart', {
    ...common,
    write: (name, args) => {
      rec(name, 'write', args[0] ?? null);
      return 0;
    },
    read: (name) => {
      const c = take(name, 1);
      return c === '' ? -1 : c.charCodeAt(0);
    },
    readstring: (name, args) => take(name, args.length ? argNumber(args, 0) : Infinity),
    readblob: (name, args) => makeBlob(vm, take(name, args.length ? argNumber(args, 0) : Infinity)),
    flush: () => null,
    setrxfifosize: () => null,
    settxfifosize: () => null,
    hasdata: (name) => (state.rx.get(name) ?? '') !== '',
  });
}

/** The hardware objects of the `hardware` table: instances of the native classes pin, i2c, spi and uart, those of the imp type. */
export function hardwareObjects(ctx: HwContext, impType: string): Record<string, SqValue> {
  const out: Record<string, SqValue> = {};
  const hw = hardwareOf(impType);
  const pin = pinClass(ctx);
  for (const p of hw.pins) out[p] = pin(p);
  const classes = { i2c: busClass(ctx, 'i2c'), spi: busClass(ctx, 'spi'), uart: busClass(ctx, 'uart') };
  for (const b of hw.buses) out[b] = classes[busKind(b)](b);
  out.voltage = nat('voltage', () => float(3.3, 32));
  return out;
}
