import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'kalam:public';

/** Marks a route (or controller) as open to anonymous callers. Everything else needs a guard's consent. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
