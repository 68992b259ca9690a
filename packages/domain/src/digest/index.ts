export * from './period.ts';
export * from './select.ts';
