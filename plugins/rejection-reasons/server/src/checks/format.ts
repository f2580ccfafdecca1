import { finding, type Finding, type SubmissionDraft } from './types';
import { plainText } from './text';

interface MediaFile {
  name?: string;
  ext?: string | null;
  mime?: string | null;
}

const extensionOf = (file: MediaFile) => (file.ext ?? (file.name?.match(/\.[^.]+$/)?.[0] ?? '')).toLowerCase();
const isPdf = (file: MediaFile) => extensionOf(file) === '.pdf' || file.mime === 'application/pdf';
const isWord = (file: MediaFile) =>
  ['.doc', '.docx'].includes(extensionOf(file)) ||
  file.mime === 'application/msword' ||
  file.mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Art. 10(1)(đ): a science and technology document is sent both as a .pdf and as a .doc/.docx
 * file. Failing it is a warning pointing to R11.6: the board asks the unit to resend first.
 */
export function checkAttachments(draft: SubmissionDraft): Finding {
  const { entry } = draft;
  if (!('isScienceTechnology' in entry) || entry.isScienceTechnology !== true) {
    return finding('attachments', 'R11.6', 'not_applicable', 'Không phải văn bản khoa học và công nghệ.', 'Not a science and technology document.');
  }
  const files = (Array.isArray(entry.files) ? entry.files : []) as MediaFile[];
  const names = files.map((file) => file.name ?? '');
  const missing = [...(files.some(isPdf) ? [] : ['.pdf']), ...(files.some(isWord) ? [] : ['.doc/.docx'])];
  if (missing.length === 0) {
    return finding('attachments', 'R11.6', 'passed', 'Có đủ tệp .pdf và .doc/.docx.', 'Both a .pdf and a .doc/.docx file are attached.', { files: names });
  }
  return finding(
    'attachments',
    'R11.6',
    'warning',
    `Văn bản khoa học và công nghệ thiếu tệp ${missing.join(' và ')} (Điều 10 khoản 1): đề nghị đơn vị gửi bổ sung.`,
    `The science and technology document lacks a ${missing.join(' and a ')} file (Art. 10(1)): ask the unit to send it.`,
    { files: names, missing }
  );
}

/** Latin-1 signs that never occur in Vietnamese words but stand for Vietnamese letters in TCVN3 or VNI text. */
const FOREIGN_SIGNS = '¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ';
const LETTER = 'A-Za-zÀ-ỹ';
const TOKEN = new RegExp(`[${LETTER}${FOREIGN_SIGNS}]+`, 'g');
const FOREIGN = new RegExp(`[${FOREIGN_SIGNS}]`);
/** TCVN3 turns accented capitals into letters inside lower-case words: "QuyÕt". */
const CAPITAL_INSIDE = /[a-zà-ỹ][À-ÞĂĐƠƯ][a-zà-ỹ]/;
/** VNI writes the tone after the vowel as a separate accented letter: "Quyeát", "haønh". */
const VNI_TONE = /[aeiouy][áàâãäåèéêëìíîïòóôõöøùúûüý]/g;
/** A plain vowel followed by an accented one in correct Vietnamese: "hoá", "khoẻ", "thuý", "tuân", "tiên". */
const VIETNAMESE_PAIR = /^(o[áàãéè]|u[ýâôê]|[iy]ê)$/;

/** True when a vowel pair of the word can only come from VNI text; "gi" and "qu" start syllables. */
function hasVniTone(word: string): boolean {
  const lower = word.toLowerCase();
  for (const match of lower.matchAll(VNI_TONE)) {
    const before = lower[match.index! - 1];
    if (VIETNAMESE_PAIR.test(match[0])) continue;
    if ((match[0][0] === 'i' && before === 'g') || (match[0][0] === 'u' && before === 'q')) continue;
    return true;
  }
  return false;
}
const MIN_SUSPECT_WORDS = 2;

/** Words of the text that look like TCVN3 or VNI encoded Vietnamese shown as Unicode. */
export function mojibakeWords(text: string): string[] {
  const suspects: string[] = [];
  for (const [word] of text.normalize('NFC').matchAll(TOKEN)) {
    if (word.length < 2) continue;
    const lettersAround = /[A-Za-zÀ-ỹ]/.test(word.replace(new RegExp(`[${FOREIGN_SIGNS}]`, 'g'), ''));
    const foreign = FOREIGN.test(word) && lettersAround;
    if (foreign || CAPITAL_INSIDE.test(word) || hasVniTone(word)) suspects.push(word);
  }
  return suspects;
}

