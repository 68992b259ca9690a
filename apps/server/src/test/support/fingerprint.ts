import pg from 'pg';

/**
 * A fingerprint of every table's rows: equal before and after means the requests changed nothing.
 * `ignore` leaves out columns by table (bookkeeping a read may write, such as the date a step was first seen done).
 */
export async function fingerprint(databaseUrl: string, ignore: Record<string, string[]> = {}): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public'");
    const out: Record<string, string> = {};
    for (const { tablename } of rows) {
      const r = await c.query<{ h: string | null }>(
        `select md5(string_agg((to_jsonb(t) - $1::text[])::text, '|' order by (to_jsonb(t) - $1::text[])::text)) as h from "${tablename}" t`,
        [ignore[tablename] ?? []],
      );
      out[tablename] = r.rows[0]?.h ?? '';
    }
    return out;
  } finally {
    await c.end();
  }
}
