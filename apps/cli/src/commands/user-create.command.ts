import { KalamLogger } from '@kalam/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto, UsersService } from '@kalam/auth';
import { KalamError } from '@kalam/core';
import { Messages } from '@kalam/i18n';
import { openDatabase } from '../database-session';
import { setUpDatabase, withCliContext } from '../setup';

export interface UserCreateOptions {
  email: string;
  password: string;
  role: string;
  locales?: string;
  name?: string;
}

/** `npm run cms -- user:create --email … --password … --role admin` */
export async function userCreateCommand(options: UserCreateOptions): Promise<void> {
  const logger = new KalamLogger('users');
  const input = plainToInstance(CreateUserDto, {
    email: options.email,
    password: options.password,
    role: options.role,
    locales: options.locales
      ? options.locales
          .split(',')
          .map((code) => code.trim())
          .filter(Boolean)
      : [],
    ...(options.name ? { displayName: options.name } : {}),
  });
  const problems = await validate(input);
  if (problems.length) {
    throw new Error(problems.map((p) => `${p.property}: ${Object.values(p.constraints ?? {}).join(', ')}`).join('; '));
  }
  const database = await openDatabase((line) => logger.log(line));
  try {
    await setUpDatabase(database.url, logger);
    await withCliContext(database.url, async (app) => {
      try {
        const user = await app.get(UsersService).create(input, { id: null, ip: 'cli' });
        logger.log(`created ${user.role} ${user.email} (${user.id})`);
      } catch (error) {
        if (error instanceof KalamError) throw new Error(app.get(Messages).t('en', `errors.${error.code}`, error.params));
        throw error;
      }
    });
  } finally {
    await database.close();
  }
}
