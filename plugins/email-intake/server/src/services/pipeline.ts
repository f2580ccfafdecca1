import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { IntakeConfig, MailboxConfig } from '../config';
import { DRAFT_LOCALE, INTAKE_ACTOR_NAME, LEGAL_DOCUMENT_UID, MESSAGE_UID, PORTAL_TIME_ZONE } from '../constants';
import { inspectAttachment, type InspectedAttachment } from '../parsing/attachments';
import { readDocumentMetadata, type DocumentMetadata } from '../parsing/document-metadata';
import { parseMessage, type IntakeWarning, type ParsedMessage } from '../parsing/parse-message';
import { draftBody, draftTitle } from './drafts';
import type { SenderVerdict } from './senders';

export type IntakeSource = 'imap' | 'smtp' | 'cli' | 'upload';

export interface IntakeInput {
  raw: Buffer;
  source: IntakeSource;
  /** Mailbox the message was delivered to; read from the recipients when absent. */
  mailbox?: string;
  /**
   * Arrival time at the mail server (IMAP internal date) or at the listener. When absent (an
   * imported file), the time of the topmost Received header is used, else the current time.
   */
  receivedAt?: Date;
  dryRun?: boolean;
}

/** Steps after which a caller may stop the pipeline, to test recovery from a crash. */
export type IntakeStage = 'draft_committed' | 'submitted';

export interface IntakeOptions {
  onStage?: (stage: IntakeStage) => Promise<void> | void;
}

export interface DraftPreview {
  targetContentType: string | null;
  mailbox: string | null;
  title: string;
  bodyText: string;
  attachments: { name: string; detectedType: string; size: number; stored: boolean; note: string | null }[];
  sender: { address: string | null; verdict: SenderVerdict };
  warnings: IntakeWarning[];
  metadata: DocumentMetadata | null;
}

export type IntakeOutcome =
  | { status: 'created' | 'resumed' | 'duplicate'; recordId: number; trackingNumber: string; documentId: string | null; caseId: number | null }
  | { status: 'quarantined'; recordId: number; reason: string }
  | { status: 'failed'; recordId: number | null; reason: string; error: string }
  | { status: 'dry_run'; preview: DraftPreview };

interface MessageRecord {
  id: number;
  status: 'draft_created' | 'submitted' | 'acknowledged' | 'quarantined' | 'failed';
  trackingNumber: string | null;
  entryDocumentId: string | null;
  caseId: number | null;
  contentType: string;
  senderAddress: string | null;
  subject: string | null;
  receivedAt: string;
  warnings: IntakeWarning[] | null;
}

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * Returns the key that identifies a message across deliveries: a hash of its Message-ID, sender,
 * date, subject, text and the hash of every attachment. Relays add headers, so the raw bytes of
 * two deliveries differ, while a forged Message-ID alone does not match different content.
 */
export function dedupeKeyOf(message: ParsedMessage, mailbox: string): string {
  return sha256(
    JSON.stringify({
      mailbox,
      messageId: message.messageId,
      from: message.from?.address ?? null,
      date: message.date?.toISOString() ?? null,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments.map((attachment) => sha256(attachment.content)),
    })
  );
}

