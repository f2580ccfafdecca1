/**
 * Detection of Vietnamese text typed with the legacy 8-bit font encodings TCVN3 (ABC, TCVN
 * 5712:1993) and VNI. Such text arrives as Latin-1 letters that no Vietnamese word contains,
 * for example "ViÖt Nam" (TCVN3) or "Vieät Nam" (VNI) for "Việt Nam". The text is flagged for
 * the editor, never silently kept or rewritten.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /** Up to three words that show the legacy encoding, for the editor's warning. */
  samples: string[];
}

// Latin-1 letters and signs that TCVN3 fonts use for Vietnamese letters but that Unicode
// Vietnamese never contains (the tone marks of a, e, o, u, y and the letters ă â đ ê ô ơ ư).
const TCVN3_MARKERS = new Set([...'¸µ¶·¹¨©®ª«¬­¡¢£¤¥¦§»¼½¾ÆÇÊËÌÎÏÑÖ×ØÜÞßäåæçëîïñöøüþ']);

// VNI writes a base letter followed by a Latin-1 mark letter: "aù" is á, "eä" is ệ, "ñ" is đ.
const VNI_PATTERN = /[aAeEiIoOuUyY][øùûõïâäåêëôöÿ]|[aAeEoOuU][ùøûõï]|ñ|Ñ|[ôÔ][ùøûõï]|[öÖ][ùøûõï]/g;

// Letters of Unicode Vietnamese outside Latin-1: their presence means the text is already Unicode.
const UNICODE_VIETNAMESE = /[ăĂđĐơƠưƯ\u1EA0-\u1EF9]/g;

const wordsContaining = (text: string, characters: (ch: string) => boolean): string[] => {
  const found: string[] = [];
  for (const word of text.split(/\s+/)) {
    if ([...word].some(characters) && !found.includes(word)) found.push(word);
    if (found.length === 3) break;
  }
  return found;
};

/**
 * Returns the legacy encoding that a text appears to be typed in, or null for Unicode text.
 * A text counts as legacy when at least three legacy marks occur and they outnumber the
 * Unicode Vietnamese letters, so a French or German name in a Vietnamese text is not flagged.
 */
export function detectLegacyEncoding(text: string): LegacyDetection | null {
  if (!text) return null;
  const unicodeCount = text.match(UNICODE_VIETNAMESE)?.length ?? 0;
  const tcvnCount = [...text].filter((ch) => TCVN3_MARKERS.has(ch)).length;
  const vniCount = text.match(VNI_PATTERN)?.length ?? 0;
  const legacyCount = Math.max(tcvnCount, vniCount);
  if (legacyCount < 3 || legacyCount <= unicodeCount) return null;

  if (vniCount > tcvnCount) {
    return { encoding: 'vni', samples: wordsContaining(text, (ch) => 'øùûõïäåëöÿñÑ'.includes(ch)) };
  }
  return { encoding: 'tcvn3', samples: wordsContaining(text, (ch) => TCVN3_MARKERS.has(ch)) };
}
