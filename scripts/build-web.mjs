// Builds the browser app into dist/web: one esbuild bundle (apps/web/src/main.ts → assets/app.js),
// the page shell, our stylesheet, and govuk-frontend's CSS, fonts and images. Everything is
// served by the api app from this folder: no CDN, nothing inline (the CSP forbids it).
import process from 'node:process';
import { build } from 'esbuild';
import { cpSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');
const assets = join(out, 'assets');
const govuk = join(root, 'node_modules', 'govuk-frontend', 'dist', 'govuk');

mkdirSync(assets, { recursive: true });
await build({
  entryPoints: [join(root, 'apps', 'web', 'src', 'main.ts')],
  outfile: join(assets, 'app.js'),
  bundle: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  sourcemap: true,
  tsconfig: join(root, 'apps', 'web', 'tsconfig.json'),
  logLevel: 'warning',
});
copyFileSync(join(root, 'apps', 'web', 'index.html'), join(out, 'index.html'));
copyFileSync(join(root, 'apps', 'web', 'src', 'app.css'), join(assets, 'app.css'));
copyFileSync(join(govuk, 'govuk-frontend.min.css'), join(assets, 'govuk-frontend.min.css'));
// The CSS refers to /assets/fonts/… and /assets/images/…
cpSync(join(govuk, 'assets', 'fonts'), join(assets, 'fonts'), { recursive: true });
cpSync(join(govuk, 'assets', 'images'), join(assets, 'images'), { recursive: true });
process.stdout.write(`web app built into ${out}\n`);
