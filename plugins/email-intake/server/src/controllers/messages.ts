import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { IntakeConfig } from '../config';
import { MESSAGE_UID } from '../constants';

type Context = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  request: { files?: Record<string, { filepath: string; size: number; originalFilename?: string } | { filepath: string; size: number }[]>; body?: Record<string, unknown> };
  body: unknown;
  status: number;
};

const STATUSES = ['draft_created', 'submitted', 'acknowledged', 'quarantined', 'failed'];
const LIST_FIELDS = ['id', 'source', 'mailbox', 'contentType', 'senderAddress', 'senderName', 'subject', 'receivedAt', 'status', 'reason', 'reasonText', 'trackingNumber', 'entryDocumentId', 'caseId', 'warnings', 'attachments', 'repliedAt', 'acknowledgedAt'];

const positiveInt = (value: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new errors.ValidationError(`${name} "${value}" is invalid; give a whole number from 1 to ${max}.`);
  return number;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Lists intake records, newest first; editors filter by status to see quarantined and failed mail. */
  async list(ctx: Context) {
    const { status } = ctx.query;
    if (status && !STATUSES.includes(status)) throw new errors.ValidationError(`status "${status}" is invalid; use one of ${STATUSES.join(', ')}.`);
    const page = positiveInt(ctx.query.page, 'page', 1);
    const pageSize = positiveInt(ctx.query.pageSize, 'pageSize', 25, 100);
    const where = status ? { status } : {};
    const [results, total] = await Promise.all([
      strapi.db.query(MESSAGE_UID).findMany({ where, select: LIST_FIELDS, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], offset: (page - 1) * pageSize, limit: pageSize }),
      strapi.db.query(MESSAGE_UID).count({ where }),
    ]);
    ctx.body = { data: results, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
  },

  async findOne(ctx: Context) {
    const id = positiveInt(ctx.params.id, 'id', 0);
    const record = await strapi.db.query(MESSAGE_UID).findOne({ where: { id }, select: [...LIST_FIELDS, 'bodyText', 'messageId'] });
    if (!record) throw new errors.NotFoundError(`No intake message has id ${id}.`);
    ctx.body = { data: record };
  },

  /** Takes an .eml file uploaded in the admin panel (multipart field "file") through the pipeline. */
  async upload(ctx: Context) {
    const file = ctx.request.files?.file;
    if (!file || Array.isArray(file)) throw new errors.ValidationError('file is missing; send one .eml file in the multipart field "file".');
    const { limits, mailboxes } = strapi.config.get('plugin::email-intake') as IntakeConfig;
    if (file.size > limits.maxMessageBytes) throw new errors.PayloadTooLargeError(`file has ${file.size} bytes; the limit for a message is ${limits.maxMessageBytes} bytes.`);
    const mailbox = typeof ctx.request.body?.mailbox === 'string' && ctx.request.body.mailbox ? ctx.request.body.mailbox : undefined;
    if (mailbox && !mailboxes.some((entry) => entry.address.toLowerCase() === mailbox.toLowerCase())) {
      throw new errors.ValidationError(`mailbox "${mailbox}" is not an intake mailbox; use one of ${mailboxes.map((entry) => entry.address).join(', ')}, or leave it out to read it from the message.`);
    }
    const raw = await fs.readFile(file.filepath);
    if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.subarray(0, 4096).toString('latin1'))) throw new errors.ValidationError('file is not an email message; upload a .eml file (RFC 5322: header lines, a blank line, the body).');
    const outcome = await strapi.plugin('email-intake').service('pipeline').process({ raw, source: 'upload', mailbox });
    ctx.status = outcome.status === 'created' ? 201 : 200;
    ctx.body = { data: outcome };
  },
});
