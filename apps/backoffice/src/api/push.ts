import type { PushConfig, PushPrefs, PushStats, PushSubscribe, PushTestResult } from '@tribu/protocol/client';
import { call } from './http.ts';

/** Notifications on this device (Web Push) and Numbers' "answered after a push". */
export const pushApi = {
  config: () => call<PushConfig>('GET', '/api/push/config'),
  subscribe: (csrf: string, body: PushSubscribe) => call<void>('PUT', '/api/push/subscription', body, csrf),
  unsubscribe: (csrf: string) => call<void>('DELETE', '/api/push/subscription', undefined, csrf),
  prefs: (csrf: string, body: PushPrefs) => call<PushPrefs>('PUT', '/api/push/prefs', body, csrf),
  test: (csrf: string) => call<PushTestResult>('POST', '/api/push/test', undefined, csrf),
  stats: (siteId: string, q: { from: string; to: string }) => call<PushStats>('GET', `/api/sites/${siteId}/push-stats?from=${q.from}&to=${q.to}`),
};
