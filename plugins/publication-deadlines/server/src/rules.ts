/**
 * The statutory clocks of Decision 400/QĐ-BKHCN, Art. 10(2)(d)–(f), rules D1–D12.
 * Hours are elapsed hours, day and night, and working days follow the working calendar. The noon
 * cut-off gives a stamp before 12:00 the rest of its working day, and a stamp from 12:00 on
 * until 12:00 of the next working day.
 */

export type Duration =
  | { unit: 'hours'; amount: number }
  | { unit: 'working_days'; amount: number }
  | { unit: 'noon_cut_off' }
  | { unit: 'none' };

/** Duty a clock measures: a unit sending an item to the board, or the board publishing it. */
export type Duty = 'unit_sends' | 'board_publishes' | 'none';

export type StartSource =
  | 'event_end'
  | 'opening_ceremony'
  | 'closing_ceremony'
  | 'receipt'
  | 'incoming_stamp'
  | 'leadership_approval'
  | 'approval'
  | 'leadership_decision'
  | 'question_received'
  | 'direction'
  | 'corrected';

export interface Rule {
  code: string;
  basis: string;
  duty: Duty;
  /** Event that starts the clock, named for the rules table. */
  startsWith: StartSource | 'leadership_direction' | 'change';
  duration: Duration;
  /** Workflow states in which the clock pauses, to resume later with the time it had left. */
  pausedIn: string[];
  /** Workflow states after which the clock starts again from the moment the state is left. */
  restartedAfter: string[];
  /** Recipients: reminders go to the assignee, and a breach is escalated to the board head. */
  notify: { remind: 'assignee' | 'none'; escalate: 'board_head' | 'none' };
  description: { vi: string; en: string };
}

const BOARD_CLOCK = {
  duty: 'board_publishes' as const,
  pausedIn: ['clarification_requested'],
  restartedAfter: ['on_hold'],
  notify: { remind: 'assignee' as const, escalate: 'board_head' as const },
};

const UNIT_CLOCK = {
  duty: 'unit_sends' as const,
  pausedIn: [],
  restartedAfter: [],
  notify: { remind: 'none' as const, escalate: 'none' as const },
};

