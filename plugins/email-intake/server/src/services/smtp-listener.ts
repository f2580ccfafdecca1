import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { IntakeConfig } from '../config';

type SmtpCallback = (error?: Error | null) => void;

/** An SMTP error with the reply code sent to the client, e.g. 552 for a message over the size limit. */
const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

/**
 * SMTP listener behind the ministry's mail relay. It accepts mail only for the intake mailboxes
 * and replies 250 only after the pipeline has committed the message (a draft, a quarantine or a
 * failure record), so the relay keeps and retries anything the intake did not take. A message
 * over the size limit is refused with 552 at MAIL FROM (SIZE=) or at the end of DATA.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let server: SMTPServer | null = null;
  const config = () => strapi.config.get('plugin::email-intake') as IntakeConfig;

  async function onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: SmtpCallback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the data is read and dropped; smtp-server sets sizeExceeded.
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on('error', (error: Error) => callback(error));
    stream.on('end', async () => {
      if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 Message exceeds the size limit of ${config().limits.maxMessageBytes} bytes`));
      const raw = Buffer.concat(chunks);
      const receivedAt = new Date();
      try {
        // One message may be addressed to both mailboxes; each gets its own draft.
        for (const recipient of session.envelope.rcptTo) {
          await strapi.plugin('email-intake').service('pipeline').process({ raw, source: 'smtp', mailbox: recipient.address, receivedAt });
        }
        callback();
      } catch (error) {
        strapi.log.error(`[email-intake] SMTP message from ${session.remoteAddress} not taken, the relay will retry: ${(error as Error).message}`);
        callback(smtpError(451, '4.3.0 Temporary failure while storing the message; try again later'));
      }
    });
  }

  return {
    async start(): Promise<AddressInfo> {
      const { smtp, limits, mailboxes } = config();
      const addresses = mailboxes.map((mailbox) => mailbox.address.toLowerCase());
      server = new SMTPServer({
        name: 'email-intake',
        banner: 'MOST portal email intake',
        size: limits.maxMessageBytes,
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onMailFrom(address, _session, callback) {
          const args = address.args ? (address.args as Record<string, string>) : {};
          const declared = Number(args.SIZE ?? 0);
          if (declared > limits.maxMessageBytes) return callback(smtpError(552, `5.3.4 Message size ${declared} exceeds the limit of ${limits.maxMessageBytes} bytes`));
          return callback();
        },
        onRcptTo(address, _session, callback) {
          if (!addresses.includes(address.address.toLowerCase())) return callback(smtpError(550, `5.1.1 ${address.address} is not an intake mailbox`));
          return callback();
        },
        onData: (stream, session, callback) => void onData(stream, session, callback),
      });
      server.on('error', (error) => strapi.log.error(`[email-intake] SMTP listener error: ${error.message}`));
      await new Promise<void>((resolve, reject) => {
        server!.server.once('error', reject);
        server!.listen(smtp.port, smtp.host, () => resolve());
      });
      const address = server.server.address() as AddressInfo;
      strapi.log.info(`[email-intake] SMTP listener on ${address.address}:${address.port}.`);
      return address;
    },

    address(): AddressInfo | null {
      return (server?.server.address() as AddressInfo | null) ?? null;
    },

    async stop() {
      if (!server) return;
      const closing = server;
      server = null;
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
};
