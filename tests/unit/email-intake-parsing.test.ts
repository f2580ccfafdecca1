import iconv from 'iconv-lite';
import { checkArchive, inspectAttachment } from '../../plugins/email-intake/server/src/parsing/attachments';
import { readDocumentMetadata } from '../../plugins/email-intake/server/src/parsing/document-metadata';
import { detectLegacyEncoding } from '../../plugins/email-intake/server/src/parsing/legacy-encoding';
import { parseMessage, type IntakeWarning } from '../../plugins/email-intake/server/src/parsing/parse-message';
import { authenticationOf } from '../../plugins/email-intake/server/src/services/senders';
import { buildBmp, buildDocx, buildMessage, buildWinmail, buildZipBomb, multipart, PNG_PIXEL, splitEncodedWords, textPart } from '../helpers/intake-messages';

/** Writes Vietnamese as windows-1258 does: letters with their vowel marks, each tone mark as a combining character. */
const encodeWindows1258 = (text: string) =>
  iconv.encode(
    text.normalize('NFD').replace(/(\P{M})(\p{M}*)/gu, (_match, letter: string, marks: string) => {
      const tone = marks.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, '');
      return (letter + marks.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '')).normalize('NFC') + tone;
    }),
    'windows-1258'
  );

const LIMITS = { maxAttachmentBytes: 5 * 1024 * 1024, maxExpandedBytes: 10 * 1024 * 1024, maxArchiveEntries: 100 };

