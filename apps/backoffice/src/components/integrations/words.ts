import type { Format } from '../../i18n/index.tsx';

/** An instant of a delivery, to the second, in the person's language and time zone (event names: `t.settings.hookEvents`). */
export const when = (f: Format, iso: string) =>
  new Intl.DateTimeFormat(f.locale, { timeZone: f.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    new Date(iso),
  );
