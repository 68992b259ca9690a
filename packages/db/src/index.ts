export * from './client.ts';
export * from './schema/index.ts';
export { schema };
import * as schema from './schema/index.ts';
