import { html, nothing, render, type TemplateResult } from 'lit-html';
import { currentUser } from './app-state';
import { label } from './format';
import { navigation } from './nav';

/**
 * The page chrome: service navigation (shaped by permissions), who is signed in, the main
 * landmark the views render into, and a polite live region for announcements.
 */
export function renderChrome(section: string, onSignOut: () => void): void {
  const user = currentUser();
  const items = user ? navigation() : [];
  const root = document.getElementById('app') as HTMLElement;
  // The page shell's placeholder (shown before the script runs) is not lit's: clear it once.
  if (root.dataset.rendered !== 'yes') {
    root.replaceChildren();
    root.dataset.rendered = 'yes';
  }
  render(
    html`<header class="govuk-header app-header" data-module="govuk-header">
        <div class="govuk-header__container govuk-width-container">
          <div class="govuk-header__logo">
            <a href="#/" class="govuk-header__link govuk-header__link--homepage app-header__name">Casework</a>
          </div>
          ${user
            ? html`<div class="app-header__user">
                <span class="app-header__who">${user.name ?? user.userId} — ${label(user.role)}</span>
                <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 app-header__signout" @click=${onSignOut}>Sign out</button>
              </div>`
            : nothing}
        </div>
      </header>
      <section aria-label="Service information" class="govuk-service-navigation">
        <div class="govuk-width-container">
          <div class="govuk-service-navigation__container">
            <span class="govuk-service-navigation__service-name">
              <span class="govuk-service-navigation__text">Occupational health, trauma support and retention</span>
            </span>
            ${items.length > 0
              ? html`<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                  <ul class="govuk-service-navigation__list" id="navigation">
                    ${items.map((item) => navItem(item.href, item.text, item.section === section))}
                  </ul>
                </nav>`
              : nothing}
          </div>
        </div>
      </section>
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
          <div id="view"></div>
        </main>
      </div>
      <div id="announcer" class="govuk-visually-hidden" aria-live="polite" aria-atomic="true"></div>
      <footer class="govuk-footer">
        <div class="govuk-width-container">
          <p class="govuk-body-s">Casework — case management for police occupational health, trauma support and retention. Synthetic demo data.</p>
        </div>
      </footer>`,
    root,
  );
}

function navItem(href: string, text: string, active: boolean): TemplateResult {
  return html`<li class=${`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
    <a class="govuk-service-navigation__link" href=${href} aria-current=${active ? 'true' : nothing}>
      ${active ? html`<strong class="govuk-service-navigation__active-fallback">${text}</strong>` : text}
    </a>
  </li>`;
}

export function viewRoot(): HTMLElement {
  return document.getElementById('view') as HTMLElement;
}

let generation = 0;

/** A new page is being shown: renders still pending from the page before are dropped. */
export function nextGeneration(): void {
  generation++;
}

/**
 * The render function for one page: it renders only while that page is still the one
 * shown, so a slow load from a page already left never paints over the new one.
 */
export function screen(): typeof show {
  const mine = generation;
  return (template, options) => {
    if (mine === generation) show(template, options);
  };
}

/** Whether the page shown when this was called is still the one shown (for work before a page's first render). */
export function stillShowing(): () => boolean {
  const mine = generation;
  return () => mine === generation;
}

/** Render a view and, on a new page, move focus to its heading (WCAG: where am I?). */
export function show(template: TemplateResult, options: { focus?: boolean; title?: string } = {}): void {
  render(template, viewRoot());
  if (options.title) document.title = `${options.title} — Casework`;
  if (options.focus) {
    const heading = viewRoot().querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
}

export function notice(kind: 'success' | 'info', titleText: string, body: string): TemplateResult {
  return html`<div class=${`govuk-notification-banner${kind === 'success' ? ' govuk-notification-banner--success' : ''}`}
      role=${kind === 'success' ? 'alert' : 'region'} aria-labelledby="notice-title" data-module="govuk-notification-banner">
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="notice-title">${titleText}</h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">${body}</p>
    </div>
  </div>`;
}
