import type { CommunityMessages } from '../en/community.ts';

export const community: CommunityMessages = {};
