import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import iconv from 'iconv-lite';
import { detectLegacyEncoding } from './legacy-encoding';
import { expandWinmail } from './winmail';

/** A problem found while reading a message, shown to the editor beside the draft. */
export interface IntakeWarning {
  code: string;
  /** The part of the message concerned: "subject", "body", or an attachment name. */
  field: string;
  message: string;
}

export interface ParsedAttachment {
  filename: string;
  /** Content type that the message declares; the stored type is detected from the bytes. */
  declaredType: string;
  content: Buffer;
  size: number;
  /** Content-ID without angle brackets, when an HTML body refers to the part as `cid:`. */
  cid: string | null;
  /** Where the file was found: the message itself, an Outlook winmail.dat, or a forwarded message. */
  origin: 'message' | 'winmail.dat' | 'forwarded';
}

export interface ForwardedMessage {
  subject: string;
  from: string | null;
  date: string | null;
  text: string;
}

export interface ParsedMessage {
  messageId: string | null;
  from: { address: string; name: string } | null;
  replyTo: string | null;
  recipients: string[];
  subject: string;
  date: Date | null;
  text: string;
  html: string | null;
  attachments: ParsedAttachment[];
  forwarded: ForwardedMessage[];
  /** Values of every Authentication-Results header, topmost (added last) first. */
  authenticationResults: string[];
  /** Time in the topmost Received header: when the last relay took the message; null without one. */
  lastReceivedAt: Date | null;
  /** True for auto-replies, bounces and list mail, which must never get an automatic reply. */
  automated: boolean;
  warnings: IntakeWarning[];
}

/** Depth limit for messages forwarded as attachments inside forwarded messages. */
const MAX_FORWARD_DEPTH = 3;

const nfc = (value: string | null | undefined) => (value ?? '').normalize('NFC');

const addressesOf = (value: AddressObject | AddressObject[] | undefined): string[] => {
  const objects = Array.isArray(value) ? value : value ? [value] : [];
  return objects.flatMap((object) => object.value.map((entry) => entry.address?.toLowerCase() ?? '')).filter(Boolean);
};

