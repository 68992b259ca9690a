import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

const whole = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** When helpers are called on their phones (Web Push) or by email while no Tribu tab of theirs is open. */
export function NotificationsSection({ draft, errors, edit }: Props) {
  return (
    <section class="admin-card" aria-labelledby="s-push">
      <h2 id="s-push">Calling helpers</h2>
      <Field
        id="f-pushAfterSec"
        label="Call helpers after a request waits (seconds)"
        error={errors.pushAfterSec}
        hint="Helpers who turned notifications on, with no Tribu tab open, get a push once per request — never in their quiet hours or while away."
      >
        <input
          {...described('f-pushAfterSec', errors.pushAfterSec)}
          type="number"
          min={15}
          max={3600}
          value={Number.isNaN(draft.pushAfterSec) ? '' : draft.pushAfterSec}
          onInput={(e) => edit({ pushAfterSec: whole(e.currentTarget.value) })}
        />
      </Field>
      <Field
        id="f-waitingEmailHours"
        label="At most one “visitors are waiting” email every (hours)"
        error={errors.waitingEmailHours}
        hint="For helpers without notifications who asked for the email instead."
      >
        <input
          {...described('f-waitingEmailHours', errors.waitingEmailHours)}
          type="number"
          min={1}
          max={48}
          value={Number.isNaN(draft.waitingEmailHours) ? '' : draft.waitingEmailHours}
          onInput={(e) => edit({ waitingEmailHours: whole(e.currentTarget.value) })}
        />
      </Field>
    </section>
  );
}
