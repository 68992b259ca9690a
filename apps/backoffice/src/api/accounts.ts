import type {
  AdminAppointed,
  LoginChallenge,
  LoginRequest,
  Me,
  PasswordReset,
  TwoFactorDisable,
  TwoFactorEnabled,
  TwoFactorLogin,
  TwoFactorSetup,
  TwoFactorStatus,
} from '@tribu/protocol/client';
import { call } from './http.ts';

/** Signing in, forgotten passwords, two-step sign-in, and the operator's appointments. */
export const accountsApi = {
  /** A session (Me), or a challenge for the second step when the account uses two-step sign-in. */
  login: (body: LoginRequest) => call<Me | LoginChallenge>('POST', '/api/auth/login', body),
  loginCode: (body: TwoFactorLogin) => call<Me>('POST', '/api/auth/login/two-factor', body),
  forgot: (email: string) => call<{ message: string }>('POST', '/api/auth/password/forgot', { email }),
  reset: (body: PasswordReset) => call<void>('POST', '/api/auth/password/reset', body),
  twoFactor: () => call<TwoFactorStatus>('GET', '/api/profile/two-factor'),
  setupTwoFactor: (csrf: string) => call<TwoFactorSetup>('POST', '/api/profile/two-factor/setup', undefined, csrf),
  confirmTwoFactor: (csrf: string, code: string) => call<TwoFactorEnabled>('POST', '/api/profile/two-factor/confirm', { code }, csrf),
  disableTwoFactor: (csrf: string, body: TwoFactorDisable) => call<void>('POST', '/api/profile/two-factor/disable', body, csrf),
  appointAdmin: (csrf: string, siteId: string, email: string) => call<AdminAppointed>('POST', `/api/operator/sites/${siteId}/admins`, { email }, csrf),
};

export const isChallenge = (r: Me | LoginChallenge): r is LoginChallenge => 'twoFactor' in r && !('user' in r);
