import { finding, type Finding, type SubmissionDraft } from './types';
import { fold, plainText } from './text';

/**
 * Ways a recipients list names the ministry's portal, on folded text: "Cổng thông tin điện tử
 * (của) Bộ Khoa học và Công nghệ", "Cổng TTĐT Bộ KH&CN", "Cổng TTĐT Bộ" (in the ministry's own
 * documents) or the portal's address.
 */
const PORTAL_NAMES = [
  /cong (thong tin dien tu|thong tin|ttdt|ttdt) (cua )?bo( (khoa hoc va cong nghe|kh ?cn|kh va cn))?( |$)/,
  /(^| )most gov vn( |$)/,
];

/** Start of the recipients list in the text of a document ("Nơi nhận:"). */
const RECIPIENTS_HEADING = /n[oơ]i nh[aậ]n\s*:/i;
/** Characters read after the heading: a recipients list is short. */
const RECIPIENTS_SPAN = 800;

export const namesPortal = (text: string) => {
  const folded = fold(text);
  return PORTAL_NAMES.some((pattern) => pattern.test(folded));
};

/** Reads the recipients list from the text of the document, or null if it has none. */
export function recipientsFromText(text: string): string | null {
  const match = RECIPIENTS_HEADING.exec(text);
  if (!match) return null;
  return text.slice(match.index + match[0].length, match.index + match[0].length + RECIPIENTS_SPAN).trim();
}

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);

/**
 * R11.1: a document meant for the portal names "Cổng thông tin điện tử của Bộ Khoa học và Công
 * nghệ" in its recipients list (Art. 10(1)(đ), Art. 11(1)). The list comes from the document's
 * metadata (recipientsText, recipientsNamePortal) or from its text after "Nơi nhận:".
 */
export function checkRecipients(draft: SubmissionDraft): Finding {
  const { entry } = draft;
  if (!('recipientsText' in entry) && !('recipientsNamePortal' in entry)) {
    return finding('recipients', 'R11.1', 'not_applicable', 'Loại nội dung này không có mục Nơi nhận.', 'This content type has no recipients list.');
  }
  const metadata = typeof entry.recipientsText === 'string' && entry.recipientsText.trim() ? entry.recipientsText.normalize('NFC') : null;
  const fromText = recipientsFromText(plainText(entry.fullText));
  const list = metadata ?? fromText;
  const source = metadata ? 'recipientsText' : 'fullText';

  if (list !== null) {
    if (namesPortal(list)) {
      return finding('recipients', 'R11.1', 'passed', 'Nơi nhận có Cổng thông tin điện tử của Bộ.', 'The recipients list names the portal.', { source, recipients: excerpt(list) });
    }
    return finding(
      'recipients',
      'R11.1',
      'suggested',
      'Mục Nơi nhận không có "Cổng thông tin điện tử Bộ Khoa học và Công nghệ".',
      'The recipients list ("Nơi nhận") does not name the electronic portal of the Ministry of Science and Technology.',
      { source, recipients: excerpt(list) }
    );
  }
  if (entry.recipientsNamePortal === false) {
    return finding('recipients', 'R11.1', 'suggested', 'Người gửi khai báo Nơi nhận không có Cổng thông tin.', 'The sender marked the recipients list as not naming the portal.', { source: 'recipientsNamePortal', recipientsNamePortal: false });
  }
  if (entry.recipientsNamePortal === true) {
    return finding('recipients', 'R11.1', 'passed', 'Người gửi khai báo Nơi nhận có Cổng thông tin.', 'The sender marked the recipients list as naming the portal.', { source: 'recipientsNamePortal', recipientsNamePortal: true });
  }
  return finding(
    'recipients',
    'R11.1',
    'warning',
    'Chưa có Nơi nhận: không kiểm tra được văn bản có gửi Cổng thông tin hay không.',
    'No recipients list was given, so whether the document names the portal cannot be checked.',
    { source: null }
  );
}
