/** Log level of `strapi.log`: `http` by default, `error` in the test suite (LOG_LEVEL). */
export default ({ env }) => ({
  level: env('LOG_LEVEL', 'http'),
});
