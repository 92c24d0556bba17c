import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartSpec } from './chart-spec.ts';

// Only what the site draws: tree-shaking leaves the rest of chart.js out of the bundle.
Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, LogarithmicScale, Legend, Tooltip);

function cssColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#888';
}

function tick(unit: ChartSpec['unit']) {
  return (value: string | number) => {
    const n = Number(value);
    if (unit === 'percent') return `${Math.round(n * 100)}%`;
    if (unit === 'minutes') {
      // Label only 1, 2 and 5 times a power of ten on the log scale.
      if (!/^[125]0*$/.test(String(n))) return '';
      return n >= 1440 ? `${Math.round(n / 1440)} d` : n >= 60 ? `${Math.round(n / 60)} h` : `${n} min`;
    }
    return Number.isInteger(n) ? String(n) : '';
  };
}

function config(spec: ChartSpec): ChartConfiguration {
  const text = cssColor('fg');
  const grid = cssColor('line');
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        type: s.type ?? spec.kind,
        label: s.label,
        data: s.data,
        backgroundColor: cssColor(s.color),
        borderColor: cssColor(s.color),
        borderDash: s.dashed ? [6, 4] : [],
        // A gap where there is no value: no line is drawn through missing or small samples.
        spanGaps: false,
        pointRadius: s.marker === 'triangle' ? 5 : 3,
        pointStyle: s.marker ?? 'circle',
        segment: {
          borderColor: (ctx: { p0DataIndex: number; p1DataIndex: number }) =>
            s.noLineAt?.[ctx.p0DataIndex] || s.noLineAt?.[ctx.p1DataIndex] ? 'transparent' : undefined,
        },
      })),
    } as ChartConfiguration['data'],
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: Boolean(spec.stacked), title: { display: true, text: spec.xLabel, color: text }, ticks: { color: text }, grid: { color: grid } },
        // Durations span minutes to days: a log scale keeps both readable.
        y: { type: spec.unit === 'minutes' ? 'logarithmic' : 'linear', stacked: Boolean(spec.stacked), beginAtZero: spec.unit !== 'minutes', title: { display: true, text: spec.yLabel, color: text }, ticks: { color: text, callback: tick(spec.unit) }, grid: { color: grid } },
      },
      plugins: {
        legend: { labels: { color: text, usePointStyle: true } },
        // The value as the data table reads it (`3 h 10 min`), not the raw number of minutes.
        tooltip: {
          callbacks: {
            label: (item) => {
              const series = spec.series[item.datasetIndex];
              return `${series?.label ?? ''}: ${series?.display?.[item.dataIndex] ?? item.formattedValue}`;
            },
          },
        },
      },
    },
  };
}

/** Draws every chart of the page from the data beside its canvas. */
export function drawCharts(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
    const canvas = figure.querySelector('canvas');
    const data = figure.querySelector('script[type="application/json"]');
    if (!canvas || !data || canvas.dataset.drawn) continue;
    canvas.dataset.drawn = 'true';
    new Chart(canvas, config(JSON.parse(data.textContent ?? '{}') as ChartSpec));
  }
}
