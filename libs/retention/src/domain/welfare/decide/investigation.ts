import { meetDeadline } from '@casework/timers/domain/deadline-ledger';
import type { RecordInvestigationConcluded, RecordInvestigationProgressReport } from '../commands';
import type { WelfareEvent } from '../events';
import { nextReportDueAt, WELFARE_DEADLINES } from '../policy';
import type { OpenWelfare, WelfareState } from '../state';
import { scheduleWelfareDeadline, type WelfareDeciderDeps } from './deadlines';
import { optionalText, requireInvestigationOpen, requireOpen, requirePastDate, requireText } from './guards';

/** Whichever progress report is due: the 12-month one, then each 6-monthly one. */
const REPORT_KINDS = [WELFARE_DEADLINES.firstReport, WELFARE_DEADLINES.subsequentReport] as const;

/**
 * Police (Conduct) Regulations 2020, reg. 19: an investigation still running after 12
 * months is reported on, and again every 6 months. A report meets whichever report is
 * due, and the next falls due 6 months (by default) after this one.
 */
export function recordProgressReport(
  command: RecordInvestigationProgressReport,
  state: WelfareState,
  deps: WelfareDeciderDeps,
): WelfareEvent[] {
  const welfare = requireOpen(state);
  requireInvestigationOpen(welfare);
  const { now, commandId } = command;
  const reportedAt = requirePastDate(command.data.reportedAt, 'reportedAt', now, lastMilestone(welfare));
  return [
    {
      type: 'InvestigationProgressReported',
      data: {
        reportNumber: welfare.progressReports + 1,
        reportedAt: reportedAt.toISOString(),
        note: optionalText(command.data.note),
        recordedAt: now.toISOString(),
      },
    },
    ...meetReportDeadlines(welfare, reportedAt),
    scheduleWelfareDeadline(deps, {
      kind: WELFARE_DEADLINES.subsequentReport,
      commandId,
      dueAt: nextReportDueAt(deps.policy, deps.calendar, reportedAt),
      ownerId: null,
    }),
  ];
}

/**
 * The investigation's end is what a progress report stands in for, so concluding meets the
 * report deadline: on time when it ends within the year, late (after its escalations) when
 * a report was missed. Contact goes on until the case closes with an exit plan and debrief.
 */
export function recordConcluded(command: RecordInvestigationConcluded, state: WelfareState): WelfareEvent[] {
  const welfare = requireOpen(state);
  requireInvestigationOpen(welfare);
  const { now } = command;
  const outcome = requireText(command.data.outcome, 'outcome');
  const concludedAt = requirePastDate(command.data.concludedAt, 'concludedAt', now, lastMilestone(welfare));
  return [
    {
      type: 'InvestigationConcluded',
      data: { outcome, concludedAt: concludedAt.toISOString(), recordedAt: now.toISOString() },
    },
    ...meetReportDeadlines(welfare, concludedAt),
  ];
}

function meetReportDeadlines(welfare: OpenWelfare, at: Date): WelfareEvent[] {
  return REPORT_KINDS.flatMap((kind) => meetDeadline(welfare.deadlines, kind, at));
}

/** Reports and the conclusion follow the investigation's start and any earlier report. */
function lastMilestone(welfare: OpenWelfare): { readonly at: string; readonly what: string } {
  return welfare.lastReportAt === null
    ? { at: welfare.investigation.startedAt, what: 'the investigation started' }
    : { at: welfare.lastReportAt, what: 'the last progress report' };
}
