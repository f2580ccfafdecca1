/** Policy that rejects every request: it closes endpoints that the portal does not offer. */
export default () => false;
