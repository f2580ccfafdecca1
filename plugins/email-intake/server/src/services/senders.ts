import type { Core } from '@strapi/strapi';
import { UNIT_UID } from '../constants';
import type { IntakeConfig } from '../config';
import type { ParsedMessage } from '../parsing/parse-message';

export type SenderVerdict =
  | { accepted: true; unitDocumentId: string; via: 'focal_point' | 'domain'; authentication: string }
  | { accepted: false; reason: 'no_sender' | 'authentication_failed' | 'sender_not_registered' | 'domain_unit_missing'; detail: string };

/**
 * Returns the SPF and DKIM results of the Authentication-Results headers that count: those of
 * the trusted relays, or the topmost one when no relay is configured (RFC 8601: the header that
 * the receiving relay added sits on top). Null when no header counts.
 */
export function authenticationOf(headers: string[], trustedIds: string[]): { spf: string | null; dkim: string[] } | null {
  const relevant = trustedIds.length
    ? headers.filter((header) => trustedIds.includes(header.split(';')[0].trim().split(/\s+/)[0].toLowerCase()))
    : headers.slice(0, 1);
  if (relevant.length === 0) return null;
  const text = relevant.join(';').toLowerCase();
  return {
    spf: /\bspf\s*=\s*([a-z]+)/.exec(text)?.[1] ?? null,
    dkim: [...text.matchAll(/\bdkim\s*=\s*([a-z]+)/g)].map((match) => match[1]),
  };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Decides whether a message may become a draft (Art. 10(1), Decision 400/QĐ-BKHCN: units send
   * from ministry mail accounts). The sender must be an active focal point of a unit, or use an
   * allowed ministry domain mapped to a unit. When the relay recorded Authentication-Results,
   * SPF or DKIM must have passed, so a forged From line is not enough.
   */
  async check(message: ParsedMessage): Promise<SenderVerdict> {
    const config = strapi.config.get('plugin::email-intake') as IntakeConfig;
    const address = message.from?.address;
    if (!address) return { accepted: false, reason: 'no_sender', detail: 'The message has no From address.' };

    const auth = authenticationOf(message.authenticationResults, config.trustedAuthServIds);
    let authentication = 'no Authentication-Results header';
    if (auth) {
      const passed = auth.spf === 'pass' || auth.dkim.includes('pass');
      if (!passed) {
        return { accepted: false, reason: 'authentication_failed', detail: `SPF is "${auth.spf ?? 'none'}" and DKIM is "${auth.dkim.join(', ') || 'none'}"; neither passed.` };
      }
      authentication = `spf=${auth.spf ?? 'none'} dkim=${auth.dkim.join(',') || 'none'}`;
    }

    const units = await strapi.db
      .query(UNIT_UID)
      .findMany({ where: { focalPoints: { email: { $eqi: address }, active: true } }, select: ['documentId'], orderBy: { id: 'asc' } });
    if (units.length > 0) return { accepted: true, unitDocumentId: units[0].documentId, via: 'focal_point', authentication };

    const domain = address.split('@')[1];
    const abbreviation = Object.entries(config.allowedDomains).find(([allowed]) => allowed.toLowerCase() === domain)?.[1];
    if (abbreviation) {
      const unit = await strapi.db.query(UNIT_UID).findOne({ where: { abbreviation }, select: ['documentId'] });
      if (!unit) return { accepted: false, reason: 'domain_unit_missing', detail: `The domain ${domain} is mapped to unit ${abbreviation}, which does not exist.` };
      return { accepted: true, unitDocumentId: unit.documentId, via: 'domain', authentication };
    }
    return { accepted: false, reason: 'sender_not_registered', detail: `${address} is not an active focal point of any unit, and ${domain} is not an allowed ministry domain.` };
  },
});
