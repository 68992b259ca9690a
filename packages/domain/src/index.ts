export * from './conversation.ts';
export * from './gamification/index.ts';
export * from './topics.ts';
