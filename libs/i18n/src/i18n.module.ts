import { Global, Module } from '@nestjs/common';
import { Messages } from './messages';

/** Message catalogs, available everywhere (the error filter needs them in every app). */
@Global()
@Module({
  providers: [{ provide: Messages, useValue: new Messages() }],
  exports: [Messages],
})
export class I18nModule {}
