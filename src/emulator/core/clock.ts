// The emulator's single source of time. Every timestamp (tokens, created_at,
// rate-limit windows, logs) goes through a Clock so that simulation code can
// shift or freeze time without touching the routes.
export class Clock {
  private offset = 0;
  private frozenAt: number | null = null;

  /** Current emulated time in milliseconds since the epoch. */
  nowMs(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** ISO-8601 UTC with milliseconds, the impCentral timestamp format. */
  iso(): string {
    return this.now().toISOString();
  }

  /** Emulated time minus real time, in milliseconds. */
  offsetMs(): number {
    return this.frozenAt === null ? this.offset : this.frozenAt - Date.now();
  }

  /** Move emulated time forward (or backward with a negative value). */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offset += ms;
  }

  /** Stop time at the current instant (or at `atMs`). */
  freeze(atMs?: number): void {
    this.frozenAt = atMs ?? this.nowMs();
  }

  /** Resume real-time flow from the current emulated instant. */
  unfreeze(): void {
    if (this.frozenAt !== null) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = null;
    }
  }

  reset(): void {
    this.offset = 0;
    this.frozenAt = null;
  }
}
