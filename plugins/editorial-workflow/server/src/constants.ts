export const PLUGIN_ID = 'editorial-workflow';

export const CASE_UID = 'plugin::editorial-workflow.case';
export const TIMELINE_UID = 'plugin::editorial-workflow.timeline-entry';
export const OUTBOX_UID = 'plugin::editorial-workflow.outbox-message';

/** Content types under the workflow unless `config/plugins.ts` sets `contentTypes`: the types that carry publications. */
export const DEFAULT_WORKFLOW_TYPES = [
  'api::article.article',
  'api::legal-document.legal-document',
  'api::draft-regulation.draft-regulation',
  'api::plan-notice.plan-notice',
  'api::statistical-report.statistical-report',
  'api::procedure.procedure',
  'api::page.page',
  'api::question.question',
];

/** Short labels of the nine reasons of Art. 11, used when the rejection-reasons plugin is not installed. */
export const STATUTORY_REASONS: { code: string; label: { vi: string; en: string } }[] = [
  { code: 'R11.1', label: { vi: 'Văn bản không có Cổng thông tin tại Nơi nhận, hoặc ngoài phạm vi', en: 'Recipients list omits the portal, or out of scope' } },
  { code: 'R11.2', label: { vi: 'Không phù hợp chủ trương của Đảng, pháp luật của Nhà nước', en: 'Inconsistent with Party policy or State law' } },
  { code: 'R11.3', label: { vi: 'Đã được quyết định nhưng chưa phổ biến công khai', en: 'Decided but not yet made public' } },
  { code: 'R11.4', label: { vi: 'Không rõ nguồn gốc hoặc không đúng sự thật', en: 'Unclear origin or untrue' } },
  { code: 'R11.5', label: { vi: 'Trùng lặp nội dung đã đăng tải', en: 'Duplicate of published content' } },
  { code: 'R11.6', label: { vi: 'Không bảo đảm chất lượng, không được làm rõ', en: 'Quality not ensured, clarification not given' } },
  { code: 'R11.7', label: { vi: 'Gửi quá thời hạn cung cấp tin, bài', en: 'Sent after the submission deadline' } },
  { code: 'R11.8', label: { vi: 'Thông tin chuyên sâu cần thẩm định', en: 'Specialist information that needs appraisal' } },
  { code: 'R11.9', label: { vi: 'Thông tin khác pháp luật không cho đăng', en: 'Other information the law forbids' } },
];

export const STATUTORY_REASON_CODES = STATUTORY_REASONS.map(({ code }) => code);

export const actionUid = (permission: string) => `plugin::${PLUGIN_ID}.${permission}`;

/** Event-hub event emitted after each committed transition. */
export const TRANSITION_EVENT = 'editorial-workflow.transition';
