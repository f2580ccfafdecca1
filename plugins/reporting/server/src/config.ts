export interface ReportingConfig {
  /** Items a unit must provide per month when its record has no quota (Art. 9(1)(b): at least 2). */
  defaultMonthlyQuota: number;
  /** Content types whose submissions count as items provided by a unit. */
  quotaContentTypes: string[];
  /** An enabled admin account without a login or an action for this many days is dormant. */
  dormantAfterDays: number;
}

export default {
  default: {
    defaultMonthlyQuota: 2,
    quotaContentTypes: [
      'api::article.article',
      'api::legal-document.legal-document',
      'api::draft-regulation.draft-regulation',
      'api::plan-notice.plan-notice',
      'api::statistical-report.statistical-report',
      'api::procedure.procedure',
    ],
    dormantAfterDays: 90,
  } satisfies ReportingConfig,
  validator(config: Partial<ReportingConfig>) {
    if (!Number.isInteger(config.defaultMonthlyQuota) || (config.defaultMonthlyQuota as number) < 0) {
      throw new Error('reporting: config.defaultMonthlyQuota must be a whole number of items per month, 0 or more.');
    }
    if (!Array.isArray(config.quotaContentTypes) || config.quotaContentTypes.some((uid) => typeof uid !== 'string')) {
      throw new Error('reporting: config.quotaContentTypes must be an array of content-type uids such as "api::article.article".');
    }
    if (!Number.isInteger(config.dormantAfterDays) || (config.dormantAfterDays as number) < 1) {
      throw new Error('reporting: config.dormantAfterDays must be a whole number of days, 1 or more.');
    }
  },
};
