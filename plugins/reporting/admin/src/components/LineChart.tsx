import { Typography } from '@strapi/design-system';

export interface Point {
  label: string;
  /** Percentage from 0 to 100, or null where there is nothing to measure. */
  value: number | null;
}

const WIDTH = 520;
const HEIGHT = 160;
const PADDING = 30;

/** Draws a percentage per period as a plain SVG line with labelled points; gaps stay empty. */
export const LineChart = ({ points, title, testId }: { points: Point[]; title: string; testId: string }) => {
  if (points.length === 0) return <Typography textColor="neutral600">—</Typography>;
  const step = points.length > 1 ? (WIDTH - 2 * PADDING) / (points.length - 1) : 0;
  const x = (index: number) => PADDING + index * step;
  const y = (value: number) => HEIGHT - PADDING - (value / 100) * (HEIGHT - 2 * PADDING);
  const segments = points
    .map((point, index) => (point.value === null ? null : `${x(index)},${y(point.value)}`))
    .filter((coordinate): coordinate is string => coordinate !== null)
    .join(' ');
  return (
    <svg role="img" aria-label={title} data-testid={testId} width="100%" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ maxWidth: WIDTH }}>
      <title>{title}</title>
      <line x1={PADDING} x2={WIDTH - PADDING} y1={y(100)} y2={y(100)} stroke="#dcdce4" />
      <line x1={PADDING} x2={WIDTH - PADDING} y1={y(0)} y2={y(0)} stroke="#dcdce4" />
      <polyline points={segments} fill="none" stroke="#4945ff" strokeWidth={2} />
      {points.map((point, index) => (
        <g key={point.label}>
          <text x={x(index)} y={HEIGHT - 8} textAnchor="middle" fontSize={10} fill="#666687">
            {point.label}
          </text>
          {point.value !== null && (
            <>
              <circle cx={x(index)} cy={y(point.value)} r={3} fill="#4945ff" />
              <text x={x(index)} y={y(point.value) - 6} textAnchor="middle" fontSize={10} fill="#32324d">
                {point.value}%
              </text>
            </>
          )}
        </g>
      ))}
    </svg>
  );
};
