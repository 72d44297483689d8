import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type Actor } from '../actor';
import { permissionsOf, type Permission } from '../permissions';
import { Permit, Public } from '../permit.decorator';
import { roleLabel } from '../roles';

export const SIGN_IN_CONFIG = Symbol('SIGN_IN_CONFIG');

/** What the web app needs to run the authorization code flow with PKCE against the issuer. */
export interface SignInConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly audience: string;
  readonly scope: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly endSessionEndpoint: string | null;
  readonly devIssuer: boolean;
}

export interface Me {
  readonly userId: string;
  readonly name: string | null;
  readonly role: string;
  readonly roleLabel: string;
  readonly roles: readonly string[];
  readonly forceId: string;
  readonly personId: string | null;
  readonly permissions: Permission[];
}

@ApiTags('sign-in')
@Controller()
export class AuthController {
  constructor(@Inject(SIGN_IN_CONFIG) private readonly signIn: () => Promise<SignInConfig>) {}

  @Get('auth/config')
  @Public()
  @ApiOperation({ summary: 'How to sign in: the issuer, client id and endpoints for the code flow with PKCE' })
  async config(@Res({ passthrough: true }) res: Response): Promise<SignInConfig> {
    res.setHeader('Cache-Control', 'no-cache');
    return this.signIn();
  }

  @Get('me')
  @Permit('self.me')
  @ApiOperation({ summary: 'Who the token says you are, and every permission your role holds' })
  me(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Me {
    res.setHeader('Cache-Control', 'no-store');
    return {
      userId: actor.userId,
      name: actor.name ?? null,
      role: actor.role,
      roleLabel: roleLabel(actor.role),
      roles: actor.roles ?? [actor.role],
      forceId: actor.forceId,
      personId: actor.personId ?? null,
      permissions: permissionsOf(actor.role),
    };
  }
}
