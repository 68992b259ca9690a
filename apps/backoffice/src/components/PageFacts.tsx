import type { PageContext } from '@tribu/protocol/client';
import { useI18n } from '../i18n/index.tsx';

/** What the merchant told about the visitor's page (`Tribu.setContext`, e.g. cart value), as plain text. */
export function PageFacts({ context }: { context: PageContext | undefined }) {
  const { t } = useI18n();
  const entries = Object.entries(context ?? {});
  if (entries.length === 0) return null;
  return (
    <ul class="facts" aria-label={t.shell.page.details}>
      {entries.map(([k, v]) => (
        <li key={k}>
          {k}: {String(v)}
        </li>
      ))}
    </ul>
  );
}
