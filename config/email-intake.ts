/** Settings of the email-intake plugin, read from the environment (.env.example lists them). */
export function emailIntakeConfig(env: any) {
  const imapAccount = (prefix: string) =>
    env(`${prefix}_IMAP_USER`) ? { user: env(`${prefix}_IMAP_USER`), password: env(`${prefix}_IMAP_PASSWORD`, '') } : null;
  // "nasati.gov.vn=CTDLCL,vinasa.gov.vn=VINASA": mail domains allowed to send, each with its unit's abbreviation.
  const allowedDomains = Object.fromEntries(
    env('EMAIL_INTAKE_ALLOWED_DOMAINS', '')
      .split(',')
      .map((pair: string) => pair.trim().split('='))
      .filter((pair: string[]) => pair.length === 2 && pair[0] && pair[1])
      .map(([domain, unit]: string[]) => [domain.trim().toLowerCase(), unit.trim()])
  );
  return {
    mailboxes: [
      { address: env('EMAIL_INTAKE_NEWS_ADDRESS', 'stc@most.gov.vn'), contentType: 'api::article.article', imap: imapAccount('EMAIL_INTAKE_NEWS') },
      { address: env('EMAIL_INTAKE_DOCUMENTS_ADDRESS', 'vb@most.gov.vn'), contentType: 'api::legal-document.legal-document', imap: imapAccount('EMAIL_INTAKE_DOCUMENTS') },
    ],
    allowedDomains,
    trustedAuthServIds: env.array('EMAIL_INTAKE_TRUSTED_AUTHSERV_IDS', []).map((id: string) => id.toLowerCase()),
    limits: {
      maxMessageBytes: env.int('EMAIL_INTAKE_MAX_MESSAGE_BYTES', 40 * 1024 * 1024),
      maxAttachmentBytes: env.int('EMAIL_INTAKE_MAX_ATTACHMENT_BYTES', 30 * 1024 * 1024),
      maxExpandedBytes: env.int('EMAIL_INTAKE_MAX_EXPANDED_BYTES', 200 * 1024 * 1024),
      maxArchiveEntries: env.int('EMAIL_INTAKE_MAX_ARCHIVE_ENTRIES', 5000),
    },
    smtp: {
      enabled: env.bool('EMAIL_INTAKE_SMTP_ENABLED', false),
      host: env('EMAIL_INTAKE_SMTP_HOST', '127.0.0.1'),
      port: env.int('EMAIL_INTAKE_SMTP_PORT', 2525),
    },
    imap: {
      enabled: env.bool('EMAIL_INTAKE_IMAP_ENABLED', false),
      host: env('EMAIL_INTAKE_IMAP_HOST', '127.0.0.1'),
      port: env.int('EMAIL_INTAKE_IMAP_PORT', 993),
      secure: env.bool('EMAIL_INTAKE_IMAP_SECURE', true),
      rejectUnauthorized: env.bool('EMAIL_INTAKE_IMAP_REJECT_UNAUTHORIZED', true),
      inbox: env('EMAIL_INTAKE_IMAP_INBOX', 'INBOX'),
      processedFolder: env('EMAIL_INTAKE_IMAP_PROCESSED_FOLDER', 'Processed'),
      failedFolder: env('EMAIL_INTAKE_IMAP_FAILED_FOLDER', 'Failed'),
      pollSeconds: env.int('EMAIL_INTAKE_IMAP_POLL_SECONDS', 60),
    },
  };
}