const headerValues = (raw: Buffer, name: string): string[] => {
  const end = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.subarray(0, end < 0 ? raw.length : end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const prefix = `${name.toLowerCase()}:`;
  return head
    .split(/\r?\n/)
    .filter((line) => line.toLowerCase().startsWith(prefix))
    .map((line) => line.slice(prefix.length).trim());
};

/** Returns the body bytes of a message whose header has no Content-Type line. */
const bodyBytes = (raw: Buffer): Buffer => {
  const crlf = raw.indexOf('\r\n\r\n');
  if (crlf >= 0) return raw.subarray(crlf + 4);
  const lf = raw.indexOf('\n\n');
  return lf >= 0 ? raw.subarray(lf + 2) : Buffer.alloc(0);
};

const isUtf8 = (bytes: Buffer) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Reads the date after the last ";" of a Received header (RFC 5322 date-time). */
const receivedTime = (header: string | undefined): Date | null => {
  const date = header ? new Date(header.slice(header.lastIndexOf(';') + 1).trim()) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
};

const isAutomated = (mail: ParsedMail, raw: Buffer) => {
  const autoSubmitted = headerValues(raw, 'auto-submitted')[0]?.toLowerCase();
  const precedence = headerValues(raw, 'precedence')[0]?.toLowerCase();
  const from = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  return (
    (autoSubmitted !== undefined && autoSubmitted !== 'no') ||
    ['bulk', 'list', 'junk', 'auto_reply'].includes(precedence ?? '') ||
    headerValues(raw, 'list-id').length > 0 ||
    /^(mailer-daemon|postmaster|no-?reply)@/.test(from)
  );
};

const isForwardedMessage = (attachment: Attachment) =>
  attachment.contentType === 'message/rfc822' || /\.eml$/i.test(attachment.filename ?? '');

const isWinmail = (attachment: Attachment) =>
  attachment.contentType === 'application/ms-tnef' || /^winmail\.dat$/i.test(attachment.filename ?? '');

/** Finds text typed in TCVN3 or VNI and records a warning; the text itself is kept unchanged. */
function flagLegacyText(field: string, text: string, warnings: IntakeWarning[]) {
  const detection = detectLegacyEncoding(text);
  if (!detection) return;
  const name = detection.encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI';
  warnings.push({
    code: `legacy_${detection.encoding}`,
    field,
    message: `The ${field} appears to be typed in the legacy ${name} encoding (for example "${detection.samples.join('", "')}"). Ask the sender for Unicode text (TCVN 6909:2001) or convert it before publishing.`,
  });
}

interface Collected {
  attachments: ParsedAttachment[];
  forwarded: ForwardedMessage[];
  warnings: IntakeWarning[];
}

async function collectAttachments(mail: ParsedMail, origin: ParsedAttachment['origin'], depth: number, into: Collected) {
  for (const attachment of mail.attachments) {
    const filename = nfc(attachment.filename) || (attachment.contentType === 'message/rfc822' ? 'forwarded.eml' : 'attachment');

    if (isForwardedMessage(attachment) && depth < MAX_FORWARD_DEPTH) {
      const inner = await simpleParser(attachment.content, { keepCidLinks: true });
      into.forwarded.push({
        subject: nfc(inner.subject),
        from: inner.from?.text ? nfc(inner.from.text) : null,
        date: inner.date ? inner.date.toISOString() : null,
        text: nfc(inner.text).trim(),
      });
      await collectAttachments(inner, 'forwarded', depth + 1, into);
      continue;
    }

    if (isWinmail(attachment)) {
      const expanded = expandWinmail(attachment.content);
      if (expanded.ok) {
        for (const file of expanded.files) {
          into.attachments.push({ filename: nfc(file.filename), declaredType: 'application/octet-stream', content: file.content, size: file.content.length, cid: null, origin: 'winmail.dat' });
        }
        continue;
      }
      into.warnings.push({ code: 'winmail_unreadable', field: filename, message: `The Outlook attachment ${filename} could not be read (${expanded.error}); it is kept as a file.` });
    }

    into.attachments.push({
      filename,
      declaredType: attachment.contentType,
      content: attachment.content,
      size: attachment.size ?? attachment.content.length,
      cid: attachment.related || attachment.cid ? (attachment.cid ?? null) : null,
      origin,
    });
  }
}

/**
 * Parses a raw RFC 5322 message into the parts the intake needs. Subjects, names and bodies are
 * returned in NFC; encoded words and RFC 2231 parameters split inside a character are joined by
 * mailparser before decoding. Forwarded messages attached as .eml and Outlook's winmail.dat are
 * opened and their files added. A message without a Content-Type header is read as UTF-8 when
 * its bytes are valid UTF-8, and as windows-1258 otherwise, with a warning.
 */
export async function parseMessage(raw: Buffer): Promise<ParsedMessage> {
  const mail = await simpleParser(raw, { keepCidLinks: true });
  const warnings: IntakeWarning[] = [];

  let text = nfc(mail.text);
  if (!mail.headers.has('content-type')) {
    const body = bodyBytes(raw);
    if (!isUtf8(body)) {
      text = iconv.decode(body, 'windows-1258').normalize('NFC');
      warnings.push({ code: 'charset_guessed', field: 'body', message: 'The message declares no content type or character set; its text was read as windows-1258. Check the Vietnamese letters before publishing.' });
    }
  }
  if (text.includes('\uFFFD')) {
    warnings.push({ code: 'undecodable_characters', field: 'body', message: 'Some characters of the message text could not be decoded and show as "\uFFFD". Ask the sender to resend it in Unicode.' });
  }

  const collected: Collected = { attachments: [], forwarded: [], warnings };
  await collectAttachments(mail, 'message', 0, collected);

  const subject = nfc(mail.subject).trim();
  flagLegacyText('subject', subject, warnings);
  flagLegacyText('body', text, warnings);
  for (const attachment of collected.attachments) flagLegacyText(`file name ${attachment.filename}`, attachment.filename, warnings);

  const from = mail.from?.value[0];
  return {
    messageId: mail.messageId ?? null,
    from: from?.address ? { address: from.address.toLowerCase(), name: nfc(from.name) } : null,
    replyTo: addressesOf(mail.replyTo)[0] ?? null,
    recipients: [...new Set([...addressesOf(mail.to), ...addressesOf(mail.cc), ...headerValues(raw, 'delivered-to').map((value) => value.toLowerCase())])],
    subject,
    date: mail.date ?? null,
    text: text.trim(),
    html: typeof mail.html === 'string' ? nfc(mail.html) : null,
    attachments: collected.attachments,
    forwarded: collected.forwarded,
    authenticationResults: headerValues(raw, 'authentication-results'),
    lastReceivedAt: receivedTime(headerValues(raw, 'received')[0]),
    automated: isAutomated(mail, raw),
    warnings,
  };
}
