import * as hdr from 'hdr-histogram-js';

export interface Percentiles {
  count: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

/** Latencies recorded in microseconds, reported in milliseconds. */
export class Latency {
  private readonly h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 120_000_000, numberOfSignificantValueDigits: 3 });

  record(ms: number): void {
    this.h.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  get count(): number {
    return this.h.totalCount;
  }

  summary(): Percentiles {
    const at = (p: number) => (this.h.totalCount ? Math.round(this.h.getValueAtPercentile(p) / 10) / 100 : 0);
    return { count: this.h.totalCount, p50: at(50), p99: at(99), p999: at(99.9), max: Math.round(this.h.maxValue / 10) / 100 };
  }
}
