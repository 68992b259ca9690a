import { KPI_DEFINITIONS, type KpiDefinitionKey } from '@tribu/domain';

/** The ⓘ button of a figure; the tile shows the definition below when it is pressed (touch, keyboard, screen reader). */
export function HintButton({ name, open, onToggle }: { name: string; open: boolean; onToggle: () => void }) {
  return (
    <button type="button" class="kpi-hint-button" aria-expanded={open} aria-label={`What is ${name}?`} onClick={onToggle}>
      i
    </button>
  );
}

export function HintText({ of }: { of: KpiDefinitionKey }) {
  return <p class="kpi-hint">{KPI_DEFINITIONS[of]}</p>;
}
