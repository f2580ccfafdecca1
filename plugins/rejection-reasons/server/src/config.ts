export interface PluginConfig {
  /** Trigram similarity from which a published item counts as a near-duplicate (R11.5), 0 to 1. */
  duplicateThreshold: number;
}

export default {
  default: { duplicateThreshold: 0.7 } satisfies PluginConfig,
  validator(config: Partial<PluginConfig>) {
    const threshold = config.duplicateThreshold;
    if (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1)) {
      throw new Error('rejection-reasons: config.duplicateThreshold must be a number above 0 and at most 1, for example 0.7.');
    }
  },
};
