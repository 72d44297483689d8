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

export const PERMIT_FROM_KEY = 'casework:permit-from';
export const PERMISSION_SLOTS_KEY = 'casework:permission-slots';

/**
 * For a handler a shared base controller declares once for several workflows (the case
 * controllers' `GET :id`, timeline, waive): the route's permission is the one the concrete
 * controller class names for `slot` with `@PermitSlots`. Handler metadata cannot do this
 * alone, because a base method is one function shared by every subclass.
 */
export function PermitFrom(slot: string): MethodDecorator {
  return applyDecorators(
    SetMetadata(PERMIT_FROM_KEY, slot),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: 'Needs the permission its controller names for this route' }),
  );
}

/** Class-level: the permission behind each `@PermitFrom(slot)` handler the class inherits. */
export function PermitSlots<S extends string>(slots: Readonly<Record<S, Permission>>): ClassDecorator {
  return SetMetadata(PERMISSION_SLOTS_KEY, Object.freeze({ ...slots }));
}

/** The slots a controller class declares (its own, else the nearest ancestor's). */
export function permissionSlotsOf(controllerClass: object): Readonly<Record<string, Permission>> | undefined {
  return Reflect.getMetadata(PERMISSION_SLOTS_KEY, controllerClass) as Readonly<Record<string, Permission>> | undefined;
}

/** What `Reflector` offers that the resolver needs (kept narrow so tests can pass a stub). */
interface MetadataReader {
  get<T>(key: string, target: object): T | undefined;
}

/**
 * The permission a route needs, or `'public'`, or `undefined` when it declares neither
 * (the guard refuses it). The handler's own declaration wins over the class's:
 * `@Permit` / `@Public` / `@PermitFrom(slot)` on the handler, then `@Permit` / `@Public`
 * on the class. A `@PermitFrom` slot the class does not name resolves to `undefined`, so a
 * forgotten mapping is refused, never opened.
 *
 * `handler` is the route function (`context.getHandler()`) and `controllerClass` the
 * concrete controller (`context.getClass()`), which for an inherited handler is the subclass.
 */
export function resolvePermission(
  reflector: MetadataReader,
  handler: object,
  controllerClass: object,
): Permission | 'public' | undefined {
  const onHandler = reflector.get<Permission>(PERMISSION_KEY, handler);
  if (onHandler) return onHandler;
  if (reflector.get<boolean>(PUBLIC_KEY, handler) === true) return 'public';
  const slot = reflector.get<string>(PERMIT_FROM_KEY, handler);
  if (slot !== undefined) return permissionSlotsOf(controllerClass)?.[slot];
  const onClass = reflector.get<Permission>(PERMISSION_KEY, controllerClass);
  if (onClass) return onClass;
  if (reflector.get<boolean>(PUBLIC_KEY, controllerClass) === true) return 'public';
  return undefined;
}
