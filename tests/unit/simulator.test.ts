import { createHmac, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import {
  defaultLatency,
  runScenario,
  scenarioIds,
  type Flow,
  type SimEvent,
  type SimulationRun,
} from '../../src/core';
import { compareFlows } from '../../src/core/simulator/comparison';
import { toMermaid } from '../../src/core/simulator/mermaid';
import { toSequenceSvg } from '../../src/core/simulator/sequence-svg';
import { Playground } from '../../src/core/simulator/playground';
import { commonSecrets } from '../../src/core/simulator/scenarios/attacks';

/*
 * The seeds' claims, checked against what the model measured. Expected values are derived
 * from the scenario definitions and the latency model (reasoning written next to each), or
 * checked with a second implementation (node:crypto), never copied from a run's output.
 */

const runs = new Map<string, Promise<SimulationRun>>();
const run = (id: string) => {
  if (!runs.has(id)) runs.set(id, runScenario(id, { seed: 7 }));
  return runs.get(id)!;
};
const of = (r: SimulationRun, flow: Flow) => r.events.filter((e) => e.flow === flow);
const answers = (events: SimEvent[]) => events.filter((e) => e.outcome);
const toAttacker = (events: SimEvent[]) => answers(events).filter((e) => e.to === 'attacker');
const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');
const credentialsOf = (r: SimulationRun, kind: string) => [
  ...new Set(
    r.events
      .flatMap((e) => e.credentials ?? [])
      .filter((c) => c.kind === kind)
      .map((c) => c.value),
  ),
];
const firstLabel = (events: SimEvent[], pattern: RegExp) => events.find((e) => pattern.test(e.label))!;

describe('runScenario: the contract', () => {
  it('rejects an unknown id with a message that lists the known ones', async () => {
    await expect(runScenario('nope')).rejects.toThrow(/Unknown scenario "nope"/);
    const error = await runScenario('nope').catch((e: Error) => e.message);
    for (const id of scenarioIds) expect(error).toContain(id);
  });

  it.each(scenarioIds)(
    '%s: events in time order, bytes = the wire text, summary = the events',
    async (id) => {
      const r = await run(id);
      expect(r.id).toBe(id);
      expect(r.events.length).toBeGreaterThan(5);
      for (const flow of ['session', 'jwt'] as const) {
        const events = of(r, flow);
        expect(events.length).toBeGreaterThan(0);
        for (let i = 1; i < events.length; i++) expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
        for (const event of events) {
          expect(event.bytes).toBe(event.wire === undefined ? 0 : utf8(event.wire));
          if (event.outcome) expect(event.kind).toBe('response');
        }
        const summary = r.summary[flow];
        expect(summary.bytesOnWire).toBe(events.reduce((sum, e) => sum + e.bytes, 0));
        expect(summary.accepted).toBe(answers(events).filter((e) => e.outcome === 'accepted').length);
        expect(summary.rejected).toBe(answers(events).filter((e) => e.outcome === 'rejected').length);
        expect(summary.requests).toBe(summary.accepted + summary.rejected);
        // The live counters of the last event are the summary: the view never disagrees.
        const last = events[events.length - 1]!.snapshot.counters;
        expect(last).toEqual({
          requests: summary.requests,
          bytesOnWire: summary.bytesOnWire,
          storeLookups: summary.storeLookups,
          signatureChecks: summary.signatureChecks,
          accepted: summary.accepted,
          rejected: summary.rejected,
        });
      }
      // Merged by time across flows.
      for (let i = 1; i < r.events.length; i++)
        expect(r.events[i]!.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
    },
  );

  it('is deterministic for a seed, and a new seed draws new IDs of the same size', async () => {
    const a = await runScenario('login', { seed: 42 });
    const b = await runScenario('login', { seed: 42 });
    const c = await runScenario('login', { seed: 43 });
    expect(b).toEqual(a);
    expect(credentialsOf(c, 'session-id')).not.toEqual(credentialsOf(a, 'session-id'));
    expect(c.events.map((e) => e.bytes)).toEqual(a.events.map((e) => e.bytes));
  });
});

describe('real credentials', () => {
  it('session IDs are 32 random bytes (256 bits), base64url, never repeated within a run', async () => {
    let total = 0;
    for (const r of await Promise.all(scenarioIds.map(run))) {
      const ids = credentialsOf(r, 'session-id');
      total += ids.length;
      for (const id of ids) {
        expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(id, 'base64url')).toHaveLength(32);
      }
      // Every login draws a new ID (credentialsOf already dedupes; count the logins that made one).
      const created = r.events.filter(
        (e) => e.label.startsWith('SET sess:') || e.label.includes('own memory'),
      ).length;
      expect(ids.length).toBeGreaterThanOrEqual(created);
    }
    expect(total).toBeGreaterThan(10);
  });

  it('access tokens are really signed: node:crypto recomputes the HMAC with the published key', async () => {
    const r = await run('login');
    const jwk = JSON.parse(r.verificationKey) as { k: string };
    const tokens = credentialsOf(r, 'access-token');
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) {
      const [header, payload, signature] = token.split('.');
      const expected = createHmac('sha256', Buffer.from(jwk.k, 'base64url'))
        .update(`${header}.${payload}`)
        .digest('base64url');
      expect(signature).toBe(expected);
      expect(decodeProtectedHeader(token).alg).toBe('HS256');
    }
  });

  it('microservices sign with Ed25519; node:crypto verifies with the published public JWK', async () => {
    const r = await run('microservices');
    expect(r.alg).toBe('EdDSA');
    const publicKey = createPublicKey({ key: JSON.parse(r.verificationKey), format: 'jwk' });
    for (const token of credentialsOf(r, 'access-token')) {
      const [header, payload, signature] = token.split('.');
      expect(
        nodeVerify(
          null,
          Buffer.from(`${header}.${payload}`),
          publicKey,
          Buffer.from(signature!, 'base64url'),
        ),
      ).toBe(true);
    }
  });
});

