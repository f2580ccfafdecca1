export const PLUGIN_ID = 'email-intake';
export const MESSAGE_UID = 'plugin::email-intake.message';
export const UNIT_UID = 'api::organization-unit.organization-unit';
export const ARTICLE_UID = 'api::article.article';
export const LEGAL_DOCUMENT_UID = 'api::legal-document.legal-document';

/** Name of the system actor that submits mailed items, as it appears on workflow timelines. */
export const INTAKE_ACTOR_NAME = 'Email intake';

/** Locale of every draft made from mail: units write to the portal in Vietnamese. */
export const DRAFT_LOCALE = 'vi';

/** Time zone in which receipt times and deadlines are shown to senders. */
export const PORTAL_TIME_ZONE = 'Asia/Ho_Chi_Minh';