describe('parseMessage', () => {
  test('subject split inside characters', async () => {
    const subject = 'Hội nghị tổng kết công tác năm 2026 của Bộ Khoa học và Công nghệ';
    const encoded = splitEncodedWords(subject, 5);
    expect(encoded.split('?=').length).toBeGreaterThan(10);
    const parsed = await parseMessage(buildMessage({ subject: encoded }));
    expect(parsed.subject).toBe(subject);
  });

  test('RFC 2231 file name split inside a character', async () => {
    const name = 'Báo cáo tổng hợp đề tài.pdf';
    const raw = buildMessage({ mime: multipart('mixed', [textPart('Kính gửi'), { type: 'application/pdf', content: Buffer.from('%PDF-1.4\n%%EOF'), filename: name, filenameSplit: true }]) });
    expect(raw.toString('latin1')).toContain('filename*1*=');
    const parsed = await parseMessage(raw);
    expect(parsed.attachments.map((attachment) => attachment.filename)).toEqual([name]);
  });

  test('windows-1258 body', async () => {
    const body = encodeWindows1258('Thông báo về việc tổ chức Hội nghị');
    expect(body.includes(0xf2)).toBe(true);
    const mime = `Content-Type: text/plain; charset=windows-1258\r\nContent-Transfer-Encoding: base64\r\n\r\n${body.toString('base64')}`;
    const parsed = await parseMessage(buildMessage({ mime }));
    expect(parsed.text).toBe('Thông báo về việc tổ chức Hội nghị'.normalize('NFC'));
    expect(parsed.text).toBe(parsed.text.normalize('NFC'));
  });

  test('HTML-only message', async () => {
    const html = '<html><body><p>Sáng ngày <b>3/12</b>, Bộ tổ chức hội thảo.</p></body></html>';
    const mime = `Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64')}`;
    const parsed = await parseMessage(buildMessage({ mime }));
    expect(parsed.html).toContain('<b>3/12</b>');
    expect(parsed.text).toContain('Sáng ngày 3/12, Bộ tổ chức hội thảo.');
  });

  test('inline cid image', async () => {
    const html = '<p>Ảnh hội thảo:</p><img src="cid:anh1@most">';
    const raw = buildMessage({
      mime: multipart('related', [
        { type: 'text/html; charset=utf-8', content: Buffer.from(html) },
        { type: 'image/png', content: PNG_PIXEL, filename: 'anh.png', cid: 'anh1@most', inline: true },
      ]),
    });
    const parsed = await parseMessage(raw);
    expect(parsed.html).toContain('cid:anh1@most');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0].cid).toBe('anh1@most');
  });

  test('forwarded message attached as .eml', async () => {
    const inner = buildMessage({ subject: 'Fwd inner', text: 'Nội dung thư gốc', mime: multipart('mixed', [textPart('Nội dung thư gốc'), { type: 'application/pdf', content: Buffer.from('%PDF-1.4\n%%EOF'), filename: 'goc.pdf' }]) });
    const raw = buildMessage({ mime: multipart('mixed', [textPart('Chuyển tiếp thư bên dưới'), { type: 'message/rfc822', content: inner, filename: 'thu-goc.eml' }]) });
    const parsed = await parseMessage(raw);
    expect(parsed.forwarded).toHaveLength(1);
    expect(parsed.forwarded[0].subject).toBe('Fwd inner');
    expect(parsed.forwarded[0].text).toContain('Nội dung thư gốc');
    expect(parsed.attachments.map((attachment) => [attachment.filename, attachment.origin])).toEqual([['goc.pdf', 'forwarded']]);
  });

  test('winmail.dat files', async () => {
    const winmail = buildWinmail([{ name: 'Kế hoạch năm 2027.pdf', content: Buffer.from('%PDF-1.4\n%%EOF') }]);
    const raw = buildMessage({ mime: multipart('mixed', [textPart('Gửi kèm kế hoạch'), { type: 'application/ms-tnef', content: winmail, filename: 'winmail.dat' }]) });
    const parsed = await parseMessage(raw);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0].filename).toBe('Kế hoạch năm 2027.pdf');
    expect(parsed.attachments[0].origin).toBe('winmail.dat');
    expect(parsed.attachments[0].content.toString()).toBe('%PDF-1.4\n%%EOF');
  });

  test('no content type, UTF-8 bytes', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@most.gov.vn\r\nTo: stc@most.gov.vn\r\nSubject: x\r\n\r\n'), Buffer.from('Khoa học và Công nghệ', 'utf8')]);
    const parsed = await parseMessage(raw);
    expect(parsed.text).toBe('Khoa học và Công nghệ');
    expect(parsed.warnings.map((warning) => warning.code)).toEqual([]);
  });

  test('no content type, 8-bit legacy bytes', async () => {
    const raw = Buffer.concat([Buffer.from('From: a@most.gov.vn\r\nTo: stc@most.gov.vn\r\nSubject: x\r\n\r\n'), encodeWindows1258('Khoa học và Công nghệ')]);
    const parsed = await parseMessage(raw);
    expect(parsed.text).toBe('Khoa học và Công nghệ'.normalize('NFC'));
    expect(parsed.warnings.map((warning) => warning.code)).toContain('charset_guessed');
  });

  test('decomposed text becomes NFC', async () => {
    const decomposed = 'Việt Nam'.normalize('NFD');
    const parsed = await parseMessage(buildMessage({ subject: splitEncodedWords(decomposed), text: decomposed }));
    expect(parsed.subject).toBe('Việt Nam'.normalize('NFC'));
    expect(parsed.text).toBe('Việt Nam'.normalize('NFC'));
  });

  test('TCVN3 and VNI text flagged', async () => {
    const tcvn = await parseMessage(buildMessage({ text: 'Bé Khoa häc vµ C«ng nghÖ th«ng b¸o vÒ viÖc tæ chøc héi nghÞ' }));
    expect(tcvn.warnings.map((warning) => warning.code)).toContain('legacy_tcvn3');
    const vni = await parseMessage(buildMessage({ text: 'Boä Khoa hoïc vaø Coâng ngheä thoâng baùo veà vieäc toå chöùc' }));
    expect(vni.warnings.map((warning) => warning.code)).toContain('legacy_vni');
  });

  test('receipt time from Received header', async () => {
    const parsed = await parseMessage(buildMessage({ headers: ['Received: from relay.most.gov.vn (relay [10.0.0.1])\r\n by mx.most.gov.vn with ESMTP id 42; Thu, 3 Dec 2026 16:45:10 +0700', 'Received: from pc by relay; Thu, 3 Dec 2026 16:40:00 +0700'] }));
    expect(parsed.lastReceivedAt?.toISOString()).toBe('2026-12-03T09:45:10.000Z');
    expect((await parseMessage(buildMessage())).lastReceivedAt).toBeNull();
  });

  test('automated mail recognised', async () => {
    const parsed = await parseMessage(buildMessage({ headers: ['Auto-Submitted: auto-replied'] }));
    expect(parsed.automated).toBe(true);
    const normal = await parseMessage(buildMessage());
    expect(normal.automated).toBe(false);
  });
});

describe('detectLegacyEncoding', () => {
  test('Unicode Vietnamese not flagged', () => {
    expect(detectLegacyEncoding('Bộ Khoa học và Công nghệ thông báo về việc tổ chức hội nghị')).toBeNull();
  });

  test('a few foreign letters not flagged', () => {
    expect(detectLegacyEncoding('Hội thảo với Đại học München và Université de Genève tại Hà Nội')).toBeNull();
  });
});

