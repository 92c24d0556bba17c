import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, blindCheck, DEFAULT_SETTINGS, optionsFromConfig, loadConfig, type AnalysisOptions } from '../../lib/index.ts';
import { EXIT, type Io } from '../io.ts';
import { chunked, jsonPieces } from '../json-stream.ts';
import { writeOutput } from '../output-files.ts';
import { COLOR_OPTIONS, reportTarget, useColor } from '../options.ts';
import { analysisReport } from '../report/analysis-report.ts';
import { blindCheckReport } from '../report/recurrence-report.ts';
import { loadValidProject } from '../valid-project.ts';

export const ANALYZE_USAGE = `  analyze             What the incidents have in common: patterns, recurrences, time to detect
                      and resolve, action items. Validates first; stops on any error.
    --incidents DIR     The incidents folder, as for validate.
    --as-of DATE        The analysis date, YYYY-MM-DD (default: today, UTC). Overdue items,
                        recency and trends are judged on it; incidents after it are left out.
    --period NAME       month (default) or quarter.
    --window DAYS       Days within which an incident is compared with earlier ones for a possible
                        recurrence (default 180).
    --calibrate         The blind check instead of the report: hide every recurrence_of, and say how
                        often the suggestions find the origin the authors wrote.
    --json FILE         Also write the full analysis as JSON to FILE (- for standard output,
                        which then carries only the JSON).
    --color, --no-color Force colour on or off.
`;

export async function analyzeCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      incidents: { type: 'string' },
      'as-of': { type: 'string' },
      period: { type: 'string' },
      window: { type: 'string' },
      json: { type: 'string' },
      calibrate: { type: 'boolean', default: false },
      ...COLOR_OPTIONS,
    },
  });
  const target = reportTarget(values, io);
  if ('error' in target) {
    io.stderr(target.error);
    return EXIT.failure;
  }
  const options: AnalysisOptions = optionsFromConfig(loadConfig(io.cwd).config.analysis, target.date);
  if (values.period !== undefined) {
    if (values.period !== 'month' && values.period !== 'quarter') {
      io.stderr(`hindsight: --period must be month or quarter, not \`${values.period}\`\n`);
      return EXIT.failure;
    }
    options.period = values.period;
  }
  if (values.window !== undefined) {
    const days = Number(values.window);
    if (!Number.isInteger(days) || days < 1) {
      io.stderr(`hindsight: --window must be a whole number of days, not \`${values.window}\`\n`);
      return EXIT.failure;
    }
    options.recurrenceWindowDays = days;
  }

  const color = useColor(values, io);
  const loaded = await loadValidProject(io, { incidentsDir: target.dir, color, refusal: 'the analysis only runs on a valid folder' });
  if ('exit' in loaded) return loaded.exit;
  const { project } = loaded;

  const result = values.calibrate ? blindCheck(project.incidents, project.catalog, options) : analyze(project.incidents, project.catalog, options, project.programs);
  // The JSON is written only when asked for, a piece at a time: at 100,000 postmortems it is
  // longer than any one string can be.
  function* json() {
    yield* jsonPieces(result);
    yield '\n';
  }
  if (values.json === '-') {
    for (const chunk of chunked(json())) io.stdout(chunk);
    return EXIT.ok;
  }
  if (values.json !== undefined) {
    const failed = writeOutput(resolve(io.cwd, values.json), values.json, chunked(json()));
    if (failed) {
      io.stderr(`hindsight: --json: ${failed}\n`);
      return EXIT.failure;
    }
  }
  io.stdout('agreement' in result ? blindCheckReport(result, options.recurrenceWindowDays ?? DEFAULT_SETTINGS.recurrenceWindowDays) : analysisReport(result, { color }));
  if (values.json !== undefined) io.stdout(`\nThe full analysis is in ${values.json}.\n`);
  return EXIT.ok;
}
