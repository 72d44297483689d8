import { svg, html, nothing, type TemplateResult } from 'lit-html';
import { label } from './format';

export interface Series {
  /** Category on the x axis (e.g. a quarter). */
  readonly x: string;
  /** Stack segment (e.g. an employment type); '' when not stacked. */
  readonly group: string;
  readonly value: number;
}

/**
 * A (stacked) bar chart drawn as inline SVG. It is hidden from assistive technology
 * (aria-hidden) because the table below it carries the same figures.
 */
export function barChart(title: string, data: readonly Series[], note = 'chart; its table has the same figures'): TemplateResult | typeof nothing {
  if (data.length === 0) return nothing;
  const xs = [...new Set(data.map((d) => d.x))];
  const groups = [...new Set(data.map((d) => d.group))];
  const totals = xs.map((x) => data.filter((d) => d.x === x).reduce((sum, d) => sum + d.value, 0));
  const max = Math.max(1, ...totals);
  const width = 720;
  const height = 300;
  const left = 50;
  const bottom = 60;
  const plotH = height - bottom - 10;
  const band = (width - left - 10) / xs.length;
  const barW = Math.max(4, Math.min(60, band * 0.7));
  const ticks = niceTicks(max);
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
    <figcaption class="govuk-body-s">${title} (${note})</figcaption>
    <svg class="app-chart" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} aria-hidden="true" focusable="false">
      ${ticks.map((t) => {
        const y = 10 + plotH - (t / ticks[ticks.length - 1]!) * plotH;
        return svg`<line class="app-axis" x1=${left} x2=${width - 10} y1=${y} y2=${y} stroke-opacity="0.2"></line>
          <text x=${left - 6} y=${y + 4} text-anchor="end">${t}</text>`;
      })}
      ${xs.map((x, i) => {
        let base = 0;
        const cx = left + band * i + band / 2;
        const top = ticks[ticks.length - 1]!;
        return svg`${groups.map((g, gi) => {
          const value = data.filter((d) => d.x === x && d.group === g).reduce((s, d) => s + d.value, 0);
          const h = (value / top) * plotH;
          const y = 10 + plotH - ((base + value) / top) * plotH;
          base += value;
          return value > 0 ? svg`<rect class=${`app-swatch-${gi % 8}`} x=${cx - barW / 2} y=${y} width=${barW} height=${h}></rect>` : nothing;
        })}
          <text x=${cx} y=${height - bottom + 18} text-anchor="middle">${short(x, band)}</text>`;
      })}
      <line class="app-axis" x1=${left} x2=${width - 10} y1=${10 + plotH} y2=${10 + plotH}></line>
    </svg>
    ${groups.length > 1 || groups[0] !== ''
      ? html`<ul class="app-legend govuk-body-s" aria-hidden="true">
          ${groups.map((g, gi) => html`<li><span class=${`app-legend__swatch app-swatch-${gi % 8}`}></span>${label(g) === '—' ? 'All' : label(g)}</li>`)}
        </ul>`
      : nothing}
  </figure>`;
}

function short(text: string, band: number): string {
  const max = Math.max(3, Math.floor(band / 8));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function niceTicks(max: number): number[] {
  const step = Math.pow(10, Math.floor(Math.log10(max)));
  const unit = max / step > 5 ? step * 2 : max / step > 2 ? step : step / 2;
  const u = Math.max(1, Math.round(unit));
  const top = Math.ceil(max / u) * u;
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += u) ticks.push(t);
  return ticks;
}

export interface Stage {
  readonly label: string;
  readonly value: number;
}

/**
 * Ordered stages drawn as a funnel: one centred bar per stage, top to bottom, its width
 * the stage's share of the first; each bar names the stage, its count and that share.
 */
export function funnelChart(title: string, stages: readonly Stage[], note = 'chart; its table has the same figures'): TemplateResult | typeof nothing {
  if (stages.length === 0) return nothing;
  const width = 720;
  const row = 40;
  const labelW = 200;
  const plotW = width - labelW - 10;
  const first = Math.max(1, stages[0]!.value);
  const height = stages.length * row + 10;
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
    <figcaption class="govuk-body-s">${title} (${note})</figcaption>
    <svg class="app-chart" viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} aria-hidden="true" focusable="false">
      ${stages.map((s, i) => {
        const w = Math.max(2, (s.value / first) * plotW);
        const x = labelW + (plotW - w) / 2;
        const y = 5 + i * row;
        const share = Math.round((s.value / first) * 1000) / 10;
        return svg`<text x=${labelW - 8} y=${y + row / 2 + 2} text-anchor="end">${i + 1}. ${s.label}</text>
          <rect class=${`app-swatch-${i % 8}`} x=${x} y=${y + 4} width=${w} height=${row - 8}></rect>
          <text class="app-chart__value" x=${labelW + plotW / 2} y=${y + row / 2 + 2} text-anchor="middle">${s.value} (${share}%)</text>`;
      })}
    </svg>
  </figure>`;
}
