import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '@tribu/db';
import { KPI_TABLES } from '@tribu/protocol';
import { usePostgresServer } from './support/app.ts';
import { clientId, connectHelper, login, ok } from './support/clients.ts';
import { USERS } from './support/fixtures.ts';
import { hasPostgres } from './support/services.ts';

// What people can type into a name, a reason or a note, built to open as formulas in a spreadsheet
// whatever separator its locale splits a line on (Excel in French, German or Spanish splits at `;`).
const ADA = 'Jonas;=1+1;@SUM(1)';
const AL = '-Al,+1\t@x';
const NOTE = 'Great;=HYPERLINK("http://evil.example")\n@cmd,-2';
// The same text as the export gives it back: an apostrophe before every formula start.
const ADA_CELL = "Jonas;'=1+1;'@SUM(1)";
const AL_CELL = "'-Al,'+1\t'@x";
const NOTE_CELL = `Great;'=HYPERLINK("http://evil.example")\n'@cmd,'-2`;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** A cell a spreadsheet would run as a formula (a plain number is read as a number). */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

/** Every cell of a CSV text as a spreadsheet may cut it: by a CSV parser, and split at `,` or at `;` quotes or not. */
function cellsAsSplit(text: string): { mode: string; cells: string[] }[] {
  const byParser = (parse(text) as string[][]).flat();
  const naive = (sep: string) =>
    text
      .split(/\r\n|\n|\r/)
      .flatMap((line) => line.split(sep))
      .map((c) => c.replace(/^"/, ''));
  const semicolonParser = (parse(text, { delimiter: ';', quote: false, relax_column_count: true }) as string[][]).flat().map((c) => c.replace(/^"/, ''));
  return [
    { mode: 'parser ,', cells: byParser },
    { mode: 'parser ;', cells: semicolonParser },
    { mode: 'split ,', cells: naive(',') },
    { mode: 'split ;', cells: naive(';') },
  ];
}

describe.skipIf(!hasPostgres)('CSV exports', () => {
  const t = usePostgresServer();
  let al: string;
  const files: Record<string, string> = {};

  const download = async (path: string) => {
    const res = await fetch(`${t.server.url}${path}`, { headers: { cookie: al } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    return res.text();
  };

  beforeAll(async () => {
    const db = t.server.db.db;
    await db.update(users).set({ displayName: ADA }).where(eq(users.email, USERS.helperA1.email));
    await db.update(users).set({ displayName: AL }).where(eq(users.email, USERS.adminA.email));
    const admin = await connectHelper(t.server.url, USERS.adminA.email);
    const [ada] = await db.select().from(users).where(eq(users.email, USERS.helperA1.email));
    // One adjustment writes a ledger row (member, note, by) and an audit line (who, target, reason).
    await ok(admin.socket, 'points:adjust', { siteId: t.server.sites.siteA, userId: ada!.id, points: -3, note: NOTE, clientId: clientId() });
    al = (await login(t.server.url, USERS.adminA.email)).cookie;
    const site = `/api/sites/${t.server.sites.siteA}`;
    const today = new Date().toISOString().slice(0, 10);
    files['ledger.csv'] = await download(`${site}/ledger.csv`);
    files['audit.csv'] = await download(`${site}/audit.csv`);
    for (const table of KPI_TABLES) files[`kpis/${table}.csv`] = await download(`${site}/kpis/${table}.csv?from=${today}&to=${today}`);
  });

  it('gives back names, reasons and notes whole, with an apostrophe before every formula start', () => {
    const ledger = parse(files['ledger.csv']!) as string[][];
    expect(ledger[0]).toEqual(['date', 'member', 'points', 'reason', 'note', 'conversation', 'by']);
    expect(ledger.slice(1)).toEqual([[expect.stringMatching(ISO), ADA_CELL, '-3', 'revoke', NOTE_CELL, '', AL_CELL]]);

    const audit = parse(files['audit.csv']!) as string[][];
    expect(audit[0]).toEqual(['date', 'who', 'action', 'target kind', 'target', 'reason', 'details']);
    expect(audit.slice(1)).toEqual([[expect.stringMatching(ISO), AL_CELL, 'points.adjusted', 'user', ADA_CELL, NOTE_CELL, '{"points":-3}']]);

    const helpers = parse(files['kpis/helpers.csv']!) as string[][];
    expect(helpers.map((r) => r[0])).toEqual(['helper', 'Ben', ADA_CELL]);
    const inactive = parse(files['kpis/inactive.csv']!) as string[][];
    expect(inactive.map((r) => r[0]).sort()).toEqual(['Ben', ADA_CELL, 'helper'].sort());
  });

  it('quotes every text cell and leaves numbers bare', () => {
    const lines = files['ledger.csv']!.split('\r\n');
    expect(lines[0]).toBe('"date","member","points","reason","note","conversation","by"');
    expect(lines[1]).toMatch(/^"[^"]+Z","Jonas;'=1\+1;'@SUM\(1\)",-3,"revoke","Great;'=HYPERLINK\(""http:\/\/evil\.example""\)\n'@cmd,'-2",,"'-Al,'\+1\t'@x"$/);
    expect(files['kpis/ratings.csv']).toBe('"stars","chats"\r\n1,0\r\n2,0\r\n3,0\r\n4,0\r\n5,0\r\n');
  });

  it.each(['ledger.csv', 'audit.csv', ...KPI_TABLES.map((table) => `kpis/${table}.csv`)])(
    '%s has no cell a spreadsheet would run, split at "," or ";"',
    (file) => {
      for (const { mode, cells } of cellsAsSplit(files[file]!)) {
        expect(cells.filter(runsAsFormula), `${file} (${mode})`).toEqual([]);
      }
    },
  );
});
