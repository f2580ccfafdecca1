import type { Core } from '@strapi/strapi';
import { isRestrictedReader } from '../document-middlewares/published-only';

type ResolveFieldArgs = {
  source: unknown;
  args: Record<string, unknown>;
  contextValue: { rootQueryArgsByPath?: Map<string | number, Record<string, unknown>> };
  info: { path: { key: string | number }; operation: { operation: string } };
};

const DRAFT_ARGUMENTS = ['publicationFilter', 'hasPublishedVersion'];

/**
 * Builds the Apollo server plugin that keeps restricted GraphQL callers on published content.
 * Strapi copies the arguments of each root query into the context, and nested relation
 * resolvers inherit `status` from that copy rather than from the root resolver, so forcing the
 * root resolver alone would still leak drafts through relations and localizations. This plugin
 * runs after Strapi's and rewrites both the arguments and the copy.
 */
export function publishedOnlyApolloPlugin(strapi: () => Core.Strapi) {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ source, args, contextValue, info }: ResolveFieldArgs) {
              if (source || info.operation.operation !== 'query' || !isRestrictedReader(strapi())) return;
              const copies = [args, contextValue.rootQueryArgsByPath?.get(info.path.key)].filter(Boolean) as Record<string, unknown>[];
              for (const copy of copies) {
                if ('status' in copy) copy.status = 'published';
                for (const argument of DRAFT_ARGUMENTS) delete copy[argument];
              }
            },
          };
        },
      };
    },
  };
}

/** Mutations of users-permissions that the GraphQL plugin serves without the public role's permissions. */
const ACCOUNT_MUTATIONS = ['login', 'register', 'forgotPassword', 'resetPassword', 'changePassword', 'emailConfirmation'];

/**
 * Closes the end-user account mutations over GraphQL. The portal has no public accounts, and
 * these mutations ignore the permissions that REST applies to the same actions.
 */
export function closeAccountMutations(strapi: Core.Strapi) {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  extension.use(() => ({
    resolversConfig: Object.fromEntries(ACCOUNT_MUTATIONS.map((name) => [`Mutation.${name}`, { policies: ['global::closed'] }])),
  }));
}
