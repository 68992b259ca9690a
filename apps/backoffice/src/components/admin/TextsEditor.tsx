import { WIDGET_TEXT_LIMITS, type Locale, type WidgetTextKey, type WidgetTexts } from '@tribu/protocol/client';
import { Field, described } from './Field.tsx';
import type { Draft } from './useSiteSettingsForm.ts';

/** What each text is, in the words of someone setting up a shop. */
export const TEXT_LABELS: Record<WidgetTextKey, { label: string; hint: string; long?: boolean }> = {
  launcher: { label: 'Launcher text', hint: 'The button visitors click.' },
  title: { label: 'Chat title', hint: 'At the top of the open chat.' },
  disclosure: { label: 'Who answers (transparency notice)', hint: 'Tell visitors honestly that volunteers from the community answer.', long: true },
  placeholder: { label: 'Message box placeholder', hint: 'Inside the empty message box.' },
  open: { label: 'Launcher name for screen readers', hint: 'What assistive technology announces for the launcher.' },
  online: { label: 'Launcher second line: helpers online', hint: 'Under the launcher text when someone can answer.' },
  replies: { label: 'Launcher second line: usual response time', hint: '{n} is replaced by the minutes, e.g. “Usually answers in ~{n} min”.' },
  offline: { label: 'Launcher second line: nobody online', hint: 'When visitors can only leave a question.' },
  privacy: { label: 'Privacy notice', hint: 'Beside the consent box.', long: true },
};

interface Props {
  keys: WidgetTextKey[];
  locale: Locale;
  draft: Draft;
  defaults: WidgetTexts;
  errors: Record<string, string>;
  edit: (patch: Partial<Draft>) => void;
}

/** A language's wording, each field empty by default with Tribu's text shown as its placeholder. */
export function TextsEditor({ keys, locale, draft, defaults, errors, edit }: Props) {
  const mine = draft.texts[locale] ?? {};
  const set = (key: WidgetTextKey, value: string) => edit({ texts: { ...draft.texts, [locale]: { ...mine, [key]: value } } });
  return (
    <div class="texts">
      {keys.map((key) => {
        const id = `f-texts-${locale}-${key}`;
        const error = errors[`texts.${locale}.${key}`];
        const { label, hint, long } = TEXT_LABELS[key];
        const value = mine[key] ?? '';
        const props = {
          ...described(id, error),
          value,
          placeholder: defaults[key],
          maxLength: WIDGET_TEXT_LIMITS[key],
          onInput: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
        };
        return (
          <Field
            key={id}
            id={id}
            label={label}
            error={error}
            hint={
              <>
                {hint} {value ? `${value.length}/${WIDGET_TEXT_LIMITS[key]}` : 'Empty: Tribu’s text (shown greyed) is used.'}
              </>
            }
          >
            {long ? <textarea rows={3} {...props} /> : <input {...props} />}
          </Field>
        );
      })}
    </div>
  );
}
