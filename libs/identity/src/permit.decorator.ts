import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { rolesFor, type Permission } from './permissions';

export const PERMISSION_KEY = 'casework:permission';
export const PUBLIC_KEY = 'casework:public';

/**
 * The one permission a route needs (see permissions.ts). The global guard checks it
 * against the caller's role before validation or lookup, so a refused caller learns
 * nothing about the data (not even whether an id exists).
 */
export function Permit(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Needs ${permission}: ${rolesFor(permission).join(', ')}` }),
  );
}

/** A route anyone may call without signing in (health, metrics, sign-in, the web app). */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_KEY, true);
}
