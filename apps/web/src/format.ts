/** Display helpers: labels for the API's vocabulary, London dates, deadline countdowns. */

const LABELS: Record<string, string> = {
  oh_advisor: 'OH advisor',
  oh_clinician: 'OH clinician',
  oh_manager: 'OH manager',
  oh_admin: 'OH administrator',
  hr: 'HR analyst',
  trim_practitioner: 'TRiM practitioner',
  trim_coordinator: 'TRiM coordinator',
  welfare_liaison_officer: 'Welfare liaison officer',
  pcso: 'PCSO',
  smp_referral: 'SMP referral',
  mental_health: 'Mental health',
  physical_health: 'Physical health',
  awaiting_triage: 'Awaiting triage',
  trim: 'TRiM',
  trim_assessment: 'TRiM assessment',
  oh_referral: 'OH referral',
  eap: 'EAP (employee assistance programme)',
  gp: 'GP',
  estip: 'ESTIP',
  estim: 'ESTIM',
};

/** `awaiting_triage` → "Awaiting triage". */
export function label(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (LABELS[value]) return LABELS[value] as string;
  const words = value.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** "due in 2 days 3 hours" / "overdue by 4 minutes", to the two largest units. */
export function countdown(dueAt: string, now: number = Date.now()): { text: string; overdue: boolean } {
  const ms = new Date(dueAt).getTime() - now;
  const overdue = ms < 0;
  const text = span(Math.abs(ms));
  return { text: overdue ? `overdue by ${text}` : `due in ${text}`, overdue };
}

function span(ms: number): string {
  const units: [string, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1000],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [name, size] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
    else if (parts.length > 0) break;
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0 seconds';
}

/** Today's London date as YYYY-MM-DD. */
export function todayIso(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}
