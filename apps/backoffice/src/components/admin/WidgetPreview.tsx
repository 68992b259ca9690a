import { useState } from 'preact/hooks';
import { onColor } from '@tribu/domain';
import type { Locale, SiteSettingsView, WidgetTexts } from '@tribu/protocol/client';
import { useI18n } from '../../i18n/index.tsx';

/** The widget's own fixed words (its chat chunk's i18n), for a faithful preview per language. */
const CHAT_WORDS: Record<
  Locale,
  { yourSite: string; community: (s: string) => string; introTitle: string; introBody: (s: string) => string; offline: string; send: string }
> = {
  en: {
    yourSite: 'Your site',
    community: (s) => `${s} community`,
    introTitle: 'Hi! What would you like to know?',
    introBody: (s) => `Sizing, materials, delivery… Ask ${s} customers who know the products first-hand.`,
    offline:
      'Nobody from the community is online right now. Leave your question: a member will answer it here, and you will find the answer when you come back.',
    send: 'Send',
  },
  fr: {
    yourSite: 'Votre site',
    community: (s) => `Communauté ${s}`,
    introTitle: 'Bonjour ! Que voulez-vous savoir ?',
    introBody: (s) => `Tailles, matières, livraison… Demandez aux clients de ${s} qui connaissent les produits.`,
    offline:
      "Personne de la communauté n'est en ligne pour l'instant. Laissez votre question : un membre y répondra ici, et vous trouverez la réponse à votre retour.",
    send: 'Envoyer',
  },
  es: {
    yourSite: 'Tu sitio',
    community: (s) => `Comunidad ${s}`,
    introTitle: '¡Hola! ¿Qué te gustaría saber?',
    introBody: (s) => `Tallas, materiales, envío… Pregunta a clientes de ${s} que conocen los productos.`,
    offline: 'Ahora mismo no hay nadie de la comunidad en línea. Deja tu pregunta: un miembro la responderá aquí y encontrarás la respuesta cuando vuelvas.',
    send: 'Enviar',
  },
};

const FACES = ['C', 'J', 'I'];

interface Props {
  draft: SiteSettingsView['settings'];
  defaults: Record<Locale, WidgetTexts>;
  locale: Locale;
}

/**
 * The launcher and the open chat as a visitor sees them, drawn from the draft as it is typed.
 * A component rather than an iframe of the real widget: the real one would mint a visitor
 * identity and open a socket for every preview, and it only reads saved settings.
 */
export function WidgetPreview({ draft, defaults, locale }: Props) {
  const { t } = useI18n();
  const w = t.settings.preview;
  const [live, setLive] = useState(true);
  const texts = { ...defaults[locale], ...Object.fromEntries(Object.entries(draft.texts[locale] ?? {}).filter(([, v]) => v)) } as WidgetTexts;
  const color = /^#[0-9a-f]{6}$/i.test(draft.color) ? draft.color : '#2f6f4f';
  const words = CHAT_WORDS[locale];
  const hidden = !live && draft.offlineMode === 'hide';
  const dark = draft.themeMode === 'dark';
  return (
    <section class="preview-card" aria-label={w.label}>
      <div class="preview-head">
        <h2>{w.title}</h2>
        <div class="toggle-group" role="group" aria-label={w.showWhen}>
          <button type="button" aria-pressed={live} onClick={() => setLive(true)}>
            {w.online}
          </button>
          <button type="button" aria-pressed={!live} onClick={() => setLive(false)}>
            {w.nobody}
          </button>
        </div>
      </div>
      <div
        class={`preview-stage ${draft.position === 'left' ? 'left' : ''} ${dark ? 'dark' : ''}`}
        style={{ '--tribu-color': color, '--tribu-on-color': onColor(color) }}
        data-testid="widget-preview"
      >
        <div class="fake-page" aria-hidden="true">
          <span class="fake-bar" />
          <span class="fake-line w70" />
          <span class="fake-line w50" />
          <span class="fake-img" />
        </div>
        {hidden ? (
          <p class="preview-hidden">{w.hidden}</p>
        ) : (
          <>
            <div class="wp-panel" role="img" aria-label={w.openChat(texts.title)} lang={locale} translate={false}>
              <div class="wp-header">
                <div>
                  <strong class="wp-title">{texts.title}</strong>
                  <span class="wp-sub">{words.community(draft.name || words.yourSite)}</span>
                </div>
                <span class="wp-close" aria-hidden="true">
                  ✕
                </span>
              </div>
              <p class="wp-disclosure">{texts.disclosure}</p>
              {!live && <p class="wp-offline">{words.offline}</p>}
              <div class="wp-messages">
                <strong>{words.introTitle}</strong>
                <span>{words.introBody(draft.name || words.yourSite)}</span>
              </div>
              <div class="wp-composer">
                <span class="wp-input">{texts.placeholder}</span>
                <span class="wp-send">{words.send}</span>
              </div>
            </div>
            <span class="wp-launcher" data-testid="preview-launcher" title={texts.open} lang={locale} translate={false}>
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path fill="currentColor" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
              </svg>
              {live && (
                <span class="wp-faces" aria-hidden="true">
                  {FACES.map((f) => (
                    <span key={f} class="wp-face">
                      {f}
                    </span>
                  ))}
                </span>
              )}
              <span class="wp-label">
                {texts.launcher}
                <small>{live ? texts.online : texts.offline}</small>
              </span>
            </span>
          </>
        )}
      </div>
      <p class="muted small">{w.note}</p>
    </section>
  );
}
