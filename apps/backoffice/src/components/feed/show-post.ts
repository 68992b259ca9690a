/** Window event asking the feed to scroll to a post (the notification bell sends it; detail = post id). */
export const SHOW_POST_EVENT = 'tribu:show-post';

export function showPost(postId: string): void {
  window.dispatchEvent(new CustomEvent(SHOW_POST_EVENT, { detail: postId }));
}
