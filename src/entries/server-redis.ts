/** `cas-upload/server/redis`: the Redis store of the token helper (src/server/redis.ts). */
export * from '../server/redis.js';
