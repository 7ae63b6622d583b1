import './messages.ts';
import { EvaluationEntry } from './evaluation-entry.tsx';
import { EvaluationList } from './evaluation-list.tsx';
import { RunFrame } from './run-frame.tsx';

/** Tests before and after, and the satisfaction survey: typed in from paper or filled in on the phone. */
export function EvaluationsPage() {
  return (
    <RunFrame screen="evaluations">
      {(ctx) => (
        <>
          {ctx.editable && <EvaluationEntry ctx={ctx} />}
          <EvaluationList ctx={ctx} />
        </>
      )}
    </RunFrame>
  );
}
