import type { Core } from '@strapi/strapi';
import { publishedOnlyApolloPlugin } from '../src/graphql/published-only';
import { readSecret } from '../src/utils/secrets';
import { emailIntakeConfig } from './email-intake';

export default ({ env }) => {
  const workflowEnabled = env.bool('EDITORIAL_WORKFLOW_ENABLED', true);
  const rejectionReasonsEnabled = env.bool('REJECTION_REASONS_ENABLED', true);
  return {
    'users-permissions': {
      config: {
        jwtSecret: readSecret('JWT_SECRET'),
        // The portal has no public user accounts: frontends read anonymously or with API tokens.
        register: { allowedFields: [] },
      },
    },
    graphql: {
      enabled: true,
      config: {
        endpoint: '/graphql',
        shadowCRUD: true,
        defaultLimit: 25,
        maxLimit: 100,
        depthLimit: 10,
        // The Apollo landing page (a query editor) is served outside production only.
        landingPage: env('NODE_ENV') !== 'production' && env.bool('GRAPHQL_LANDING_PAGE', true),
        apolloServer: {
          plugins: [
            publishedOnlyApolloPlugin(
              () => (globalThis as unknown as { strapi: Core.Strapi }).strapi
            ),
          ],
        },
      },
    },
    documentation: {
      enabled: true,
      config: {
        openapi: '3.0.0',
        info: {
          version: '1.0.0',
          title: 'MOST portal content API',
          description:
            'Published content of the web portal of the Ministry of Science and Technology of Viet Nam (www.most.gov.vn), in Vietnamese (vi, default) and English (en).',
        },
        'x-strapi-config': {
          // The documentation plugin fails to start if a listed plugin is disabled.
          plugins: [
            'upload',
            'i18n',
            ...(workflowEnabled ? ['editorial-workflow', 'publication-deadlines'] : []),
            ...(rejectionReasonsEnabled ? ['rejection-reasons'] : []),
            ...(workflowEnabled ? ['reporting'] : []),
          ],
        },
      },
    },
    'editorial-workflow': {
      // Turned off only by the read-overhead benchmark, which compares the app with and without it.
      enabled: workflowEnabled,
      resolve: './plugins/editorial-workflow',
    },
    'publication-deadlines': {
      enabled: workflowEnabled,
      resolve: './plugins/publication-deadlines',
    },
    'rejection-reasons': {
      // The Art. 11 catalogue, rejection records and pre-checks; the workflow falls back to its own list without it.
      enabled: rejectionReasonsEnabled,
      resolve: './plugins/rejection-reasons',
      config: { duplicateThreshold: env.float('DUPLICATE_SIMILARITY_THRESHOLD', 0.7) },
    },
    'email-intake': {
      enabled: env.bool('EMAIL_INTAKE_ENABLED', true) && workflowEnabled,
      resolve: './plugins/email-intake',
      config: emailIntakeConfig(env),
    },
    // Reports read the workflow's tables, so they are enabled with it.
    reporting: {
      enabled: workflowEnabled,
      resolve: './plugins/reporting',
    },
    email: {
      config: {
        provider: 'nodemailer',
        providerOptions: {
          host: env('SMTP_HOST', '127.0.0.1'),
          port: env.int('SMTP_PORT', 1025),
          secure: env.bool('SMTP_SECURE', false),
          ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
          auth: env('SMTP_USERNAME')
            ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') }
            : undefined,
        },
        settings: {
          defaultFrom: env('EMAIL_FROM', 'Cổng thông tin điện tử Bộ KH&CN <no-reply@most.gov.vn>'),
          defaultReplyTo: env('EMAIL_REPLY_TO', 'stc@most.gov.vn'),
        },
      },
    },
  };
};
