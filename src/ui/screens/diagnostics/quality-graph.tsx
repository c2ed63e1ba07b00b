import { selectCurrentLine, lineTitle } from '../../../stores/calls';
import { SAMPLE_LIMIT, selectSamples, type QualitySample } from '../../../stores/diagnostics';
import { useCalls } from '../../hooks/use-calls';
import { useDiagnostics } from './diagnostics-context';
import { niceMax, sparklineRuns } from './sparkline';

const WIDTH = 240;
const HEIGHT = 48;

interface Series {
  name: string;
  unit: string;
  digits: number;
  /** The chart's top when the values stay below it. */
  floor: number;
  /** Fixed scale (MOS), else 0 to niceMax. */
  range?: [number, number];
  stroke: string;
  value(sample: QualitySample): number | undefined;
}

const SERIES: Series[] = [
  { name: 'Packet loss', unit: '%', digits: 1, floor: 5, stroke: 'stroke-red-600 dark:stroke-red-400', value: (s) => s.lossPercent },
  { name: 'Jitter', unit: 'ms', digits: 0, floor: 30, stroke: 'stroke-amber-600 dark:stroke-amber-300', value: (s) => s.jitterMs },
  { name: 'Round-trip time', unit: 'ms', digits: 0, floor: 100, stroke: 'stroke-sky-700 dark:stroke-sky-300', value: (s) => s.rttMs },
  { name: 'Estimated MOS', unit: '', digits: 2, floor: 4.5, range: [1, 4.5], stroke: 'stroke-emerald-700 dark:stroke-emerald-400', value: (s) => s.mos },
];

function format(value: number | undefined, series: Series): string {
  if (value === undefined) return 'not measured yet';
  return `${value.toFixed(series.digits)}${series.unit ? ` ${series.unit}` : ''}`;
}

function Chart({ series, samples }: { series: Series; samples: QualitySample[] }) {
  const values = samples.map(series.value);
  const [min, max] = series.range ?? [0, niceMax(values, series.floor)];
  const runs = sparklineRuns(values, { width: WIDTH, height: HEIGHT, min, max, capacity: SAMPLE_LIMIT });
  const latest = format(values.at(-1), series);
  return (
    <figure className="min-w-0">
      <figcaption className="flex justify-between gap-2 text-xs">
        <span className="font-medium">{series.name}</span>
        <span className="font-mono tabular-nums text-slate-600 dark:text-slate-300">{latest}</span>
      </figcaption>
      <svg
        role="img"
        aria-label={`${series.name}, last minute: now ${latest}`}
        // A margin around the plot, so a line on the bottom (no loss) or top is not cut in half.
        viewBox={`-2 -2 ${WIDTH + 4} ${HEIGHT + 4}`}
        preserveAspectRatio="none"
        className="mt-0.5 h-12 w-full rounded bg-slate-50 ring-1 ring-slate-200 dark:bg-slate-950 dark:ring-slate-800"
      >
        {runs.map((points) => (
          <polyline key={points} points={points} fill="none" strokeWidth={1.5} vectorEffect="non-scaling-stroke" className={series.stroke} />
        ))}
      </svg>
      <p aria-hidden="true" className="flex justify-between font-mono text-[0.6rem] text-slate-500 dark:text-slate-400">
        <span>{min}</span>
        <span>max {max}</span>
      </p>
    </figure>
  );
}

/** For the current call: loss, jitter, round trip and estimated MOS over the last minute, one point a second. */
export function QualityGraph() {
  const line = useCalls(selectCurrentLine);
  const answered = line?.state === 'established' ? line : undefined;
  const samples = useDiagnostics(selectSamples(answered?.id));

  return (
    <section aria-label="Call quality graph" className="rounded-2xl bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h3 className="text-sm font-semibold">Call quality{answered ? ` — ${lineTitle(answered)}` : ''}</h3>
      {!answered ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No call in progress.</p>
      ) : (
        <div className="mt-2 grid grid-cols-1 gap-3 min-[420px]:grid-cols-2">
          {SERIES.map((series) => (
            <Chart key={series.name} series={series} samples={samples} />
          ))}
        </div>
      )}
    </section>
  );
}
