import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../pluginId';
import { CorrectStartDialog } from './CorrectStartDialog';

/** A statutory clock of the case, as the publication-deadlines plugin describes it. */
export interface DeadlineTimer {
  id: number;
  ruleCode: string;
  duty: 'unit_sends' | 'board_publishes';
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  startAt: string;
  dueAt: string;
  metAt: string | null;
  onTime: boolean | null;
  overdueMs: number;
  remainingMs: number | null;
}

export interface CaseDeadline {
  timers: DeadlineTimer[];
  next: DeadlineTimer | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const dateFormat: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' };

/** Writes a span such as "3 h 20 min" or "2 d 4 h"; under a minute counts as one. */
export function useSpan() {
  const { formatMessage } = useIntl();
  return (ms: number) => {
    const minutes = Math.max(1, Math.round(ms / MINUTE));
    const days = Math.floor(minutes / (DAY / MINUTE));
    const hours = Math.floor((minutes % (DAY / MINUTE)) / 60);
    const rest = minutes % 60;
    const parts = days > 0 ? [['days', days], ['hours', hours]] : hours > 0 ? [['hours', hours], ['minutes', rest]] : [['minutes', rest]];
    return parts
      .filter(([, value], index) => index === 0 || value !== 0)
      .map(([unit, value]) => formatMessage({ id: getTranslation(`deadline.span.${unit}`), defaultMessage: `{count} ${unit}` }, { count: value }))
      .join(' ');
  };
}

/**
 * Shows one line per clock: rule, due time in Viet Nam time, and how far it is from now. Outside
 * the compact form, editors with the permission can correct a publishing clock's start.
 */
export const DeadlineSummary = ({ deadline, compact = false, onChanged }: { deadline?: CaseDeadline | null; compact?: boolean; onChanged?: () => void }) => {
  const { formatMessage, formatDate } = useIntl();
  const span = useSpan();
  const [correcting, setCorrecting] = useState<DeadlineTimer | null>(null);
  const label = (id: string, values?: Record<string, string>) => formatMessage({ id: getTranslation(id), defaultMessage: id }, values);
  if (!deadline) return null;
  const timers = compact ? (deadline.next ? [deadline.next] : []) : deadline.timers;
  if (timers.length === 0) return compact ? <Typography textColor="neutral500">—</Typography> : null;

  const describe = (timer: DeadlineTimer) => {
    if (timer.status === 'paused') return { text: label('deadline.paused'), tone: 'neutral' as const };
    if (timer.metAt) {
      return timer.onTime
        ? { text: label('deadline.metOnTime'), tone: 'success' as const }
        : { text: label('deadline.metLate', { span: span(timer.overdueMs) }), tone: 'danger' as const };
    }
    if (timer.overdueMs > 0) return { text: label('deadline.overdue', { span: span(timer.overdueMs) }), tone: 'danger' as const };
    return { text: label('deadline.dueIn', { span: span(timer.remainingMs ?? 0) }), tone: (timer.remainingMs ?? 0) < 2 * HOUR ? ('warning' as const) : ('neutral' as const) };
  };
  const colours = { success: 'success600', danger: 'danger600', warning: 'warning600', neutral: 'neutral800' } as const;

  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="publication-deadlines-summary">
      {!compact && (
        <Typography variant="sigma" textColor="neutral600">
          {label('deadline.title')}
        </Typography>
      )}
      {timers.map((timer) => {
        const { text, tone } = describe(timer);
        return (
          <Box key={timer.id}>
            <Flex gap={1} wrap="wrap">
              <Badge>{timer.ruleCode}</Badge>
              {!compact && <Typography variant="pi">{label(`deadline.duty.${timer.duty}`)}</Typography>}
            </Flex>
            <Typography variant="pi" textColor="neutral600">
              {label('deadline.due', { at: formatDate(new Date(timer.dueAt), dateFormat) })}
            </Typography>{' '}
            <Typography variant="pi" fontWeight="bold" textColor={colours[tone]} data-testid="publication-deadlines-status">
              {text}
            </Typography>
            {!compact && onChanged && timer.duty === 'board_publishes' && timer.status !== 'met' && (
              <Box paddingTop={1}>
                <Button size="S" variant="tertiary" onClick={() => setCorrecting(timer)}>
                  {label('deadline.correct')}
                </Button>
              </Box>
            )}
          </Box>
        );
      })}
      {correcting && onChanged && (
        <CorrectStartDialog
          timer={correcting}
          onClose={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
};
