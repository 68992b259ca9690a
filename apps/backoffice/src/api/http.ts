import { CSRF_HEADER, type HttpErrorBody, type LoginRequest, type Me } from '@tribu/protocol/client';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrf) headers[CSRF_HEADER] = csrf;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'unavailable', 'Cannot reach Tribu. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as (T & Partial<HttpErrorBody>) | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? `Error ${res.status}`);
  return data as T;
}

export const api = {
  me: () => call<Me>('GET', '/api/auth/me'),
  login: (body: LoginRequest) => call<Me>('POST', '/api/auth/login', body),
  logout: (csrf: string) => call<void>('POST', '/api/auth/logout', undefined, csrf),
};
