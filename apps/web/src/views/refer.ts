import { html, nothing } from 'lit-html';
import { can } from '../app-state';
import { renderAction, resetForms } from '../forms';
import { screen } from '../layout';
import { submitReferralForm } from './referrals';

/** Refer a colleague (or yourself) to occupational health; the referrer sees only the reference. */
export function referView(): void {
  const show = screen();
  const action = submitReferralForm();
  resetForms();
  const draw = (focus: boolean): void =>
    show(
      html`<h1 class="govuk-heading-l">Refer a colleague to occupational health</h1>
        <p class="govuk-body">OH will triage the referral within two working days (one if urgent).</p>
        ${renderAction({ ...action, title: 'Referral details' }, ctx)}`,
      { focus, title: 'Refer to occupational health' },
    );
  const ctx = {
    etag: null,
    redraw: () => draw(false),
    conflict: () => draw(false),
    done: (_: unknown, data: unknown) => {
      const id = (data as { referralId?: string }).referralId ?? '';
      show(
        html`<div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">Referral submitted</h1>
            <div class="govuk-panel__body">Your reference<br><strong data-testid="referral-id">${id}</strong></div>
          </div>
          <p class="govuk-body">Occupational health will contact the colleague. You will not see clinical details.</p>
          ${can('referral.read') ? html`<p class="govuk-body"><a class="govuk-link" href=${`#/referrals/${id}`}>Open the referral</a></p>` : nothing}
          <p class="govuk-body"><a class="govuk-link" href="#/refer" @click=${() => referView()}>Refer someone else</a></p>`,
        { focus: true, title: 'Referral submitted' },
      );
    },
  };
  draw(true);
}
