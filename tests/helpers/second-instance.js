'use strict';

// A second Strapi process on the same database, driven by the test that forked it over IPC.
// It reports "ready" after loading, runs the scheduled-publication sweep on request and stops.
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..', '..');

async function main() {
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  await strapi.load();
  process.on('message', async (message) => {
    try {
      if (message.type === 'publishDue') {
        const outcomes = await strapi.plugin('editorial-workflow').service('scheduler').publishDue(new Date(message.now));
        process.send({ type: 'outcomes', outcomes });
      } else if (message.type === 'stop') {
        await strapi.destroy();
        process.exit(0);
      }
    } catch (error) {
      process.send({ type: 'error', message: error.message });
    }
  });
  process.send({ type: 'ready' });
}

main().catch((error) => {
  process.send({ type: 'error', message: error.message });
  process.exit(1);
});
