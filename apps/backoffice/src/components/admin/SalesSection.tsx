import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** How purchases the shop reports are credited to the community's chats. */
export function SalesSection({ draft, errors, edit }: Props) {
  return (
    <section class="admin-card" aria-labelledby="s-sales">
      <h2 id="s-sales">Sales</h2>
      <Field
        id="f-attributionDays"
        label="Attribution window (days)"
        error={errors.attributionDays}
        hint="A purchase counts as assisted when the same visitor had a chat answered within this many days before it; it is credited to the helper of the last one."
      >
        <input
          {...described('f-attributionDays', errors.attributionDays)}
          type="number"
          min={1}
          max={SITE_LIMITS.attributionDaysMax}
          value={Number.isNaN(draft.attributionDays) ? '' : draft.attributionDays}
          onInput={(e) => edit({ attributionDays: e.currentTarget.value.trim() === '' ? Number.NaN : Number(e.currentTarget.value) })}
        />
      </Field>
      <label class="choice">
        <input type="checkbox" checked={draft.showSalesAmountsToHelpers} onChange={(e) => edit({ showSalesAmountsToHelpers: e.currentTarget.checked })} />
        <span>
          <strong>Show helpers the amounts of the purchases they assisted</strong>
          <small>Off by default: helpers see how many visitors they helped bought and what, as thanks, not what it was worth.</small>
        </span>
      </label>
    </section>
  );
}
