/**
 * Reads the number and symbol, form, issue date and issuing authority of an administrative
 * document from a mail subject or the document text. A Vietnamese administrative document writes
 * its symbol as "<number>/<year>/<form>-<authority>" or "<number>/<form>-<authority>", and an
 * official letter has no form abbreviation ("123/BKHCN-VP"). The date line reads "Hà Nội, ngày
 * 19 tháng 3 năm 2024".
 */

export interface DocumentMetadata {
  documentNumber: string | null;
  documentForm: string | null;
  issueDate: string | null;
  issuingAuthority: string | null;
}

/** Form abbreviations of document symbols, mapped to the legal-document forms. */
const FORMS: Record<string, string> = {
  'NQ': 'resolution',
  'NĐ': 'decree',
  'QĐ': 'decision',
  'TT': 'circular',
  'TTLT': 'joint_circular',
  'CT': 'directive',
  'KH': 'plan',
  'TB': 'notice',
  'BC': 'report',
  'HD': 'guideline',
  'L': 'order',
  'PL': 'ordinance',
  'QH': 'law',
};

/** Authorities whose abbreviation ends the symbol, in the Vietnamese of the portal. */
const AUTHORITIES: Record<string, string> = {
  'BKHCN': 'Bộ Khoa học và Công nghệ',
  'CP': 'Chính phủ',
  'TTg': 'Thủ tướng Chính phủ',
  'QH': 'Quốc hội',
  'UBTVQH': 'Ủy ban Thường vụ Quốc hội',
  'CTN': 'Chủ tịch nước',
  'BTC': 'Bộ Tài chính',
  'BNV': 'Bộ Nội vụ',
  'BTTTT': 'Bộ Thông tin và Truyền thông',
  'BKHĐT': 'Bộ Kế hoạch và Đầu tư',
};

// "400/QĐ-BKHCN", "05/2024/TT-BKHCN", "123/BKHCN-VP", "12/2023/TTLT-BKHCN-BTC".
const SYMBOL = /(?<![\p{L}\p{N}])(\d{1,5})\/(?:(\d{4})\/)?([\p{Lu}Đ][\p{L}Đđ]*(?:-[\p{L}Đđ0-9]+)*)(?![\p{L}\p{N}])/u;
const DATE_WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const DATE_NUMERIC = /(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/;

const isoDate = (day: number, month: number, year: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
};

function readDate(text: string): string | null {
  const words = DATE_WORDS.exec(text);
  if (words) return isoDate(Number(words[1]), Number(words[2]), Number(words[3]));
  const numeric = DATE_NUMERIC.exec(text);
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  return null;
}

function readSymbol(text: string): Pick<DocumentMetadata, 'documentNumber' | 'documentForm' | 'issuingAuthority'> {
  const match = SYMBOL.exec(text);
  if (!match) return { documentNumber: null, documentForm: null, issuingAuthority: null };
  const parts = match[3].split('-');
  const form = FORMS[parts[0]];
  // Without a form abbreviation the symbol is "<authority>-<drafting unit>": an official letter.
  const authorityCode = form ? parts[1] : parts[0];
  return {
    documentNumber: match[0],
    documentForm: form ?? (parts.length >= 2 ? 'official_letter' : null),
    issuingAuthority: (authorityCode && AUTHORITIES[authorityCode]) ?? null,
  };
}

/**
 * Returns the metadata read from the subject first, then from the document text. Each field
 * keeps the first source that has it, and a field that neither contains stays null.
 */
export function readDocumentMetadata(subject: string, documentText: string | null): DocumentMetadata {
  const sources = [subject, documentText ?? ''].map((text) => text.normalize('NFC'));
  const result: DocumentMetadata = { documentNumber: null, documentForm: null, issueDate: null, issuingAuthority: null };
  for (const text of sources) {
    const symbol = readSymbol(text);
    if (!result.documentNumber && symbol.documentNumber) {
      result.documentNumber = symbol.documentNumber;
      result.documentForm = symbol.documentForm;
    }
    result.issuingAuthority ??= symbol.issuingAuthority;
    result.issueDate ??= readDate(text);
  }
  return result;
}
