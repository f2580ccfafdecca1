import type { Core } from '@strapi/strapi';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { ensureDemoUsers, ensureSuperAdmin } from './bootstrap/admin-users';
import { ensureLocales } from './bootstrap/locales';
import { disableRegistration, syncPublicPermissions } from './bootstrap/public-permissions';
import { registerDocumentMiddlewares } from './document-middlewares';
import { closeAccountMutations } from './graphql/published-only';
import { seedDemoData } from './seed';

/** Tells whether demo data and demo accounts should exist: never in production, and opt-out elsewhere. */
const demoEnabled = () => process.env.NODE_ENV !== 'production' && process.env.SEED_DEMO_DATA !== 'false';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerDocumentMiddlewares(strapi);
    closeAccountMutations(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await syncPublicPermissions(strapi);
    await disableRegistration(strapi);
    await ensureAdminRoles(strapi);
    await ensureSuperAdmin(strapi);

    if (demoEnabled()) {
      await seedDemoData(strapi);
      await ensureDemoUsers(strapi);
    }
  },
};
