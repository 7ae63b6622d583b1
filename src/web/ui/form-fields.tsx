import type { ComponentChildren } from 'preact';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * Small labelled controls of the longer forms (a service, a person's identity, an activity's
 * plan), each tied to its hint and message for screen readers (aria-invalid, aria-describedby),
 * as src/web/ui/text-field.tsx does for a lone text box.
 */
interface FieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: string | undefined;
}

export interface Choice {
  value: string;
  label: string;
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

/** Phone numbers, dates, times and amounts: the keyboard or picker a phone should open comes with the type. */
export function InputField({
  id,
  label,
  registration,
  error,
  hint,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  maxLength,
}: FieldProps & { type?: 'text' | 'tel' | 'time' | 'date' | 'email'; inputMode?: 'numeric' | 'tel' | 'email' | 'text'; autoComplete?: string; maxLength?: number }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Messages id={id} hint={hint} error={error}>
        <input
          {...registration}
          id={id}
          type={type}
          inputMode={inputMode}
          autocomplete={autoComplete}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </Messages>
    </div>
  );
}

export function TextAreaField({ id, label, registration, error, hint, rows = 4 }: FieldProps & { rows?: number }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <Messages id={id} hint={hint} error={error}>
        <textarea {...registration} id={id} rows={rows} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
      </Messages>
    </div>
  );
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

/** Boxes to tick (service types, regions, audiences) or, with `radio`, one choice among a few. */
export function CheckGroup({
  id,
  legend,
  registration,
  error,
  hint,
  choices,
  compact = false,
  radio = false,
}: {
  id: string;
  legend: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: string | undefined;
  choices: readonly Choice[];
  /** Short labels, two to a row on a phone. */
  compact?: boolean;
  radio?: boolean;
}) {
  return (
    <fieldset class="field admin-choices" aria-describedby={describedBy(id, hint, error)}>
      <legend>{legend}</legend>
      <Messages id={id} hint={hint} error={error}>
        <div class={compact ? 'check-list is-compact' : 'check-list'}>
          {choices.map((c) => (
            <label key={c.value} class="admin-check">
              <input type={radio ? 'radio' : 'checkbox'} value={c.value} {...registration} />
              <span>{c.label}</span>
            </label>
          ))}
        </div>
      </Messages>
    </fieldset>
  );
}
