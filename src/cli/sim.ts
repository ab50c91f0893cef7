// `npm run sim -- ...`: solve a reference case (--case) or a design file from the terminal.
// Bad input ends with one line on stderr and a non-zero exit, never a stack trace.
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error';
import { formatCaseResult, solveCaseFile } from './sim-case';
import { formatDesignReport, loadDesignFile, solveDesignReport } from './sim-design';

interface SimOptions {
  case?: string;
  method: string;
  rps?: string;
  json?: boolean;
}

const METHODS = ['analytic', 'simulation'];

function checkMethod(method: string): void {
  if (!METHODS.includes(method)) throw new CliError(`unknown method "${method}": use analytic or simulation`, 2);
  if (method === 'simulation') throw new CliError('simulation method is not implemented yet', 2);
}

function parseRps(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new CliError(`--rps must be a number of requests per second, 0 or more (got "${text}")`);
  }
  return value;
}

function run(designPath: string | undefined, options: SimOptions): string {
  checkMethod(options.method);
  if (options.case !== undefined && designPath !== undefined) throw new CliError('give either a design file or --case <file>, not both', 2);
  if (options.case !== undefined) {
    const result = solveCaseFile(options.case);
    return options.json ? JSON.stringify(result) : formatCaseResult(result);
  }
  if (designPath === undefined) throw new CliError('give a design file (sim <design.json>) or a reference case (--case <file.json>)', 2);
  const totalRps = parseRps(options.rps);
  const report = solveDesignReport(loadDesignFile(designPath), totalRps);
  return options.json ? JSON.stringify(report, null, 2) : formatDesignReport(report);
}

function main(argv: string[]): number {
  const program = new Command()
    .name('sim')
    .description('Solve an ArchLab design or a reference queueing case')
    .argument('[design]', 'design file (.json) to solve')
    .option('--case <file>', 'reference case file (JSON) to solve instead of a design')
    .option('--method <method>', 'analytic or simulation', 'analytic')
    .option('--rps <n>', 'scale all clients so their request rates add up to n per second')
    .option('--json', 'print JSON instead of tables')
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  try {
    program.parse(argv);
    const output = run(program.args[0], program.opts<SimOptions>());
    process.stdout.write(output + '\n');
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      process.stderr.write(`${e.message.replace(/^error: /, '')}\n`);
      return 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv);
