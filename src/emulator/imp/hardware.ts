// Simulated hardware of a device: pins, I2C, SPI and UART objects whose reads
// return values injected through the admin API and whose writes are recorded.
import { bytesToUtf8, type SqValue } from '../../squirrel/value.js';
import type { HostVM } from './engine.js';
import { argNumber, bytesOf, float, isFunction, makeBlob, nat, type Native, tbl, toNumber } from './values.js';

export const PINS = [...'123456789', ...'ABCDEFGHIJKLMNPQRSTUVWXYZ'].map((c) => `pin${c}`);
export const I2C = ['i2c12', 'i2c89', 'i2cAB', 'i2cFG', 'i2cJK', 'i2cKL', 'i2cNM', 'i2cPQ', 'i2cXDC'];
export const SPI = ['spi189', 'spi257', 'spiEBCA', 'spiPQRS', 'spiBCAD', 'spiFLASH', 'spi0', 'spiMNPQ'];
export const UART = ['uart12', 'uart57', 'uart1289', 'uartFG', 'uartFGJH', 'uartQRPW', 'uartDCAB', 'uartUVGD', 'uartABCD', 'uartXEFGH', 'uartHJKL', 'uartPQRS', 'uartYJKE', 'uartNU', 'uartBCAW'];
export const HARDWARE_OBJECTS = new Set([...PINS, ...I2C, ...SPI, ...UART]);

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
      if (UART.includes(k)) this.rx.set(k, (this.rx.get(k) ?? '') + Buffer.from(String(v), 'utf8').toString('latin1'));
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

function pin(ctx: HwContext, name: string) {
  const { state } = ctx;
  const read = (): SqValue => {
    const v = state.inputs.get(name);
    const mode = state.config.get(name)?.[0];
    if (typeof v === 'number') return mode === HW_CONSTANTS.ANALOG_IN || Number.isInteger(v) ? Math.trunc(v) : float(v, 32);
    if (typeof v === 'boolean') return v ? 1 : 0;
    return 0;
  };
  const entries: Record<string, Native> = {
    configure: (args) => {
      state.config.set(name, args.map((a) => (isFunction(a) ? '(callback)' : plain(a, ctx.vm))));
      const cb = args.find(isFunction);
      if (cb) state.watchers.set(name, () => ctx.later(cb, []));
      else state.watchers.delete(name);
      state.record(ctx.iso(), name, 'configure', state.config.get(name));
      return null;
    },
    read,
    write: (args) => {
      state.record(ctx.iso(), name, 'write', plain(args[0] ?? null, ctx.vm));
      state.inputs.set(`${name}.out`, plain(args[0] ?? null, ctx.vm));
      return null;
    },
    getdrivestrength: () => 0,
    setdrivestrength: () => null,
    disable: () => {
      state.config.delete(name);
      state.watchers.delete(name);
      return null;
    },
  };
  return tbl(entries);
}

function bus(ctx: HwContext, name: string, kind: 'i2c' | 'spi' | 'uart') {
  const { state, vm } = ctx;
  const rec = (op: string, v: SqValue) => state.record(ctx.iso(), name, op, plain(v, vm));
  const take = (n: number): string => {
    const buf = state.rx.get(name) ?? '';
    state.rx.set(name, buf.slice(n));
    return buf.slice(0, n);
  };
  const fixed = (n: number): string => (inputBytes(state, name) ?? '').padEnd(n, '\0').slice(0, n);
  const common: Record<string, Native> = {
    configure: (args) => {
      state.config.set(name, args.map((a) => (isFunction(a) ? '(callback)' : plain(a, vm))));
      const cb = args.find(isFunction);
      if (cb && kind === 'uart') state.watchers.set(name, () => ctx.later(cb, []));
      state.record(ctx.iso(), name, 'configure', state.config.get(name));
      return kind === 'spi' ? (toNumber(args[1] ?? null) ?? 0) : null;
    },
    disable: () => {
      state.config.delete(name);
      state.watchers.delete(name);
      return null;
    },
  };
  if (kind === 'i2c') {
    return tbl({
      ...common,
      read: (args) => {
        const n = argNumber(args, 2);
        const b = inputBytes(state, name);
        return b === null ? null : b.padEnd(n, '\0').slice(0, n);
      },
      write: (args) => {
        rec('write', args[1] ?? null);
        return 0;
      },
      readerror: () => (inputBytes(state, name) === null ? -1 : 0),
    });
  }
  if (kind === 'spi') {
    return tbl({
      ...common,
      write: (args) => {
        rec('write', args[0] ?? null);
        return 0;
      },
      writeread: (args) => {
        const data = args[0] ?? null;
        rec('writeread', data);
        const out = fixed(bytesOf(vm, data, 0).length);
        return typeof data === 'string' ? out : makeBlob(vm, out);
      },
      readblob: (args) => makeBlob(vm, fixed(argNumber(args, 0))),
      readstring: (args) => fixed(argNumber(args, 0)),
      chipselect: () => null,
    });
  }
  return tbl({
    ...common,
    write: (args) => {
      rec('write', args[0] ?? null);
      return 0;
    },
    read: () => {
      const c = take(1);
      return c === '' ? -1 : c.charCodeAt(0);
    },
    readstring: (args) => take(args.length ? argNumber(args, 0) : Infinity),
    readblob: (args) => makeBlob(vm, take(args.length ? argNumber(args, 0) : Infinity)),
    flush: () => null,
    setrxfifosize: () => null,
    settxfifosize: () => null,
    hasdata: () => (state.rx.get(name) ?? '') !== '',
  });
}

/** The hardware objects of the `hardware` table. */
export function hardwareObjects(ctx: HwContext): Record<string, SqValue> {
  const out: Record<string, SqValue> = {};
  for (const p of PINS) out[p] = pin(ctx, p);
  for (const b of I2C) out[b] = bus(ctx, b, 'i2c');
  for (const b of SPI) out[b] = bus(ctx, b, 'spi');
  for (const b of UART) out[b] = bus(ctx, b, 'uart');
  out.voltage = nat('voltage', () => float(3.3, 32));
  return out;
}
