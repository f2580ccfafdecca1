/** Text helpers shared by the pre-checks. */

/**
 * Folds Vietnamese text for comparison: NFC, diacritics removed (đ becomes d), lower case,
 * every run of characters other than a–z and 0–9 turned into one space.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A Strapi "blocks" value: nodes with `text` or `children`. */
type BlockNode = { text?: unknown; children?: unknown };

/** Turns rich text (Markdown, HTML or Strapi blocks) into plain text, keeping line breaks. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((node) => plainText(node)).join('\n');
  if (typeof value === 'object') {
    const node = value as BlockNode;
    return [typeof node.text === 'string' ? node.text : '', plainText(node.children)].join('');
  }
  if (typeof value !== 'string') return '';
  return value
    .normalize('NFC')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>~]+/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** Formats an instant in Viet Nam time as "dd/mm/yyyy hh:mm (UTC+7)". */
export function vietnamTime(at: Date): string {
  return `${VIETNAM_TIME.format(at).replace(',', '')} (UTC+7)`;
}

/** Formats a duration in milliseconds as "21 h 30 min". */
export function hoursAndMinutes(ms: number): string {
  const minutes = Math.round(ms / 60000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
