import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Where `npm run build` puts the browser app (dist/web beside dist/apps). */
export function webRoot(): string {
  return join(process.cwd(), 'dist', 'web');
}

/**
 * Serves the browser app at `/` from the built files, when they exist. API routes are
 * never shadowed: the app uses hash routing (`/#/referrals/…`), so only `/`, `/index.html`
 * and `/assets/…` are files.
 */
export function serveWebApp(app: NestExpressApplication): void {
  const root = webRoot();
  if (!existsSync(join(root, 'index.html'))) return;
  app.useStaticAssets(root, { index: 'index.html', fallthrough: true, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
  } });
}
