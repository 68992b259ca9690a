export * from './conversation.ts';
export * from './gamification/index.ts';
export * from './kpi/index.ts';
export * from './topics.ts';
export * from './anonymise.ts';
export * from './mentions.ts';
export * from './contrast.ts';
export * from './sales/index.ts';
