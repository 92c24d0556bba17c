import { analyzeCommand, ANALYZE_USAGE } from './commands/analyze.ts';
import { catalogCommand, CATALOG_USAGE } from './commands/catalog.ts';
import { digestCommand, DIGEST_USAGE } from './commands/digest.ts';
import { newCommand, NEW_USAGE } from './commands/new.ts';
import { programsCommand, PROGRAMS_USAGE } from './commands/programs.ts';
import { schemaCommand, SCHEMA_USAGE } from './commands/schema.ts';
import { validate, VALIDATE_USAGE } from './commands/validate.ts';
import { EXIT, type Io } from './io.ts';

export { EXIT, type Io } from './io.ts';

const USAGE = `Usage: hindsight <command> [options]

Commands:
${VALIDATE_USAGE}
${ANALYZE_USAGE}
${CATALOG_USAGE}
${PROGRAMS_USAGE}
${DIGEST_USAGE}
${NEW_USAGE}
${SCHEMA_USAGE}
Exit codes: 0 valid (warnings allowed), 1 problems found, 2 usage or internal error.
`;

const COMMAND_USAGE: Record<string, string> = { validate: VALIDATE_USAGE, analyze: ANALYZE_USAGE, catalog: CATALOG_USAGE, programs: PROGRAMS_USAGE, digest: DIGEST_USAGE, new: NEW_USAGE, schema: SCHEMA_USAGE };

/** `--help` or `-h` anywhere among a command's options (before a `--`) asks for that command's usage. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** parseArgs' messages, said as this CLI says things: the option, what is wrong with it. */
function usageProblem(code: string, message: string, command: string): string {
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  const argument = /argument '([^']*)'/i.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `\`${command}\` has no option \`${option}\``;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return /missing/.test(message) ? `\`${option}\` needs a value` : `\`${option}\` takes no value`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && argument !== undefined) return `\`${command}\` takes no file names or other arguments, but was given \`${argument}\``;
  return message;
}

/** Runs the CLI and returns its exit code. Never throws: bad input is a finding, a bug is exit 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && COMMAND_USAGE[command] && asksForHelp(rest)) {
    io.stdout(`Usage: hindsight ${command} [options]\n\n${COMMAND_USAGE[command]}\nExit codes: 0 valid (warnings allowed), 1 problems found, 2 usage or internal error.\n`);
    return EXIT.ok;
  }
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case 'analyze':
        return await analyzeCommand(rest, io);
      case 'catalog':
        return await catalogCommand(rest, io);
      case 'programs':
        return await programsCommand(rest, io);
      case 'digest':
        return await digestCommand(rest, io);
      case 'new':
        return await newCommand(rest, io);
      case 'schema':
        return await schemaCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return command === undefined ? EXIT.failure : EXIT.ok;
      default:
        io.stderr(`hindsight: unknown command \`${command}\`\n\n${USAGE}`);
        return EXIT.failure;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`hindsight: ${usageProblem(String(error.code), error.message, command!)}\n\nUsage: hindsight ${command} [options]\n\n${COMMAND_USAGE[command!]}`);
      return EXIT.failure;
    }
    io.stderr(`hindsight: internal error: ${(error as Error).message}\nThis is a bug in Hindsight, not in your postmortems; please report it.\n`);
    if (io.env.HINDSIGHT_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return EXIT.failure;
  }
}
