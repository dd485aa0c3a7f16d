// A certified OpenID provider (the oidc-provider package, with its own login and consent pages) for the
// single sign-on tests. It listens on 127.0.0.1 only, prints "listening PORT" once ready, and takes its
// clients, its users' groups and how it should misbehave from the tests through /__test/ routes, because
// the portal's address (the redirect URIs) is known only after both have started.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, SignJWT, decodeJwt } from 'jose';

const clients = new Map();    // client_id -> metadata
const groups = new Map();     // login -> group names
const misbehaviour = new Map(); // client_id -> how the token endpoint spoils the id_token

// The provider's own storage, in memory; clients come from what the tests registered.
const store = new Map();
class MemoryAdapter {
  constructor(name) { this.name = name; }
  key(id) { return `${this.name}:${id}`; }
  async upsert(id, payload) { store.set(this.key(id), payload); }
  async find(id) { return this.name === 'Client' ? clients.get(id) : store.get(this.key(id)); }
  async findByUid(uid) { return [...store.values()].find((p) => p.uid === uid); }
  async findByUserCode(code) { return [...store.values()].find((p) => p.userCode === code); }
  async consume(id) { const p = store.get(this.key(id)); if (p) p.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { store.delete(this.key(id)); }
  async revokeByGrantId(grantId) {
    for (const [key, payload] of store) if (payload.grantId === grantId) store.delete(key);
  }
}

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  adapter: MemoryAdapter,
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  // The group claim travels in the ID token, as Entra ID and Keycloak's group mapper send it.
  conformIdTokenClaims: false,
  claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    // The library's own sign-out pages import a web font from another site; these ask for nothing beyond
    // 127.0.0.1, so a browser with no outside network loads them at once.
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Logout Request</title></head><body>
          <h1>Do you want to sign-out?</h1>${form}
          <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
          <button type="submit" form="op.logoutForm">No, stay signed in</button></body></html>`;
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sign-out Success</title></head>'
          + '<body><h1>Sign-out Success</h1></body></html>';
      },
    },
  },
  async findAccount(ctx, login) {
    return {
      accountId: login,
      async claims() {
        return { sub: login, name: login, email: `${login}@example.org`, email_verified: true,
          groups: groups.get(login) ?? [] };
      },
    };
  },
});

// Re-signed with the provider's own key, so only the named check can catch it.
async function resign(idToken, change) {
  const claims = { ...decodeJwt(idToken), ...change };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingKey.kid }).sign(privateKey);
}

const spoil = {
  // A claim changed after signing (a reader making themselves an administrator): the signature no longer fits.
  tampered: async (token) => {
    const [header, payload, signature] = token.split('.');
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url')), groups: ['portal-admins'] };
    return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  },
  'wrong-issuer': (token) => resign(token, { iss: 'http://127.0.0.1:1/another-provider' }),
  'wrong-audience': (token) => resign(token, { aud: 'another-client' }),
  expired: (token) => {
    const now = Math.floor(Date.now() / 1000);
    return resign(token, { iat: now - 7200, exp: now - 3600 });
  },
  // The provider's clock an hour ahead: beyond the five minutes of skew the portal allows.
  'from-the-future': (token) => {
    const now = Math.floor(Date.now() / 1000);
    return resign(token, { iat: now + 3600, nbf: now + 3600, exp: now + 7200 });
  },
};

provider.use(async (ctx, next) => {
  await next();
  const how = misbehaviour.get(ctx.oidc?.client?.clientId);
  if (ctx.path === '/token' && how && ctx.body?.id_token) {
    ctx.body = { ...ctx.body, id_token: await spoil[how](ctx.body.id_token) };
  }
});

async function readJson(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  return JSON.parse(text || 'null');
}

async function control(req, res, path) {
  const body = await readJson(req);
  if (path === '/__test/clients') {
    clients.set(body.client_id, body);
  } else if (path.startsWith('/__test/groups/')) {
    groups.set(decodeURIComponent(path.slice('/__test/groups/'.length)), body);
  } else if (path.startsWith('/__test/misbehave/')) {
    const client = decodeURIComponent(path.slice('/__test/misbehave/'.length));
    if (body && !spoil[body]) { res.writeHead(400).end(`unknown misbehaviour ${body}`); return; }
    if (body) misbehaviour.set(client, body); else misbehaviour.delete(client);
  } else {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(204).end();
}

const oidc = provider.callback();
server.on('request', (req, res) => {
  const path = new URL(req.url, issuer).pathname;
  if (req.method === 'PUT' && path.startsWith('/__test/')) {
    control(req, res, path).catch((e) => res.writeHead(400).end(String(e)));
  } else {
    oidc(req, res);
  }
});
console.log(`listening ${port}`);
