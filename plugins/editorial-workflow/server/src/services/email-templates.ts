/** Notification emails of the workflow, in Vietnamese and English; the recipient's admin language picks one. */
export interface NotificationPayload {
  contentType?: string;
  documentId?: string;
  locale?: string;
  title?: string | null;
  note?: string | null;
  reasons?: string[] | null;
  /** The reasons worded for the author, per language; the rejection-reasons plugin adds them. */
  reasonTexts?: Partial<Record<Language, string[]>>;
  error?: string;
  /** A publication deadline (rule D1–D12), for the reminders of the publication-deadlines plugin. */
  deadline?: { rule: string; dueAt: string; point: string };
}

type Language = 'vi' | 'en';

const SUBJECTS: Record<string, Record<Language, string>> = {
  submitted: { vi: 'Tin, bài mới gửi đến Ban biên tập', en: 'New submission for the editorial board' },
  assigned_for_review: { vi: 'Đề nghị thẩm định tin, bài', en: 'Submission assigned to you for review' },
  clarification_requested: { vi: 'Ban biên tập đề nghị làm rõ thông tin', en: 'The editorial board asks for clarification' },
  rejected: { vi: 'Tin, bài không được đăng tải', en: 'Submission rejected' },
  approved: { vi: 'Tin, bài đã được duyệt', en: 'Submission approved' },
  published: { vi: 'Tin, bài đã được đăng tải', en: 'Submission published' },
  held: { vi: 'Tin, bài chờ ý kiến chỉ đạo của Lãnh đạo Bộ', en: 'Item awaiting leadership direction' },
  takedown_requested: { vi: 'Đề nghị gỡ bỏ thông tin', en: 'Takedown requested' },
  publish_failed: { vi: 'Đăng tải theo lịch không thành công', en: 'Scheduled publication failed' },
  deadline_reminder: { vi: 'Nhắc hạn đăng tải tin, bài', en: 'Publication deadline reminder' },
  deadline_breached: { vi: 'Tin, bài đã quá hạn đăng tải', en: 'Publication deadline missed' },
  deadline_escalated: { vi: 'Báo cáo tin, bài quá hạn đăng tải', en: 'Missed publication deadline reported to the board head' },
};

const LABELS: Record<Language, { item: string; note: string; reasons: string; error: string; open: string; due: string; zone: string }> = {
  vi: { item: 'Tin, bài', note: 'Ghi chú', reasons: 'Lý do (Điều 11)', error: 'Lỗi', open: 'Xem trong trang quản trị', due: 'Hạn', zone: 'giờ Việt Nam' },
  en: { item: 'Item', note: 'Note', reasons: 'Reasons (Art. 11)', error: 'Error', open: 'Open in the admin panel', due: 'Due', zone: 'Viet Nam time' },
};

const formatInVietnam = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** Renders the subject and plain-text body of one notification. */
export function renderNotification(kind: string, payload: NotificationPayload, language: Language, adminUrl: string) {
  const subjects = SUBJECTS[kind] ?? { vi: `Thông báo quy trình biên tập: ${kind}`, en: `Editorial workflow notification: ${kind}` };
  const labels = LABELS[language];
  const lines = [`${labels.item}: ${payload.title ?? payload.documentId ?? ''}`];
  const reasonTexts = payload.reasonTexts?.[language];
  if (reasonTexts?.length) lines.push(`${labels.reasons}:`, ...reasonTexts.map((text) => `- ${text}`));
  else if (payload.reasons?.length) lines.push(`${labels.reasons}: ${payload.reasons.join(', ')}`);
  if (payload.note) lines.push(`${labels.note}: ${payload.note}`);
  if (payload.error) lines.push(`${labels.error}: ${payload.error}`);
  if (payload.deadline) lines.push(`${labels.due} (${payload.deadline.rule}): ${formatInVietnam(payload.deadline.dueAt, language)} (${labels.zone})`);
  if (payload.contentType && payload.documentId) {
    const locale = payload.locale && payload.locale !== 'und' ? `?plugins[i18n][locale]=${payload.locale}` : '';
    lines.push('', `${labels.open}: ${adminUrl}/content-manager/collection-types/${payload.contentType}/${payload.documentId}${locale}`);
  }
  return { subject: `[Cổng TTĐT Bộ KH&CN] ${subjects[language]}`, text: `${lines.join('\n')}\n` };
}
