import { useState } from 'preact/hooks';
import type { MyProfile } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

const KEY = 'tribu.rest-reminder-dismissed';
const today = () => new Date().toISOString().slice(0, 10);

/** A gentle thank-you once the day's hours reach the helper's own threshold; once a day, never pushy. */
export function RestReminder({ profile }: { profile: MyProfile | null }) {
  const { t, f } = useI18n();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(KEY) === today());
  const after = profile?.restReminderHours;
  if (!profile || !after || dismissed || profile.hours.today < after) return null;
  const dismiss = () => {
    localStorage.setItem(KEY, today());
    setDismissed(true);
  };
  return (
    <div class="banner rest" role="status">
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
        <path d="M20 4c-7 0-13 3-14.5 9.5C5 15.6 5.3 17.6 6 19l-2 2 1.4 1.4 2-2C8.8 21 10.6 21 12 20.5 18.5 18.5 20 12 20 4zm-9.6 14.6c-.7.2-1.5.2-2.3 0l6.6-6.6-1.4-1.4-6.6 6.6c-.2-.8-.2-1.6 0-2.4C8 11.3 12.4 6.6 18 6c-.5 5.7-3.5 11-7.6 12.6z" />
      </svg>
      <span>{t.account.rest.thanks(f.plural(Math.floor(profile.hours.today), t.account.rest.hours))}</span>
      <button type="button" class="link" onClick={dismiss}>
        {t.account.rest.dismiss}
      </button>
    </div>
  );
}
