import type { ComponentChildren } from 'preact';
import { KPI_DEFINITIONS, type KpiDefinitionKey } from '@tribu/domain';

/** A dashboard card: a title, its definition in one line, an optional action (CSV) and the content. */
export function Section({
  title,
  hint,
  action,
  children,
  wide,
}: {
  title: string;
  hint: KpiDefinitionKey;
  action?: ComponentChildren;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const id = `kpi-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section class={`kpi-card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <header class="kpi-card-head">
        <div>
          <h2 id={id}>{title}</h2>
          <p class="kpi-def">{KPI_DEFINITIONS[hint]}</p>
        </div>
        {action}
      </header>
      {children}
    </section>
  );
}
