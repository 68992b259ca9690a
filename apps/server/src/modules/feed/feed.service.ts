import type { ModuleDeps } from '../module-deps.ts';

/** The community feed: posts, comments, likes, mentions, moderation. */
export class FeedService {
  constructor(readonly deps: ModuleDeps) {}
}
