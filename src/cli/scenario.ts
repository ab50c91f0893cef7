// `npm run scenario -- ...`: check scenario files, grade a learner's submission, or write the
// JSON Schema editors use. Bad input ends with one line on stderr and a non-zero exit.
//   scenario check <file|folder> [--json] [--simulate [--replications n]]   exit 1 when any scenario fails
//   scenario grade <scenario.yaml> <submission.json> [--json] [--simulate [--replications n]]
//       --simulate (fix): also the app's simulated check, and the verdict the app would give
//   scenario grade <scenario.yaml> <folder> [--json] [--out <folder>]
//       a class: every .json in the folder graded, a CSV and an HTML report written (in --out,
//       else the folder); a file that cannot be graded gets a line on stderr and the batch goes on
//   scenario schema [--out <file>] [--check]   --check: exit 1 when <file> is out of date
//   scenario catalog [folder] [--out <file>] [--check]   the catalog page (docs/scenarios-catalog.md)
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { Command, CommanderError } from 'commander';
import { checkScenarioSources, checkScenarioSourcesSimulated, DEFAULT_REPLICATIONS, fixSolved, gradeFixSimulated, gradeSubmission, parseSubmission, scenarioCatalogMarkdown, scenarioJsonSchemaText } from '../scenarios';
import { CliError, parseJsonText, readTextFile } from './cli-error';
import { gradeClass } from './grade-class';
import { replicationPool, serveReplications } from './replication-pool';
import { loadScenario, readScenarioSources } from './scenario-files';
import { formatCheckReport, formatGrade, formatSimulatedFix } from './scenario-format';

interface Output {
  text: string;
  exitCode: number;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // reading it as a file gives the message
  }
}

function replicationsOption(value: string | undefined): number {
  const replications = value === undefined ? DEFAULT_REPLICATIONS : Number(value);
  if (!Number.isInteger(replications) || replications < 2) throw new CliError(`--replications must be a whole number of at least 2 (got "${value ?? ''}")`, 2);
  return replications;
}

async function check(path: string, options: { json?: boolean; simulate?: boolean; replications?: string }): Promise<Output> {
  const sources = readScenarioSources(path);
  const replications = replicationsOption(options.replications);
  // --simulate: the simulated runs side by side on worker threads; the same runs, so the same report.
  const report = options.simulate ? await checkScenarioSourcesSimulated(sources, { replications }, replicationPool()) : checkScenarioSources(sources);
  const text = options.json ? JSON.stringify(report, null, 2) : formatCheckReport(report, sources.map((s) => s.file));
  return { text, exitCode: report.failures.length > 0 ? 1 : 0 };
}

function grade(scenarioPath: string, submissionPath: string, options: { json?: boolean; simulate?: boolean; replications?: string; out?: string }): Output {
  const replications = options.simulate ? replicationsOption(options.replications) : 0;
  const scenario = loadScenario(scenarioPath);
  if (isFolder(submissionPath)) {
    if (options.simulate) throw new CliError('--simulate grades one submission at a time; give a submission file, not a folder', 2);
    const result = gradeClass(scenario, submissionPath, options.out ?? submissionPath, options.json === true);
    for (const line of result.problems) process.stderr.write(`${line}\n`);
    return { text: result.text, exitCode: 0 };
  }
  if (options.out) throw new CliError('--out is for a folder of submissions (a class report)', 2);
  const submission = parseSubmission(parseJsonText(readTextFile(submissionPath), submissionPath));
  if (!submission.ok) throw new CliError(`"${submissionPath}": ${submission.error}`);
  const graded = gradeSubmission(scenario, submission.submission);
  if (!graded.ok) throw new CliError(`"${submissionPath}": ${graded.error}`);
  if (!options.simulate) return { text: options.json ? JSON.stringify(graded.grade, null, 2) : formatGrade(scenario, graded.grade), exitCode: 0 };
  if (scenario.mode !== 'fix' || submission.submission.mode !== 'fix' || graded.grade.mode !== 'fix') throw new CliError(`--simulate grades fix scenarios only; "${scenario.id}" is ${/^[aeiou]/.test(scenario.mode) ? 'an' : 'a'} ${scenario.mode} scenario`, 2);
  // The same runs as the app's simulated check: the same seeds (1, 2, ...) and, by default, as many.
  const simulated = gradeFixSimulated(scenario, submission.submission.design, { replications });
  const solved = fixSolved(scenario, graded.grade.passed, simulated.passed);
  const text = options.json ? JSON.stringify({ ...graded.grade, simulated, solved }, null, 2) : formatSimulatedFix(scenario, graded.grade, simulated, solved);
  return { text, exitCode: 0 };
}

