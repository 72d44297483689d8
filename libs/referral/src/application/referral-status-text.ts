import type { ReferralStatus } from '../domain/state';

/**
 * Where a referral stands, in words a line manager reads without knowing the workflow.
 * Says nothing clinical: not why the colleague was referred, nor what was found.
 */
const STATUS_TEXT: Readonly<Record<Exclude<ReferralStatus, 'none'>, string>> = {
  awaiting_triage: 'Received by occupational health, waiting to be triaged',
  awaiting_consent: 'Triaged, waiting for the colleague’s consent',
  awaiting_appointment: 'Waiting for an appointment to be offered',
  appointment_offered: 'Appointment offered to the colleague',
  appointment_booked: 'Appointment booked',
  awaiting_outcome: 'Assessed, report being written',
  report_consent_pending: 'Report written, waiting for the colleague to decide whether it is released',
  report_ready: 'The colleague agreed to release the report; it is about to be released',
  report_released: 'Report released to management',
  report_withheld: 'The colleague did not agree to release the report',
  under_review: 'Review date set',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

export function describeStatus(status: string): string {
  return (STATUS_TEXT as Readonly<Record<string, string>>)[status] ?? status;
}
