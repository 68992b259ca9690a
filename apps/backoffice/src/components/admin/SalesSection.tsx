import { SITE_LIMITS } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  draft: Draft;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** How purchases the shop reports are credited to the community's chats. */
export function SalesSection({ draft, errors, edit }: Props) {
  const { t } = useI18n();
  const w = t.settings.sales;
  return (
    <section class="admin-card" aria-labelledby="s-sales">
      <h2 id="s-sales">{w.title}</h2>
      <Field id="f-attributionDays" label={w.window} error={errors.attributionDays} hint={w.windowHint}>
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
          <strong>{w.showAmounts}</strong>
          <small>{w.showAmountsHint}</small>
        </span>
      </label>
    </section>
  );
}
