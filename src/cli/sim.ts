// `npm run sim -- ...`: solve or simulate a reference case (--case), a design file (.json) or a
// scenario (.yaml) from the terminal. Bad input ends with one line on stderr and a non-zero exit,
// never a stack trace.
import { Command } from 'commander';
import { MAX_SIM_DURATION_S } from '../model/schema';
import { DEFAULT_MAX_LIVE_REQUESTS, MAX_LIVE_REQUESTS_LIMIT } from '../engine/simulation';
import { CliError, parseCommandLine, reportFailure } from './cli-error';
import { formatCaseResult, solveCaseFile } from './sim-case';
import { formatDesignReport, formatSimulationRun, loadDesignFile, simulateDesignFile, simulationJson, solveDesignReport, type SimFlags } from './sim-design';
import { isScenarioPath, simulateScenarioFile, solveScenarioFile } from './sim-scenario';

interface SimOptions {
  case?: string;
  method: string;
  rps?: string;
  seed?: string;
  duration?: string;
  maxBacklog?: string;
  json?: boolean;
  series?: boolean;
}

const METHODS = ['analytic', 'simulation'];

function checkMethod(method: string): void {
  if (!METHODS.includes(method)) throw new CliError(`unknown method "${method}": use analytic or simulation`, 2);
}

function parsePositive(text: string | undefined, flag: string, integer: boolean, max?: { value: number; why: string }): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new CliError(`${flag} must be a ${integer ? 'whole number' : 'number'} above 0 (got "${text}")`);
  }
  if (max && value > max.value) throw new CliError(`${flag} must be at most ${max.value.toLocaleString('en')} ${max.why} (got "${text}")`);
  return value;
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
  const method = options.method as 'analytic' | 'simulation';
  const seed = parsePositive(options.seed, '--seed', true);
  const durationS = parsePositive(options.duration, '--duration', false, { value: MAX_SIM_DURATION_S, why: 's, the longest simulation ArchLab runs (11.6 days of simulated time)' });
  const maxLiveRequests = parsePositive(options.maxBacklog, '--max-backlog', true, { value: MAX_LIVE_REQUESTS_LIMIT, why: 'requests, or the run could fill the computer\'s memory' });
  if (method === 'analytic' && (seed !== undefined || durationS !== undefined || maxLiveRequests !== undefined)) throw new CliError('--seed, --duration and --max-backlog apply to --method simulation only', 2);
  if (options.case !== undefined) {
    if (maxLiveRequests !== undefined) throw new CliError('--max-backlog applies to designs and scenarios, not to --case', 2);
    const { result, run } = solveCaseFile(options.case, { method, ...(seed !== undefined ? { seed } : {}), ...(durationS !== undefined ? { durationS } : {}) });
    return options.json ? JSON.stringify(result) : formatCaseResult(result, run);
  }
  if (designPath === undefined) throw new CliError('give a design file (sim <design.json>), a scenario (sim <scenario.yaml>) or a reference case (--case <file.json>)', 2);
  const totalRps = parseRps(options.rps);
  if (method === 'simulation') {
    if (totalRps !== undefined) throw new CliError('--rps applies to --method analytic only: a simulation takes its traffic from the design\'s simulation setup or the scenario', 2);
    if (options.series && !options.json) throw new CliError('--series adds the per-second series to --json output; give --json too', 2);
    const flags: SimFlags = { ...(seed !== undefined ? { seed } : {}), ...(durationS !== undefined ? { durationS } : {}), ...(maxLiveRequests !== undefined ? { maxLiveRequests } : {}) };
    const simulated = isScenarioPath(designPath) ? simulateScenarioFile(designPath, flags) : simulateDesignFile(designPath, flags);
    return options.json ? JSON.stringify(simulationJson(simulated, options.series === true), null, 2) : formatSimulationRun(simulated);
  }
  if (options.series) throw new CliError('--series applies to --method simulation only', 2);
  const report = isScenarioPath(designPath) ? solveScenarioFile(designPath, totalRps) : solveDesignReport(loadDesignFile(designPath), totalRps);
  return options.json ? JSON.stringify(report, null, 2) : formatDesignReport(report);
}

function main(argv: string[]): number {
  const program = new Command()
    .name('sim')
    .description('Solve or simulate an ArchLab design, a scenario, or a reference queueing case')
    .argument('[design]', 'design file (.json) or scenario file (.yaml) to solve or simulate')
    .option('--case <file>', 'reference case file (JSON) to solve instead of a design')
    .option('--method <method>', 'analytic or simulation', 'analytic')
    .option('--rps <n>', 'analytic: scale all clients so their request rates add up to n per second')
    .option('--seed <n>', "simulation: random seed (default: the design's setup, else 1)")
    .option(
      '--duration <s>',
      "simulation: simulated seconds (designs: the design's setup, else 300; scenarios: long enough for every failure; cases: measured seconds, default until precise)",
    )
    .option('--max-backlog <n>', `simulation: stop when more than n requests are in the system at once (default ${DEFAULT_MAX_LIVE_REQUESTS.toLocaleString('en')}; the design cannot keep up)`)
    .option('--json', 'print JSON instead of tables')
    .option('--series', 'simulation with --json: include the per-second series');
  const parsed = parseCommandLine(program, argv);
  if (parsed !== null) return parsed;
  try {
    process.stdout.write(run(program.args[0], program.opts<SimOptions>()) + '\n');
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

process.exitCode = main(process.argv);
