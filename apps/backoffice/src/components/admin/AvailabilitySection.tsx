import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** A number input whose empty or partial value stays visible while typed (NaN is the server's to refuse). */
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** When the live chat shows, how much each helper takes on, and what happens when nobody can answer. */
export function AvailabilitySection({ draft, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.availability;
  return (
    <section class="admin-card" aria-labelledby="s-availability">
      <h2 id="s-availability">{w.title}</h2>
      <div class="field-row">
        <Field id="f-minHelpers" label={w.minHelpers} error={errors.minHelpers} hint={w.minHelpersHint}>
          <input
            {...described('f-minHelpers', errors.minHelpers)}
            type="number"
            min={1}
            max={SITE_LIMITS.minHelpers}
            value={draft.minHelpers}
            onInput={(e) => edit({ minHelpers: num(e.currentTarget.value) })}
          />
        </Field>
        <Field id="f-chatCap" label={w.chatCap} error={errors.chatCap} hint={w.chatCapHint}>
          <input
            {...described('f-chatCap', errors.chatCap)}
            type="number"
            min={1}
            max={SITE_LIMITS.chatCap}
            value={draft.chatCap}
            onInput={(e) => edit({ chatCap: num(e.currentTarget.value) })}
          />
        </Field>
        <Field id="f-releaseAfterSec" label={w.release} error={errors.releaseAfterSec} hint={w.releaseHint}>
          <input
            {...described('f-releaseAfterSec', errors.releaseAfterSec)}
            type="number"
            min={SITE_LIMITS.releaseAfterSecMin}
            max={SITE_LIMITS.releaseAfterSecMax}
            step={15}
            value={draft.releaseAfterSec}
            onInput={(e) => edit({ releaseAfterSec: num(e.currentTarget.value) })}
          />
        </Field>
      </div>
      <fieldset class="field">
        <legend>{w.nobody}</legend>
        <div class="choices">
          <label class="choice">
            <input type="radio" name="offline" checked={draft.offlineMode === 'ask'} onChange={() => edit({ offlineMode: 'ask' })} />
            <span>
              <strong>{w.ask}</strong>
              <small>{w.askHint}</small>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="offline" checked={draft.offlineMode === 'hide'} onChange={() => edit({ offlineMode: 'hide' })} />
            <span>
              <strong>{w.hide}</strong>
              <small>{w.hideHint}</small>
            </span>
          </label>
        </div>
      </fieldset>
    </section>
  );
}
