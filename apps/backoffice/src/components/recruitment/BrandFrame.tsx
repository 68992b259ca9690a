import type { ComponentChildren } from 'preact';
import { useI18n } from '../../i18n/index.tsx';

interface Props {
  /** The site's colour and a text colour readable on it (Tribu's own when absent). */
  color?: string;
  onColor?: string;
  eyebrow?: string;
  title?: string;
  children: ComponentChildren;
}

/** The public pages' frame (application, invitation): the site's colour band, a centred card. */
export function BrandFrame({ color, onColor, eyebrow, title, children }: Props) {
  const { t } = useI18n();
  const style = color ? { '--brand': color, '--on-brand': onColor ?? '#fff' } : undefined;
  return (
    <div class="public-page" style={style}>
      <header class="public-band">
        <div class="public-band-inner">
          {eyebrow && <p class="public-eyebrow">{eyebrow}</p>}
          {title && <h1>{title}</h1>}
        </div>
      </header>
      <main class="public-card">{children}</main>
      <footer class="public-foot">
        <span class="dot" aria-hidden="true" /> {t.manage.join.footer}
      </footer>
    </div>
  );
}
