// Tuning knobs read from the emulator's environment (documented in docs/emulator.md).

/** An integer from `min` to `max` in the environment variable `name`; undefined when unset, empty or out of range. */
export function envInt(name: string, min: number, max: number): number | undefined {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;
}
