import type { Core } from '@strapi/strapi';
import { PROPOSAL_UID } from '../constants';
import type { ReportDocument } from '../exports/document';
import { describePeriod, type Period } from '../period';
import { accountActivityReport } from './account-activity';
import { consultationsReport } from './consultations';
import { isAvailable, REQUIRED_PLUGINS, type DependentReport } from './dependencies';
import { questionsReport } from './questions';
import { column, type Language, type ReportRequest, type ReportResult, type Table } from './types';
import { unitQuotasReport } from './unit-quotas';
import { workflowReport } from './workflow';

/** Runs a report that reads another plugin's records, when that plugin is enabled. */
export type DependentRunner = (strapi: Core.Strapi, request: ReportRequest) => Promise<ReportResult>;

interface SummaryLine {
  key: string;
  label: { vi: string; en: string };
  value: number | string | null;
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** Reads the board's proposals for a 6-month (half 1 or 2) or annual (half 0) report. */
export async function readProposals(strapi: Core.Strapi, year: number, half: number) {
  return strapi.db.query(PROPOSAL_UID).findOne({ where: { year, half } }) as Promise<{ text: string; updatedAt: string; savedById: number | null } | null>;
}

/**
 * Builds the 6-month or annual report of the editorial board (Art. 17): the figures of every
 * other report for the period, in one summary and its detail tables, with the board's written
 * proposals. Reports whose plugin is not enabled are listed as unavailable.
 */
export async function periodicReport(strapi: Core.Strapi, request: ReportRequest, dependents: Record<DependentReport, DependentRunner>): Promise<ReportResult> {
  const { period } = request;
  const [quotas, workflow, questions, consultations, accounts] = await Promise.all([
    unitQuotasReport(strapi, request),
    workflowReport(strapi, request),
    questionsReport(strapi, request),
    consultationsReport(strapi, request),
    accountActivityReport(strapi, request),
  ]);
  const optional: Partial<Record<DependentReport, ReportResult>> = {};
  for (const name of Object.keys(REQUIRED_PLUGINS) as DependentReport[]) {
    if (isAvailable(strapi, name)) optional[name] = await dependents[name](strapi, request);
  }
  const proposals = await readProposals(strapi, period.year!, period.half ?? 0);

  const q = quotas.data.summary as { units: number; unitsBelowQuota: number; provided: number };
  const w = workflow.data.totals as Record<string, number>;
  const timing = workflow.data.receiptToPublication as { medianSeconds: number | null; p90Seconds: number | null };
  const a = questions.data.totals as Record<string, number>;
  const c = consultations.data.totals as Record<string, number>;
  const s = accounts.data.summary as Record<string, number>;
  const lines: SummaryLine[] = [
    { key: 'itemsProvided', label: { en: 'Items provided by units', vi: 'Tin, bài, văn bản các đơn vị cung cấp' }, value: q.provided },
    { key: 'unitsBelowQuota', label: { en: 'Units below the monthly quota', vi: 'Đơn vị chưa đạt định mức hằng tháng' }, value: `${q.unitsBelowQuota}/${q.units}` },
    { key: 'submitted', label: { en: 'Items submitted', vi: 'Tin, bài gửi đến' }, value: w.submitted },
    { key: 'published', label: { en: 'Items published', vi: 'Tin, bài đã đăng' }, value: w.published },
    { key: 'rejected', label: { en: 'Items rejected', vi: 'Tin, bài bị từ chối' }, value: w.rejected },
    { key: 'withdrawn', label: { en: 'Items withdrawn', vi: 'Tin, bài bị gỡ bỏ' }, value: w.withdrawn },
    { key: 'corrected', label: { en: 'Corrections published', vi: 'Cải chính đã đăng' }, value: w.corrected },
    { key: 'medianHours', label: { en: 'Median hours from receipt to publication', vi: 'Trung vị số giờ từ tiếp nhận đến đăng' }, value: hours(timing.medianSeconds) },
    { key: 'p90Hours', label: { en: '90th percentile hours from receipt to publication', vi: 'Phân vị 90 số giờ từ tiếp nhận đến đăng' }, value: hours(timing.p90Seconds) },
    { key: 'questionsReceived', label: { en: 'Questions and feedback received', vi: 'Câu hỏi, phản ánh tiếp nhận' }, value: a.received },
    { key: 'questionsAnsweredInTime', label: { en: 'Answered in time', vi: 'Trả lời đúng hạn' }, value: a.answeredInTime },
    { key: 'questionsAnsweredLate', label: { en: 'Answered late', vi: 'Trả lời quá hạn' }, value: a.answeredLate },
    { key: 'questionsOverdue', label: { en: 'Overdue, unanswered', vi: 'Quá hạn chưa trả lời' }, value: a.overdue },
    { key: 'draftsPublished', label: { en: 'Draft regulations published for comment', vi: 'Dự thảo đăng lấy ý kiến' }, value: c.draftsPublished },
    { key: 'commentsReceived', label: { en: 'Comments received on drafts', vi: 'Ý kiến góp ý nhận được' }, value: c.commentsReceived },
    { key: 'responsesPublished', label: { en: 'Consultation responses published', vi: 'Báo cáo tiếp thu đã đăng' }, value: c.responsesPublished },
    { key: 'activeAccounts', label: { en: 'Enabled admin accounts', vi: 'Tài khoản quản trị đang hoạt động' }, value: s.activeAccounts },
    { key: 'dormantAccounts', label: { en: 'Dormant accounts', vi: 'Tài khoản không hoạt động' }, value: s.dormantAccounts },
    { key: 'leftButActive', label: { en: 'Accounts of people who left, still active', vi: 'Tài khoản người đã nghỉ còn hoạt động' }, value: s.leftButActive },
    { key: 'failedLogins', label: { en: 'Failed logins', vi: 'Đăng nhập thất bại' }, value: s.failedLogins },
  ];
  const deadlineTotals = optional.deadlines?.data.totals as { onTimeRate?: number | null } | undefined;
  lines.push({ key: 'onTimeRate', label: { en: 'Share of statutory deadlines met (%)', vi: 'Tỷ lệ đúng thời hạn (%)' }, value: deadlineTotals ? (deadlineTotals.onTimeRate ?? null) : null });
  const rejectionTotals = optional.rejections?.data.totals as { citations?: number } | undefined;
  lines.push({ key: 'rejectionCitations', label: { en: 'Rejection reasons cited', vi: 'Lượt lý do từ chối' }, value: rejectionTotals ? (rejectionTotals.citations ?? null) : null });

  const summary: Table = {
    name: 'summary',
    title: { en: 'Summary', vi: 'Số liệu tổng hợp' },
    columns: [column('label', 'Figure', 'Chỉ tiêu'), column('value', 'Value', 'Giá trị')],
    rows: lines.map((line) => ({ key: line.key, label: line.label[request.language], value: line.value })),
  };
  const pick = (result: ReportResult | undefined, name: string) => result?.tables.find((table) => table.name === name);
  const tables = [
    summary,
    pick(quotas, 'units'),
    pick(workflow, 'by-content-type'),
    pick(questions, 'by-unit'),
    pick(consultations, 'by-unit'),
    pick(optional.deadlines, 'by-rule'),
    pick(optional.rejections, 'by-reason'),
  ].filter((table): table is Table => Boolean(table));

  return {
    data: {
      summary: Object.fromEntries(lines.map((line) => [line.key, line.value])),
      unitQuotas: quotas.data,
      workflow: workflow.data,
      questions: questions.data,
      consultations: consultations.data,
      accountActivity: { summary: accounts.data.summary, dormant: accounts.data.dormant, leftButActive: accounts.data.leftButActive },
      deadlines: optional.deadlines?.data ?? null,
      rejections: optional.rejections?.data ?? null,
      unavailable: (Object.keys(REQUIRED_PLUGINS) as DependentReport[]).filter((name) => !optional[name]).map((name) => ({ report: name, plugin: REQUIRED_PLUGINS[name].plugin })),
      proposals: proposals ? { text: proposals.text, updatedAt: proposals.updatedAt, savedById: proposals.savedById } : null,
    },
    tables,
  };
}

/** Lays out the periodic report for the DOCX and XLSX exports, in the requested language. */
export function periodicDocument(period: Period, result: ReportResult, language: Language): ReportDocument {
  const vi = language === 'vi';
  const title =
    period.kind === 'half'
      ? vi
        ? `Báo cáo 6 tháng ${period.half === 1 ? 'đầu' : 'cuối'} năm ${period.year} về hoạt động của Cổng thông tin điện tử Bộ Khoa học và Công nghệ`
        : `Report on the portal of the Ministry of Science and Technology, ${period.half === 1 ? 'first' : 'second'} half of ${period.year}`
      : vi
        ? `Báo cáo năm ${period.year} về hoạt động của Cổng thông tin điện tử Bộ Khoa học và Công nghệ`
        : `Annual report ${period.year} on the portal of the Ministry of Science and Technology`;
  const { from, to } = describePeriod(period);
  const unavailable = result.data.unavailable as { report: string; plugin: string }[];
  const proposals = result.data.proposals as { text: string } | null;
  return {
    title,
    subtitle: [
      vi ? `Kỳ báo cáo: từ ${from} đến ${to} (giờ Việt Nam)` : `Period: ${from} to ${to} (Viet Nam time)`,
      vi ? 'Căn cứ Điều 17 Quy chế ban hành kèm theo Quyết định số 400/QĐ-BKHCN.' : 'Under Art. 17 of the regulation issued with Decision 400/QĐ-BKHCN.',
      ...unavailable.map(({ report, plugin }) =>
        vi ? `Chưa có số liệu ${report}: chưa bật plugin ${plugin}.` : `No ${report} figures: the ${plugin} plugin is not enabled.`
      ),
    ],
    tables: result.tables,
    sections: [
      {
        heading: vi ? 'Đề xuất, kiến nghị của Ban biên tập' : 'Proposals of the editorial board',
        paragraphs: proposals ? proposals.text.split(/\r?\n/).filter((line) => line.trim() !== '') : [vi ? 'Ban biên tập chưa nhập đề xuất.' : 'The board has not written its proposals yet.'],
      },
    ],
    language,
  };
}
