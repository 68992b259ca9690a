import type { z } from 'zod';
import { FieldsError } from './errors.ts';

/**
 * Parses a form body, refusing it with every problem by field path (not just the first), so the
 * form can show each message beside its input.
 */
export function parseFields<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    fields[path] ??= issue.message;
  }
  throw new FieldsError(fields);
}
