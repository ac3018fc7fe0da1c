import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError } from '@kalam/core';
import { migrationGenerate, migrationRevert, migrationRun, setupCommand } from './commands/migration.commands';
import { APP_NAMES, startCommand } from './commands/start.command';
import { documentsRenderCommand } from './commands/documents.command';
import { userCreateCommand } from './commands/user-create.command';
import { demoLoadCommand } from './import/demo';
import { importCommand } from './import/import.command';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander passes untyped arguments
type Action = (...args: any[]) => Promise<void>;

function run(action: Action, keepAlive = false): Action {
  return async (...args) => {
    try {
      await action(...(args as unknown[]));
      if (!keepAlive) process.exit(0);
    } catch (error) {
      const prefix = error instanceof ConfigError ? 'configuration error: ' : '';
      process.stderr.write(`kalam: ${prefix}${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  };
}

const program = new Command('kalam').description('Kalam, a multilingual headless CMS');

program
  .command('start')
  .description('start PostgreSQL (embedded unless DATABASE_URL is set), apply migrations, run the apps')
  .option('--apps <names>', `comma-separated subset of ${APP_NAMES.join(', ')}`, APP_NAMES.join(','))
  .action(
    run(async (options: { apps: string }) => {
      const apps = options.apps.split(',').map((name) => name.trim());
      const unknown = apps.filter((name) => !(APP_NAMES as readonly string[]).includes(name));
      if (unknown.length) throw new Error(`unknown app ${unknown.join(', ')}; choose from ${APP_NAMES.join(', ')}`);
      await startCommand(apps as (typeof APP_NAMES)[number][]);
    }, true),
  );

program
  .command('setup')
  .description('apply migrations and create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD (what start does first)')
  .action(run(setupCommand));
program.command('migration:run').description('apply pending migrations').action(run(migrationRun));
program.command('migration:revert').description('revert the most recent migration').action(run(migrationRevert));
program
  .command('migration:generate <Name>')
  .description('write migrations/<epoch>-<Name>.ts from the difference between entities and the database')
  .action(run(migrationGenerate));

program
  .command('user:create')
  .description('create a user')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>')
  .requiredOption('--role <role>', 'admin, editor, author or translator')
  .option('--locales <codes>', 'comma-separated locales, e.g. tr,ru')
  .option('--name <displayName>')
  .action(run(userCreateCommand));

program
  .command('import <path>')
  .description('import Markdown files with front-matter (a file or a folder); re-running changes nothing that is already there')
  .action(run(importCommand));

program
  .command('documents:render')
  .description("render the delivery API's published documents that are missing or behind (the worker does this at start)")
  .option('--all', 'render every live article again (after changing PUBLIC_URL or ARTICLE_URL)')
  .action(run(documentsRenderCommand));

program.command('demo:load').description('load the demo articles (idempotent)').action(run(demoLoadCommand));

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`kalam: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
