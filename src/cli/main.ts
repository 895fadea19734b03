import { Command, CommanderError } from 'commander';
import { clockFrom, ConfigError, loadBaseConfig } from '../config.js';
import { ContentError } from '../content/load.js';
import { contentCheckCommand, libraryCommand, planCommand, schemaCommand, sessionCommand } from './commands.js';
import { simulateCommand, type SimulateOptions } from './simulate.js';
import { CliError } from './errors.js';
import { runTry } from './try.js';
import { backupDatabase, restoreDatabase } from './db-tools.js';
import { applicationIdFromToken, inviteUrl } from '../discord/invite.js';

/** The `hipcoach` command. stdout carries only each command's output, so `--json` pipes cleanly. */
function program(): Command {
  const cli = new Command('hipcoach')
    .description('HipCoach: assessment, plans and daily sessions for hip pain, from the terminal.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cli
    .command('plan')
    .description('Build a plan from an answers file (see `hipcoach schema answers`).')
    .requiredOption('-i, --input <file>', 'answers JSON file')
    .option('--json', 'print the plan as JSON')
    .action((opts: { input: string; json?: boolean }) => {
      out(planCommand(opts));
    });

  cli
    .command('session')
    .description("Build one day's session from an answers file.")
    .requiredOption('-i, --input <file>', 'answers JSON file')
    .requiredOption('-u, --user <id>', 'the person the session is for (rotation differs per person)')
    .requiredOption('-d, --date <YYYY-MM-DD>', 'the local date of the session')
    .option('-m, --minutes <n>', 'minutes available (default: the answers file prefs)')
    .option('--json', 'print the session as JSON')
    .action((opts: { input: string; user: string; date: string; minutes?: string; json?: boolean }) => {
      out(sessionCommand(opts));
    });

  cli
    .command('simulate')
    .description('Simulate days of coaching from an answers file, with optional feedback (see `hipcoach schema feedback`).')
    .requiredOption('-i, --input <file>', 'answers JSON file')
    .requiredOption('-s, --start <YYYY-MM-DD>', 'the first day')
    .option('--days <n>', 'how many days (default 28)')
    .option('-m, --minutes <n>', 'minutes a day (default: the answers file prefs)')
    .option('-f, --feedback <file>', 'feedback JSON file (default: every day done, 2/10, effort right, good form, settled)')
    .option('--without <rules>', 'switch engine rules off, comma-separated (to see what each does)')
    .option('--json', 'print the simulation as JSON')
    .action((opts: SimulateOptions) => {
      out(simulateCommand(opts));
    });

  cli
    .command('library')
    .description('List every exercise, chain by chain.')
    .option('--json', 'print the library as JSON')
    .action((opts: { json?: boolean }) => {
      out(libraryCommand(opts));
    });

  cli
    .command('schema')
    .description('Print a JSON Schema.')
    .argument('<which>', 'answers or feedback')
    .action((which: string) => {
      out(schemaCommand(which));
    });

  cli
    .command('content')
    .description('Content tools.')
    .command('check')
    .description('Validate the content library and say what is wrong, with file, line and field.')
    .option('--dir <path>', 'content folder to check (default: the shipped one)')
    .action((opts: { dir?: string }) => {
      out(contentCheckCommand(opts));
    });

  cli
    .command('figures')
    .description('Render every exercise and test figure as PNG, plus one contact sheet with their ids.')
    .requiredOption('--out <dir>', 'folder to write the PNGs into')
    .action(async (opts: { out: string }) => {
      const { figuresCommand } = await import('./figures-command.js');
      out(await figuresCommand(opts));
    });

  const db = cli.command('db').description('Database tools (the path comes from DATABASE_PATH, default ./data/hipcoach.db).');
  db.command('backup')
    .description("Copy the database to FILE with SQLite's online backup (safe while the bot runs).")
    .argument('<file>', 'where to write the backup')
    .option('--force', 'overwrite FILE if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      out(await backupDatabase(loadBaseConfig().DATABASE_PATH, file, opts));
    });
  db.command('restore')
    .description('Replace the database with the backup in FILE (stop the bot first). The old one is kept beside it.')
    .argument('<file>', 'the backup to restore')
    .option('--force', 'restore even if the bot seems to be running')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadBaseConfig();
      out(await restoreDatabase(config.DATABASE_PATH, file, { ...opts, now: clockFrom(config)() }));
    });

  cli
    .command('invite')
    .description('Print the link that adds the bot to a server, with exactly the permissions it needs.')
    .option('--app <id>', 'the application id (default: read from DISCORD_TOKEN in .env)')
    .action(async (opts: { app?: string }) => {
      await import('dotenv/config');
      const id = opts.app ?? applicationIdFromToken(process.env.DISCORD_TOKEN ?? '');
      if (!id || !/^\d{17,20}$/.test(id)) throw new CliError('no application id: set DISCORD_TOKEN in .env, or pass --app <id> (Developer Portal > General Information > Application ID)');
      out(inviteUrl(id));
    });

  cli
    .command('start')
    .description('Run the Discord bot (reads .env; needs DISCORD_TOKEN).')
    .action(async () => {
      const { main: runBot } = await import('../main.js');
      const code = await runBot();
      // The bot has already said what went wrong, in one line; only the exit code remains.
      if (code !== 0) throw new CliError('', code);
    });

  cli
    .command('try')
    .description('The coach in your terminal: consent, safety check, assessment, plan and today\'s workout.')
    .option('--db <file>', 'database file (default: DATABASE_PATH or ./data/hipcoach.db)')
    .option('--settings', 'change minutes, equipment or your goal before carrying on')
    .action(async (opts: { db?: string; settings?: boolean }) => {
      const config = loadBaseConfig();
      await runTry({
        dbPath: opts.db ?? config.DATABASE_PATH,
        personId: 'console:local',
        input: process.stdin,
        output: process.stdout,
        clock: clockFrom(config),
        color: process.stdout.isTTY,
        settings: opts.settings === true,
      });
    });

  return cli;
}

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      if (error.message) process.stderr.write(`hipcoach: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`hipcoach: configuration: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ContentError) {
      process.stderr.write(`hipcoach: ${error.message}\n`);
      return 2;
    }
    // Unexpected: one line for the person; the stack only when asked for.
    process.stderr.write(`hipcoach: unexpected error: ${(error as Error).message}\n`);
    if (process.env.HIPCOACH_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv);
