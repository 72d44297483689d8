/** A period of business dates, inclusive, as YYYY-MM-DD (Europe/London). */
export interface DatePeriod {
  readonly from?: string;
  readonly to?: string;
}

/**
 * Builds `where` clauses with numbered parameters, so filters stay injection-safe: each
 * `?` in a clause becomes the parameter of the value given with it.
 */
export class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** Business dates (Europe/London), both ends inclusive, on a timestamptz column. */
  period(column: string, period: DatePeriod): this {
    if (period.from) this.add(`${column} >= (?::date::timestamp at time zone 'Europe/London')`, period.from);
    if (period.to) this.add(`${column} < ((?::date + 1)::timestamp at time zone 'Europe/London')`, period.to);
    return this;
  }

  sql(): string {
    return this.clauses.length === 0 ? '' : `where ${this.clauses.join(' and ')}`;
  }
}
