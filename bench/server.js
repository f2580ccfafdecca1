'use strict';

// Starts the compiled application for a benchmark and prepares its fixtures: BENCH_EDITORS
// standing editors with password BENCH_PASSWORD, and BENCH_SUBMITTED submitted articles.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

async function prepareFixtures(strapi) {
  const editors = Number(process.env.BENCH_EDITORS ?? 0);
  const submitted = Number(process.env.BENCH_SUBMITTED ?? 0);
  if (editors > 0) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code: 'most-standing-editor' } });
    for (let index = 0; index < editors; index += 1) {
      const email = `bench-editor-${index}@bench.most.gov.vn`;
      if (await strapi.service('admin::user').exists({ email })) continue;
      await strapi.service('admin::user').create({
        email,
        firstname: 'Bench',
        lastname: `Editor ${index}`,
        password: process.env.BENCH_PASSWORD,
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      });
    }
  }
  const transitions = strapi.plugin('editorial-workflow')?.service('transitions');
  for (let index = 0; index < submitted; index += 1) {
    const draft = await strapi.documents('api::article.article').create({ locale: 'vi', data: { title: `Tin đo hiệu năng chuyển trạng thái ${index}`, category: 'news' } });
    const actor = { kind: 'system', name: 'Benchmark fixture' };
    await transitions.apply({ uid: 'api::article.article', documentId: draft.documentId, locale: 'vi', event: 'submit', actor, silent: true });
  }
}

async function main() {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  await strapi.load();
  await prepareFixtures(strapi);
  await strapi.listen();
  process.send?.({ type: 'ready' });
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
