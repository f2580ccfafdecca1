import { fold, plainText } from './text';

/**
 * Trigram similarity as PostgreSQL's pg_trgm computes it, for the SQLite side of the duplicate
 * check. pg_trgm splits text into words of letters and digits, pads each word with two spaces
 * before and one after, and takes the set of its three-character substrings; the similarity of
 * two texts is the size of the intersection of their sets over the size of their union. The
 * fingerprints compared are folded to a–z, 0–9 and single spaces, so both databases see the
 * same words and give the same scores.
 */

/** Characters kept in a fingerprint after folding: space, a–z, 0–9. */
const ALPHABET = ' abcdefghijklmnopqrstuvwxyz0123456789';
const BASE = ALPHABET.length;
const CODE = new Int16Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) CODE[ALPHABET.charCodeAt(index)] = index;

/** Length of folded text compared: the title and the opening of the text, cut at a word boundary. */
export const FINGERPRINT_LENGTH = 600;

/**
 * Builds the text that the duplicate check compares: title, then summary and body, folded, with
 * each pair of neighbouring words joined ("khoa hoc cong nghe" becomes "khoahoc hoccong
 * congnghe"). Vietnamese words are single syllables, so the trigrams of single words are shared
 * by most unrelated texts; trigrams across two syllables tell texts apart.
 */
export function fingerprintOf(entry: Record<string, unknown>): string {
  const parts = ['title', 'name', 'summary', 'abstract', 'description', 'body', 'fullText', 'content', 'answer'].map((field) => fold(plainText(entry[field])));
  let text = parts.filter(Boolean).join(' ');
  if (text.length > FINGERPRINT_LENGTH) {
    const cut = text.lastIndexOf(' ', FINGERPRINT_LENGTH);
    text = text.slice(0, cut > 0 ? cut : FINGERPRINT_LENGTH);
  }
  const words = text.split(' ').filter(Boolean);
  if (words.length < 2) return words.join('');
  return words.slice(1).map((word, index) => words[index] + word).join(' ');
}

/** Returns the distinct trigrams of a folded text as numbers (three base-37 digits). */
export function trigramCodes(folded: string): Set<number> {
  const codes = new Set<number>();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let index = 0; index + 3 <= padded.length; index += 1) {
      const a = CODE[padded.charCodeAt(index)];
      const b = CODE[padded.charCodeAt(index + 1)];
      const c = CODE[padded.charCodeAt(index + 2)];
      codes.add((a * BASE + b) * BASE + c);
    }
  }
  return codes;
}

/** A query text prepared once and compared with many fingerprints. */
export class TrigramQuery {
  readonly size: number;
  private readonly marks = new Uint8Array(BASE * BASE * BASE);
  private readonly seen = new Uint32Array(BASE * BASE * BASE);
  private generation = 0;

  constructor(folded: string) {
    const codes = trigramCodes(folded);
    this.size = codes.size;
    for (const code of codes) this.marks[code] = 1;
  }

  /** pg_trgm `similarity(query, other)`; 0 when either text has no trigram. */
  similarity(other: string): number {
    this.generation += 1;
    const stamp = this.generation;
    let size = 0;
    let common = 0;
    for (let start = 0; start < other.length; ) {
      let end = other.indexOf(' ', start);
      if (end === -1) end = other.length;
      if (end > start) {
        // The padded word "  w " read without building it: positions -2 and -1 are spaces.
        const length = end - start + 3;
        for (let index = 0; index + 3 <= length; index += 1) {
          const at = (offset: number) => {
            const position = index + offset - 2;
            return position < 0 || position >= end - start ? 0 : CODE[other.charCodeAt(start + position)];
          };
          const code = (at(0) * BASE + at(1)) * BASE + at(2);
          if (this.seen[code] !== stamp) {
            this.seen[code] = stamp;
            size += 1;
            if (this.marks[code] === 1) common += 1;
          }
        }
      }
      start = end + 1;
    }
    const union = this.size + size - common;
    return union === 0 ? 0 : common / union;
  }
}

/** Number of distinct trigrams of a folded text. */
export const trigramCount = (folded: string) => trigramCodes(folded).size;

/** Scores are compared at four decimals: PostgreSQL computes them in single precision. */
export const roundScore = (score: number) => Math.round(score * 10000) / 10000;

/**
 * MinHash band keys of a fingerprint, for finding candidates without comparing every item: two
 * texts with trigram similarity s share at least one of the BANDS keys with probability
 * 1 - (1 - s^ROWS)^BANDS, about 0.85 at s = 0.7, 0.997 at 0.8 and 1 at 0.9 (estimates from the
 * formula). Each key hashes ROWS minimums of the trigram codes under fixed hash functions.
 */
export const BANDS = 32;
export const ROWS = 8;
const PRIME = 2147483647;
const HASHES = (() => {
  // Fixed coefficients from a seeded generator: every process and database gets the same keys.
  let state = 0x5eed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) % PRIME;
  };
  return Array.from({ length: BANDS * ROWS }, () => [1 + next(), next()] as const);
})();

export function bandKeys(fingerprint: string): string[] {
  const codes = [...trigramCodes(fingerprint)];
  if (codes.length === 0) return [];
  // a·x + b stays below 2^53 (a < 2^31, x < 37^3), so the products are exact.
  const minimums = HASHES.map(([a, b]) => codes.reduce((min, code) => Math.min(min, (a * code + b) % PRIME), PRIME));
  return Array.from({ length: BANDS }, (_, band) => `${band}:${minimums.slice(band * ROWS, (band + 1) * ROWS).map((value) => value.toString(36)).join('.')}`);
}
