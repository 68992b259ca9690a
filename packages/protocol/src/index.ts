export * from './version.ts';
export * from './limits.ts';
export * from './errors.ts';
export * from './schemas.ts';
export * from './events.ts';
export * from './http.ts';
export * from './ack.ts';
