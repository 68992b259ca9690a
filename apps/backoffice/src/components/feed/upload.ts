import { CSRF_HEADER, LIMITS, type HttpErrorBody } from '@tribu/protocol/client';

export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];

/** Checks a picked file before sending it, so the helper hears at once what is wrong. */
export function imageProblem(file: File): string | null {
  if (!IMAGE_TYPES.includes(file.type)) return 'That file is not an image (JPEG, PNG, WebP or GIF)';
  if (file.size > LIMITS.imageBytes) return `Images are at most ${Math.round(LIMITS.imageBytes / 1024 / 1024)} MB`;
  return null;
}

/** Uploads a feed image; the server checks, resizes and re-encodes it. */
export async function uploadImage(siteId: string, file: File, csrf: string): Promise<UploadedImage> {
  let res: Response;
  try {
    res = await fetch(`/api/sites/${encodeURIComponent(siteId)}/images`, {
      method: 'POST',
      headers: { 'content-type': file.type, [CSRF_HEADER]: csrf },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('Cannot reach Tribu. Check your connection and try again.');
  }
  const data = (await res.json().catch(() => null)) as (UploadedImage & Partial<HttpErrorBody>) | null;
  if (!res.ok || !data) throw new Error(data?.error?.message ?? `Upload failed (${res.status})`);
  return data;
}