/** Tracking number given to the sender: the Viet Nam date of receipt and the start of the key. */
export function trackingNumberOf(dedupeKey: string, receivedAt: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: PORTAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(receivedAt).replaceAll('-', '');
  return `EI-${day}-${dedupeKey.slice(0, 10).toUpperCase()}`;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::email-intake') as IntakeConfig;
  const service = (name: string) => strapi.plugin('email-intake').service(name);
  const records = () => strapi.db.query(MESSAGE_UID);

  const findMailbox = (input: IntakeInput, message: ParsedMessage): MailboxConfig | null => {
    const candidates = input.mailbox ? [input.mailbox.toLowerCase()] : message.recipients;
    return config().mailboxes.find((mailbox) => candidates.includes(mailbox.address.toLowerCase())) ?? null;
  };

  const documentText = (attachments: InspectedAttachment[]) => attachments.find((attachment) => attachment.text)?.text ?? null;

  async function sendSafely(what: string, recordId: number, work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      strapi.log.error(`[email-intake] Sending the ${what} of message ${recordId} failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** Submits the case of a committed draft, as received at the message's receipt time. */
  async function submit(record: MessageRecord): Promise<number> {
    const result = await strapi.plugin('editorial-workflow').service('transitions').apply({
      uid: record.contentType,
      documentId: record.entryDocumentId,
      locale: DRAFT_LOCALE,
      event: 'submit',
      actor: { kind: 'system', name: INTAKE_ACTOR_NAME },
      now: new Date(record.receivedAt),
    });
    let caseId: number | null = result.ok ? result.case.id : null;
    if (!result.ok) {
      // A crash after the transition but before this record was updated leaves a submitted case.
      const existing = await strapi.plugin('editorial-workflow').service('cases').find(record.contentType, record.entryDocumentId, DRAFT_LOCALE);
      if (!existing || existing.state === 'draft') throw new Error(`Submitting draft ${record.entryDocumentId} failed: ${result.refusals.join(' ')}`);
      caseId = existing.id;
    }
    await records().update({ where: { id: record.id }, data: { status: 'submitted', caseId } });
    return caseId!;
  }

  /** Runs the steps still missing after the draft commit: submit, then acknowledge. */
  async function finish(record: MessageRecord, options: IntakeOptions, automated: boolean): Promise<MessageRecord> {
    if (record.status === 'draft_created') {
      record = { ...record, status: 'submitted', caseId: await submit(record) };
      await options.onStage?.('submitted');
    }
    if (record.status === 'submitted') {
      const sent =
        automated ||
        !record.senderAddress ||
        (await sendSafely('acknowledgement', record.id, () =>
          service('replies').acknowledge(record.senderAddress, {
            subject: record.subject ?? '',
            trackingNumber: record.trackingNumber,
            receivedAt: new Date(record.receivedAt),
            contentType: record.contentType,
            caseId: record.caseId,
            warnings: record.warnings ?? [],
          })
        ));
      // An acknowledgement that could not be sent is retried when the message is delivered again.
      if (sent) {
        await records().update({ where: { id: record.id }, data: { status: 'acknowledged', acknowledgedAt: automated ? null : new Date().toISOString() } });
        record = { ...record, status: 'acknowledged' };
      }
    }
    return record;
  }

  async function quarantine(base: Record<string, unknown>, message: ParsedMessage, reason: string, reasonText: string, receivedAt: Date): Promise<IntakeOutcome> {
    const record = await records().create({ data: { ...base, status: 'quarantined', reason, reasonText } });
    strapi.log.warn(`[email-intake] Message ${record.id} quarantined: ${reason}.`);
    const replied = !message.automated && message.from
      ? await sendSafely('quarantine reply', record.id, () => service('replies').replyQuarantined(message.replyTo ?? message.from!.address, { subject: message.subject, reason, receivedAt }))
      : false;
    const notified = await sendSafely('editor notice', record.id, () => service('replies').notifyEditors({ status: 'quarantined', subject: message.subject, sender: message.from?.address ?? null, reason: reasonText, recordId: record.id }));
    await records().update({ where: { id: record.id }, data: { repliedAt: replied ? new Date().toISOString() : null, editorsNotifiedAt: notified ? new Date().toISOString() : null } });
    return { status: 'quarantined', recordId: record.id, reason };
  }

  return {
    /**
     * Turns one raw message into a submitted draft, a quarantined record or a failed record, at
     * most once per message (a unique index on the dedupe key). A record is written in the same transaction as the draft, so a
     * delivery that comes again after a crash finds it and only finishes the missing steps
     * (workflow submission, acknowledgement). Callers mark a mailbox message processed only
     * after this returns; an exception means "try again later".
     */
    // TODO: stream the message to a temporary file and attachments to disk (mailparser's
    // MailParser stream); a 25 MB attachment now grows memory by about 190 MB (bench/BENCHMARKS.md).
    async process(input: IntakeInput, options: IntakeOptions = {}): Promise<IntakeOutcome> {
      let receivedAt = input.receivedAt ?? new Date();
      const { maxMessageBytes } = config().limits;
      if (input.raw.length > maxMessageBytes) {
        return this.fail(input, null, 'message_too_large', `The message has ${input.raw.length} bytes, more than the limit of ${maxMessageBytes}.`, receivedAt);
      }
      let message: ParsedMessage;
      try {
        message = await parseMessage(input.raw);
      } catch (error) {
        return this.fail(input, null, 'unparseable', (error as Error).message, receivedAt);
      }

      if (!input.receivedAt && message.lastReceivedAt) receivedAt = message.lastReceivedAt;
      const mailbox = findMailbox(input, message);
      const mailboxAddress = mailbox?.address ?? input.mailbox ?? message.recipients[0] ?? 'unknown';
      const dedupeKey = dedupeKeyOf(message, mailboxAddress);
      const trackingNumber = trackingNumberOf(dedupeKey, receivedAt);

      if (!input.dryRun) {
        const existing: MessageRecord | null = await records().findOne({ where: { dedupeKey } });
        if (existing) return this.resume(existing, message, options);
      }

      const warnings = [...message.warnings];
      const attachments: InspectedAttachment[] = [];
      for (const attachment of message.attachments) attachments.push(await inspectAttachment(attachment, config().limits, warnings));
      const metadata = mailbox?.contentType === LEGAL_DOCUMENT_UID ? readDocumentMetadata(message.subject, documentText(attachments)) : null;
      const verdict: SenderVerdict = await service('senders').check(message);

      if (input.dryRun) return { status: 'dry_run', preview: this.preview(mailbox, message, attachments, verdict, warnings, metadata) };

      const base = {
        dedupeKey,
        messageId: message.messageId,
        source: input.source,
        mailbox: mailboxAddress,
        contentType: mailbox?.contentType ?? null,
        senderAddress: message.from?.address ?? null,
        senderName: message.from?.name || null,
        subject: message.subject,
        receivedAt: receivedAt.toISOString(),
        bodyText: message.text.slice(0, 20000),
        warnings,
        attachments: attachments.map((attachment) => ({ name: attachment.filename, detectedType: attachment.detectedType, size: attachment.size, rejected: attachment.rejected })),
      };

      if (!mailbox) return this.fail(input, base, 'unknown_mailbox', `None of the recipients (${message.recipients.join(', ') || 'none'}) is a configured intake mailbox.`, receivedAt);
      if (!verdict.accepted) return quarantine(base, message, verdict.reason, verdict.detail, receivedAt);
      if (metadata && (!metadata.documentNumber || !metadata.issueDate)) {
        return quarantine(base, message, 'document_metadata_missing', 'The number and symbol or the issue date of the document could not be read from the subject or the attached document.', receivedAt);
      }

      const files = await service('drafts').storeFiles(attachments, trackingNumber);
      let record: MessageRecord;
      try {
        record = await strapi.db.transaction(async () => {
          const documentId = await service('drafts').create({ contentType: mailbox.contentType, message, attachments, files, unitDocumentId: verdict.unitDocumentId, receivedAt, metadata });
          return records().create({
            data: { ...base, status: 'draft_created', trackingNumber, unitDocumentId: verdict.unitDocumentId, entryDocumentId: documentId, entryLocale: DRAFT_LOCALE },
          });
        });
      } catch (error) {
        // Another process committed the same message first: its record decides.
        const winner: MessageRecord | null = await records().findOne({ where: { dedupeKey } });
        if (winner) return this.resume(winner, message, options);
        // The content type refused the data (a field too long, say): retrying cannot help.
        if ((error as Error).name === 'ValidationError') return this.fail(input, base, 'draft_rejected', (error as Error).message, receivedAt);
        throw error;
      }
      strapi.log.info(`[email-intake] Message ${record.id} became draft ${record.entryDocumentId} of ${mailbox.contentType} (${trackingNumber}).`);
      await options.onStage?.('draft_committed');
      record = await finish(record, options, message.automated);
      return { status: 'created', recordId: record.id, trackingNumber, documentId: record.entryDocumentId, caseId: record.caseId };
    },

    /** Finishes a message met before: completes the steps a crash interrupted, or reports a duplicate. */
    async resume(existing: MessageRecord, message: ParsedMessage, options: IntakeOptions): Promise<IntakeOutcome> {
      if (existing.status === 'quarantined') return { status: 'quarantined', recordId: existing.id, reason: 'duplicate delivery of a quarantined message' };
      if (existing.status === 'failed') return { status: 'failed', recordId: existing.id, reason: 'duplicate', error: 'This message failed before.' };
      const wasComplete = existing.status === 'acknowledged';
      const record = await finish(existing, options, message.automated);
      strapi.log.info(`[email-intake] Message ${record.id} delivered again; ${wasComplete ? 'nothing to do' : 'finished the interrupted steps'}.`);
      return { status: wasComplete ? 'duplicate' : 'resumed', recordId: record.id, trackingNumber: record.trackingNumber ?? '', documentId: record.entryDocumentId, caseId: record.caseId };
    },

    /** Records a message that cannot be processed, logs the error and emails the standing editors. */
    async fail(input: IntakeInput, base: Record<string, unknown> | null, reason: string, error: string, receivedAt: Date): Promise<IntakeOutcome> {
      if (input.dryRun) throw new Error(`The message cannot be processed (${reason}): ${error}`);
      const data = base ?? { dedupeKey: sha256(input.raw), source: input.source, mailbox: input.mailbox ?? null, receivedAt: receivedAt.toISOString() };
      const existing = await records().findOne({ where: { dedupeKey: data.dedupeKey } });
      const record = existing ?? (await records().create({ data: { ...data, status: 'failed', reason, reasonText: error } }));
      strapi.log.error(`[email-intake] Message ${record.id} failed (${reason}): ${error}`);
      if (!existing) {
        const notified = await sendSafely('editor notice', record.id, () =>
          service('replies').notifyEditors({ status: 'failed', subject: (data.subject as string) ?? '', sender: (data.senderAddress as string) ?? null, reason: error, recordId: record.id })
        );
        if (notified) await records().update({ where: { id: record.id }, data: { editorsNotifiedAt: new Date().toISOString() } });
      }
      return { status: 'failed', recordId: record.id, reason, error };
    },

    preview(mailbox: MailboxConfig | null, message: ParsedMessage, attachments: InspectedAttachment[], verdict: SenderVerdict, warnings: IntakeWarning[], metadata: DocumentMetadata | null): DraftPreview {
      return {
        targetContentType: mailbox?.contentType ?? null,
        mailbox: mailbox?.address ?? null,
        title: draftTitle(message),
        bodyText: draftBody({ message, attachments, files: [] }),
        attachments: attachments.map((attachment) => ({
          name: attachment.filename,
          detectedType: attachment.detectedType,
          size: attachment.size,
          stored: !attachment.rejected,
          note: attachment.rejected ?? (attachment.convertedFrom ? `converted from ${attachment.convertedFrom}` : null),
        })),
        sender: { address: message.from?.address ?? null, verdict },
        warnings,
        metadata,
      };
    },
  };
};
