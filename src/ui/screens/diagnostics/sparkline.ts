/**
 * The polyline of a small time-series chart: one point per sample, oldest on the left, scaled
 * into `width` × `height` with `min` at the bottom and `max` at the top. Gaps (undefined) break
 * the line into separate runs, so a missing figure is not drawn as a fake value.
 */
export interface SparklineScale {
  width: number;
  height: number;
  min: number;
  max: number;
  /** How many samples the chart's width holds; newer samples push older ones off to the left. */
  capacity: number;
}

export function sparklineRuns(values: readonly (number | undefined)[], scale: SparklineScale): string[] {
  const { width, height, min, max, capacity } = scale;
  const step = capacity > 1 ? width / (capacity - 1) : 0;
  const offset = capacity - values.length;
  const span = max - min || 1;
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((value, i) => {
    if (value === undefined || !Number.isFinite(value)) {
      if (run.length > 0) runs.push(run.join(' '));
      run = [];
      return;
    }
    const clamped = Math.min(max, Math.max(min, value));
    const x = (offset + i) * step;
    const y = height - ((clamped - min) / span) * height;
    run.push(`${round(x)},${round(y)}`);
  });
  if (run.length > 0) runs.push(run.join(' '));
  return runs;
}

/** A top for the chart that fits the data: at least `floor`, else the largest value rounded up to a nice step. */
export function niceMax(values: readonly (number | undefined)[], floor: number): number {
  const largest = Math.max(floor, ...values.filter((v): v is number => v !== undefined && Number.isFinite(v)));
  if (largest <= floor) return floor;
  const magnitude = 10 ** Math.floor(Math.log10(largest));
  const steps = [1, 2, 5, 10];
  return steps.map((s) => s * magnitude).find((candidate) => candidate >= largest) ?? 10 * magnitude;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
