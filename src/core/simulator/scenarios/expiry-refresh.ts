import { SignJWT, jwtVerify } from 'jose';
import { respCommand, respReply } from '../http';
import { expiresAtMs, issueAccessToken } from '../jwt-auth';
import type { Lane } from '../lane';
import { roundTrip } from '../round-trip';
import { browserToken, logIn, sendRequest } from '../steps';
import { clockText } from '../time';
import type { ScenarioDefinition } from './definition';

interface Family {
  current: string;
  revoked: boolean;
}

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP, RFC 9700 §4.14.2):
 * every refresh returns a new refresh token and retires the old one; if a retired one is
 * ever presented again, somebody copied it, and the whole family is revoked.
 */
class RefreshServer {
  readonly families = new Map<string, Family>();
  /** Every refresh token of the family, so a revocation can be traced to its first refusal. */
  readonly issued: string[] = [];
  readonly lane: Lane;

  constructor(lane: Lane) {
    this.lane = lane;
    // The families are server-side state: the comparison's "State storage" row counts them.
    lane.extraRecords.push({
      where: 'token-store',
      what: 'refresh-token family',
      count: () => this.families.size,
    });
  }

  async mint(family?: string): Promise<string> {
    const lane = this.lane;
    const fam = family ?? lane.random.id(12);
    const jti = lane.random.id(16);
    const iat = Math.floor(lane.now() / 1000);
    const token = await new SignJWT({ sub: String(lane.profile.claims.sub ?? 'ada'), fam })
      .setProtectedHeader({ alg: lane.keys.alg, typ: 'rt+jwt' })
      .setIssuer(lane.profile.issuer)
      .setAudience(`${lane.profile.issuer}/auth/refresh`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 14 * 24 * 3600)
      .setJti(jti)
      .sign(lane.keys.signingKey);
    this.families.set(fam, { current: jti, revoked: false });
    return token;
  }

  /** POST /auth/refresh with the refresh cookie: a lookup of the family, then rotation or alarm. */
  async refresh(client: 'browser' | 'attacker', refreshToken: string): Promise<string | null> {
    const lane = this.lane;
    let accessToken: string | null = null;
    let rotated = '';
    await roundTrip(lane, {
      client,
      server: 'auth-server',
      request: {
        method: 'POST',
        host: 'auth.example.com',
        path: '/auth/refresh',
        headers: [['Cookie', `rt=${refreshToken}`]],
      },
      label: `POST /auth/refresh + refresh cookie${client === 'attacker' ? ' (replayed)' : ''}`,
      narration:
        client === 'attacker'
          ? 'The attacker replays the refresh token it copied earlier.'
          : 'The access token has expired, so the browser asks for a new one. Only this request carries the refresh cookie (Path=/auth/refresh).',
      presented: refreshToken,
      credentials: [{ kind: 'refresh-token', value: refreshToken }],
      authenticate: async () => {
        let claims: { fam?: string; jti?: string };
        try {
          ({ payload: claims } = await jwtVerify(refreshToken, lane.keys.verifyingKey, {
            algorithms: [lane.keys.alg],
            audience: `${lane.profile.issuer}/auth/refresh`,
            currentDate: new Date(lane.now()),
          }));
        } catch {
          return { ok: false, status: 401, reason: 'the refresh token is not valid' };
        }
        lane.counters.signatureChecks++;
        const family = this.families.get(String(claims.fam));
        lane.counters.storeLookups++;
        lane.counters.lookupMs += 2 * lane.latency.internalOneWayMs + lane.latency.storeLookupMs;
        lane.send({
          from: 'auth-server',
          to: 'token-store',
          label: 'GET family:… (refresh state)',
          kind: 'store',
          narration:
            'Refresh tokens are state: the auth server looks up the token\u2019s family to see which one is current.',
          wire: respCommand('GET', `family:${claims.fam}`),
        });
        lane.t += lane.latency.storeLookupMs;
        lane.send({
          from: 'token-store',
          to: 'auth-server',
          label: family ? 'family found' : 'nil',
          kind: 'store',
          narration: 'The store answers.',
          wire: respReply(family ? JSON.stringify(family) : null),
        });
        if (!family || family.revoked)
          return {
            ok: false,
            status: 401,
            reason: 'this refresh token\u2019s family was revoked: log in again',
          };
        if (family.current !== claims.jti) {
          family.revoked = true;
          lane.markRevoked([...this.issued]);
          lane.send({
            from: 'auth-server',
            to: 'token-store',
            label: 'SET family:… revoked (reuse detected)',
            kind: 'store',
            narration:
              'A retired refresh token came back: someone copied it. The auth server revokes the whole family, the attacker\u2019s and Ada\u2019s.',
            wire: respCommand('SET', `family:${claims.fam}`, '{"revoked":true}'),
          });
          return {
            ok: false,
            status: 401,
            reason: 'reuse detected: this refresh token was already rotated, so the whole family is revoked',
          };
        }
        accessToken = await issueAccessToken(lane);
        rotated = await this.mint(String(claims.fam));
        this.issued.push(rotated);
        lane.send({
          from: 'auth-server',
          to: 'token-store',
          label: 'SET family:… current=<new jti>',
          kind: 'store',
          narration: 'Rotation: the old refresh token is retired, a new one becomes current.',
          wire: respCommand(
            'SET',
            `family:${claims.fam}`,
            JSON.stringify(this.families.get(String(claims.fam))),
          ),
        });
        return {
          ok: true,
          reason: `new access token until ${clockText(expiresAtMs(accessToken))} and a rotated refresh token`,
        };
      },
      respond: (auth) =>
        auth.ok
          ? {
              status: 200,
              headers: [
                ['Content-Type', 'application/json'],
                ['Set-Cookie', `rt=${rotated}; Path=/auth/refresh; HttpOnly; Secure; SameSite=Strict`],
              ],
              body: JSON.stringify({
                access_token: accessToken,
                token_type: 'Bearer',
                expires_in: lane.profile.ttlSeconds,
              }),
            }
          : { status: 401, body: '{"error":"invalid_grant"}' },
    });
    if (accessToken && client === 'browser') {
      lane.localStorage.set('access_token', accessToken);
      lane.jar.set(
        `rt=${rotated}; Path=/auth/refresh; HttpOnly; Secure; SameSite=Strict`,
        'auth.example.com',
      );
      lane.act(
        'browser',
        'store new access token + rotated refresh cookie',
        'The browser swaps in the new pair.',
        [
          { kind: 'access-token', value: accessToken },
          { kind: 'refresh-token', value: rotated },
        ],
      );
    }
    return accessToken;
  }
}

