import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfProblems, printPdf } from './pdf';

const problems = pdfProblems();
if (problems.length > 0) {
  process.stdout.write(`Quarterly pack PDF test SKIPPED: ${problems.join(' ')}\n`);
}

describe('the People board pack as PDF', () => {
  (problems.length === 0 ? it : it.skip)('headless Chromium prints the HTML to a real, multi-page A4 PDF, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casework-pack-'));
    try {
      const rows = Array.from({ length: 120 }, (_, i) => `<tr><td>Department ${i}</td><td>${i}</td></tr>`).join('');
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>Pack</title></head>
        <body><h1>People board pack — 2026-Q3</h1><img src="https://example.invalid/tracker.png" alt=""><table>${rows}</table></body></html>`;
      const path = join(dir, 'pack.pdf');
      await printPdf(html, path);
      const pdf = readFileSync(path);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdf.toString('latin1');
      expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1); // the long table spans pages
      expect(text).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d*\s+84[12]/); // A4 in points
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
