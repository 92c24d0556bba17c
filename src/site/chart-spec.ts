/** What a chart shows, as the page hands it to the browser: data only, no code. */
export interface ChartSeries {
  label: string;
  data: (number | null)[];
  /** A colour variable of site.css, e.g. `sev-1`, so charts follow the theme and the severity colours. */
  color: string;
  type?: 'bar' | 'line';
  dashed?: boolean;
  /** Points whose line segments are not drawn: a small sample shows as a point, not a trend. */
  noLineAt?: boolean[];
  /** The point's shape, so that series told apart by dashes are told apart without a line too. */
  marker?: 'circle' | 'triangle' | 'rect';
  /** Each value as the tooltip shows it, e.g. `3 h 10 min`; else the number. */
  display?: string[];
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  stacked?: boolean;
  xLabel: string;
  yLabel: string;
  /** Tick format of the y axis. */
  unit?: 'count' | 'minutes' | 'percent';
}

/** Each value as a reader reads it: what a chart's tooltips and its data table show. */
export function displayValues(data: readonly (number | null)[], format: (value: number | null) => string): string[] {
  return data.map((value) => format(value));
}

/**
 * JSON safe to put inside a `<script type="application/json">`: `<` escaped, so text from a
 * postmortem can never close the element.
 */
export function chartJson(spec: ChartSpec): string {
  return JSON.stringify(spec).replace(/</g, '\\u003c');
}
