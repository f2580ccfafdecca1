import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { PORTAL_ROLES } from './admin-roles';

/** Checks a password against the admin panel's own policy and returns what is wrong, if anything. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (Buffer.byteLength(password, 'utf8') > 72) problems.push('at most 72 bytes');
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/\d/.test(password)) problems.push('a digit');
  return problems;
}

async function createAdmin(
  strapi: Core.Strapi,
  user: { email: string; firstname: string; lastname: string; password: string; roleId: number }
) {
  return strapi.service('admin::user').create({
    email: user.email.toLowerCase(),
    firstname: user.firstname,
    lastname: user.lastname,
    password: user.password,
    isActive: true,
    registrationToken: null,
    roles: [user.roleId],
  });
}

/**
 * Creates the super admin named by ADMIN_EMAIL and ADMIN_PASSWORD when both are set and no
 * admin with that email exists. Start-up fails on a password that the admin panel would reject.
 */
export async function ensureSuperAdmin(strapi: Core.Strapi) {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) return;

  const problems = passwordProblems(password);
  if (problems.length > 0) {
    throw new Error(`ADMIN_PASSWORD is too weak for the admin panel: it needs ${problems.join(', ')}. Set a stronger ADMIN_PASSWORD.`);
  }
  if (await strapi.service('admin::user').exists({ email: email.toLowerCase() })) return;

  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  const user = await createAdmin(strapi, {
    email,
    firstname: process.env.ADMIN_FIRSTNAME || 'Quản trị',
    lastname: process.env.ADMIN_LASTNAME || 'Cổng thông tin',
    password,
    roleId: superAdminRole.id,
  });
  strapi.log.info(`[portal] Created the super admin from ADMIN_EMAIL (admin user id ${user.id}).`);
}

export const DEMO_EMAIL_DOMAIN = 'demo.most.gov.vn';
export const DEMO_SUPER_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;

/** Returns the demo email of a portal role, for example `focal-point@demo.most.gov.vn`. */
export const demoEmailOf = (roleCode: string) => `${roleCode.replace(/^most-/, '')}@${DEMO_EMAIL_DOMAIN}`;

function generatePassword(): string {
  // Base64url has no padding; the fixed tail makes sure the admin policy's classes are present.
  return `Demo-${crypto.randomBytes(12).toString('base64url')}-7a`;
}

/**
 * Creates one demo admin per portal role, plus a demo super admin when ADMIN_EMAIL is not set.
 * The password is DEMO_USER_PASSWORD, or a generated one that is printed once on the console and
 * written to `.tmp/demo-credentials.txt` (readable by the owner only). Outside production only.
 */
export async function ensureDemoUsers(strapi: Core.Strapi) {
  const fromEnv = process.env.DEMO_USER_PASSWORD;
  if (fromEnv && passwordProblems(fromEnv).length > 0) {
    throw new Error(`DEMO_USER_PASSWORD is too weak for the admin panel: it needs ${passwordProblems(fromEnv).join(', ')}.`);
  }
  const password = fromEnv || generatePassword();
  const created: { email: string; role: string }[] = [];

  const accounts: { email: string; roleId: number; role: string; lastname: string }[] = [];
  if (!process.env.ADMIN_EMAIL) {
    const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
    accounts.push({ email: DEMO_SUPER_ADMIN_EMAIL, roleId: superAdminRole.id, role: 'Super Admin', lastname: 'Super Admin' });
  }
  for (const role of PORTAL_ROLES) {
    const stored = await strapi.db.query('admin::role').findOne({ where: { code: role.code } });
    if (stored) accounts.push({ email: demoEmailOf(role.code), roleId: stored.id, role: role.name, lastname: role.name });
  }

  for (const account of accounts) {
    if (await strapi.service('admin::user').exists({ email: account.email })) continue;
    await createAdmin(strapi, { email: account.email, firstname: 'Demo', lastname: account.lastname, password, roleId: account.roleId });
    created.push({ email: account.email, role: account.role });
  }
  if (created.length === 0) return;

  strapi.log.info(`[portal] Created ${created.length} demo admin account(s).`);
  if (fromEnv) return;

  const lines = [
    'Demo admin accounts of the MOST portal (development only). Password for all of them:',
    `  ${password}`,
    ...created.map(({ email, role }) => `  ${email.padEnd(40)} ${role}`),
  ];
  const file = path.join(strapi.dirs.app.root, '.tmp', 'demo-credentials.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  // Printed on the console, not through the logger, so that no log store keeps the password.
  process.stdout.write(`\n${lines.join('\n')}\n  (also written to ${file})\n\n`);
}
