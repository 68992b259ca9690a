export * from './pledges.ts';
export * from './reengagement.ts';
export * from './thanks.ts';
