import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, DRAFT_LOCALE, LEGAL_DOCUMENT_UID } from '../constants';
import type { InspectedAttachment } from '../parsing/attachments';
import type { DocumentMetadata } from '../parsing/document-metadata';
import type { ForwardedMessage, ParsedMessage } from '../parsing/parse-message';

/** A file stored in the media library, with the attachment it came from. */
export interface StoredFile {
  id: number;
  url: string;
  attachment: InspectedAttachment;
}

export interface DraftInput {
  contentType: string;
  message: ParsedMessage;
  attachments: InspectedAttachment[];
  files: StoredFile[];
  unitDocumentId: string;
  receivedAt: Date;
  metadata: DocumentMetadata | null;
}

const DOCUMENT_FILE_TYPES = new Set(['application/pdf', 'application/x-cfb', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

/** Returns the title of a draft: the subject, or the first line of the text when there is none. */
export function draftTitle(message: ParsedMessage): string {
  if (message.subject) return message.subject.replace(/^((fwd?|tl|re|trả lời|chuyển tiếp)\s*:\s*)+/iu, '').trim() || message.subject;
  const firstLine = message.text.split('\n').find((line) => line.trim());
  return (firstLine ?? 'Thư không có tiêu đề').trim().slice(0, 500);
}

const forwardedSection = (forwarded: ForwardedMessage) =>
  ['---', `**Thư chuyển tiếp / Forwarded message:** ${forwarded.subject}`, forwarded.from ? `Từ / From: ${forwarded.from}` : '', forwarded.date ? `Ngày / Date: ${forwarded.date}` : '', '', forwarded.text]
    .filter((line, index) => line !== '' || index === 4)
    .join('\n');

/**
 * Builds the Markdown body of a draft. It starts with the text of the first DOCX, or the mail
 * text when there is no DOCX. The images that the HTML showed inline (cid:), the forwarded
 * messages and links to the other attachments follow.
 */
export function draftBody(input: Pick<DraftInput, 'message' | 'attachments' | 'files'>): string {
  const docx = input.attachments.find((attachment) => attachment.markdown);
  const parts = [docx?.markdown ?? input.message.text];
  const inline = input.files.filter((file) => file.attachment.cid && file.attachment.detectedType.startsWith('image/'));
  for (const file of inline) parts.push(`![${file.attachment.filename}](${file.url})`);
  for (const forwarded of input.message.forwarded) parts.push(forwardedSection(forwarded));
  const others = input.files.filter((file) => !inline.includes(file));
  if (others.length > 0) parts.push(['**Tệp đính kèm / Attachments:**', ...others.map((file) => `- [${file.attachment.filename}](${file.url})`)].join('\n'));
  return parts.filter(Boolean).join('\n\n').normalize('NFC');
}

/** Returns the data of the draft for the content type of the mailbox. */
export function draftData(input: DraftInput): Record<string, unknown> {
  const title = draftTitle(input.message);
  const body = draftBody(input);
  if (input.contentType === ARTICLE_UID) {
    const images = input.files.filter((file) => file.attachment.detectedType.startsWith('image/')).map((file) => file.id);
    return { title, body, category: 'news', unit: input.unitDocumentId, gallery: images };
  }
  if (input.contentType === LEGAL_DOCUMENT_UID) {
    const metadata = input.metadata!;
    const documentFiles = input.files.filter((file) => DOCUMENT_FILE_TYPES.has(file.attachment.detectedType)).map((file) => file.id);
    return {
      title,
      abstract: input.message.subject || null,
      fullText: body,
      documentNumber: metadata.documentNumber,
      documentForm: metadata.documentForm ?? 'other',
      issueDate: metadata.issueDate,
      issuingAuthority: metadata.issuingAuthority,
      // The incoming stamp is the receipt time: the publication clock of a document starts there.
      incomingStampAt: input.receivedAt.toISOString(),
      files: documentFiles,
      unit: input.unitDocumentId,
    };
  }
  throw new Error(`email-intake: no draft mapping for content type ${input.contentType}.`);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Stores the accepted attachments in the media library through the upload plugin, one
   * temporary file each. The files exist before the draft's transaction commits: a crash in
   * between leaves unlinked files, never a draft without its files.
   */
  async storeFiles(attachments: InspectedAttachment[], trackingNumber: string): Promise<StoredFile[]> {
    const stored: StoredFile[] = [];
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'email-intake-'));
    try {
      for (const [index, attachment] of attachments.entries()) {
        if (!attachment.content) continue;
        const filepath = path.join(directory, `${index}`);
        await fs.writeFile(filepath, attachment.content);
        const [file] = await strapi.plugin('upload').service('upload').upload({
          data: { fileInfo: { name: attachment.filename, caption: `${trackingNumber}: ${attachment.filename}` } },
          files: { filepath, originalFilename: attachment.filename, mimetype: attachment.detectedType, size: attachment.content.length },
        });
        stored.push({ id: file.id, url: file.url, attachment });
      }
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
    return stored;
  },

  /** Creates the unpublished draft in Vietnamese; call inside the transaction of its intake record. */
  async create(input: DraftInput): Promise<string> {
    const document = await strapi.documents(input.contentType as 'api::article.article').create({
      locale: DRAFT_LOCALE,
      status: 'draft',
      data: draftData(input) as never,
    });
    return document.documentId;
  },
});
