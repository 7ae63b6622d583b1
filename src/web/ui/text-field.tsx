import type { Ref } from 'preact';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  inputMode?: 'text' | 'email';
  /** Translated message; when set the field is marked invalid and the message is read with it. */
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, value, onInput, type = 'text', autoComplete, inputMode, error, inputRef }: Props) {
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type={type}
        value={value}
        autocomplete={autoComplete}
        inputMode={inputMode}
        // Phones would otherwise capitalise or "correct" an address.
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
