interface Props {
  /** The question, said in full: it also names the group for screen readers. */
  question: string;
  yes: string;
  no: string;
  pending: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A confirmation where the action was asked for, not in a dialog: on a small phone a dialog
 * hides what is being confirmed, and this keeps the person's place and focus order.
 */
export function ConfirmInPlace({ question, yes, no, pending, onConfirm, onCancel }: Props) {
  return (
    <div class="admin-confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <button type="button" class="button button-primary" disabled={pending} aria-busy={pending} onClick={onConfirm}>
        {yes}
      </button>
      <button type="button" class="button button-secondary button-after" onClick={onCancel}>
        {no}
      </button>
    </div>
  );
}
