import { LIMITS, type Page, type Product } from '@tribu/protocol/client';

type Json = Record<string, unknown>;

function findProduct(node: unknown): Json | null {
  if (!node || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const n of node) {
      const p = findProduct(n);
      if (p) return p;
    }
    return null;
  }
  const o = node as Json;
  const type = o['@type'];
  if (type === 'Product' || (Array.isArray(type) && type.includes('Product'))) return o;
  return findProduct(o['@graph']);
}

/** The product the page shows, from its JSON-LD, else its Open Graph tags; never throws. */
export function readProduct(doc: Document): Product | undefined {
  try {
    for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
      let data: unknown;
      try {
        data = JSON.parse(s.textContent ?? '');
      } catch {
        continue;
      }
      const p = findProduct(data);
      if (p && typeof p.name === 'string') {
        const offers = (Array.isArray(p.offers) ? p.offers[0] : p.offers) as Json | undefined;
        const price = offers?.price != null ? `${String(offers.price)} ${String(offers.priceCurrency ?? '')}`.trim() : undefined;
        return { name: p.name.slice(0, LIMITS.pageTitle), ...(price ? { price: price.slice(0, 40) } : {}) };
      }
    }
    const og = (prop: string) => doc.querySelector<HTMLMetaElement>(`meta[property="${prop}"]`)?.content;
    if (og('og:type') === 'product' && og('og:title')) {
      const amount = og('product:price:amount');
      const price = amount ? `${amount} ${og('product:price:currency') ?? ''}`.trim() : undefined;
      return { name: og('og:title')!.slice(0, LIMITS.pageTitle), ...(price ? { price } : {}) };
    }
  } catch {
    /* a hostile page: no product */
  }
  return undefined;
}

/** The visitor's current page as helpers will see it, with the merchant's context if any. */
export function currentPage(context: Record<string, string | number> = {}): Page {
  const product = readProduct(document);
  const entries = Object.entries(context).slice(0, LIMITS.contextEntries);
  return {
    url: location.href.slice(0, LIMITS.url),
    title: String(document.title).slice(0, LIMITS.pageTitle),
    ...(product ? { product } : {}),
    ...(entries.length ? { context: Object.fromEntries(entries) } : {}),
  };
}
