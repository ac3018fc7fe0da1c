import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '../users/role';

export const ROLES_KEY = 'kalam:roles';

/** The roles allowed on a route. A route with neither @Roles nor @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role. */
export const AnyRole = () => Roles(...ROLES);
