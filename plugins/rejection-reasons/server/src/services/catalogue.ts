import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REASON_UID, type Language } from '../constants';
import { legalBasis, REGULATION_EFFECTIVE_FROM, STATUTORY_REASONS } from '../statutory-reasons';

export interface ReasonRecord {
  id: number;
  code: string;
  legalBasisVi: string;
  legalBasisEn: string;
  labelVi: string;
  labelEn: string;
  descriptionVi: string;
  descriptionEn: string;
  authorTextVi: string;
  authorTextEn: string;
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
  position: number | null;
}

/** The wording of one reason as a rejection cited it, kept with the rejection. */
export interface ReasonSnapshot {
  code: string;
  legalBasis: Record<Language, string>;
  label: Record<Language, string>;
  description: Record<Language, string>;
  authorText: Record<Language, string>;
}

export interface ActiveReason {
  code: string;
  label: string;
  description: string;
  authorText: string;
  legalBasis: string;
}

const TEXT_FIELDS = ['legalBasisVi', 'legalBasisEn', 'labelVi', 'labelEn', 'descriptionVi', 'descriptionEn', 'authorTextVi', 'authorTextEn'] as const;
const SHORT_FIELDS = new Set(['legalBasisVi', 'legalBasisEn', 'labelVi', 'labelEn']);
const MAX_SHORT = 255;
const MAX_LONG = 4000;
const CODE_PATTERN = /^[A-Z][A-Z0-9.-]{0,31}$/;

const suffix = (language: Language) => (language === 'en' ? 'En' : 'Vi');

/** True when the reason may be cited at the given time: active and inside its validity period. */
export function isActiveAt(reason: Pick<ReasonRecord, 'active' | 'validFrom' | 'validTo'>, at: Date): boolean {
  if (!reason.active) return false;
  if (reason.validFrom && new Date(reason.validFrom).getTime() > at.getTime()) return false;
  if (reason.validTo && new Date(reason.validTo).getTime() <= at.getTime()) return false;
  return true;
}

export const snapshotOf = (reason: ReasonRecord): ReasonSnapshot => ({
  code: reason.code,
  legalBasis: { vi: reason.legalBasisVi, en: reason.legalBasisEn },
  label: { vi: reason.labelVi, en: reason.labelEn },
  description: { vi: reason.descriptionVi, en: reason.descriptionEn },
  authorText: { vi: reason.authorTextVi, en: reason.authorTextEn },
});

type Problem = { path: string[]; message: string };

/** Checks the fields of a new or changed reason; returns the clean data and one problem per bad field. */
function checkReasonInput(input: Record<string, unknown>, creating: boolean) {
  const problems: Problem[] = [];
  const data: Record<string, unknown> = {};
  const problem = (field: string, message: string) => problems.push({ path: [field], message });

  if (creating) {
    if (typeof input.code !== 'string' || !CODE_PATTERN.test(input.code.trim())) {
      problem('code', 'code is required: capital letters, digits, dots or dashes, at most 32 characters, for example "R11.10" or "X-2025.1".');
    } else data.code = input.code.trim();
  } else if (input.code !== undefined) {
    problem('code', 'code cannot change: rejections cite it. Deactivate this reason and add a new one instead.');
  }
  for (const field of TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined && !creating) continue;
    const max = SHORT_FIELDS.has(field) ? MAX_SHORT : MAX_LONG;
    if (typeof value !== 'string' || value.trim() === '') problem(field, `${field} is required: write it in ${field.endsWith('Vi') ? 'Vietnamese' : 'English'}.`);
    else if (value.length > max) problem(field, `${field} is ${value.length} characters long; shorten it to at most ${max}.`);
    else data[field] = value.normalize('NFC').trim();
  }
  if (input.active !== undefined) {
    if (typeof input.active !== 'boolean') problem('active', 'active must be true or false.');
    else data.active = input.active;
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || value === '') data[field] = null;
    else if (typeof value !== 'string' || Number.isNaN(new Date(value).getTime())) problem(field, `${field} must be an ISO date and time, for example "2026-01-01T00:00:00+07:00", or null.`);
    else data[field] = new Date(value).toISOString();
  }
  if (input.position !== undefined) {
    if (!Number.isInteger(input.position) || (input.position as number) < 0) problem('position', 'position must be a whole number of 0 or more.');
    else data.position = input.position;
  }
  return { data, problems };
}