const refreshCookie = (lane: Lane) => lane.jar.all.find((cookie) => cookie.name === 'rt')?.value ?? '';

export const expiryRefreshScenario: ScenarioDefinition = {
  id: 'expiry-refresh',
  title: 'Expiry and refresh-token rotation with reuse detection',
  description:
    'A short-lived access token expires; a refresh token (sent only to the refresh endpoint) gets a new pair and is rotated. When a copied, already-rotated refresh token is replayed, the whole family is revoked. The session flow needs none of this: the server extends or ends the session itself (idle and absolute timeouts) without the client holding a second credential.',
  async session(lane) {
    await logIn(lane);
    lane.advance(1000);
    await sendRequest(lane);
    lane.advanceTo(
      lane.profile.epochMs + lane.profile.ttlSeconds * 1000,
      'As long as the JWT\u2019s lifetime: the session is still there.',
    );
    await sendRequest(lane);
    lane.advance(5000);
    await sendRequest(lane);
    lane.advanceTo(lane.profile.epochMs + 2 * lane.profile.ttlSeconds * 1000 + 10_000);
    await sendRequest(lane);
  },
  async jwt(lane) {
    const server = new RefreshServer(lane);
    await logIn(lane, {
      refreshToken: async () => {
        const token = await server.mint();
        server.issued.push(token);
        return token;
      },
    });
    lane.advance(1000);
    await sendRequest(lane);
    const firstRefresh = refreshCookie(lane);
    lane.stolen = { kind: 'refresh-token', value: firstRefresh };
    lane.act(
      'attacker',
      'copies the refresh token',
      'The refresh token leaks (a synced backup of the browser profile).',
      [{ kind: 'refresh-token', value: firstRefresh }],
    );
    const exp1 = expiresAtMs(browserToken(lane) ?? '');
    lane.advanceTo(exp1, `${clockText(exp1)}: the access token\u2019s exp.`);
    await sendRequest(lane);
    await server.refresh('browser', refreshCookie(lane));
    lane.advance(500);
    await sendRequest(lane);
    lane.advance(5000);
    await server.refresh('attacker', firstRefresh);
    const exp2 = expiresAtMs(browserToken(lane) ?? '');
    lane.advanceTo(exp2 + 10_000, 'The second access token expires; the browser tries to refresh.');
    await sendRequest(lane);
    await server.refresh('browser', refreshCookie(lane));
  },
};