describe('the seeds\u2019 claims, measured', () => {
  it('login: a session costs one lookup per request, a JWT one local signature check and more bytes', async () => {
    const r = await run('login');
    const { session, jwt } = r.summary;
    // The scenario: one login, then three requests.
    expect(session.authenticatedRequests).toBe(3);
    expect(jwt.authenticatedRequests).toBe(3);
    expect(session.storeLookups).toBe(3);
    expect(session.signatureChecks).toBe(0);
    expect(jwt.storeLookups).toBe(0);
    expect(jwt.signatureChecks).toBe(3);
    // "Small (~32 bytes ID)" vs "Large": 32 random bytes as base64url are 43 characters.
    expect(session.credentialBytes).toBe(43);
    expect(jwt.credentialBytes).toBeGreaterThan(5 * session.credentialBytes);
    expect(jwt.authenticatedRequestBytes).toBeGreaterThan(session.authenticatedRequestBytes);
    // Latency model: a lookup is two internal trips plus the store's time; a check is verifyMs.
    const lookup = 2 * defaultLatency.internalOneWayMs + defaultLatency.storeLookupMs;
    expect(session.lookupMs).toBeCloseTo(3 * lookup, 6);
    expect(jwt.verifyMs).toBeCloseTo(3 * defaultLatency.verifyMs, 6);
  });

  it('logout-revocation: the session is refused at once, the JWT is accepted until exp', async () => {
    const r = await run('logout-revocation');
    const session = of(r, 'session');
    const jwt = of(r, 'jwt');
    // Logging out marks the session revoked once the server has it in hand; from there: the DEL
    // round trip to the store, the answer to the browser, then the attacker's attempt (a trip
    // in, a lookup round trip, a trip back). Nothing waits for an expiry.
    const storeTrip = 2 * defaultLatency.internalOneWayMs + defaultLatency.storeLookupMs;
    const expected =
      storeTrip + defaultLatency.clientOneWayMs + 2 * defaultLatency.clientOneWayMs + storeTrip;
    expect(r.summary.session.revocationLagMs).toBeCloseTo(expected, 6);
    expect(toAttacker(session).every((e) => e.outcome === 'rejected')).toBe(true);
    // JWT: the lag is the token's remaining lifetime at the logout.
    const token = credentialsOf(r, 'access-token')[0]!;
    const { exp } = decodeJwt(token);
    const loggedOut = firstLabel(jwt, /^log out/);
    const remaining = Number(exp) * 1000 - loggedOut.snapshot.now;
    expect(remaining).toBeGreaterThan(14 * 60_000);
    expect(r.summary.jwt.revocationLagMs).toBeGreaterThanOrEqual(remaining);
    expect(r.summary.jwt.revocationLagMs).toBeLessThan(remaining + 1000);
    const attempts = toAttacker(jwt);
    expect(attempts.slice(0, -1).every((e) => e.outcome === 'accepted')).toBe(true);
    expect(attempts.at(-1)!.outcome).toBe('rejected');
    expect(attempts.at(-1)!.snapshot.now).toBeGreaterThanOrEqual(Number(exp) * 1000);
    // The seed's example: compromised and revoked at 2:00, the JWT lives to 2:15.
    const revokedAt = firstLabel(jwt, /^revoke/);
    expect(new Date(revokedAt.snapshot.now).toISOString().slice(11, 16)).toBe('02:00');
    expect(new Date(Number(exp) * 1000).toISOString().slice(11, 16)).toBe('02:15');
  });

  it('expiry-refresh: rotation, a refresh cookie only sent to its endpoint, reuse revokes the family', async () => {
    const r = await run('expiry-refresh');
    const jwt = of(r, 'jwt');
    const refreshRequests = jwt.filter(
      (e) => e.kind === 'request' && e.label.startsWith('POST /auth/refresh'),
    );
    expect(
      refreshRequests.map((e) => [e.from, answers(jwt).find((a) => a.t > e.t && a.to === e.from)!.outcome]),
    ).toEqual([
      ['browser', 'accepted'], // the access token expired: a new pair
      ['attacker', 'rejected'], // a retired refresh token replayed: reuse detected
      ['browser', 'rejected'], // the family is revoked: Ada must log in again
    ]);
    const refreshTokens = credentialsOf(r, 'refresh-token');
    expect(new Set(refreshTokens).size).toBeGreaterThanOrEqual(2);
    // The rotated token differs and the replayed one is the first one.
    const replayed = refreshRequests[1]!.credentials![0]!.value;
    expect(replayed).toBe(refreshRequests[0]!.credentials![0]!.value);
    // Only requests to /auth/refresh carry the refresh cookie.
    for (const event of jwt.filter((e) => e.kind === 'request'))
      if (event.wire?.includes('rt=')) expect(event.wire).toMatch(/^POST \/auth\/refresh /);
    // An access-token request after exp is refused because it expired.
    expect(
      answers(jwt).filter((e) => e.to === 'browser' && e.outcome === 'rejected').length,
    ).toBeGreaterThanOrEqual(2);
    // The session flow needed no refresh dance: every request accepted.
    expect(r.summary.session.rejected).toBe(0);
  });

  it('stolen-credential: XSS reads the localStorage token but not the HttpOnly cookie', async () => {
    const r = await run('stolen-credential');
    const session = of(r, 'session');
    const jwt = of(r, 'jwt');
    const sid = credentialsOf(r, 'session-id')[0]!;
    const token = credentialsOf(r, 'access-token')[0]!;
    const exfil = (events: SimEvent[]) => events.find((e) => e.from === 'browser' && e.to === 'attacker')!;
    expect(exfil(session).wire).not.toContain(sid);
    expect(exfil(jwt).wire).toContain(token);
    // The attacker's own requests: the session attacker has nothing; the JWT attacker gets in until exp.
    expect(toAttacker(session).every((e) => e.outcome === 'rejected')).toBe(true);
    const jwtAttempts = toAttacker(jwt);
    expect(jwtAttempts.filter((e) => e.outcome === 'accepted').length).toBeGreaterThanOrEqual(2);
    const expMs = Number(decodeJwt(token).exp) * 1000;
    for (const attempt of jwtAttempts)
      expect(attempt.outcome).toBe(attempt.snapshot.now < expMs ? 'accepted' : 'rejected');
    // SameSite=Lax: the cross-site POST carries no cookie; a header token is never attached by the browser.
    for (const events of [session, jwt]) {
      const csrf = events.find((e) => e.from === 'evil-page')!;
      expect(csrf.wire).not.toMatch(/Cookie: sid=|Authorization/);
      expect(answers(events).find((e) => e.to === 'evil-page')!.outcome).toBe('rejected');
    }
    // Secure: the plain-http request carries no session cookie.
    const plain = session.find((e) => e.label.startsWith('GET http://'))!;
    expect(plain.wire).not.toContain(sid);
  });

  it('scale-out: memory sessions break round robin, the shared store fails everyone, JWTs keep working', async () => {
    const r = await run('scale-out');
    const session = answers(of(r, 'session'));
    const jwt = answers(of(r, 'jwt'));
    const storeDown = (events: SimEvent[]) => events.filter((e) => e.snapshot.store === 'down');
    expect(storeDown(session).length).toBe(3);
    expect(
      storeDown(session).every((e) => e.outcome === 'rejected' && e.wire!.startsWith('HTTP/1.1 503')),
    ).toBe(true);
    // The JWT flow never depends on the store: everything accepted, on every server.
    expect(jwt.every((e) => e.outcome === 'accepted')).toBe(true);
    expect(r.summary.jwt.storeLookups).toBe(0);
    const jwtServers = new Set(
      of(r, 'jwt')
        .filter((e) => e.kind === 'request' && e.from === 'load-balancer')
        .map((e) => e.to),
    );
    expect([...jwtServers].sort()).toEqual(['app-1', 'app-2', 'app-3', 'app-4']);
    // Round robin over three servers with sessions in one server's memory: 2 of the first 3 requests fail.
    const firstThree = session.filter((e) => e.to === 'browser').slice(1, 4);
    expect(firstThree.map((e) => e.outcome).filter((o) => o === 'rejected')).toHaveLength(2);
  });

  it('microservices: a lookup per service hop for sessions, none for JWTs', async () => {
    const r = await run('microservices');
    const hopsPerCheckout = new Set(
      of(r, 'jwt')
        .filter((e) => e.kind === 'request' && /-(service|gateway)$/.test(e.to))
        .map((e) => e.to),
    ).size;
    expect(hopsPerCheckout).toBe(4);
    const checkouts = of(r, 'session').filter((e) => e.from === 'browser' && e.to === 'api-gateway').length;
    expect(r.summary.session.storeLookups).toBe(checkouts * hopsPerCheckout);
    expect(r.summary.jwt.storeLookups).toBe(0);
    expect(r.summary.jwt.signatureChecks).toBe(checkouts * hopsPerCheckout);
  });

  it('cross-domain: the host-only cookie never reaches api.example.com; the Bearer header does', async () => {
    const r = await run('cross-domain');
    const session = of(r, 'session');
    const jwt = of(r, 'jwt');
    const apiRequests = session.filter((e) => e.kind === 'request' && e.to === 'api-server');
    expect(apiRequests[0]!.wire).not.toContain('Cookie:');
    expect(apiRequests[1]!.wire).toContain('Cookie: sid='); // after Domain=example.com
    expect(apiRequests[2]!.wire).not.toContain('Cookie:'); // partner.example.org is another site
    expect(
      answers(session)
        .filter((e) => e.from === 'api-server')
        .map((e) => e.outcome),
    ).toEqual(['rejected', 'accepted', 'rejected']);
    expect(
      answers(jwt)
        .filter((e) => e.from === 'api-server')
        .every((e) => e.outcome === 'accepted'),
    ).toBe(true);
    // Every Bearer call to another origin has a CORS preflight from its own origin at most
    // Access-Control-Max-Age (600 s) before it: the browser's preflight cache (Fetch §4.8).
    const jwtRequests = jwt.filter((e) => e.kind === 'request' && e.to === 'api-server');
    const originOf = (e: SimEvent) => /\r\nOrigin: ([^\r]+)/.exec(e.wire ?? '')?.[1];
    const bearerCalls = jwtRequests.filter((e) => e.wire?.includes('\r\nAuthorization: Bearer '));
    expect(bearerCalls).toHaveLength(3);
    for (const call of bearerCalls) {
      const preflight = jwtRequests
        .slice(0, jwtRequests.indexOf(call))
        .reverse()
        .find((e) => e.wire?.startsWith('OPTIONS ') && originOf(e) === originOf(call));
      expect(preflight, originOf(call)).toBeDefined();
      expect(call.snapshot.now - preflight!.snapshot.now).toBeLessThan(600_000);
    }
  });

  it('blocklist: instant JWT revocation, at the price of a lookup per request like sessions', async () => {
    const r = await run('blocklist');
    const { session, jwt } = r.summary;
    expect(jwt.storeLookups).toBe(session.storeLookups);
    expect(jwt.storeLookups).toBeGreaterThan(0);
    expect(jwt.revocationLagMs).toBeLessThan(1000);
    const withoutBlocklist = await run('logout-revocation');
    expect(withoutBlocklist.summary.jwt.revocationLagMs).toBeGreaterThan(100 * jwt.revocationLagMs!);
    // The blocklist store down: the JWT flow now fails too.
    const last = answers(of(r, 'jwt')).at(-1)!;
    expect(last.snapshot.store).toBe('down');
    expect(last.outcome).toBe('rejected');
  });

  it('hybrid: the session is cut at once, the short API token within its 5 minutes', async () => {
    const r = await run('hybrid');
    expect(r.summary.session.revocationLagMs).toBeLessThan(1000);
    const apiToken = credentialsOf(r, 'access-token')[0]!;
    const { exp, iat } = decodeJwt(apiToken);
    expect(Number(exp) - Number(iat)).toBe(300);
    expect(r.summary.jwt.revocationLagMs).toBeGreaterThan(0);
    expect(r.summary.jwt.revocationLagMs).toBeLessThanOrEqual(300_000 + 1000);
    const plain = await run('logout-revocation');
    expect(r.summary.jwt.revocationLagMs).toBeLessThan(plain.summary.jwt.revocationLagMs!);
    // After the revoke, no new API token can be minted: the last answer refuses.
    expect(answers(of(r, 'jwt')).at(-1)!.outcome).toBe('rejected');
  });

  it('attacks: the naive server accepts every forgery, the hardened one refuses every one', async () => {
    const r = await run('attacks');
    const jwt = toAttacker(of(r, 'jwt'));
    const naive = jwt.filter((e) => e.from === 'naive-api');
    const hardened = jwt.filter((e) => e.from === 'hardened-api');
    expect(naive.length).toBe(3);
    expect(hardened.length).toBe(3);
    expect(naive.every((e) => e.outcome === 'accepted')).toBe(true);
    expect(hardened.every((e) => e.outcome === 'rejected')).toBe(true);
    const forged = credentialsOf(r, 'forged-token');
    // alg none: an empty signature.
    const none = forged.find((t) => decodeProtectedHeader(t).alg === 'none')!;
    expect(none.split('.')[2]).toBe('');
    // Key confusion: HS256 over the RSA public key's PEM text, recomputed with node:crypto.
    const pemEvent = of(r, 'jwt').find((e) => e.label.startsWith('200 public key'))!;
    const pem = pemEvent.wire!.split('\r\n\r\n')[1]!;
    const confused = forged.find((t) => {
      const [h, p, s] = t.split('.');
      return createHmac('sha256', pem).update(`${h}.${p}`).digest('base64url') === s;
    });
    expect(confused).toBeDefined();
    expect(decodeJwt(confused!).sub).toBe('admin');
    // The weak secret is in the attacker's list; a forged token with it verifies with that secret.
    const weak = forged.find((t) =>
      commonSecrets.some((secret) => {
        const [h, p, s] = t.split('.');
        return (
          createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url') === s &&
          secret !== commonSecrets[0]
        );
      }),
    );
    expect(weak).toBeDefined();
    // Sessions: a guessed ID fails everywhere; fixation works only where the ID is not renewed.
    const session = toAttacker(of(r, 'session'));
    expect(session.filter((e) => e.outcome === 'accepted').map((e) => e.from)).toEqual(['naive-app']);
  });
});

