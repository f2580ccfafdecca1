import { DEFAULT_WORKFLOW_TYPES } from './constants';

export interface WorkflowConfig {
  /** Content-type uids whose publication goes through the workflow. */
  contentTypes: string[];
}

export default {
  default: { contentTypes: DEFAULT_WORKFLOW_TYPES } satisfies WorkflowConfig,
  validator(config: Partial<WorkflowConfig>) {
    if (!Array.isArray(config.contentTypes) || config.contentTypes.some((uid) => typeof uid !== 'string')) {
      throw new Error('editorial-workflow: config.contentTypes must be an array of content-type uids such as "api::article.article".');
    }
  },
};
