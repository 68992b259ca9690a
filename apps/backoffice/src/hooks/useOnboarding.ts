import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { OnboardingStatus } from '@tribu/protocol/client';
import { onboardingApi } from '../api/onboarding.ts';
import type { HelperSocket } from '../realtime/socket.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * My checklist on a site, read again when it may have moved: back to the tab (a profile saved or
 * chats watched elsewhere), a notification (a mentor assigned), a chat of mine answered or ended.
 */
export function useOnboarding(socket: HelperSocket | null, siteId: string) {
  const { t } = useI18n();
  const failed = t.community.onboarding.couldNotLoad;
  const [status, setStatus] = useState<OnboardingStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const load = useCallback(async () => {
    try {
      setStatus(await onboardingApi.status(siteId));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : failed);
    }
  }, [siteId, failed]);
  // Several events in a row (an answer, then an end) read once.
  const soon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void load(), 800);
  }, [load]);
  useEffect(() => {
    setStatus(null);
    void load();
    const onFocus = () => document.visibilityState === 'visible' && soon();
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      document.removeEventListener('visibilitychange', onFocus);
      clearTimeout(timer.current);
    };
  }, [load, soon]);
  const settled = status?.complete && status.dismissed && !status.charter.needsAcceptance;
  useEffect(() => {
    if (!socket || settled) return;
    const onMessage = (m: { author: string }) => m.author === 'helper' && soon();
    socket.on('notification:created', soon);
    socket.on('conversation:updated', soon);
    socket.on('message:created', onMessage);
    return () => {
      socket.off('notification:created', soon);
      socket.off('conversation:updated', soon);
      socket.off('message:created', onMessage);
    };
  }, [socket, soon, settled]);
  return { status, setStatus, error, reload: load };
}
