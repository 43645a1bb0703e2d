/**
 * A real OpenID Connect provider for the single sign-on specs: the `oidc-provider` package (a
 * certified implementation), with its development login pages, groups only in userinfo (its
 * default), PKCE, and RP-initiated logout. Accounts are kept here so a spec can change someone's
 * groups at the provider, as an identity team would.
 */
import { createServer, type Server } from 'node:http';

export interface TestAccount {
  preferred_username: string;
  name: string;
  email: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  stop: () => Promise<void>;
}

export async function startTestProvider(options: {
  port: number;
  redirectUri: string;
  postLogoutRedirectUri: string;
  accounts: Record<string, TestAccount>;
}): Promise<TestProvider> {
  // ESM-only package: loaded when a spec needs it.
  const { default: Provider } = await import('oidc-provider');
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = 'fleet-console-e2e';
  const clientSecret = 'e2e-client-secret-0123456789abcdef';
  const accounts = new Map(Object.entries(options.accounts));

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
    pkce: { required: () => true },
    cookies: { keys: ['e2e-provider-cookie-key-0123456789'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
    // Consent is granted without a screen: these specs are about the dashboard, not the provider's UI.
    async loadExistingGrant(ctx) {
      const oidc = ctx.oidc;
      const clientKey = oidc.client?.clientId ?? '';
      const grantId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(clientKey);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId: clientKey, accountId: oidc.session?.accountId });
      grant.addOIDCScope('openid profile email groups offline_access');
      await grant.save();
      return grant;
    },
  });
  // Quiet: a spec that expects a refused sign-in would otherwise print provider stack traces.
  provider.on('server_error', () => undefined);

  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Cookies across a few manual redirects: just enough of a browser to walk the provider's pages. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs `accountId` in through the provider's own pages without a browser and returns the
 * redirect URI's URL with the authorization code (state `test-state`), for tests of what happens after sign-in (refresh,
 * userinfo) that need real tokens. Asks for consent so `offline_access` yields a refresh token.
 */
export async function authorizationCodeFor(
  provider: TestProvider,
  options: { accountId: string; redirectUri: string; scope: string; codeChallenge: string; nonce: string },
): Promise<URL> {
  const jar = new CookieJar();
  const auth = new URL(`${provider.issuer}/auth`);
  for (const [name, value] of Object.entries({
    client_id: provider.clientId,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    scope: options.scope,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
    nonce: options.nonce,
    state: 'test-state',
    prompt: 'consent',
  })) {
    auth.searchParams.set(name, value);
  }
  let url = auth.toString();
  for (let step = 0; step < 12; step += 1) {
    const interaction = /\/interaction\/[^/?]+$/.test(new URL(url).pathname);
    let response: Response;
    if (interaction) {
      const page = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
      jar.store(page);
      const html = await page.text();
      const isLogin = html.includes('name="login"');
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      if (!action) throw new Error(`no form at ${url}`);
      const body = new URLSearchParams(
        isLogin ? { prompt: 'login', login: options.accountId, password: 'any' } : { prompt: 'consent' },
      );
      response = await fetch(new URL(action, url), {
        method: 'POST',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    } else {
      response = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
    }
    jar.store(response);
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}`);
    const next = new URL(location, url);
    if (next.toString().startsWith(options.redirectUri)) {
      if (!next.searchParams.get('code')) throw new Error(`no code: ${next.search}`);
      return next;
    }
    url = next.toString();
  }
  throw new Error('too many redirects at the provider');
}
