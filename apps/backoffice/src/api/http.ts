import {
  CSRF_HEADER,
  type HttpErrorBody,
  type Locale,
  type LoginRequest,
  type Me,
  type MyProfile,
  type PasswordChange,
  type ProfileUpdate,
  type SessionState,
} from '@tribu/protocol/client';
import { shell, type ShellMessages } from '../i18n/messages/en/shell.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A form's problems by field path, when the server names them. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The backoffice's language, sent with every request: the server words its errors and mails in it. */
let requestLocale: string | null = null;
export const setRequestLocale = (locale: string | null) => {
  requestLocale = locale;
};

/** What the client says by itself (no server behind the words), in the backoffice's language: App keeps them current. */
export let clientWords: ShellMessages['client'] = shell.client;
export const setClientWords = (words: ShellMessages['client']) => {
  clientWords = words;
};

export async function call<T>(method: string, path: string, body?: unknown, csrf?: string): Promise<T> {
  const headers: Record<string, string> = {};
  // A File goes as it is (its own type); anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? body.type : 'application/json';
  if (csrf) headers[CSRF_HEADER] = csrf;
  if (requestLocale) headers['accept-language'] = requestLocale;
  let res: Response;
  try {
    const payload = body === undefined ? undefined : raw ? body : JSON.stringify(body);
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'unavailable', clientWords.unreachable);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as (T & Partial<HttpErrorBody>) | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'internal', data?.error?.message ?? clientWords.httpError(res.status), data?.error?.fields);
  return data as T;
}

export const api = {
  me: () => call<Me>('GET', '/api/auth/me'),
  /** Who is signed in, or nobody: answers 200 either way (no failed request in the console before sign-in). */
  session: () => call<SessionState>('GET', '/api/auth/session'),
  login: (body: LoginRequest) => call<Me>('POST', '/api/auth/login', body),
  logout: (csrf: string) => call<void>('POST', '/api/auth/logout', undefined, csrf),
  profile: () => call<MyProfile>('GET', '/api/profile'),
  updateProfile: (csrf: string, body: ProfileUpdate) => call<MyProfile>('PATCH', '/api/profile', body, csrf),
  uploadPhoto: (csrf: string, file: Blob) => call<MyProfile>('PUT', '/api/profile/photo', file, csrf),
  deletePhoto: (csrf: string) => call<MyProfile>('DELETE', '/api/profile/photo', undefined, csrf),
  changePassword: (csrf: string, body: PasswordChange) => call<void>('POST', '/api/profile/password', body, csrf),
  leave: (csrf: string, siteId: string) => call<{ accountDeleted: boolean }>('POST', '/api/profile/leave', { siteId, confirm: true }, csrf),
  /** The site's default language, as its widget state names it (public, cached): the desk's last resort for a language. */
  siteLocale: (siteKey: string) => call<{ locale: Locale }>('GET', `/api/widget/${encodeURIComponent(siteKey)}`),
  /** A plain link downloads it (the server sends it as an attachment). */
  exportUrl: '/api/profile/export',
};
