import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: ComponentChildren;
  children: ComponentChildren;
}

/** A labelled form control with its hint and its error message announced to screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes that tie an input to its hint and error. */
export function describedBy(id: string, error?: string, hasHint = false) {
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}
