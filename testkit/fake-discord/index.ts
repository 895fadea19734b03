export { startFakeDiscord, Failures, Intents, Permissions } from './server.js';
export { snowflake, snowflakeTimestamp, isSnowflake } from './snowflake.js';
export { parseMultipart } from './multipart.js';
export type * from './types.js';
