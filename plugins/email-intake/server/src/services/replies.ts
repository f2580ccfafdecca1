import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, PORTAL_TIME_ZONE } from '../constants';
import type { IntakeWarning } from '../parsing/parse-message';

const TIMER_UID = 'plugin::publication-deadlines.timer';

/** Headers of every automatic reply (RFC 3834), so that other automatic responders do not reply to it. */
const AUTO_REPLY_HEADERS = { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' };

export const formatVietnamTime = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: PORTAL_TIME_ZONE, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hour12: false }).format(date);

/** Returns the statutory publication deadline in words, for when no deadline timer gives the due time. */
export function statutoryDeadline(contentType: string): { vi: string; en: string } {
  if (contentType === ARTICLE_UID) {
    return {
      vi: 'Theo Điều 10 Quy chế ban hành kèm theo Quyết định 400/QĐ-BKHCN, Ban biên tập biên tập và đăng tin, bài trong vòng 12 giờ kể từ khi nhận (6 giờ đối với sự kiện nổi bật trong kế hoạch truyền thông của Bộ).',
      en: 'Under Article 10 of the regulation issued with Decision 400/QĐ-BKHCN, the editorial board edits and publishes a news item within 12 hours of receipt (6 hours for a highlighted event of the ministry’s communication plan).',
    };
  }
  return {
    vi: 'Theo Điều 10 Quy chế ban hành kèm theo Quyết định 400/QĐ-BKHCN, văn bản có dấu đến trước 12 giờ được đăng trong ngày; văn bản có dấu đến từ 12 giờ trở đi được đăng trước 12 giờ ngày hôm sau.',
    en: 'Under Article 10 of the regulation issued with Decision 400/QĐ-BKHCN, a document stamped in before 12:00 is published the same day, and one stamped in at or after 12:00 before 12:00 the next day.',
  };
}

