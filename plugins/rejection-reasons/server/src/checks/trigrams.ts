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

/** Fingerprint length: the title and the opening of the text, cut at a word boundary. */
export const FINGERPRINT_LENGTH = 600;

/** Builds the folded text that the duplicate check compares: title, then summary and body. */
export function fingerprintOf(entry: Record<string, unknown>): string {
  const parts = ['title', 'name', 'summary', 'abstract', 'description', 'body', 'fullText', 'content', 'answer'].map((field) => fold(plainText(entry[field])));
  const text = parts.filter(Boolean).join(' ');
  if (text.length <= FINGERPRINT_LENGTH) return text;
  const cut = text.lastIndexOf(' ', FINGERPRINT_LENGTH);
  return text.slice(0, cut > 0 ? cut : FINGERPRINT_LENGTH);
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
