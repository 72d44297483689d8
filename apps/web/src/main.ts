import { initAll } from 'govuk-frontend';
import { ApiError, whenUnauthorised } from './api';
import { forgetMe, loadMe, currentUser } from './app-state';
import { completeSignIn, signOut } from './auth';
import { forgetNames, loadNames } from './directory';
import { nextGeneration, renderChrome } from './layout';
import { homeFor } from './nav';
import { currentRoute, go } from './router';
import { readSession } from './session';
import { routeView, type Dispose } from './routes';
import { errorPage, signInPage } from './views/pages';

document.body.className += ' js-enabled govuk-frontend-supported';

let dispose: Dispose | null = null;
let navigation = 0;

async function navigate(): Promise<void> {
  dispose?.();
  dispose = null;
  const mine = ++navigation;
  nextGeneration();
  const route = currentRoute();
  const section = route.parts[0] ?? '';
  if (!readSession()) {
    forgetMe();
    forgetNames();
    renderChrome('signin', doSignOut);
    signInPage(route.parts[0] === 'signin' ? null : route.hash);
    return;
  }
  try {
    if (!currentUser()) await loadMe();
    if (mine !== navigation) return;
    // Names for user ids, once per session, in the background: pages draw ids until then.
    void loadNames();
  } catch (error) {
    renderChrome(section, doSignOut);
    errorPage(error);
    return;
  }
  if (route.parts.length === 0 || section === 'signin') {
    go(homeFor());
    return;
  }
  renderChrome(section, doSignOut);
  try {
    const disposeView = (await routeView(route)) ?? null;
    if (mine === navigation) dispose = disposeView;
    else disposeView?.();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return;
    if (mine === navigation) errorPage(error);
  }
}

function doSignOut(): void {
  void signOut('You have signed out.');
}

whenUnauthorised(() => {
  forgetMe();
  forgetNames();
  go('#/signin');
});

// In-page links (#main-content, #field-id) must not change the route: focus the target instead.
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest?.('a');
  const href = anchor?.getAttribute('href');
  if (!href || !href.startsWith('#') || href.startsWith('#/')) return;
  event.preventDefault();
  const target = document.getElementById(href.slice(1));
  if (target) {
    if (!target.hasAttribute('tabindex') && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) target.setAttribute('tabindex', '-1');
    target.focus();
    target.scrollIntoView({ block: 'center' });
  }
});

window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/') || location.hash === '') void navigate();
});

async function start(): Promise<void> {
  try {
    if (await completeSignIn()) {
      forgetMe();
    }
  } catch (error) {
    renderChrome('signin', doSignOut);
    errorPage(error);
    return;
  }
  initAll();
  await navigate();
}

void start();
