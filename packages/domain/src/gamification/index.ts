export * from './scoring.ts';
export * from './tiers.ts';
export * from './badges.ts';
export * from './leaderboard.ts';
export * from './missions.ts';
