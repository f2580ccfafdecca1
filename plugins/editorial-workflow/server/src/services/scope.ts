import type { Core } from '@strapi/strapi';
import { unitIdsOf } from '../conditions';
import type { Actor } from './actor';
import type { DraftSnapshot } from './cases';

const UNIT_UID = 'api::organization-unit.organization-unit';

/** Roles whose permissions reach every unit and subject field. */
const UNSCOPED_ROLES = ['strapi-super-admin', 'most-standing-editor', 'most-board-head', 'most-leadership', 'most-spokesperson', 'most-it-administrator'];
/** Roles that act for their own unit only (Art. 9): the unit is found by their email on the unit. */
const UNIT_ROLES = ['most-focal-point', 'most-unit-head'];
const BOARD_MEMBER_ROLE = 'most-board-member';

/** Permissions that a unit role uses for its own unit's items. */
const UNIT_PERMISSIONS = ['submit', 'request-correction', 'remark'];
/** Permissions that a board member uses within the subject fields of their unit (Art. 6(2)(b)). */
const REVIEW_PERMISSIONS = ['review', 'approve', 'reject', 'remark'];

export interface ScopeCheck {
  allowed: boolean;
  refusal?: string;
}

/**
 * Checks that a user acts within their own unit or subject fields. Focal points and unit heads
 * belong to the unit that lists their email among its focal points or as its head. A board
 * member belongs to the unit whose board-member email is theirs, and reviews that unit's subject
 * fields and any item assigned to them. Users who also hold an unscoped role are not limited.
 */
export async function checkScope(
  strapi: Core.Strapi,
  actor: Actor,
  permission: string,
  draft: DraftSnapshot,
  assigneeId: number | null
): Promise<ScopeCheck> {
  if (actor.kind !== 'user') return { allowed: true };
  const roles = actor.roleCodes ?? [];
  if (roles.some((role) => UNSCOPED_ROLES.includes(role))) return { allowed: true };
  const email = actor.email?.toLowerCase();

  if (UNIT_PERMISSIONS.includes(permission) && roles.some((role) => UNIT_ROLES.includes(role))) {
    const unitIds = new Set(await unitIdsOf(strapi, email));
    if (!draft.unitDocumentId) {
      return { allowed: false, refusal: 'Choose the unit of this item before acting on it; you act for your own unit only.' };
    }
    if (!unitIds.has(draft.unitDocumentId)) {
      return { allowed: false, refusal: 'This item belongs to another unit; you act only on items of your own unit. Ask that unit or the standing editors.' };
    }
    return { allowed: true };
  }

  if (REVIEW_PERMISSIONS.includes(permission) && roles.includes(BOARD_MEMBER_ROLE)) {
    if (assigneeId !== null && assigneeId === actor.id) return { allowed: true };
    const units = email
      ? await strapi.db.query(UNIT_UID).findMany({ where: { boardMemberEmail: email }, populate: { subjectFields: { select: ['documentId'] } } })
      : [];
    const fields = new Set(units.flatMap((unit: { subjectFields?: { documentId: string }[] }) => (unit.subjectFields ?? []).map((field) => field.documentId)));
    if (draft.subjectFieldDocumentIds.some((field) => fields.has(field))) return { allowed: true };
    return {
      allowed: false,
      refusal: 'This item is outside the subject fields you review and is not assigned to you; ask the standing editors to assign it to you.',
    };
  }

  return { allowed: true };
}