/** Prints a generated file, writes it to --out, or with --check says whether --out is up to date. */
function generated(text: string, options: { out?: string; check?: boolean }, command: string): Output {
  if (options.check) {
    if (!options.out) throw new CliError('--check needs --out <file> to compare with', 2);
    const current = existsSync(options.out) ? readFileSync(options.out, 'utf8') : null;
    if (current === text) return { text: `${options.out} is up to date`, exitCode: 0 };
    return { text: `${options.out} is out of date: run "${command}"`, exitCode: 1 };
  }
  if (!options.out) return { text: text.trimEnd(), exitCode: 0 };
  try {
    writeFileSync(options.out, text);
  } catch (e) {
    throw new CliError(`cannot write "${options.out}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { text: `wrote ${options.out}`, exitCode: 0 };
}

function catalog(folder: string, options: { out?: string; check?: boolean }): Output {
  const scenarios = readScenarioSources(folder).map((source) => loadScenario(source.file));
  return generated(scenarioCatalogMarkdown(scenarios), options, 'npm run catalog');
}

async function main(argv: string[]): Promise<number> {
  let output: Output = { text: '', exitCode: 0 };
  const program = new Command()
    .name('scenario')
    .description('Check ArchLab scenarios, grade submissions, write the scenario JSON Schema')
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  program
    .command('check')
    .description('validate scenario files and run their self-checks')
    .argument('<path>', 'a scenario file or a folder of them')
    .option('--json', 'print {"scenarios", "passed", "failures"} as JSON')
    .option('--simulate', "also simulate each fix scenario's reference solution and starting design through its traffic and failures (slow)")
    .option('--replications <n>', 'runs per design with --simulate (fixed seeds)')
    .action(async (path: string, options: { json?: boolean; simulate?: boolean; replications?: string }) => {
      output = await check(path, options);
    });
  program
    .command('grade')
    .description("grade a learner's exported submission")
    .argument('<scenario>', 'the scenario file (.yaml)')
    .argument('<submission>', 'the submission (.json), or a folder of them for a class report')
    .option('--json', 'print the grade as JSON')
    .option('--out <folder>', 'with a folder of submissions: where to write the CSV and HTML class report (default: that folder)')
    .option('--simulate', "fix: also run the app's simulated check (the scenario's traffic and failures) and give the app's verdict (slow)")
    .option('--replications <n>', `runs with --simulate (fixed seeds; default ${DEFAULT_REPLICATIONS}, as in the app)`)
    .action((scenarioPath: string, submissionPath: string, options: { json?: boolean; simulate?: boolean; replications?: string; out?: string }) => {
      output = grade(scenarioPath, submissionPath, options);
    });
  program
    .command('schema')
    .description('print or write the JSON Schema of scenario files')
    .option('--out <file>', 'write it to this file')
    .option('--check', 'only compare with --out and fail when it differs')
    .action((options: { out?: string; check?: boolean }) => {
      output = generated(scenarioJsonSchemaText(), options, 'npm run scenario:schema');
    });
  program
    .command('catalog')
    .description('print or write the catalog page of the scenarios in a folder (mode, difficulty, objectives, topics, coverage)')
    .argument('[folder]', 'the folder of scenario files', 'scenarios')
    .option('--out <file>', 'write it to this file')
    .option('--check', 'only compare with --out and fail when it differs')
    .action((folder: string, options: { out?: string; check?: boolean }) => {
      output = catalog(folder, options);
    });
  try {
    await program.parseAsync(argv);
    if (output.text) process.stdout.write(`${output.text}\n`);
    return output.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0; // --help, --version
      if (e.code === 'commander.help') return 2; // no command given: the help is already printed
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

if (isMainThread) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
} else serveReplications();
