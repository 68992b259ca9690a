import { DIGEST_FREQUENCIES, type DigestFrequency } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

const LABELS: Record<DigestFrequency, string> = {
  off: 'Off: no digest is drafted',
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
  monthly: 'Every month',
};

/** How often Tribu drafts the helpers' newsletter; managers edit and send each draft under Manage → Digest. */
export function DigestSection({ draft, errors, edit }: Props) {
  return (
    <section class="admin-card" aria-labelledby="s-digest">
      <h2 id="s-digest">Community digest</h2>
      <Field
        id="f-digestFrequency"
        label="Draft a digest"
        error={errors.digestFrequency}
        hint="When a period ends, Tribu drafts a newsletter for the helpers (newcomers, best-rated answers, missions, gaps in coverage, events). Nothing is sent until a manager sends it."
      >
        <select
          {...described('f-digestFrequency', errors.digestFrequency)}
          value={draft.digestFrequency}
          onChange={(e) => edit({ digestFrequency: e.currentTarget.value as DigestFrequency })}
        >
          {DIGEST_FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {LABELS[f]}
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}
