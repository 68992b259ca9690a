import { useI18n } from '../../i18n/index.tsx';

/** Moves the focus to the page's <main>, past the top bar: the keyboard's first stop on every signed-in page. */
export function SkipLink() {
  const { t } = useI18n();
  const skip = (e: MouseEvent) => {
    const main = document.querySelector('main');
    if (!main) return;
    e.preventDefault();
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus();
  };
  return (
    <a class="skip-link" href="#main" onClick={skip}>
      {t.a11y.skipToMain}
    </a>
  );
}