/** The text fields of an entry that a unit writes. */
const TEXT_FIELDS = ['title', 'summary', 'abstract', 'body', 'fullText', 'recipientsText', 'description', 'content', 'question', 'answer'];

/**
 * Art. 10(1)(b): text is sent in Unicode (TCVN 6909:2001). Text typed in the legacy TCVN3 (ABC)
 * or VNI fonts arrives as mojibake such as "QuyÕt ®Þnh" or "Quyeát ñònh". A warning pointing to
 * R11.6: the board asks the unit to resend in Unicode first.
 */
export function checkEncoding(draft: SubmissionDraft): Finding {
  const byField: Record<string, string[]> = {};
  for (const field of TEXT_FIELDS) {
    const words = mojibakeWords(plainText(draft.entry[field]));
    if (words.length > 0) byField[field] = words.slice(0, 5);
  }
  const total = Object.values(byField).reduce((sum, words) => sum + words.length, 0);
  if (total < MIN_SUSPECT_WORDS) {
    return finding('encoding', 'R11.6', 'passed', 'Văn bản dùng mã Unicode.', 'The text is in Unicode.');
  }
  const sample = Object.values(byField).flat().slice(0, 5).join(', ');
  return finding(
    'encoding',
    'R11.6',
    'warning',
    `Văn bản có dấu hiệu dùng phông TCVN3 hoặc VNI, không phải Unicode (Điều 10 khoản 1): ${sample}.`,
    `The text looks typed in the legacy TCVN3 or VNI fonts rather than Unicode (Art. 10(1)): ${sample}.`,
    { fields: byField }
  );
}

/** Phrases that say the text or its pictures were taken from elsewhere. */
const BORROWED = /(sưu tầm|trích dẫn từ|trích từ|tổng hợp từ|lược dịch|dịch từ|theo báo|ảnh\s*:\s*internet|nguồn\s*:\s*internet|collected from|translated from|according to)/i;
/** Pictures embedded from other sites, in Markdown or HTML. */
const EXTERNAL_IMAGE = /(!\[[^\]]*\]\(|<img[^>]+src=["'])(https?:\/\/[^)"'\s]+)/gi;

const isPortalHost = (url: string) => {
  try {
    const host = new URL(url).hostname;
    return host === 'gov.vn' || host.endsWith('.gov.vn');
  } catch {
    return false;
  }
};

/**
 * Art. 10(1)(c): news, data and pictures taken from other sources state their source. For types
 * with source fields, an item that shows signs of borrowed material without a stated source is
 * suggested for R11.4 (unclear origin).
 */
export function checkSource(draft: SubmissionDraft): Finding {
  const { entry } = draft;
  if (!('sourceName' in entry) && !('sourceUrl' in entry)) {
    return finding('source', 'R11.4', 'not_applicable', 'Loại nội dung này không có trường nguồn.', 'This content type has no source fields.');
  }
  const stated = [entry.sourceName, entry.sourceUrl].some((value) => typeof value === 'string' && value.trim() !== '');
  const raw = ['summary', 'body'].map((field) => (typeof entry[field] === 'string' ? (entry[field] as string) : '')).join('\n');
  const phrase = BORROWED.exec(plainText(raw))?.[0] ?? null;
  const images = [...raw.matchAll(EXTERNAL_IMAGE)].map((match) => match[2]).filter((url) => !isPortalHost(url));
  if (!phrase && images.length === 0) {
    return finding('source', 'R11.4', 'passed', 'Không thấy dấu hiệu lấy tin, ảnh từ nguồn khác.', 'No sign of material taken from another source.', { sourceStated: stated });
  }
  if (stated) {
    return finding('source', 'R11.4', 'passed', 'Nội dung lấy từ nguồn khác và đã ghi nguồn.', 'Material from another source, and the source is stated.', { sourceName: entry.sourceName ?? null, sourceUrl: entry.sourceUrl ?? null });
  }
  const signs = [...(phrase ? [`"${phrase}"`] : []), ...images.slice(0, 3)];
  return finding(
    'source',
    'R11.4',
    'suggested',
    `Nội dung có dấu hiệu lấy từ nguồn khác (${signs.join(', ')}) nhưng không ghi nguồn (Điều 10 khoản 1 điểm c).`,
    `The item shows material from another source (${signs.join(', ')}) but states no source (Art. 10(1)(c)).`,
    { phrase, externalImages: images.slice(0, 10) }
  );
}
