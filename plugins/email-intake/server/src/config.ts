import { ARTICLE_UID, LEGAL_DOCUMENT_UID } from './constants';

export interface MailboxConfig {
  /** Address that units write to, such as stc@most.gov.vn. */
  address: string;
  /** Content type that the mailbox feeds: articles (news) or legal documents. */
  contentType: typeof ARTICLE_UID | typeof LEGAL_DOCUMENT_UID;
  /** IMAP account of the mailbox; null when the mailbox is not polled. */
  imap: { user: string; password: string } | null;
}

export interface IntakeConfig {
  mailboxes: MailboxConfig[];
  /** Ministry mail domains whose addresses may send, each mapped to the abbreviation of a unit. */
  allowedDomains: Record<string, string>;
  /** authserv-ids of the relays whose Authentication-Results are trusted; empty trusts the topmost header. */
  trustedAuthServIds: string[];
  limits: {
    /** Largest message accepted, in bytes; a larger SMTP message gets a 552 reply. */
    maxMessageBytes: number;
    maxAttachmentBytes: number;
    maxExpandedBytes: number;
    maxArchiveEntries: number;
  };
  smtp: { enabled: boolean; host: string; port: number };
  imap: {
    enabled: boolean;
    host: string;
    port: number;
    secure: boolean;
    /** Verify the server certificate; turned off only for a test server with a self-signed one. */
    rejectUnauthorized: boolean;
    inbox: string;
    processedFolder: string;
    failedFolder: string;
    pollSeconds: number;
  };
}

const SUPPORTED_TYPES = [ARTICLE_UID, LEGAL_DOCUMENT_UID];
const MB = 1024 * 1024;

export default {
  default: {
    mailboxes: [
      { address: 'stc@most.gov.vn', contentType: ARTICLE_UID, imap: null },
      { address: 'vb@most.gov.vn', contentType: LEGAL_DOCUMENT_UID, imap: null },
    ],
    allowedDomains: {},
    trustedAuthServIds: [],
    limits: { maxMessageBytes: 40 * MB, maxAttachmentBytes: 30 * MB, maxExpandedBytes: 200 * MB, maxArchiveEntries: 5000 },
    smtp: { enabled: false, host: '127.0.0.1', port: 2525 },
    imap: { enabled: false, host: '127.0.0.1', port: 993, secure: true, rejectUnauthorized: true, inbox: 'INBOX', processedFolder: 'Processed', failedFolder: 'Failed', pollSeconds: 60 },
  } satisfies IntakeConfig,

  validator(config: IntakeConfig) {
    if (!Array.isArray(config.mailboxes) || config.mailboxes.length === 0) {
      throw new Error('email-intake: config.mailboxes must list at least one { address, contentType } mailbox.');
    }
    for (const mailbox of config.mailboxes) {
      if (typeof mailbox.address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(mailbox.address)) {
        throw new Error(`email-intake: mailbox address "${mailbox.address}" is invalid; give an address such as stc@most.gov.vn.`);
      }
      if (!SUPPORTED_TYPES.includes(mailbox.contentType)) {
        throw new Error(`email-intake: mailbox ${mailbox.address} feeds "${mailbox.contentType}"; use one of ${SUPPORTED_TYPES.join(', ')}.`);
      }
    }
    for (const [name, value] of Object.entries(config.limits ?? {})) {
      if (!Number.isInteger(value) || value <= 0) throw new Error(`email-intake: config.limits.${name} must be a positive integer.`);
    }
  },
};
