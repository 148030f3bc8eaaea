/**
 * The one source of "now" for all domain code and jobs. Outside production the dev surface
 * (`PUT /api/dev/clock`) can move it: the clock then runs on from the instant set (an
 * offset from real time), or stands still when frozen. `null` returns to real time.
 */
export interface ClockState {
  /** Added to real time while running. */
  offsetMs: number;
  /** Epoch milliseconds the clock stands at when frozen. */
  frozenAt: number | null;
}

export class Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  get overridden(): boolean {
    return this.offsetMs !== 0 || this.frozenAt !== null;
  }

  /** Set the current instant; `freeze` stops it there until set again. */
  set(instant: Date | null, freeze = false): void {
    if (instant === null) {
      this.offsetMs = 0;
      this.frozenAt = null;
      return;
    }
    if (freeze) {
      this.frozenAt = instant.getTime();
      this.offsetMs = 0;
    } else {
      this.frozenAt = null;
      this.offsetMs = instant.getTime() - Date.now();
    }
  }

  /** The setting, to share it with other processes (`DevClockSync`). */
  snapshot(): ClockState {
    return { offsetMs: this.offsetMs, frozenAt: this.frozenAt };
  }

  /** Take over a setting made elsewhere. */
  restore(state: ClockState): void {
    this.offsetMs = state.offsetMs;
    this.frozenAt = state.frozenAt;
  }

  /** Move by a duration, keeping frozen/running as it is. */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }
}