export const RULES: Rule[] = [
  {
    code: 'D1',
    basis: 'Art. 10(2)(d)',
    ...UNIT_CLOCK,
    startsWith: 'event_end',
    duration: { unit: 'hours', amount: 12 },
    description: { vi: 'Sự kiện một buổi: đơn vị gửi tin trong 12 giờ sau khi kết thúc', en: 'Single-session event: the unit sends the item within 12 hours of its end' },
  },
  {
    code: 'D2',
    basis: 'Art. 10(2)(d)',
    ...UNIT_CLOCK,
    startsWith: 'opening_ceremony',
    duration: { unit: 'hours', amount: 12 },
    description: {
      vi: 'Sự kiện từ một ngày trở lên: đơn vị gửi tin trong 12 giờ sau lễ khai mạc (hoặc lễ bế mạc, với tin bế mạc)',
      en: 'Event of a day or more: the unit sends the item within 12 hours of the opening (or, for a closing item, the closing) ceremony',
    },
  },
  {
    code: 'D3',
    basis: 'Art. 10(2)(d)',
    ...BOARD_CLOCK,
    startsWith: 'receipt',
    duration: { unit: 'hours', amount: 6 },
    description: { vi: 'Sự kiện nổi bật trong kế hoạch truyền thông: đăng trong 6 giờ kể từ khi nhận', en: 'Highlighted event of the communication plan: published within 6 hours of receipt' },
  },
  {
    code: 'D4',
    basis: 'Art. 10(2)(d)',
    ...BOARD_CLOCK,
    startsWith: 'receipt',
    duration: { unit: 'hours', amount: 12 },
    description: { vi: 'Tin sự kiện khác: đăng trong 12 giờ kể từ khi nhận', en: 'Other event item: published within 12 hours of receipt' },
  },
  {
    code: 'D5',
    basis: 'Art. 10(2)(e)',
    duty: 'none',
    startsWith: 'leadership_direction',
    duration: { unit: 'none' },
    pausedIn: [],
    restartedAfter: [],
    notify: { remind: 'none', escalate: 'none' },
    description: {
      vi: 'Thông tin cần xin ý kiến Lãnh đạo Bộ: thời hạn đăng tính lại từ khi có ý kiến chỉ đạo',
      en: 'Information that needs the leadership: the publishing clock starts again from the direction',
    },
  },
  {
    code: 'D6',
    basis: 'Art. 10(2)(e)',
    ...BOARD_CLOCK,
    startsWith: 'incoming_stamp',
    duration: { unit: 'noon_cut_off' },
    description: { vi: 'Văn bản có dấu đến trước 12 giờ: đăng trong ngày', en: 'Document stamped in before 12:00: published the same day' },
  },
  {
    code: 'D7',
    basis: 'Art. 10(2)(e)',
    ...BOARD_CLOCK,
    startsWith: 'incoming_stamp',
    duration: { unit: 'noon_cut_off' },
    description: { vi: 'Văn bản có dấu đến từ 12 giờ: đăng trước 12 giờ ngày làm việc hôm sau', en: 'Document stamped in at or after 12:00: published before 12:00 the next working day' },
  },
  {
    code: 'D8',
    basis: 'Art. 10(2)(f)',
    ...BOARD_CLOCK,
    startsWith: 'leadership_approval',
    duration: { unit: 'working_days', amount: 1 },
    description: { vi: 'Dự thảo lấy ý kiến: đăng trong 01 ngày làm việc kể từ khi Lãnh đạo Bộ đồng ý', en: 'Draft for public comment: published within 1 working day of the leadership approval' },
  },
  {
    code: 'D9',
    basis: 'Art. 10(2)(f)',
    ...BOARD_CLOCK,
    startsWith: 'approval',
    duration: { unit: 'working_days', amount: 3 },
    description: {
      vi: 'Chiến lược, quy hoạch, kế hoạch, dự án, đầu tư, đấu thầu, mua sắm công: đăng trong 03 ngày làm việc kể từ khi phê duyệt',
      en: 'Strategy, master plan, plan, project, investment, bidding, procurement: published within 3 working days of approval',
    },
  },
  {
    code: 'D10',
    basis: 'Art. 10(2)(f)',
    ...BOARD_CLOCK,
    startsWith: 'leadership_decision',
    duration: { unit: 'working_days', amount: 3 },
    description: { vi: 'Thông tin thống kê: đăng trong 03 ngày làm việc kể từ khi Lãnh đạo Bộ quyết định', en: 'Statistics: published within 3 working days of the leadership decision' },
  },
  {
    code: 'D11',
    basis: 'Art. 9(1)(đ)',
    duty: 'none',
    startsWith: 'change',
    duration: { unit: 'none' },
    pausedIn: [],
    restartedAfter: [],
    notify: { remind: 'none', escalate: 'none' },
    description: { vi: 'Giới thiệu, văn bản, dịch vụ công: cập nhật khi có thay đổi (không có thời hạn cố định)', en: 'Introduction, documents, online services: updated when they change (no fixed clock)' },
  },
  {
    code: 'D12',
    basis: 'Art. 10(2)(f)',
    ...BOARD_CLOCK,
    startsWith: 'question_received',
    duration: { unit: 'working_days', amount: 10 },
    description: {
      vi: 'Câu hỏi, phản ánh, kiến nghị: trả lời trong thời hạn luật định (cấu hình theo loại)',
      en: "A citizen's question or request: answered within the legal time limit (configured per kind)",
    },
  },
];

export const ruleByCode = (code: string) => RULES.find((rule) => rule.code === code);
