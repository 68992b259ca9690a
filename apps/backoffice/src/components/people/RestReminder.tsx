import { useState } from 'preact/hooks';
import type { MyProfile } from '@tribu/protocol/client';

const KEY = 'tribu.rest-reminder-dismissed';
const today = () => new Date().toISOString().slice(0, 10);
const hoursText = (h: number) => (h === 1 ? '1 hour' : `${h} hours`);

/** A gentle thank-you once the day's hours reach the helper's own threshold; once a day, never pushy. */
export function RestReminder({ profile }: { profile: MyProfile | null }) {
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(KEY) === today());
  const after = profile?.restReminderHours;
  if (!profile || !after || dismissed || profile.hours.today < after) return null;
  const dismiss = () => {
    localStorage.setItem(KEY, today());
    setDismissed(true);
  };
  return (
    <div class="banner rest" role="status">
      <span aria-hidden="true">🌿</span>
      <span>
        You've been helping for {hoursText(Math.floor(profile.hours.today))} today — thank you! Take a break whenever you like.
      </span>
      <button type="button" class="link" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
