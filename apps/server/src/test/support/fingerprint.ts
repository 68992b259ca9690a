import pg from 'pg';

/**
 * A fingerprint of every table's rows: equal before and after means the requests changed nothing.
 * `ignore` leaves out columns by table (bookkeeping a read may write, such as the date a step was first seen done).
 */
export async function fingerprint(databaseUrl: string, ignore: Record<string, string[]> = {}): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by tablename");
    // One statement for every table (a round trip per table made the rights walk slow as tables were added).
    const params: string[][] = [];
    const parts = rows.map(({ tablename }) => {
      params.push(ignore[tablename] ?? []);
      const drop = `$${params.length}::text[]`;
      return `select ${pgText(tablename)} as t, md5(string_agg((to_jsonb(x) - ${drop})::text, '|' order by (to_jsonb(x) - ${drop})::text)) as h from "${tablename}" x`;
    });
    const out: Record<string, string> = {};
    if (parts.length === 0) return out;
    const r = await c.query<{ t: string; h: string | null }>(parts.join(' union all '), params);
    for (const { t, h } of r.rows) out[t] = h ?? '';
    return out;
  } finally {
    await c.end();
  }
}

const pgText = (s: string) => `'${s.replaceAll("'", "''")}'`;
