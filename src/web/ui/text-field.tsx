import type { UseFormRegisterReturn } from 'react-hook-form';

interface Props {
  id: string;
  label: string;
  /** From react-hook-form's register(): name, ref and event handlers. */
  registration: UseFormRegisterReturn;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  inputMode?: 'text' | 'email';
  /** Translated message; when set the field is marked invalid and the message is read with it. */
  error?: string | undefined;
  disabled?: boolean;
}

/** A labelled input whose error is tied to it for screen readers (aria-invalid, aria-describedby). */
export function TextField({ id, label, registration, type = 'text', autoComplete, inputMode, error, disabled }: Props) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        {...registration}
        id={id}
        type={type}
        autocomplete={autoComplete}
        inputMode={inputMode}
        disabled={disabled}
        // Phones would otherwise capitalise or "correct" an address.
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
