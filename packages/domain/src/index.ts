export * from './conversation.ts';
