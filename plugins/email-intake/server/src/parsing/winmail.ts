import iconv from 'iconv-lite';

/**
 * Reader of the files inside Outlook's winmail.dat (Transport Neutral Encapsulation Format). The stream is a
 * signature, a key, then attributes: level (1 byte), id and type (4 bytes), length (4 bytes),
 * data and a 2-byte checksum. Each attachment starts with attAttachRendData and carries its
 * name in attAttachTitle (8-bit, in the message code page) and, since Outlook 97, its long
 * name in the MAPI property PR_ATTACH_LONG_FILENAME of attAttachment.
 */

const TNEF_SIGNATURE = 0x223e9f78;
const LEVEL_MESSAGE = 1;
const LEVEL_ATTACHMENT = 2;
const ATT_OEM_CODEPAGE = 0x9007;
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005;
const PR_ATTACH_LONG_FILENAME = 0x3707;

const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MV_FLAG = 0x1000;
const FIXED_SIZES: Record<number, number> = { 0x0001: 4, 0x0002: 4, 0x0003: 4, 0x0004: 4, 0x0005: 8, 0x0006: 8, 0x0007: 8, 0x000a: 4, 0x000b: 4, 0x0014: 8, 0x0040: 8, 0x0048: 16 };

export interface WinmailFile {
  filename: string;
  content: Buffer;
}

export type WinmailResult = { ok: true; files: WinmailFile[] } | { ok: false; error: string };

const padded = (length: number) => length + ((4 - (length % 4)) % 4);

/** Returns the long file name among MAPI properties, or null if it is absent or unreadable. */
function longFilename(data: Buffer, codepage: string): string | null {
  let offset = 0;
  const count = data.readUInt32LE(offset);
  offset += 4;
  for (let index = 0; index < count && offset + 4 <= data.length; index++) {
    const type = data.readUInt16LE(offset);
    const id = data.readUInt16LE(offset + 2);
    offset += 4;
    if (id >= 0x8000) {
      // A named property: a GUID, then a numeric id or a UTF-16 name.
      const kind = data.readUInt32LE(offset + 16);
      offset += 20;
      offset += kind === 0 ? 4 : 4 + padded(data.readUInt32LE(offset));
    }
    const baseType = type & ~MV_FLAG;
    const variable = [PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT].includes(baseType);
    const valueCount = variable || type & MV_FLAG ? data.readUInt32LE(offset) : 1;
    if (variable || type & MV_FLAG) offset += 4;
    for (let value = 0; value < valueCount; value++) {
      if (variable) {
        const length = data.readUInt32LE(offset);
        const bytes = data.subarray(offset + 4, offset + 4 + length);
        if (id === PR_ATTACH_LONG_FILENAME && value === 0) {
          const text = baseType === PT_UNICODE ? bytes.toString('utf16le') : iconv.decode(bytes, codepage);
          return text.replace(/\0+$/, '');
        }
        offset += 4 + padded(length);
      } else {
        const size = FIXED_SIZES[baseType];
        if (size === undefined) return null;
        offset += size;
      }
    }
  }
  return null;
}

/** Lists the files inside a winmail.dat; a malformed stream is reported, never thrown. */
export function expandWinmail(data: Buffer): WinmailResult {
  if (data.length < 6 || data.readUInt32LE(0) !== TNEF_SIGNATURE) return { ok: false, error: 'not a TNEF stream' };
  let codepage = 'windows-1252';
  const files: { title: Buffer | null; longName: string | null; content: Buffer | null }[] = [];
  let offset = 6;
  try {
    while (offset + 11 <= data.length) {
      const level = data.readUInt8(offset);
      const id = data.readUInt16LE(offset + 1);
      const length = data.readUInt32LE(offset + 5);
      const value = data.subarray(offset + 9, offset + 9 + length);
      if (value.length !== length) return { ok: false, error: `attribute 0x${id.toString(16)} is truncated` };
      offset += 9 + length + 2;

      if (level === LEVEL_MESSAGE && id === ATT_OEM_CODEPAGE && length >= 4) {
        const page = value.readUInt32LE(0);
        if (iconv.encodingExists(`windows-${page}`)) codepage = `windows-${page}`;
      } else if (level === LEVEL_ATTACHMENT) {
        if (id === ATT_ATTACH_REND_DATA) files.push({ title: null, longName: null, content: null });
        const current = files[files.length - 1];
        if (!current) continue;
        if (id === ATT_ATTACH_TITLE) current.title = value;
        if (id === ATT_ATTACH_DATA) current.content = value;
        if (id === ATT_ATTACHMENT) current.longName = longFilename(value, codepage);
      }
    }
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }

  return {
    ok: true,
    files: files
      .filter((file) => file.content)
      .map((file, index) => ({
        filename: file.longName || (file.title ? iconv.decode(file.title, codepage).replace(/\0+$/, '') : '') || `winmail-${index + 1}`,
        content: file.content!,
      })),
  };
}
