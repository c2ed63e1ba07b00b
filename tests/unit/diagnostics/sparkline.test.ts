import { describe, expect, it } from 'vitest';
import { niceMax, sparklineRuns } from '../../../src/ui/screens/diagnostics/sparkline';

const scale = { width: 100, height: 10, min: 0, max: 10, capacity: 5 };

describe('live graph layout', () => {
  it('places the newest sample at the right edge and scales values between bottom and top', () => {
    expect(sparklineRuns([0, 5, 10], scale)).toEqual(['50,10 75,5 100,0']);
  });

  it('breaks the line where a figure is missing, and clamps values outside the scale', () => {
    expect(sparklineRuns([2, undefined, 20, -1, 5], scale)).toEqual(['0,8', '50,0 75,10 100,5']);
  });

  it('draws nothing for no samples', () => {
    expect(sparklineRuns([], scale)).toEqual([]);
    expect(sparklineRuns([undefined], scale)).toEqual([]);
  });

  it('picks a top that fits the data on a 1-2-5 step, never below the floor', () => {
    expect(niceMax([1, 2], 5)).toBe(5);
    expect(niceMax([7.5], 5)).toBe(10);
    expect(niceMax([130, undefined], 100)).toBe(200);
    expect(niceMax([], 30)).toBe(30);
  });
});
