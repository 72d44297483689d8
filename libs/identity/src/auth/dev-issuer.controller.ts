import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../permit.decorator';
import { roleLabel } from '../roles';
import { DEV_ISSUER_PATH, DevIssuer, DevIssuerError } from './dev-issuer';

/** Which origins the issuer may redirect back to (the app's own, PUBLIC_URL and CORS origins). */
export const REDIRECT_ORIGINS = Symbol('REDIRECT_ORIGINS');

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The development issuer's OIDC endpoints: discovery, keys, the user picker and the token exchange. */
@ApiExcludeController()
@Public()
@Controller(DEV_ISSUER_PATH.slice(1))
export class DevIssuerController {
  constructor(
    private readonly issuer: DevIssuer,
    @Inject(REDIRECT_ORIGINS) private readonly allowedOrigins: (req: Request) => string[],
  ) {}

  @Get('picker.css')
  css(@Res() res: Response): void {
    res.type('css').setHeader('Cache-Control', 'max-age=3600').send(PICKER_CSS);
  }

  @Get('.well-known/openid-configuration')
  discovery(): Record<string, unknown> {
    const base = this.issuer.issuer;
    return {
      issuer: base,
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile'],
    };
  }

  @Get('jwks')
  jwks(): ReturnType<DevIssuer['jwks']> {
    return this.issuer.jwks();
  }

  @Get('authorize')
  authorize(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): void {
    let request: ReturnType<DevIssuer['checkAuthorizeRequest']>;
    try {
      request = this.issuer.checkAuthorizeRequest(query, this.allowedOrigins(req));
    } catch (error) {
      if (!(error instanceof DevIssuerError)) throw error;
      res.status(400).type('html').send(page('Sign-in request refused', `<p class="error">${escape(error.description)}</p>`));
      return;
    }
    const hidden = Object.entries({ ...query })
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v as string)}">`)
      .join('');
    const groups = new Map<string, string[]>();
    for (const u of this.issuer.users()) {
      const label = roleLabel(u.role);
      const buttons = groups.get(label) ?? [];
      buttons.push(
        `<button type="submit" name="sub" value="${escape(u.sub)}">${escape(u.name)} — ${escape(label)}${u.forceId === 'demo' ? '' : ` (force ${escape(u.forceId)})`}</button>`,
      );
      groups.set(label, buttons);
    }
    const list = [...groups.entries()].map(([label, buttons]) => `<fieldset><legend>${escape(label)}</legend>${buttons.join('')}</fieldset>`).join('');
    void request;
    res
      .type('html')
      .setHeader('Cache-Control', 'no-store')
      .send(
        page(
          'Sign in to Casework (development)',
          `<p>This is the development sign-in: choose who to be. A real deployment signs in through the force's identity provider instead.</p>
           <form method="post" action="${DEV_ISSUER_PATH}/authorize">${hidden}${list}</form>`,
        ),
      );
  }

  @Post('authorize')
  pick(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): void {
    try {
      const request = this.issuer.checkAuthorizeRequest(body, this.allowedOrigins(req));
      const code = this.issuer.issueCode(typeof body.sub === 'string' ? body.sub : '', request);
      const target = new URL(request.redirectUri);
      target.searchParams.set('code', code);
      target.searchParams.set('state', request.state);
      res.redirect(303, target.toString());
    } catch (error) {
      if (!(error instanceof DevIssuerError)) throw error;
      res.status(400).type('html').send(page('Sign-in request refused', `<p class="error">${escape(error.description)}</p>`));
    }
  }

  @Post('token')
  @HttpCode(200)
  async token(@Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      res.json(await this.issuer.exchange(body ?? {}));
    } catch (error) {
      if (!(error instanceof DevIssuerError)) throw error;
      res.status(error.error === 'invalid_client' ? 401 : 400).json({ error: error.error, error_description: error.description });
    }
  }
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><link rel="stylesheet" href="${DEV_ISSUER_PATH}/picker.css"></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/** The picker's stylesheet, served from the issuer itself so the page needs no inline style (CSP). */
export const PICKER_CSS = `body{font-family:Arial,sans-serif;margin:0;color:#0b0c0c;background:#fff}
main{max-width:960px;margin:0 auto;padding:20px}h1{font-size:2rem}
fieldset{border:1px solid #b1b4b6;margin:0 0 15px;padding:10px 15px}legend{font-weight:700;padding:0 5px}
button{display:inline-block;margin:5px 10px 5px 0;padding:8px 12px;font-size:1rem;color:#fff;background:#00703c;border:0;border-bottom:2px solid #002d18;cursor:pointer}
button:focus{outline:3px solid #fd0;outline-offset:0;background:#fd0;color:#0b0c0c}.error{color:#d4351c;font-weight:700}`;
