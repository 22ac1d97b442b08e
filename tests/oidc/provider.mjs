// A real OpenID Connect provider for Waypoint's sign-in tests: panva's certified `oidc-provider`,
// listening on 127.0.0.1 only, with its own login page and the accounts and clients it is given.
//
//     node tests/oidc/provider.mjs CONFIG.json
//
// CONFIG.json (written by tests/oidc_server.py): { "issuer": "http://localhost:PORT", "port": PORT,
// "name": "...", "clients": [oidc-provider client metadata], "accounts": [{ "sub", "email",
// "email_verified", "name", "password" }] }. Prints one line, "ready ISSUER", once it listens.
//
// Everything else is the library's standard behaviour (discovery, PKCE, signed ID tokens, the
// RP-initiated logout page). Three choices make it behave like the providers teams use:
// - prompt=select_account (which Streamlit always sends, as Google understands it) is accepted
//   and shows the login page, so every sign-in picks an account;
// - the email and profile claims go into the ID token, as Google, Microsoft, Okta and Auth0 do
//   (Streamlit reads who signed in from the ID token, not from the userinfo endpoint);
// - consent is granted for the configured clients, as for a team's own app registration.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = new Map(config.accounts.map((a) => [a.sub, a]));
const SCOPES = 'openid email profile';

const policy = interactionPolicy.base();
policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(config.issuer, {
  clients: config.clients,
  jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'test-signing-key' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
  features: { devInteractions: { enabled: false } },
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = accounts.get(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        const { email, email_verified, name } = account;
        return { sub, email, email_verified, name };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const { client, session, result } = ctx.oidc;
    const grantId = result?.consent?.grantId || session.grantIdFor(client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    grant.addOIDCScope(SCOPES);
    await grant.save();
    return grant;
  },
});

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(res, uid, { email = '', problem = '' } = {}) {
  res.writeHead(problem ? 401 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign in: ${escape(config.name)}</title></head>
<body><main><h1>Sign in to ${escape(config.name)}</h1>
${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Email <input name="email" type="email" autocomplete="username" value="${escape(email)}" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Continue</button>
</form></main></body></html>`);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) return loginPage(res, uid);
  if (req.method !== 'POST' || action !== 'login') {
    res.writeHead(405).end();
    return undefined;
  }
  const form = await readForm(req);
  const email = (form.get('email') || '').trim().toLowerCase();
  const account = config.accounts.find((a) => a.email.toLowerCase() === email);
  if (!account || account.password !== form.get('password')) {
    return loginPage(res, uid, { email, problem: 'Wrong email or password.' });
  }
  const result = { select_account: {}, login: { accountId: account.sub } };
  return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = http.createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(new URL(req.url, config.issuer).pathname);
  if (!match) return handle(req, res);
  return interaction(req, res, match[1], match[2]).catch((error) => {
    console.error(`interaction failed: ${error.message}`);
    if (!res.headersSent) res.writeHead(400, { 'Content-Type': 'text/plain' });
    res.end('This sign-in has expired or is not valid. Go back to the app and sign in again.');
  });
});

server.listen(config.port, '127.0.0.1', () => console.log(`ready ${config.issuer}`));
// Stopping is immediate: open keep-alive connections (the app server's) are closed too, so a test
// that stops the provider and starts it again never waits for them to time out.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
