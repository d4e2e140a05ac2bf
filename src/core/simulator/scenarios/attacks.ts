import { SignJWT, UnsecuredJWT, compactVerify, decodeJwt, decodeProtectedHeader } from 'jose';
import { byteLength, serializeRequest } from '../http';
import { demoRsaPublicKeyPem, hmacKeys, type SigningKeys } from '../keys';
import { noteAttacker } from '../attacker';
import { issueAccessToken, verifyWithJose } from '../jwt-auth';
import type { AuthResult, Lane } from '../lane';
import { browserHeaders, roundTrip } from '../round-trip';
import { createSession, deleteSession } from '../session-store';
import { logIn, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

/**
 * The classic JWT implementation pitfalls (RFC 8725 §2.1, §2.3, §3.1, §3.2; seed 002: "algorithm
 * confusion attacks, weak signing secrets"), each tried against two servers:
 * - naive-api does what old libraries did: trusts the header's `alg`, accepts `none`, and
 *   feeds whatever key it was configured with into whichever algorithm the token names;
 * - hardened-api pins the algorithm and key type (jose's `algorithms` allow-list), checks
 *   issuer and audience, and signs with a 256-bit random secret.
 */

const encoder = new TextEncoder();

/** The passwords people actually use as JWT secrets; seed 004's express example uses 'mysecret'. */
export const commonSecrets = [
  'secret',
  'password',
  '123456',
  'changeme',
  'jwt_secret',
  'your-256-bit-secret',
  'supersecret',
  'mysecret',
  'secretkey',
  'admin',
];
const weakSecret = 'mysecret';

/** The naive verifier: alg from the header, key from configuration, no allow-list. */
async function naiveVerify(
  lane: Lane,
  token: string,
  configuredKey: { text: string; rsa: SigningKeys },
): Promise<AuthResult> {
  try {
    const { alg } = decodeProtectedHeader(token);
    if (alg === 'none') {
      const { payload } = UnsecuredJWT.decode(token, { currentDate: new Date(lane.now()) });
      return {
        ok: true,
        reason: 'alg is "none", so the naive server skips the signature and believes the claims',
        payload,
      };
    }
    if (alg?.startsWith('HS')) {
      // The configured key is a PEM string; an HMAC over it is exactly the confusion attack.
      await compactVerify(token, encoder.encode(configuredKey.text), { algorithms: [alg] });
      return {
        ok: true,
        reason: `${alg} with its configured key text as the HMAC secret: the signature matches`,
        payload: decodeJwt(token),
      };
    }
    await compactVerify(token, configuredKey.rsa.verifyingKey, { algorithms: [alg ?? ''] });
    return { ok: true, reason: 'RS256 signature valid', payload: decodeJwt(token) };
  } catch {
    return { ok: false, status: 401, reason: 'the signature does not match' };
  }
}

async function hardenedVerify(lane: Lane, token: string, keys: SigningKeys): Promise<AuthResult> {
  try {
    const { payload } = await verifyWithJose(lane, token, keys);
    return { ok: true, reason: 'valid', payload };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      status: 401,
      reason:
        code === 'ERR_JOSE_ALG_NOT_ALLOWED'
          ? `the token says ${String(decodeProtectedHeader(token).alg)}, but this server accepts only ${keys.alg}`
          : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
            ? 'the signature does not match the server\u2019s key'
            : 'the token is not valid here',
    };
  }
}

async function attack(
  lane: Lane,
  server: 'naive-api' | 'hardened-api',
  token: string,
  label: string,
  verify: () => Promise<AuthResult>,
) {
  const result = await roundTrip(lane, {
    client: 'attacker',
    server,
    request: {
      method: 'GET',
      host: 'api.example.com',
      path: '/admin/users',
      headers: [['Authorization', `Bearer ${token}`]],
    },
    label: `${label} → ${server}`,
    narration: `The attacker sends the forged token to ${server} and asks for /admin/users.`,
    presented: token,
    credentials: [{ kind: 'forged-token', value: token }],
    authenticate: async () => {
      lane.counters.signatureChecks++;
      lane.counters.verifyMs += lane.latency.verifyMs;
      lane.t += lane.latency.verifyMs;
      const auth = await verify();
      lane.act(
        server,
        auth.ok ? 'accepts the forged token' : 'refuses the forged token',
        `${server}: ${auth.reason}.`,
      );
      return auth;
    },
    answerNarration: (auth) =>
      auth.ok
        ? `${server} serves the admin page to a forged token: the attacker is "admin".`
        : `${server} refuses: ${auth.reason}.`,
  });
  return result;
}

