import { qualityBars, qualityDetail, qualityLabel, type LineQuality, type QualityLevel } from '../../stores/calls';

const LIT: Record<QualityLevel, string> = {
  good: 'fill-emerald-600 dark:fill-emerald-400',
  fair: 'fill-amber-500 dark:fill-amber-300',
  poor: 'fill-red-600 dark:fill-red-400',
};

/** Three signal bars for a call's estimated MOS; the figures are in the tooltip. */
export function CallQualityIndicator({ quality }: { quality: LineQuality }) {
  const lit = qualityBars(quality.level);
  return (
    <svg role="img" aria-label={qualityLabel(quality)} viewBox="0 0 14 12" className="size-4 shrink-0">
      <title>{`${qualityLabel(quality)} (${qualityDetail(quality)})`}</title>
      {[0, 1, 2].map((bar) => (
        <rect
          key={bar}
          x={bar * 5}
          y={8 - bar * 4}
          width={4}
          height={4 + bar * 4}
          rx={1}
          className={bar < lit ? LIT[quality.level] : 'fill-slate-300 dark:fill-slate-600'}
        />
      ))}
    </svg>
  );
}
