import type { Page } from '@tribu/protocol/client';
import { useI18n } from '../i18n/index.tsx';

const isHttp = (url: string) => /^https?:\/\//i.test(url);
const short = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/**
 * A visitor page: the server sends a link (http(s)) only for a page on the site's allowed origins;
 * anything else comes without a scheme and is shown as text, with its address, never linked.
 */
export function PageLink({ page }: { page: Page | null }) {
  const { t } = useI18n();
  if (!page) return <span class="muted">{t.shell.page.unknown}</span>;
  const label = page.title || short(page.url);
  return (
    <span class="page">
      {isHttp(page.url) ? (
        <a class="page-link" href={page.url} target="_blank" rel="noopener noreferrer" title={page.url}>
          <span class="page-title">{label}</span> <span class="page-url">{short(page.url)}</span>
        </a>
      ) : (
        <span class="page-offsite" title={t.shell.page.offsite}>
          <span class="page-title">{label}</span>
          {page.title && <span class="page-url"> {page.url}</span>}
        </span>
      )}
      {page.product && (
        <span class="product">
          {page.product.name}
          {page.product.price && <strong> · {page.product.price}</strong>}
        </span>
      )}
    </span>
  );
}
