import type { KpiDefinitionKey } from '@tribu/domain';
import { useI18n } from '../../i18n/index.tsx';

/** The ⓘ button of a figure; the tile shows the definition below when it is pressed (touch, keyboard, screen reader). */
export function HintButton({ name, open, onToggle }: { name: string; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="kpi-hint-button" aria-expanded={open} aria-label={t.manage.numbers.hintAbout(name)} onClick={onToggle}>
      i
    </button>
  );
}

export function HintText({ of }: { of: KpiDefinitionKey }) {
  const { t } = useI18n();
  return <p class="kpi-hint">{t.manage.definitions[of]}</p>;
}
