import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

const whole = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** When helpers are called on their phones (Web Push) or by email while no Tribu tab of theirs is open. */
export function NotificationsSection({ draft, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.calling;
  return (
    <section class="admin-card" aria-labelledby="s-push">
      <h2 id="s-push">{w.title}</h2>
      <Field id="f-pushAfterSec" label={w.push} error={errors.pushAfterSec} hint={w.pushHint}>
        <input
          {...described('f-pushAfterSec', errors.pushAfterSec)}
          type="number"
          min={15}
          max={3600}
          value={Number.isNaN(draft.pushAfterSec) ? '' : draft.pushAfterSec}
          onInput={(e) => edit({ pushAfterSec: whole(e.currentTarget.value) })}
        />
      </Field>
      <Field id="f-waitingEmailHours" label={w.email} error={errors.waitingEmailHours} hint={w.emailHint}>
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
