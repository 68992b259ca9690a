import { useEffect, useRef } from 'preact/hooks';
import type { NotifyPrefs, QueueItem } from '@tribu/protocol/client';
import { nudgeDelay } from '../components/people/board-filter.ts';
import { useI18n } from '../i18n/index.tsx';

/** How long a new request may wait before the helper is nudged. */
export const ALERT_AFTER_MS = 5_000;

/** A soft two-note chime made with WebAudio (no audio file to load). */
function chime(): void {
  const Ctx = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  [660, 880].forEach((freq, i) => {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const at = ctx.currentTime + i * 0.18;
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.4);
  });
  setTimeout(() => void ctx.close(), 1000);
}

function notify(item: QueueItem, title: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const n = new Notification(title, { body: item.question.slice(0, 140), tag: item.conversationId });
  n.onclick = () => {
    window.focus();
    n.close();
  };
}

/**
 * Nudges the helper (sound and/or desktop notification, as they opted in) when a request arrives and
 * nobody has taken it within a few seconds. Requests already waiting when the desk opens stay quiet.
 */
export function useRequestAlerts(queue: QueueItem[], prefs: NotifyPrefs | undefined): void {
  const seen = useRef(new Set<string>());
  const waiting = useRef(queue);
  waiting.current = queue;
  const prefsRef = useRef(prefs);
  prefsRef.current = prefs;
  const title = useI18n().t.desk.visitorWaiting;
  const titleRef = useRef(title);
  titleRef.current = title;
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    for (const item of queue) {
      if (seen.current.has(item.conversationId)) continue;
      seen.current.add(item.conversationId);
      const delay = nudgeDelay(Date.now() - Date.parse(item.createdAt), ALERT_AFTER_MS);
      if (delay === null) continue;
      const t = setTimeout(() => {
        timers.current.delete(item.conversationId);
        const still = waiting.current.some((i) => i.conversationId === item.conversationId);
        const p = prefsRef.current;
        if (!still || !p) return;
        if (p.sound) chime();
        if (p.desktop) notify(item, titleRef.current);
      }, delay);
      timers.current.set(item.conversationId, t);
    }
  }, [queue]);

  useEffect(() => {
    const all = timers.current;
    return () => all.forEach((t) => clearTimeout(t));
  }, []);
}
