'use strict';

// Strapi loads plugin server code only as JavaScript: this entry points at the compiled TypeScript.
module.exports = require('./dist/index.js').default;