describe('attachments', () => {
  test('type from content, not name', async () => {
    const warnings: IntakeWarning[] = [];
    const inspected = await inspectAttachment({ filename: 'anh.pdf', declaredType: 'application/pdf', content: PNG_PIXEL, size: PNG_PIXEL.length, cid: null, origin: 'message' }, LIMITS, warnings);
    expect(inspected.detectedType).toBe('image/png');
    expect(warnings.map((warning) => warning.code)).toEqual(['extension_mismatch']);
  });

  test('DOCX to Markdown', async () => {
    const docx = await buildDocx('Hội thảo khoa học', ['Sáng ngày 3/12 đã diễn ra hội thảo.']);
    const inspected = await inspectAttachment({ filename: 'tin.docx', declaredType: 'application/octet-stream', content: docx, size: docx.length, cid: null, origin: 'message' }, LIMITS, []);
    expect(inspected.detectedType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(inspected.markdown).toContain('# Hội thảo khoa học');
    expect(inspected.text).toContain('Sáng ngày 3/12 đã diễn ra hội thảo.');
  });

  test('zip bomb rejected', async () => {
    const bomb = await buildZipBomb(50 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await checkArchive(bomb, LIMITS)).toMatch(/expands to more than/);
    const warnings: IntakeWarning[] = [];
    const inspected = await inspectAttachment({ filename: 'bomb.docx', declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: bomb, size: bomb.length, cid: null, origin: 'message' }, LIMITS, warnings);
    expect(inspected.content).toBeNull();
    expect(inspected.rejected).toMatch(/expands to more than/);
    expect(warnings.map((warning) => warning.code)).toEqual(['archive_rejected']);
  });

  test('BMP converted to PNG', async () => {
    const bmp = buildBmp();
    const inspected = await inspectAttachment({ filename: 'so-do.bmp', declaredType: 'image/bmp', content: bmp, size: bmp.length, cid: null, origin: 'message' }, LIMITS, []);
    expect(inspected.convertedFrom).toBe('image/bmp');
    expect(inspected.detectedType).toBe('image/png');
    expect(inspected.filename).toBe('so-do.png');
    expect(inspected.content!.subarray(1, 4).toString()).toBe('PNG');
  });

  test('oversized attachment rejected', async () => {
    const content = Buffer.alloc(LIMITS.maxAttachmentBytes + 1);
    const inspected = await inspectAttachment({ filename: 'lon.bin', declaredType: 'application/octet-stream', content, size: content.length, cid: null, origin: 'message' }, LIMITS, []);
    expect(inspected.rejected).toMatch(/more than the limit/);
  });
});

describe('readDocumentMetadata', () => {
  test('decision in the subject', () => {
    expect(readDocumentMetadata('Quyết định 400/QĐ-BKHCN ngày 19/3/2024 ban hành Quy chế', null)).toEqual({
      documentNumber: '400/QĐ-BKHCN',
      documentForm: 'decision',
      issueDate: '2024-03-19',
      issuingAuthority: 'Bộ Khoa học và Công nghệ',
    });
  });

  test('circular with year, date in the text', () => {
    const metadata = readDocumentMetadata('Gửi Thông tư 05/2024/TT-BKHCN', 'Hà Nội, ngày 02 tháng 5 năm 2024');
    expect(metadata.documentNumber).toBe('05/2024/TT-BKHCN');
    expect(metadata.documentForm).toBe('circular');
    expect(metadata.issueDate).toBe('2024-05-02');
  });

  test('official letter without form', () => {
    const metadata = readDocumentMetadata('Công văn 1234/BKHCN-VP', null);
    expect(metadata.documentForm).toBe('official_letter');
    expect(metadata.issuingAuthority).toBe('Bộ Khoa học và Công nghệ');
    expect(metadata.issueDate).toBeNull();
  });
});

describe('authenticationOf', () => {
  test('topmost header counts without trusted ids', () => {
    expect(authenticationOf(['mx.most.gov.vn; spf=fail smtp.mailfrom=x; dkim=none', 'other; spf=pass'], [])).toEqual({ spf: 'fail', dkim: ['none'] });
  });

  test('only trusted relays count', () => {
    expect(authenticationOf(['evil.example; spf=pass', 'mx.most.gov.vn; spf=softfail; dkim=pass header.d=most.gov.vn'], ['mx.most.gov.vn'])).toEqual({ spf: 'softfail', dkim: ['pass'] });
    expect(authenticationOf([], ['mx.most.gov.vn'])).toBeNull();
  });
});
