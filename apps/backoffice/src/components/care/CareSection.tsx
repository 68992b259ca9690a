import type { ComponentChildren } from 'preact';

/** A wide Numbers card like the others (kpi/Section.tsx), with its rule written here rather than in the KPI definitions. */
export function CareSection({ title, hint, children }: { title: string; hint: string; children: ComponentChildren }) {
  const id = `kpi-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section class="kpi-card wide" aria-labelledby={id}>
      <header class="kpi-card-head">
        <div>
          <h2 id={id}>{title}</h2>
          <p class="kpi-def">{hint}</p>
        </div>
      </header>
      {children}
    </section>
  );
}
