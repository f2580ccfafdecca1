import JSZip from 'jszip';
import iconv from 'iconv-lite';

/** Address of the demo focal point of the communications centre (unit TTTT). */
export const FOCAL_POINT = 'focal-point@demo.most.gov.vn';
export const NEWS_MAILBOX = 'stc@most.gov.vn';
export const DOCUMENTS_MAILBOX = 'vb@most.gov.vn';

let counter = 0;

export interface MessageOptions {
  from?: string;
  to?: string;
  subject?: string;
  /** Extra header lines, without the final CRLF. */
  headers?: string[];
  messageId?: string;
  /** Full body including MIME headers of the top part; a plain UTF-8 text body when absent. */
  mime?: string;
  text?: string;
}

const base64Lines = (data: Buffer) => data.toString('base64').replace(/.{76}/g, '$&\r\n');

/** Encodes a subject as RFC 2047 encoded words of `size` bytes, splitting UTF-8 characters between words. */
export function splitEncodedWords(text: string, size = 7): string {
  const bytes = Buffer.from(text, 'utf8');
  const words: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) words.push(`=?UTF-8?B?${bytes.subarray(offset, offset + size).toString('base64')}?=`);
  return words.join('\r\n ');
}

/** Builds a raw RFC 5322 message; each call gets a new Message-ID unless one is given. */
export function buildMessage(options: MessageOptions = {}): Buffer {
  counter += 1;
  const subject = options.subject ?? splitEncodedWords(`Tin hoạt động số ${counter}`);
  const lines = [
    ...(options.headers ?? []),
    `From: =?UTF-8?B?Q8OhbiBi4buZIMSR4bqndSBt4buRaQ==?= <${options.from ?? FOCAL_POINT}>`,
    `To: ${options.to ?? NEWS_MAILBOX}`,
    `Subject: ${subject}`,
    `Date: Fri, 04 Dec 2026 09:15:00 +0700`,
    `Message-ID: ${options.messageId ?? `<intake-test-${counter}-${Date.now()}@demo.most.gov.vn>`}`,
    'MIME-Version: 1.0',
  ];
  const body =
    options.mime ??
    ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64Lines(Buffer.from(options.text ?? 'Nội dung tin bài về hội thảo khoa học và công nghệ.', 'utf8'))].join('\r\n');
  return Buffer.from(`${lines.join('\r\n')}\r\n${body}\r\n`, 'latin1');
}

export interface Part {
  type: string;
  content: Buffer;
  filename?: string;
  /** Filename as RFC 2231 continuations split inside a UTF-8 character. */
  filenameSplit?: boolean;
  cid?: string;
  inline?: boolean;
}

/** Builds a multipart body (with its Content-Type header) from a text part and attachments. */
export function multipart(subtype: 'mixed' | 'related', parts: Part[]): string {
  const boundary = `b-${subtype}-${counter}-${Math.random().toString(16).slice(2)}`;
  const sections = parts.map((part) => {
    const headers = [`Content-Type: ${part.type}`, 'Content-Transfer-Encoding: base64'];
    if (part.filename && part.filenameSplit) {
      const encoded = encodeURIComponent(part.filename).replace(/'/g, '%27');
      const middle = Math.floor(encoded.length / 2);
      // Split inside a %XX%XX sequence so that the continuation ends in the middle of a character.
      const cut = encoded.indexOf('%', middle) + 3;
      headers.push(`Content-Disposition: attachment;\r\n filename*0*=UTF-8''${encoded.slice(0, cut)};\r\n filename*1*=${encoded.slice(cut)}`);
    } else if (part.filename) {
      headers.push(`Content-Disposition: ${part.inline ? 'inline' : 'attachment'}; filename="${part.filename}"`);
    }
    if (part.cid) headers.push(`Content-ID: <${part.cid}>`);
    return `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${base64Lines(part.content)}`;
  });
  return `Content-Type: multipart/${subtype}; boundary="${boundary}"\r\n\r\n${sections.join('\r\n')}\r\n--${boundary}--`;
}

export const textPart = (text: string): Part => ({ type: 'text/plain; charset=utf-8', content: Buffer.from(text, 'utf8') });

/** A minimal DOCX (WordprocessingML) with one heading and paragraphs. */
export async function buildDocx(heading: string, paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const paragraph = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph(heading, 'Heading1')}${paragraphs.map((text) => paragraph(text)).join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A DOCX-looking zip whose one entry expands to `bytes` zero bytes: a small file that inflates without bound. */
export async function buildZipBomb(bytes: number): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', Buffer.alloc(bytes));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A 2x2 red BMP image (BITMAPINFOHEADER, 24 bits per pixel). */
export function buildBmp(): Buffer {
  const rowSize = 8;
  const pixels = Buffer.alloc(rowSize * 2);
  for (const offset of [0, 3, 8, 11]) pixels.set([0, 0, 255], offset);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  return Buffer.concat([header, pixels]);
}

/** A 1x1 PNG image. */
export const PNG_PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/**
 * Builds a winmail.dat (TNEF) holding files, each with an 8-bit title in windows-1258 and a long
 * file name in PR_ATTACH_LONG_FILENAME (PT_UNICODE), as Outlook writes them.
 */
export function buildWinmail(files: { name: string; content: Buffer }[]): Buffer {
  const attribute = (level: number, id: number, type: number, data: Buffer) => {
    const head = Buffer.alloc(9);
    head.writeUInt8(level, 0);
    head.writeUInt16LE(id, 1);
    head.writeUInt16LE(type, 3);
    head.writeUInt32LE(data.length, 5);
    const checksum = Buffer.alloc(2);
    checksum.writeUInt16LE(data.reduce((sum, byte) => (sum + byte) & 0xffff, 0), 0);
    return Buffer.concat([head, data, checksum]);
  };
  const start = Buffer.alloc(6);
  start.writeUInt32LE(0x223e9f78, 0);
  start.writeUInt16LE(1, 4);
  const codepage = Buffer.alloc(8);
  codepage.writeUInt32LE(1258, 0);
  const parts = [start, attribute(1, 0x9007, 0x0006, codepage)];
  for (const file of files) {
    parts.push(attribute(2, 0x9002, 0x0002, Buffer.alloc(14)));
    parts.push(attribute(2, 0x8010, 0x0001, Buffer.concat([iconv.encode(file.name, 'windows-1258'), Buffer.from([0])])));
    parts.push(attribute(2, 0x800f, 0x0006, file.content));
    const name = Buffer.from(`${file.name}\0`, 'utf16le');
    const padded = Buffer.concat([name, Buffer.alloc((4 - (name.length % 4)) % 4)]);
    const props = Buffer.alloc(16);
    props.writeUInt32LE(1, 0);
    props.writeUInt16LE(0x001f, 4);
    props.writeUInt16LE(0x3707, 6);
    props.writeUInt32LE(1, 8);
    props.writeUInt32LE(name.length, 12);
    parts.push(attribute(2, 0x9005, 0x0006, Buffer.concat([props, padded])));
  }
  return Buffer.concat(parts);
}
