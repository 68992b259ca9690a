import { CSRF_HEADER, LIMITS, type HttpErrorBody } from '@tribu/protocol/client';
import type { Messages } from '../../i18n/index.tsx';

export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Checks a picked file before sending it, so the helper hears at once what is wrong. */
export function imageProblem(file: File, t: Messages): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return t.community.feed.notAnImage;
  if (file.size > LIMITS.imageBytes) return t.community.feed.imageTooBig(String(Math.round(LIMITS.imageBytes / 1024 / 1024)));
  return null;
}

/** Uploads a feed image; the server checks, resizes and re-encodes it. */
export async function uploadImage(siteId: string, file: File, csrf: string, t: Messages): Promise<UploadedImage> {
  let res: Response;
  try {
    res = await fetch(`/api/sites/${encodeURIComponent(siteId)}/images`, {
      method: 'POST',
      headers: { 'content-type': file.type, [CSRF_HEADER]: csrf },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new Error(t.community.feed.cannotReach);
  }
  const data = (await res.json().catch(() => null)) as (UploadedImage & Partial<HttpErrorBody>) | null;
  if (!res.ok || !data) throw new Error(data?.error?.message ?? t.community.feed.uploadFailed(res.status));
  return data;
}
