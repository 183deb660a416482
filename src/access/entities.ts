/** What access maps in the database: the API key table, read only by src/access. */
export { ACCESS_ENTITIES } from './api-key.entity';
