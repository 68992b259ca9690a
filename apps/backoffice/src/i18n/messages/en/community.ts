/** Words of the community area (how the catalogue is organised: ../../README.md). */
export const community = {};

export type CommunityMessages = typeof community;
