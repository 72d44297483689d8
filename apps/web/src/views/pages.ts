import { html, nothing } from 'lit-html';
import { ApiError } from '../api';
import { authConfig, beginSignIn } from '../auth';
import { show } from '../layout';
import { takeFlash } from '../session';

export function signInPage(returnTo: string | null): void {
  const flash = takeFlash();
  const draw = (dev: boolean | null, error: string | null): void =>
    show(
      html`${flash
          ? html`<div class="govuk-inset-text" role="status">${flash}</div>`
          : nothing}
        <h1 class="govuk-heading-xl">Sign in to Casework</h1>
        <p class="govuk-body-l">Case management for occupational health, trauma support and retention.</p>
        ${dev
          ? html`<p class="govuk-body">This is a demonstration. On the next page, choose one of the demo users (one for each role) to sign in as.</p>`
          : html`<p class="govuk-body">You will sign in with your force account.</p>`}
        ${error ? html`<div class="govuk-error-summary" tabindex="-1"><div role="alert"><h2 class="govuk-error-summary__title">There is a problem</h2><div class="govuk-error-summary__body"><p class="govuk-body">${error}</p></div></div></div>` : nothing}
        <button type="button" class="govuk-button govuk-button--start" id="sign-in" @click=${start}>
          Sign in
          <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </button>`,
      { focus: true, title: 'Sign in' },
    );
  const start = (): void => {
    beginSignIn(returnTo ?? '#/').catch((e: unknown) => draw(null, e instanceof Error ? e.message : 'Sign-in is not available'));
  };
  draw(null, null);
  authConfig().then(
    (cfg) => draw(cfg.devIssuer, null),
    () => draw(null, null),
  );
}

export function errorPage(error: unknown): void {
  if (error instanceof ApiError && error.status === 403) return accessDenied();
  if (error instanceof ApiError && error.status === 404) return notFound();
  const message = error instanceof ApiError ? error.problem.title : error instanceof Error ? error.message : String(error);
  show(
    html`<h1 class="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p class="govuk-body">${message}</p>
      <p class="govuk-body">Try again later, or <a class="govuk-link" href="#/">go to your home page</a>.</p>`,
    { focus: true, title: 'Problem with the service' },
  );
}

export function accessDenied(): void {
  show(
    html`<h1 class="govuk-heading-l" data-testid="access-denied">You do not have access to this page</h1>
      <p class="govuk-body">Your role does not allow you to see this record. Clinical, TRiM and welfare records are confidential to the professionals who work them.</p>
      <p class="govuk-body">If you think you should have access, speak to your manager.</p>
      <p class="govuk-body"><a class="govuk-link" href="#/">Go to your home page</a></p>`,
    { focus: true, title: 'You do not have access' },
  );
}

export function notFound(): void {
  show(
    html`<h1 class="govuk-heading-l">Page not found</h1>
      <p class="govuk-body">If you typed or pasted the address, check it is correct. The case may also belong to another force.</p>
      <p class="govuk-body"><a class="govuk-link" href="#/">Go to your home page</a></p>`,
    { focus: true, title: 'Page not found' },
  );
}
