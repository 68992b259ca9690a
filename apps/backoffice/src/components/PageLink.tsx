import type { Page } from '@tribu/protocol/client';

const isHttp = (url: string) => /^https?:\/\//i.test(url);
const short = (url: string) => url.replace(/^https?:\/\//i, '').replace(/\/$/, '');

/** A visitor page: a link only for http(s) URLs (anything else is shown as text), then the product read. */
export function PageLink({ page }: { page: Page | null }) {
  if (!page) return <span class="muted">page unknown</span>;
  const label = page.title || short(page.url);
  return (
    <span class="page">
      {isHttp(page.url) ? (
        <a class="page-link" href={page.url} target="_blank" rel="noopener noreferrer" title={page.url}>
          <span class="page-title">{label}</span> <span class="page-url">{short(page.url)}</span>
        </a>
      ) : (
        <span class="page-title">{label}</span>
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
