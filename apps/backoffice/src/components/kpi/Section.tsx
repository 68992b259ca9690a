import type { ComponentChildren } from 'preact';
import type { KpiDefinitionKey } from '@tribu/domain';
import { useI18n } from '../../i18n/index.tsx';

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
  const { t } = useI18n();
  // Named by its definition, not its title: the same id in every language, one card per definition.
  const id = `kpi-${hint}`;
  return (
    <section class={`kpi-card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <header class="kpi-card-head">
        <div>
          <h2 id={id}>{title}</h2>
          <p class="kpi-def">{t.manage.definitions[hint]}</p>
        </div>
        {action}
      </header>
      {children}
    </section>
  );
}
