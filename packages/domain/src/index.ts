export * from './conversation.ts';
export * from './gamification/index.ts';