const refuse = (problems: Problem[]) => {
  throw new errors.ValidationError(problems.map(({ message }) => message).join(' '), { errors: problems.map(({ path, message }) => ({ path, message, name: 'ValidationError' })) });
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(REASON_UID);

  const all = async (): Promise<ReasonRecord[]> => query().findMany({ orderBy: [{ position: 'asc' }, { code: 'asc' }] });

  return {
    /** Seeds the nine statutory reasons into an empty catalogue; a catalogue with rows is left alone. */
    async seed(): Promise<number> {
      if ((await query().count()) > 0) return 0;
      await strapi.db.transaction(async () => {
        for (const [index, reason] of STATUTORY_REASONS.entries()) {
          const { article: _article, ...wording } = reason;
          await query().create({ data: { ...wording, ...legalBasis(reason), active: true, validFrom: new Date(REGULATION_EFFECTIVE_FROM).toISOString(), validTo: null, position: (index + 1) * 10 } });
        }
      });
      strapi.log.info(`[rejection-reasons] Seeded the catalogue with the ${STATUTORY_REASONS.length} reasons of Art. 11.`);
      return STATUTORY_REASONS.length;
    },

    /** Lists every reason of the catalogue, active or not, in display order. */
    list: all,

    async findById(id: number): Promise<ReasonRecord | null> {
      return query().findOne({ where: { id } });
    },

    /** Adds a reason. Every wording field is required in both languages; the code must be new. */
    async create(input: Record<string, unknown>): Promise<ReasonRecord> {
      const { data, problems } = checkReasonInput(input, true);
      if (problems.length === 0 && (await query().findOne({ where: { code: data.code } }))) {
        problems.push({ path: ['code'], message: `code ${data.code as string} is already in the catalogue; choose another code or edit that reason.` });
      }
      checkPeriod(data, null, problems);
      if (problems.length > 0) refuse(problems);
      const created = await query().create({ data: { active: true, position: 1000, ...data } });
      strapi.log.info(`[rejection-reasons] Reason ${created.code} (id ${created.id}) added to the catalogue.`);
      return created;
    },

    /** Rewords, deactivates or re-dates a reason. Earlier rejections keep their own snapshot. */
    async update(id: number, input: Record<string, unknown>): Promise<ReasonRecord | null> {
      const existing = await query().findOne({ where: { id } });
      if (!existing) return null;
      const { data, problems } = checkReasonInput(input, false);
      checkPeriod(data, existing, problems);
      if (problems.length > 0) refuse(problems);
      const updated = await query().update({ where: { id }, data });
      strapi.log.info(`[rejection-reasons] Reason ${existing.code} (id ${id}) changed: ${Object.keys(data).join(', ') || 'nothing'}.`);
      return updated;
    },

    /** Returns the given codes that are unknown or not active at `at`, in the order given. */
    async findInvalidCodes(codes: string[], at: Date): Promise<string[]> {
      const rows: ReasonRecord[] = await query().findMany({ where: { code: { $in: codes } } });
      const valid = new Set(rows.filter((row) => isActiveAt(row, at)).map((row) => row.code));
      return codes.filter((code) => !valid.has(code));
    },

    /** Lists the reasons an editor may cite at `at`, worded in the given language. */
    async listActive(language: Language, at: Date): Promise<ActiveReason[]> {
      const key = suffix(language);
      return (await all())
        .filter((reason) => isActiveAt(reason, at))
        .map((reason) => ({
          code: reason.code,
          label: reason[`label${key}`],
          description: reason[`description${key}`],
          authorText: reason[`authorText${key}`],
          legalBasis: reason[`legalBasis${key}`],
        }));
    },

    /** Returns the wording of the given codes in both languages, in the order given. */
    async snapshot(codes: string[]): Promise<ReasonSnapshot[]> {
      const rows: ReasonRecord[] = await query().findMany({ where: { code: { $in: codes } } });
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.filter((code) => byCode.has(code)).map((code) => snapshotOf(byCode.get(code)!));
    },
  };
};

/** A validity period must end after it starts. */
function checkPeriod(data: Record<string, unknown>, existing: ReasonRecord | null, problems: Problem[]) {
  const from = (data.validFrom !== undefined ? data.validFrom : existing?.validFrom) as string | null | undefined;
  const to = (data.validTo !== undefined ? data.validTo : existing?.validTo) as string | null | undefined;
  if (from && to && new Date(to).getTime() <= new Date(from).getTime()) {
    problems.push({ path: ['validTo'], message: `validTo ${to} is not after validFrom ${from}; choose an end after the start, or null for no end.` });
  }
}
