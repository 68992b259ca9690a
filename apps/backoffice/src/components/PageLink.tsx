import type { Page } from '@tribu/protocol/client';

/** A visitor page as a link, only for http(s) URLs; anything else is shown as text. */
export function PageLink({ page }: { page: Page | null }) {
  if (!page) return <span class="muted">Page unknown</span>;
  const safe = /^https?:\/\//i.test(page.url);
  const label = page.title || page.url;
  const path = safe ? new URL(page.url).pathname : page.url;
  const link = safe ? (
    <a class="page-link" href={page.url} target="_blank" rel="noopener noreferrer" title={page.url}>
      {label} <span class="muted">{path}</span>
    </a>
  ) : (
    <span>{label}</span>
  );
  if (!page.product) return link;
  return (
    <>
      {link}
      <span class="product">
        {page.product.name}
        {page.product.price && <strong> · {page.product.price}</strong>}
      </span>
    </>
  );
}
