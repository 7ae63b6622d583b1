import './messages.ts';
import { AttendanceFiles } from './attendance-files.tsx';
import { AttendanceTotalsView } from './attendance-totals.tsx';
import { HeadCountGrid } from './head-count-grid.tsx';
import { NamedAttendance } from './named-attendance.tsx';
import { RunFrame } from './run-frame.tsx';

/**
 * Who came, on the day, on a phone: named participants with their codes and a roll call per
 * day, or anonymous head counts; the totals; and the paper sheet, printed and typed back in.
 */
export function AttendancePage() {
  return (
    <RunFrame screen="attendance">
      {(ctx) => (
        <>
          {ctx.detail.attendanceMode === 'named' ? <NamedAttendance ctx={ctx} /> : ctx.editable && <HeadCountGrid ctx={ctx} />}
          <AttendanceTotalsView totals={ctx.detail.attendance} idPrefix="attendance" />
          <AttendanceFiles ctx={ctx} />
        </>
      )}
    </RunFrame>
  );
}
