import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

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
  return (
    <section class="admin-card" aria-labelledby="s-general">
      <h2 id="s-general">General</h2>
      <div class="field-row">
        <Field id="f-name" label="Site name" error={errors.name} hint="Shown in the chat header and to your helpers.">
          <input {...described('f-name', errors.name)} value={draft.name} maxLength={SITE_LIMITS.name} onInput={(e) => edit({ name: e.currentTarget.value })} />
        </Field>
        <Field id="f-timeZone" label="Time zone" error={errors.timeZone} hint="Days and hours in numbers and badges follow it.">
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
        <span class="field-label">Embed tag (site key “{siteKey}”)</span>
        <code class="snippet">{embed}</code>
        <p class="field-hint">Paste it once before &lt;/body&gt; on every page of the shop.</p>
      </div>
    </section>
  );
}
