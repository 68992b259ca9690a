import type { FastifyReply } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import { localiseCsvHeader } from '../i18n/csv-headers.ts';
import { requestLocale } from '../i18n/request-locale.ts';

/** A cell of an export: text is quoted and defused, numbers are written as they are, nothing is an empty cell. */
export type CsvCell = string | number | null | undefined;

/**
 * Every place a spreadsheet may start reading a cell: the start of the text, and just after each
 * character a locale or an import dialog may split on (`,` `;` tab, a line break). Excel in French,
 * German or Spanish splits a comma file at `;`, so `Jonas;=1+1` would hold a live `=1+1` cell.
 * Spaces before the formula character do not make it safe.
 */
const CELL_START = /(?<=^|[,;\t\r\n])(?=[ ]*[=+\-@\t\r])/g;

/** The text with an apostrophe before every formula start (= + - @ tab CR) a spreadsheet could run. */
export function defuseCell(text: string): string {
  return text.replace(CELL_START, "'");
}

/**
 * A whole CSV document (RFC 4180, CRLF line ends): every text cell is quoted and defused, so an
 * export is safe to open in any spreadsheet whatever separator its locale splits on. The one writer
 * of every CSV export.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    // A negative number opening a line would open the whole line where it is split at `;`: text then.
    rows.map((r) => r.map((c, i) => (i === 0 && typeof c === 'number' && c < 0 ? String(c) : c))),
    { quoted_string: true, record_delimiter: '\r\n', cast: { string: defuseCell } },
  );
}

/**
 * Answers with a CSV download (never cached: exports hold personal data). The first row, the header, is worded in the
 * requester's language here, once (modules write it in English).
 */
export function sendCsv(reply: FastifyReply, filename: string, rows: readonly (readonly CsvCell[])[]): FastifyReply {
  const [header, ...rest] = rows;
  const worded = header ? [localiseCsvHeader(header, requestLocale(reply.request)), ...rest] : rows;
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(toCsv(worded));
}
