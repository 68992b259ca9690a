export * from './attribution.ts';
