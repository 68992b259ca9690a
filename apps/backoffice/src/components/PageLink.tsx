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
  const context = Object.entries(page.context ?? {});
  return (
    <>
      {link}
      {page.product && (
        <span class="product">
          {page.product.name}
          {page.product.price && <strong> · {page.product.price}</strong>}
        </span>
      )}
      {context.length > 0 && (
        <span class="context" aria-label="Context from the shop">
          {context.map(([k, v]) => (
            <span key={k} class="chip">
              {k}: {String(v)}
            </span>
          ))}
        </span>
      )}
    </>
  );
}
