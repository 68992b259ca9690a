/** A NUL, or half of a surrogate pair: Postgres stores neither in text, nor in jsonb (`\u0000`, `\udfff`). */
// eslint-disable-next-line no-control-regex -- a NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any string (value or key) of a decoded JSON value holds a character the database cannot
 * store. Iterative, so a deeply nested payload cannot exhaust the stack.
 */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (typeof cur === 'string') {
      if (UNSTORABLE.test(cur)) return true;
    } else if (ArrayBuffer.isView(cur)) {
      continue; // bytes (uploads) are not text
    } else if (Array.isArray(cur)) {
      for (const item of cur) stack.push(item);
    } else if (cur !== null && typeof cur === 'object') {
      for (const [k, v] of Object.entries(cur)) {
        if (UNSTORABLE.test(k)) return true;
        stack.push(v);
      }
    }
  }
  return false;
}

/**
 * The first top-level field of a record (a query string, path parameters, a body) that holds unstorable text,
 * so a refusal can say which one; `''` when the fault is in a key itself, `undefined` when all is storable.
 */
export function unstorableField(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return hasUnstorableText(record) ? '' : undefined;
  for (const [k, v] of Object.entries(record)) {
    if (UNSTORABLE.test(k)) return '';
    if (hasUnstorableText(v)) return k;
  }
  return undefined;
}

export const UNSTORABLE_MESSAGE = 'Text may not contain NUL characters or broken Unicode (a lone surrogate)';
