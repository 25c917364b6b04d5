// The mockops command line: parses flags with commander and hands off to one module per command.
import { Command, CommanderError } from 'commander';
import { VERSION } from '../app/version.js';
import { registerBankCommands } from './commands/bank.js';
import { registerExportCommand } from './commands/export.js';
import { registerGradeCommand } from './commands/grade.js';
import { registerHistoryCommands } from './commands/history.js';
import { registerImportCommand } from './commands/import.js';
import { registerIncidentCommand } from './commands/incident.js';
import { registerInterviewCommand } from './commands/interview.js';
import { registerPracticeCommand } from './commands/practice.js';
import { registerServeCommands } from './commands/serve.js';
import { reportError } from './output.js';
import { parseLang, setCliLang } from './render.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('mockops')
    .description('Local-first mock-interview coach for DevOps / SRE / Ops engineers.')
    .version(VERSION, '-v, --version')
    .option('--lang <lang>', 'language of the feedback: en or zh (default: MOCKOPS_LANG, else en)')
    .hook('preAction', (cmd) => {
      const flag = cmd.opts().lang as string | undefined;
      setCliLang(parseLang(flag ?? process.env.MOCKOPS_LANG, flag ? '--lang' : 'MOCKOPS_LANG'));
    })
    .showSuggestionAfterError(true)
    .configureOutput({
      outputError: (str, write) => write(`${str.trim()}\nRun 'mockops --help' for usage.\n`),
    })
    .exitOverride();
  registerBankCommands(program);
  registerGradeCommand(program);
  registerPracticeCommand(program);
  registerInterviewCommand(program);
  registerIncidentCommand(program);
  registerHistoryCommands(program);
  registerServeCommands(program);
  registerImportCommand(program);
  registerExportCommand(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.version' ||
        err.code === 'commander.help'
      )
        return 0;
      return 2;
    }
    return reportError(err);
  }
}

// Output piped into a reader that stops early (`mockops history | head`): end quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });

process.exitCode = await main(process.argv);
