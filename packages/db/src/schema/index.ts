export * from './sites.ts';
export * from './users.ts';
export * from './memberships.ts';
export * from './sessions.ts';
export * from './visitors.ts';
export * from './conversations.ts';
export * from './messages.ts';
export * from './page-views.ts';
