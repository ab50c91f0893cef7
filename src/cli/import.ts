// npm run import -- <file> [--out design.json]: a diagram drawn elsewhere (a Mermaid flowchart, a
// draw.io diagram, an Excalidraw drawing) as an ArchLab design file, printed or written; a file
// that cannot be read says why (a Mermaid file names the line).
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { CliError, parseCommandLine, readTextFile, reportFailure } from './cli-error';
import { FOREIGN_FORMATS, foreignFormatOf } from '../model/foreign-formats';
import { serializeDesign } from '../model/file';
import { designContents, withArticle } from '../model/format';

const KNOWN = FOREIGN_FORMATS.map((f) => `${f.name}s (${f.extensions.join(', ')})`).join(', ');

async function run(path: string, out: string | undefined): Promise<string> {
  const ext = extname(path).toLowerCase();
  if (!FOREIGN_FORMATS.some((f) => f.extensions.includes(ext)) && ext !== '.json' && ext !== '.xml') {
    throw new CliError(`cannot import "${path}": ArchLab imports ${KNOWN}`, 2);
  }
  const text = readTextFile(path);
  const format = foreignFormatOf(path, text);
  if (!format) throw new CliError(`cannot import "${path}": it is not a drawing ArchLab imports (${KNOWN}); an ArchLab design file opens as it is`, 2);
  const name = basename(path, extname(path));
  const result = (await format.reader())(text, name);
  if (!result.ok) throw new CliError(`cannot import "${path}" as ${withArticle(format.name)}:\n  ${result.errors.join('\n  ')}`);
  const json = serializeDesign({ ...result.design, id: `imported-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` });
  for (const note of result.notes) process.stderr.write(`note: ${note}\n`);
  if (!out) return json;
  writeFileSync(out, json);
  return `wrote ${out}: ${designContents(result.design)}`;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('import')
    .description('Turn a Mermaid flowchart, draw.io diagram or Excalidraw drawing into an ArchLab design file')
    .argument('<file>', 'Mermaid (.mmd, .mermaid), draw.io (.drawio, .dio) or Excalidraw (.excalidraw) file')
    .option('--out <file>', 'write the design file here instead of printing it');
  const parsed = parseCommandLine(program, argv);
  if (parsed !== null) return parsed;
  try {
    process.stdout.write((await run(program.args[0]!, program.opts<{ out?: string }>().out)) + '\n');
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});
