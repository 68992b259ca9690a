import { DIGEST_FREQUENCIES, type DigestFrequency } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** How often Tribu drafts the helpers' newsletter; managers edit and send each draft under Manage → Digest. */
export function DigestSection({ draft, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.digest;
  return (
    <section class="admin-card" aria-labelledby="s-digest">
      <h2 id="s-digest">{w.title}</h2>
      <Field id="f-digestFrequency" label={w.draft} error={errors.digestFrequency} hint={w.hint}>
        <select
          {...described('f-digestFrequency', errors.digestFrequency)}
          value={draft.digestFrequency}
          onChange={(e) => edit({ digestFrequency: e.currentTarget.value as DigestFrequency })}
        >
          {DIGEST_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {w[f]}
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}