describe('a person\u2019s own token drives the scenario', () => {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Date.UTC(2025, 5, 1, 9, 0, 0) / 1000;
  const own = `${b64({ alg: 'HS384', typ: 'JWT' })}.${b64({ sub: 'grace', aud: 'my-api', iat, exp: iat + 3600, team: 'compilers' })}.c2ln`;

  it('uses its alg, aud, iat and lifetime, re-signed with the simulation key', async () => {
    const r = await runScenario('logout-revocation', { token: own });
    expect(r.alg).toBe('HS384');
    expect(r.fromToken).toMatch(/iat, exp, aud, alg/);
    const token = credentialsOf(r, 'access-token')[0]!;
    const key = await importJWK(JSON.parse(r.verificationKey) as object, 'HS384');
    const { payload } = await jwtVerify(token, key, {
      currentDate: new Date(iat * 1000 + 1000),
      audience: 'my-api',
    });
    expect(payload).toMatchObject({ sub: 'grace', team: 'compilers', aud: 'my-api' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(3600);
    // The revocation lag follows the token's lifetime: close to an hour, not 15 minutes.
    expect(r.summary.jwt.revocationLagMs).toBeGreaterThan(3590_000);
    expect(r.summary.jwt.revocationLagMs).toBeLessThan(3601_000);
  });

  it('keeps its header parameters, every audience and the length of its jti, so sizes stay true', async () => {
    // An Auth0-like access token: typ at+jwt, a kid, two audiences, a 22-character jti.
    const header = { alg: 'HS256', typ: 'at+jwt', kid: 'nV3qL9mBx2' };
    const claims = {
      iss: 'https://dev-abc123.us.auth0.com/',
      sub: 'auth0|64f1c0ffee',
      aud: ['https://api.example.com', 'https://dev-abc123.us.auth0.com/userinfo'],
      iat,
      exp: iat + 86400,
      jti: 'Aq3mZ0bX7cK2pLr9tYw4Ue',
      scope: 'openid profile read:orders',
      azp: 'Zk4Rj2Xb8WqP1LmN0vC6',
    };
    const mine = `${b64(header)}.${b64(claims)}.c2ln`;
    const r = await runScenario('login', { token: mine });
    const token = credentialsOf(r, 'access-token')[0]!;
    const [h, p] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(h).toEqual({ typ: 'at+jwt', kid: 'nV3qL9mBx2', alg: 'HS256' });
    expect(p.aud).toEqual(claims.aud);
    expect(p.jti).toHaveLength(22);
    // Same claims, same lengths: the payload part is as long as the person's own.
    expect(token.split('.')[1]!.length).toBe(mine.split('.')[1]!.length);
    expect(r.fromToken).toContain('header typ, header kid, the length of jti, iat, exp, aud, iss, alg');
  });

  it('rejects a token that is not a JWT with a readable message', async () => {
    await expect(runScenario('login', { token: 'not a token' })).rejects.toThrow(/not a readable JWT/);
  });
});

describe('exports and the playground', () => {
  it('toMermaid draws one line per event of the flow', async () => {
    const r = await run('login');
    const text = toMermaid(r, 'session');
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    const body = lines.filter((line) => /->>|-->>|Note over/.test(line));
    expect(body).toHaveLength(of(r, 'session').length);
    expect(text).toContain('participant browser as browser');
    expect(text).toMatch(/browser->>app_server: POST \/login/);
  });

  it('toSequenceSvg draws the whole run: an arrow per message, a note per action, well-formed', async () => {
    const r = await run('login');
    for (const flow of ['session', 'jwt'] as const) {
      const events = of(r, flow);
      const svg = toSequenceSvg(r, flow);
      expect(svg.match(/<line class="message"/g)).toHaveLength(events.filter((e) => e.from !== e.to).length);
      expect(svg.match(/rx="3"/g) ?? []).toHaveLength(events.filter((e) => e.from === e.to).length);
      for (const actor of new Set(events.flatMap((e) => [e.from, e.to])))
        expect(svg).toContain(`>${actor}</text>`);
      // Every opened element is closed, in order.
      const open: string[] = [];
      for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-z]+)\b[^>]*?(\/?)>/g)) {
        if (selfClosing) continue;
        if (closing) expect(open.pop()).toBe(name);
        else open.push(name!);
      }
      expect(open).toEqual([]);
    }
    expect(toSequenceSvg(r, 'session')).toMatch(/fill="#15803d" font-weight="700">accepted</);
  });

  it('toSequenceSvg writes labels as text, never as markup', async () => {
    const r = await run('login');
    const hostile = { ...r, events: r.events.map((e, i) => (i === 0 ? { ...e, label: '<script>&"x"' } : e)) };
    const svg = toSequenceSvg(hostile, r.events[0]!.flow);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;script&#62;&#38;&#34;x&#34;');
  });

  it('compareFlows fills every row of the seeds\u2019 table from the run', async () => {
    const r = await run('logout-revocation');
    const rows = compareFlows(r);
    expect(rows.map((row) => row.aspect)).toEqual([
      'State storage',
      'Scalability',
      'Revocation',
      'Size',
      'Cross-domain',
      'Offline verification',
      'Lookups per request',
      'Latency',
      'Microservices',
      'Attack surface',
    ]);
    const size = rows.find((row) => row.aspect === 'Size')!;
    // One credential each in this run: the figure is that credential's size.
    expect(size.session).toContain(`credential ${r.summary.session.credentialBytes} B`);
    expect(size.jwt).toContain(`credential ${r.summary.jwt.credentialBytes} B`);
    expect(rows.find((row) => row.aspect === 'Revocation')!.jwt).toMatch(
      /min from revocation \(logout or revoke\)/,
    );
  });

  it('the playground takes one input at a time on both flows', async () => {
    const playground = await Playground.create({ seed: 3 });
    await playground.apply('login');
    await playground.apply('request');
    let r = await playground.apply('store-down');
    r = await playground.apply('request');
    const lastAnswer = (flow: Flow) => answers(of(r, flow)).at(-1)!;
    expect(lastAnswer('session').outcome).toBe('rejected');
    expect(lastAnswer('jwt').outcome).toBe('accepted');
    await playground.apply('store-up');
    await playground.apply('steal');
    await playground.apply('revoke');
    r = await playground.apply('attacker-request');
    expect(lastAnswer('session').outcome).toBe('rejected');
    expect(lastAnswer('jwt').outcome).toBe('accepted');
    expect(r.summary.session.revocationLagMs).toBeLessThan(1000);
  });
});