const QUARANTINE_ADVICE: Record<string, { vi: string; en: string }> = {
  no_sender: { vi: 'Thư không có địa chỉ người gửi.', en: 'The message has no sender address.' },
  authentication_failed: {
    vi: 'Máy chủ thư không xác thực được địa chỉ người gửi (SPF và DKIM đều không đạt). Vui lòng gửi lại từ hộp thư công vụ của đơn vị.',
    en: 'The mail relay could not authenticate the sender (neither SPF nor DKIM passed). Please send it again from your unit’s ministry mail account.',
  },
  sender_not_registered: {
    vi: 'Địa chỉ gửi chưa được đăng ký là cán bộ đầu mối của đơn vị nào. Vui lòng gửi từ hộp thư công vụ của cán bộ đầu mối, hoặc đề nghị đơn vị đăng ký địa chỉ này.',
    en: 'The sending address is not registered as a focal point of any unit. Please send from your focal point’s ministry account, or ask your unit to register this address.',
  },
  domain_unit_missing: {
    vi: 'Tên miền của địa chỉ gửi chưa gắn với đơn vị nào trên Cổng. Vui lòng liên hệ Trung tâm Công nghệ thông tin.',
    en: 'The domain of the sending address is not linked to a unit of the portal. Please contact the IT centre.',
  },
  document_metadata_missing: {
    vi: 'Không đọc được số, ký hiệu và ngày ban hành của văn bản. Vui lòng ghi số, ký hiệu và ngày ban hành ở tiêu đề thư (ví dụ "Quyết định 400/QĐ-BKHCN ngày 19/3/2024") và gửi lại.',
    en: 'The number, symbol and issue date of the document could not be read. Please put them in the subject (for example "Quyết định 400/QĐ-BKHCN ngày 19/3/2024") and send it again.',
  },
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const send = (options: Record<string, unknown>) => strapi.plugin('email').service('email').send({ ...options, headers: AUTO_REPLY_HEADERS });

  return {
    /**
     * Returns the due time of the case's publication clock from the publication-deadlines plugin,
     * or null when that plugin is absent or has no open timer for the case yet.
     */
    async dueAt(caseId: number): Promise<Date | null> {
      if (!strapi.plugin('publication-deadlines') || !strapi.contentTypes[TIMER_UID as never]) return null;
      const timer = await strapi.db.query(TIMER_UID as never).findOne({ where: { caseId, status: { $in: ['running', 'paused'] } }, orderBy: { dueAt: 'asc' } });
      return timer?.dueAt ? new Date(timer.dueAt as string) : null;
    },

    /** Sends the acknowledgement: tracking number, receipt time and the publication deadline. */
    async acknowledge(to: string, details: { subject: string; trackingNumber: string; receivedAt: Date; contentType: string; caseId: number; warnings: IntakeWarning[] }) {
      const due = await this.dueAt(details.caseId);
      const deadline = due
        ? { vi: `Hạn đăng tải: ${formatVietnamTime(due)} (giờ Việt Nam).`, en: `Publication deadline: ${formatVietnamTime(due)} (Viet Nam time).` }
        : statutoryDeadline(details.contentType);
      const warnings = details.warnings.length ? ['', 'Lưu ý / Notes:', ...details.warnings.map((warning) => `- ${warning.message}`)] : [];
      const text = [
        `Cổng thông tin điện tử Bộ Khoa học và Công nghệ đã nhận thư "${details.subject}" lúc ${formatVietnamTime(details.receivedAt)} (giờ Việt Nam).`,
        `Mã theo dõi: ${details.trackingNumber}`,
        deadline.vi,
        '',
        `The portal of the Ministry of Science and Technology received "${details.subject}" at ${formatVietnamTime(details.receivedAt)} (Viet Nam time).`,
        `Tracking number: ${details.trackingNumber}`,
        deadline.en,
        ...warnings,
      ].join('\n');
      await send({ to, subject: `Đã nhận / Received: ${details.subject} [${details.trackingNumber}]`, text });
    },

    /** Tells the sender politely why the message was not accepted and what to do. */
    async replyQuarantined(to: string, details: { subject: string; reason: string; receivedAt: Date }) {
      const advice = QUARANTINE_ADVICE[details.reason] ?? QUARANTINE_ADVICE.sender_not_registered;
      const text = [
        `Kính gửi Quý đơn vị,`,
        `Cổng thông tin điện tử Bộ Khoa học và Công nghệ đã nhận thư "${details.subject}" lúc ${formatVietnamTime(details.receivedAt)} nhưng chưa thể tiếp nhận. ${advice.vi}`,
        'Thư đang được lưu giữ để Ban biên tập xem xét. Trân trọng cảm ơn.',
        '',
        `The portal of the Ministry of Science and Technology received "${details.subject}" at ${formatVietnamTime(details.receivedAt)} but could not accept it. ${advice.en}`,
        'The message is kept for the editorial board to review. Thank you.',
      ].join('\n');
      await send({ to, subject: `Chưa tiếp nhận / Not accepted: ${details.subject}`, text });
    },

    /** Tells the standing editors about a message that was quarantined or could not be processed. */
    async notifyEditors(details: { status: 'quarantined' | 'failed'; subject: string; sender: string | null; reason: string; recordId: number }) {
      const editors: { email: string }[] = await strapi.db
        .query('admin::user')
        .findMany({ where: { isActive: true, roles: { code: 'most-standing-editor' } }, select: ['email'] });
      if (editors.length === 0) return false;
      const label = details.status === 'quarantined' ? 'Thư bị giữ lại / Message quarantined' : 'Thư không xử lý được / Message failed';
      const text = [
        `${label}: "${details.subject}" (${details.sender ?? 'no sender'}).`,
        `Lý do / Reason: ${details.reason}`,
        `Xem trong mục "Thư đến" của trang quản trị (bản ghi ${details.recordId}). / See the "Email intake" page of the admin panel (record ${details.recordId}).`,
      ].join('\n');
      await send({ to: editors.map((editor) => editor.email), subject: `[Email intake] ${label}: ${details.subject}`, text });
      return true;
    },
  };
};
