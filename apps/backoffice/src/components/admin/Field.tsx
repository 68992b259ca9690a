import type { ComponentChildren } from 'preact';

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ComponentChildren;
  children: ComponentChildren;
}

/** The ids a control names for its hint and error, so screen readers read them with the label. */
export const described = (id: string, error?: string) => ({
  id,
  'aria-describedby': `${id}-hint ${error ? `${id}-error` : ''}`.trim(),
  'aria-invalid': error ? true : undefined,
});

/** A labelled control with its hint and, when refused, its error right beneath it. */
export function Field({ id, label, error, hint, children }: Props) {
  return (
    <div class={`field ${error ? 'invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
