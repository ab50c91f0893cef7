// npm run import -- <file> [--out design.json]: a diagram drawn elsewhere (a Mermaid flowchart) as
// an ArchLab design file, printed or written; a file that cannot be read is named with its line.
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { CliError, parseCommandLine, readTextFile, reportFailure } from './cli-error';
import { mermaidToDesign } from '../model/mermaid';
import { serializeDesign } from '../model/file';

const MERMAID_EXTENSIONS = new Set(['.mmd', '.mermaid']);

function run(path: string, out: string | undefined): string {
  if (!MERMAID_EXTENSIONS.has(extname(path).toLowerCase())) {
    throw new CliError(`cannot import "${path}": ArchLab imports Mermaid flowcharts (.mmd, .mermaid)`, 2);
  }
  const name = basename(path, extname(path));
  const result = mermaidToDesign(readTextFile(path), name);
  if (!result.ok) throw new CliError(`cannot import "${path}":\n  ${result.errors.join('\n  ')}`);
  const json = serializeDesign({ ...result.design, id: `imported-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  if (!out) return json;
  writeFileSync(out, json);
  return `wrote ${out}: ${result.design.nodes.length} components, ${result.design.edges.length} connections, ${result.design.groups.length} zones and regions`;
}

function main(argv: string[]): number {
  const program = new Command()
    .name('import')
    .description('Turn a Mermaid flowchart into an ArchLab design file')
    .argument('<file>', 'Mermaid flowchart (.mmd, .mermaid)')
    .option('--out <file>', 'write the design file here instead of printing it');
  const parsed = parseCommandLine(program, argv);
  if (parsed !== null) return parsed;
  try {
    process.stdout.write(run(program.args[0]!, program.opts<{ out?: string }>().out) + '\n');
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

process.exitCode = main(process.argv);
