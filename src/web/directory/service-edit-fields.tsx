import type { ComponentChildren } from 'preact';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * Small labelled controls of the service form, each tied to its message for screen readers
 * (aria-invalid, aria-describedby), as src/web/ui/text-field.tsx does for text boxes.
 */
interface FieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: string | undefined;
}

const describedBy = (id: string, hint?: string, error?: string) => [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

function Messages({ id, hint, error, children }: { id: string; hint?: string | undefined; error?: string | undefined; children: ComponentChildren }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** Phone numbers, times and amounts: the keyboard a phone should open comes with the type. */
export function InputField({ id, label, registration, error, hint, type = 'text', inputMode, autoComplete = 'off' }: FieldProps & { type?: 'text' | 'tel' | 'time' | 'email'; inputMode?: 'numeric' | 'tel' | 'email' | 'text'; autoComplete?: string }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Messages id={id} hint={hint} error={error}>
        <input {...registration} id={id} type={type} inputMode={inputMode} autocomplete={autoComplete} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
      </Messages>
    </div>
  );
}

export function TextAreaField({ id, label, registration, error, hint }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Messages id={id} hint={hint} error={error}>
        <textarea {...registration} id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
      </Messages>
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({ id, label, registration, error, hint, choices }: FieldProps & { choices: readonly Choice[] }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Messages id={id} hint={hint} error={error}>
        <select {...registration} id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </Messages>
    </div>
  );
}

/** A list of boxes to tick (service types, target groups, languages, regions). */
export function CheckGroup({
  id,
  legend,
  registration,
  error,
  hint,
  choices,
  compact = false,
}: {
  id: string;
  legend: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: string | undefined;
  choices: readonly Choice[];
  /** Short labels, two to a row on a phone. */
  compact?: boolean;
}) {
  return (
    <fieldset class="field admin-choices" aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <Messages id={id} hint={hint} error={error}>
        <div class={compact ? 'service-edit-checks is-compact' : 'service-edit-checks'}>
          {choices.map((c) => (
            <label key={c.value} class="admin-check">
              <input type="checkbox" value={c.value} {...registration} />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </Messages>
    </fieldset>
  );
}
