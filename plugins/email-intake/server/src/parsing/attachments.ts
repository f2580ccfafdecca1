import path from 'node:path';
import { fromBuffer as fileTypeFromBuffer } from 'file-type';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import bmp from 'bmp-js';
import sharp from 'sharp';
import WordExtractor from 'word-extractor';
import yauzl from 'yauzl';
import type { IntakeWarning, ParsedAttachment } from './parse-message';

export interface AttachmentLimits {
  /** Largest attachment kept, in bytes. */
  maxAttachmentBytes: number;
  /** Largest total size that a zip-based file (DOCX, XLSX, ZIP) may expand to, in bytes. */
  maxExpandedBytes: number;
  /** Largest number of entries in a zip-based file. */
  maxArchiveEntries: number;
}

export interface InspectedAttachment {
  filename: string;
  declaredType: string;
  /** Type decided from the bytes; "application/octet-stream" when nothing matched. */
  detectedType: string;
  size: number;
  cid: string | null;
  origin: ParsedAttachment['origin'];
  /** Null when the file is rejected (too large, an archive that expands without bound). */
  content: Buffer | null;
  rejected: string | null;
  /** Plain text of a DOCX, DOC or PDF, for the pre-checks. */
  text: string | null;
  /** Markdown of a DOCX, used as the draft body. */
  markdown: string | null;
  /** Set when a TIFF or BMP image was converted for the web. */
  convertedFrom: string | null;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP_TYPES = new Set(['application/zip', DOCX, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'application/vnd.oasis.opendocument.text', 'application/epub+zip']);
const WEB_CONVERTED = new Set(['image/tiff', 'image/bmp']);

/** Decides the type from the bytes; text without a signature keeps a declared text type. */
async function detectType(attachment: ParsedAttachment): Promise<{ mime: string; ext: string | null }> {
  const detected = await fileTypeFromBuffer(attachment.content);
  if (detected) return { mime: detected.mime, ext: detected.ext };
  if (attachment.declaredType.startsWith('text/')) return { mime: attachment.declaredType, ext: null };
  return { mime: 'application/octet-stream', ext: null };
}

/**
 * Reads every entry of a zip archive and counts the bytes it expands to, stopping as soon as
 * the limit is passed. The sizes in the central directory are not trusted: yauzl checks each
 * entry's real size against its header while the data is read.
 */
export function checkArchive(content: Buffer, limits: AttachmentLimits): Promise<string | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(content, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return resolve(`the archive cannot be opened (${openError?.message ?? 'unknown error'})`);
      let expanded = 0;
      let entries = 0;
      const stop = (reason: string | null) => {
        zip.close();
        resolve(reason);
      };
      zip.on('error', (error: Error) => stop(`the archive is damaged (${error.message})`));
      zip.on('end', () => resolve(null));
      zip.on('entry', (entry: { fileName: string; uncompressedSize: number }) => {
        entries += 1;
        if (entries > limits.maxArchiveEntries) return stop(`the archive has more than ${limits.maxArchiveEntries} entries`);
        if (expanded + entry.uncompressedSize > limits.maxExpandedBytes) return stop(`the archive expands to more than ${limits.maxExpandedBytes} bytes`);
        if (/\/$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return stop(`an archive entry cannot be read (${streamError?.message ?? 'unknown error'})`);
          stream.on('data', (chunk: Buffer) => {
            expanded += chunk.length;
            if (expanded > limits.maxExpandedBytes) {
              stream.destroy();
              stop(`the archive expands to more than ${limits.maxExpandedBytes} bytes`);
            }
          });
          stream.on('error', (error: Error) => stop(`an archive entry is damaged (${error.message})`));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

async function extractPdfText(content: Buffer): Promise<string> {
  const parser = new PDFParse({ data: content });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function extractDocText(content: Buffer): Promise<string> {
  const document = await new WordExtractor().extract(content);
  return document.getBody() as string;
}

/** Converts a TIFF (read by sharp) or a BMP (decoded by bmp-js, which sharp cannot read) to PNG. */
async function toPng(content: Buffer, mime: string): Promise<Buffer> {
  if (mime !== 'image/bmp') return sharp(content).png().toBuffer();
  // bmp-js returns 4 bytes per pixel in the order A, B, G, R; the alpha byte is 0 for 24-bit files.
  const image = bmp.decode(content) as { width: number; height: number; data: Buffer };
  const rgb = Buffer.alloc(image.width * image.height * 3);
  for (let pixel = 0; pixel < image.width * image.height; pixel++) {
    rgb[pixel * 3] = image.data[pixel * 4 + 3];
    rgb[pixel * 3 + 1] = image.data[pixel * 4 + 2];
    rgb[pixel * 3 + 2] = image.data[pixel * 4 + 1];
  }
  return sharp(rgb, { raw: { width: image.width, height: image.height, channels: 3 } }).png().toBuffer();
}

const renamed = (filename: string, ext: string) => `${path.basename(filename, path.extname(filename))}.${ext}`;

/**
 * Checks one attachment and prepares it for the media library. The type comes from the bytes,
 * the size limits apply, and zip-based files are read once to stop unbounded expansion. DOCX,
 * DOC and PDF files give their text, a DOCX also gives Markdown, and TIFF and BMP images become
 * PNG. Problems become warnings, and a file that fails a check is reported and not stored.
 */
export async function inspectAttachment(attachment: ParsedAttachment, limits: AttachmentLimits, warnings: IntakeWarning[]): Promise<InspectedAttachment> {
  const base: InspectedAttachment = {
    filename: attachment.filename,
    declaredType: attachment.declaredType,
    detectedType: 'application/octet-stream',
    size: attachment.size,
    cid: attachment.cid,
    origin: attachment.origin,
    content: null,
    rejected: null,
    text: null,
    markdown: null,
    convertedFrom: null,
  };
  const reject = (code: string, reason: string): InspectedAttachment => {
    warnings.push({ code, field: attachment.filename, message: `The attachment ${attachment.filename} was not stored: ${reason}.` });
    return { ...base, rejected: reason };
  };

  if (attachment.size > limits.maxAttachmentBytes) return reject('attachment_too_large', `it has ${attachment.size} bytes, more than the limit of ${limits.maxAttachmentBytes}`);
  const { mime, ext } = await detectType(attachment);
  base.detectedType = mime;

  if (ZIP_TYPES.has(mime)) {
    const problem = await checkArchive(attachment.content, limits);
    if (problem) return reject('archive_rejected', problem);
  }

  const result: InspectedAttachment = { ...base, content: attachment.content };
  if (ext && path.extname(attachment.filename).toLowerCase() !== `.${ext}` && !(ext === 'jpg' && /\.jpe?g$/i.test(attachment.filename))) {
    warnings.push({ code: 'extension_mismatch', field: attachment.filename, message: `The attachment ${attachment.filename} is a ${mime} file, whatever its name says; it is stored as ${mime}.` });
  }

  try {
    if (mime === DOCX) {
      // NOTE: mammoth marks its Markdown output deprecated (1.13.0) but still ships it; the draft
      // body is a Strapi richtext field, which stores Markdown.
      const converter = mammoth as unknown as { convertToMarkdown: typeof mammoth.convertToHtml };
      result.markdown = (await converter.convertToMarkdown({ buffer: attachment.content })).value.normalize('NFC');
      result.text = (await mammoth.extractRawText({ buffer: attachment.content })).value.normalize('NFC');
    } else if (mime === 'application/pdf') {
      result.text = (await extractPdfText(attachment.content)).normalize('NFC');
    } else if (mime === 'application/x-cfb') {
      result.text = (await extractDocText(attachment.content)).normalize('NFC');
    } else if (WEB_CONVERTED.has(mime)) {
      result.content = await toPng(attachment.content, mime);
      result.convertedFrom = mime;
      result.detectedType = 'image/png';
      result.filename = renamed(attachment.filename, 'png');
      result.size = result.content.length;
    }
  } catch (error) {
    warnings.push({ code: 'extraction_failed', field: attachment.filename, message: `The text of ${attachment.filename} could not be read (${(error as Error).message}); the file is stored as it is.` });
  }
  return result;
}
