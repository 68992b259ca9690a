export * from './definitions.ts';
export * from './stats.ts';
export * from './period.ts';
export * from './heatmap.ts';
