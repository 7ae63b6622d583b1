import type { UseFormRegisterReturn } from 'react-hook-form';

interface Props {
  id: string;
  label: string;
  /** From react-hook-form's register(): name, ref and event handlers. */
  registration: UseFormRegisterReturn;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'tel';
  maxLength?: number;
  /** Translated help shown under the label and read with the field. */
  hint?: string | undefined;
  /** Translated message; when set the field is marked invalid and the message is read with it. */
  error?: string | undefined;
  disabled?: boolean;
}

/** A labelled input whose error is tied to it for screen readers (aria-invalid, aria-describedby). */
export function TextField({ id, label, registration, type = 'text', autoComplete, inputMode, maxLength, hint, error, disabled }: Props) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      )}
      <input
        {...registration}
        id={id}
        type={type}
        autocomplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        disabled={disabled}
        // Phones would otherwise capitalise or "correct" an address.
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