const forgedClaims = (lane: Lane) => ({ ...lane.profile.claims, sub: 'admin', roles: ['admin'] });

async function forge(lane: Lane, alg: string, key: Uint8Array) {
  const iat = Math.floor(lane.now() / 1000);
  return new SignJWT(forgedClaims(lane))
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setIssuer(lane.profile.issuer)
    .setAudience(lane.profile.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(key);
}

export const attacksScenario: ScenarioDefinition = {
  id: 'attacks',
  title: 'Attacks: a naive server vs a hardened one',
  description:
    'alg "none", RS256/HS256 key confusion and a guessable HMAC secret, each tried against a naive server and a hardened one: the naive one accepts every forgery, the hardened one refuses every one. Session IDs offer no payload to forge; their pitfall is fixation, which rotating the ID at login prevents.',
  defaultAlg: 'RS256',
  tokenChoosesAlg: false,
  async session(lane) {
    lane.servers = ['naive-app', 'hardened-app'];
    lane.noteCredential(lane.random.id(32));
    // Guessing: a 256-bit ID cannot be found by trying.
    const guess = lane.random.id(32);
    for (const server of ['naive-app', 'hardened-app']) {
      await sendRequest(lane, {
        client: 'attacker',
        credential: guess,
        server,
        narration: `The attacker invents a session ID and tries it on ${server}: there are 2^256 possible IDs.`,
      });
    }
    // Fixation (OWASP Session Management: renew the ID on login).
    for (const server of ['naive-app', 'hardened-app'] as const) {
      lane.advance(1000);
      const planted = await createSession(lane, server, 'anonymous');
      if (!planted) continue;
      lane.send({
        from: server,
        to: 'attacker',
        label: 'Set-Cookie sid (anonymous visit)',
        kind: 'response',
        narration: `The attacker visits ${server} and gets an anonymous session ID.`,
        wire: `HTTP/1.1 200 OK\r\nSet-Cookie: sid=${planted}; Path=/; HttpOnly; Secure; SameSite=Lax\r\n\r\n`,
        credentials: [{ kind: 'session-id', value: planted }],
      });
      lane.jar.set(`sid=${planted}; Path=/; Secure; SameSite=Lax`, 'app.example.com');
      lane.send({
        from: 'attacker',
        to: 'browser',
        label: 'plant that sid in Ada\u2019s browser',
        kind: 'attack',
        narration:
          'Through a sibling subdomain it controls, the attacker sets that same cookie in Ada\u2019s browser.',
        wire: `Set-Cookie: sid=${planted}; Domain=example.com`,
      });
      const request = {
        method: 'POST',
        host: 'app.example.com',
        path: '/login',
        body: '{"username":"ada@example.com","password":"…"}',
      };
      const { headers } = browserHeaders(lane, request);
      let current = planted;
      await roundTrip(lane, {
        client: 'browser',
        server,
        request: { ...request, headers },
        label: `POST /login with the planted sid → ${server}`,
        narration: `Ada logs in at ${server}; her browser sends the planted session ID along.`,
        authenticate: async () => {
          if (server === 'naive-app') {
            lane.sharedSessions.set(planted, { user: 'ada', expiresAt: lane.now() + 8 * 3600_000 });
            lane.act(
              server,
              'marks the existing session as Ada\u2019s (no new ID)',
              'The naive server upgrades the session it already had: the attacker knows its ID.',
            );
          } else {
            deleteSession(lane, server, planted);
            current = (await createSession(lane, server, 'ada')) ?? '';
          }
          return {
            ok: true,
            reason:
              server === 'naive-app'
                ? 'logged in, same session ID as before'
                : 'logged in with a brand-new session ID; the old one is deleted',
          };
        },
        respond: () => ({
          status: 200,
          headers:
            current !== planted
              ? [['Set-Cookie', `sid=${current}; Path=/; HttpOnly; Secure; SameSite=Lax`]]
              : [],
          body: '{"ok":true}',
        }),
      });
      lane.stolen = { kind: 'session-id', value: planted };
      await sendRequest(lane, {
        client: 'attacker',
        credential: planted,
        server,
        narration: `The attacker uses the session ID it planted at ${server}.`,
      });
      await noteAttacker(lane);
    }
    lane.act(
      'attacker',
      'reads the session ID: 43 random characters, no data',
      'Even a stolen session ID tells the attacker nothing about Ada: it is a random reference.',
    );
  },
  async jwt(lane) {
    lane.servers = ['naive-api', 'hardened-api'];
    const rsa = lane.keys;
    const naiveKey = { text: demoRsaPublicKeyPem, rsa };
    await logIn(lane);
    // 1. alg: none (RFC 8725 §2.1).
    const unsigned = new UnsecuredJWT(forgedClaims(lane))
      .setIssuer(lane.profile.issuer)
      .setAudience(lane.profile.audience)
      .setIssuedAt(Math.floor(lane.now() / 1000))
      .setExpirationTime(Math.floor(lane.now() / 1000) + 3600)
      .encode();
    lane.act(
      'attacker',
      'forge: {"alg":"none"}, sub=admin, no signature',
      'The attacker writes its own claims (sub: admin) and declares the token unsigned.',
      [{ kind: 'forged-token', value: unsigned }],
    );
    await attack(lane, 'naive-api', unsigned, 'alg none', () => naiveVerify(lane, unsigned, naiveKey));
    await attack(lane, 'hardened-api', unsigned, 'alg none', () => hardenedVerify(lane, unsigned, rsa));
    // 2. RS256 → HS256 key confusion (RFC 8725 §2.3): the public key is public.
    lane.send({
      from: 'attacker',
      to: 'naive-api',
      label: 'GET /.well-known/public-key.pem',
      kind: 'request',
      narration: 'The attacker downloads the servers\u2019 public key: it is meant to be public.',
      wire: serializeRequest({ method: 'GET', host: 'api.example.com', path: '/.well-known/public-key.pem' }),
    });
    lane.send({
      from: 'naive-api',
      to: 'attacker',
      label: `200 public key (${byteLength(demoRsaPublicKeyPem)} B PEM)`,
      kind: 'response',
      narration: 'Anyone may have it.',
      wire: `HTTP/1.1 200 OK\r\nContent-Type: application/x-pem-file\r\n\r\n${demoRsaPublicKeyPem}`,
    });
    const confused = await forge(lane, 'HS256', encoder.encode(demoRsaPublicKeyPem));
    lane.act(
      'attacker',
      'forge: HS256 signed with the public key as HMAC secret',
      'The attacker signs admin claims with HS256, using the public key\u2019s PEM text as the HMAC secret.',
      [{ kind: 'forged-token', value: confused }],
    );
    await attack(lane, 'naive-api', confused, 'RS/HS confusion', () => naiveVerify(lane, confused, naiveKey));
    await attack(lane, 'hardened-api', confused, 'RS/HS confusion', () =>
      hardenedVerify(lane, confused, rsa),
    );
    // 3. A guessable HMAC secret (RFC 8725 §3.5: at least as many bits as the hash output).
    const naiveHs = hmacKeys('HS256', encoder.encode(weakSecret));
    const hardenedHs = hmacKeys('HS256', lane.random.bytes(32));
    lane.act(
      'ops',
      'a second pair: HS256 with secret "mysecret" vs 32 random bytes',
      'Now both servers sign their own HS256 tokens: naive-api with the secret "mysecret", hardened-api with 256 random bits.',
    );
    for (const [server, keys] of [
      ['naive-api', naiveHs],
      ['hardened-api', hardenedHs],
    ] as const) {
      const own = await issueAccessToken(lane, {}, lane.profile.ttlSeconds, keys);
      lane.send({
        from: server,
        to: 'attacker',
        label: 'a normal login token (attacker\u2019s own account)',
        kind: 'response',
        narration: `The attacker signs up at ${server} and receives an ordinary token: a sample to test guesses against, offline.`,
        wire: `HTTP/1.1 200 OK\r\n\r\n{"access_token":"${own}"}`,
        credentials: [{ kind: 'access-token', value: own }],
      });
      let found: string | null = null;
      let tries = 0;
      for (const candidate of commonSecrets) {
        tries++;
        try {
          await compactVerify(own, encoder.encode(candidate), { algorithms: ['HS256'] });
          found = candidate;
          break;
        } catch {
          // not this one
        }
      }
      lane.act(
        'attacker',
        found
          ? `cracked offline in ${tries} tries: "${found}"`
          : `${tries} common secrets tried offline: none match`,
        found
          ? `Each guess is one HMAC on the attacker\u2019s own machine; the server never sees them. "${found}" reproduces the signature.`
          : 'No common secret reproduces the signature, and 2^256 random secrets cannot be tried.',
      );
      const forged = await forge(lane, 'HS256', encoder.encode(found ?? commonSecrets[0]!));
      await attack(lane, server, forged, 'weak secret', () => hardenedVerify(lane, forged, keys));
    }
    lane.act(
      'attacker',
      'decodes a token: the payload is readable',
      `Anyone holding a JWT can read its claims without a key (${Object.keys(lane.profile.claims).join(', ')}): signed is not encrypted.`,
    );
  },
};
