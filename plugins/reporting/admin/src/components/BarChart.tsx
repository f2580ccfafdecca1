import { Typography } from '@strapi/design-system';

export interface Bar {
  label: string;
  value: number;
  /** Draws the bar in the warning colour, for a unit below its quota for example. */
  highlight?: boolean;
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 120;
const CHART_WIDTH = 520;

/**
 * Draws horizontal bars as plain SVG, with an optional vertical reference line (a quota). The
 * values are written beside the bars, so the chart reads without colour.
 */
export const BarChart = ({ bars, reference, title, testId }: { bars: Bar[]; reference?: number; title: string; testId: string }) => {
  const max = Math.max(1, reference ?? 0, ...bars.map((bar) => bar.value));
  const scale = (value: number) => (value / max) * (CHART_WIDTH - LABEL_WIDTH - 50);
  const height = bars.length * ROW_HEIGHT + 10;
  if (bars.length === 0) return <Typography textColor="neutral600">—</Typography>;
  return (
    <svg role="img" aria-label={title} data-testid={testId} width="100%" viewBox={`0 0 ${CHART_WIDTH} ${height}`} style={{ maxWidth: CHART_WIDTH }}>
      <title>{title}</title>
      {bars.map((bar, index) => (
        <g key={`${bar.label}-${index}`} transform={`translate(0, ${index * ROW_HEIGHT + 5})`}>
          <text x={LABEL_WIDTH - 6} y={14} textAnchor="end" fontSize={11} fill="#32324d">
            {bar.label}
          </text>
          <rect x={LABEL_WIDTH} y={3} height={14} width={Math.max(1, scale(bar.value))} fill={bar.highlight ? '#d9822f' : '#4945ff'} />
          <text x={LABEL_WIDTH + scale(bar.value) + 4} y={14} fontSize={11} fill="#32324d">
            {bar.value}
          </text>
        </g>
      ))}
      {reference !== undefined && (
        <line x1={LABEL_WIDTH + scale(reference)} x2={LABEL_WIDTH + scale(reference)} y1={0} y2={height} stroke="#d02b20" strokeDasharray="4 3" />
      )}
    </svg>
  );
};
