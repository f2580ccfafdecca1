export interface DeadlinesConfig {
  /** Fractions of a clock's time at which the assignee is reminded; the breach is always reported. */
  reminderPoints: number[];
  /** Working days to answer a citizen's question, feedback or petition (rule D12), per kind. */
  questionWorkingDays: Record<'question' | 'feedback' | 'petition', number>;
  /** Timers handled by one sweep at most; the rest wait for the next run. */
  sweepBatchSize: number;
}

export const DEFAULT_CONFIG: DeadlinesConfig = {
  reminderPoints: [0.5, 0.8],
  questionWorkingDays: { question: 10, feedback: 10, petition: 10 },
  sweepBatchSize: 500,
};

export default {
  default: DEFAULT_CONFIG,
  validator(config: Partial<DeadlinesConfig>) {
    const points = config.reminderPoints;
    if (!Array.isArray(points) || points.some((point) => typeof point !== 'number' || !(point > 0 && point < 1))) {
      throw new Error('publication-deadlines: config.reminderPoints must be fractions between 0 and 1, such as [0.5, 0.8].');
    }
    for (const kind of ['question', 'feedback', 'petition'] as const) {
      const days = config.questionWorkingDays?.[kind];
      if (!Number.isInteger(days) || (days as number) < 1) {
        throw new Error(`publication-deadlines: config.questionWorkingDays.${kind} must be a whole number of working days, at least 1.`);
      }
    }
    if (!Number.isInteger(config.sweepBatchSize) || (config.sweepBatchSize as number) < 1) {
      throw new Error('publication-deadlines: config.sweepBatchSize must be a positive whole number.');
    }
  },
};
