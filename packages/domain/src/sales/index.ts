export * from './attribution.ts';
export * from './referral.ts';
