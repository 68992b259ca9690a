import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  siteKey: string;
  embed: string;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

// The runtime's own list, so a time zone picked here is always one the server accepts.
const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
})();

/** Name, time zone, and the embed tag to paste on the merchant's pages. */
export function GeneralSection({ draft, siteKey, embed, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.general;
  return (
    <section class="admin-card" aria-labelledby="s-general">
      <h2 id="s-general">{w.title}</h2>
      <div class="field-row">
        <Field id="f-name" label={w.name} error={errors.name} hint={w.nameHint}>
          <input {...described('f-name', errors.name)} value={draft.name} maxLength={SITE_LIMITS.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
        </Field>
        <Field id="f-timeZone" label={w.timeZone} error={errors.timeZone} hint={w.timeZoneHint}>
          <input
            {...described('f-timeZone', errors.timeZone)}
            list="time-zones"
            value={draft.timeZone}
            onInput={(e) => edit({ timeZone: e.currentTarget.value })}
          />
          <datalist id="time-zones">
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </Field>
      </div>
      <div class="field">
        <span class="field-label">{w.embed(siteKey)}</span>
        <code class="snippet">{embed}</code>
        <p class="field-hint">{w.embedHint}</p>
      </div>
    </section>
  );
}
