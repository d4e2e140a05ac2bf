import { describe, expect, it } from 'vitest';
import { runScenario, scenarioIds, type Flow, type SimEvent, type SimulationRun } from '../../src/core';
import { compareFlows } from '../../src/core/simulator/comparison';
import { toSequenceSvg } from '../../src/core/simulator/sequence-svg';
import { Playground } from '../../src/core/simulator/playground';

/*
 * What the simulator teaches, checked against the seeds (docs in /work/shared/seeds): the
 * narration says what this scenario does, the comparison table counts every record and
 * credential, and the whole-run diagram loses no word. Regression tests for QA's findings.
 */

const runs = new Map<string, Promise<SimulationRun>>();
const run = (id: string) => {
  if (!runs.has(id)) runs.set(id, runScenario(id, { seed: 1 }));
  return runs.get(id)!;
};
const of = (r: SimulationRun, flow: Flow) => r.events.filter((e) => e.flow === flow);
const row = async (id: string, aspect: string) =>
  compareFlows(await run(id)).find((r) => r.aspect === aspect)!;

/** The text of one <text> element, its tspans joined by spaces (one line each). */
const textOf = (element: string) =>
  [...element.matchAll(/<tspan x="[^"]*" dy="[^"]*">(.*?)<\/tspan>(?=<tspan x=|<\/text>)/g)]
    .map(([, line]) => line!.replace(/<[^>]+>/g, ''))
    .join(' ');
const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(+code));

describe('the whole-run SVG keeps every word', () => {
  it.each(['stolen-credential', 'scale-out', 'microservices', 'cross-domain'])(
    '%s: each event is drawn in full, wrapped between its lifelines, and titled',
    async (id) => {
      const r = await run(id);
      for (const flow of ['session', 'jwt'] as const) {
        const svg = toSequenceSvg(r, flow);
        const events = of(r, flow);
        const groups = [...svg.matchAll(/<g><title>(.*?)<\/title>(.*?)<\/g>/g)];
        expect(groups).toHaveLength(events.length);
        expect(svg).not.toContain('…</');
        const actors: string[] = [];
        for (const e of events) for (const n of [e.from, e.to]) if (!actors.includes(n)) actors.push(n);
        groups.forEach(([, title, body], index) => {
          const event = events[index]!;
          const words = [event.label, event.bytes ? `(${event.bytes} B)` : '', event.outcome ?? '']
            .filter(Boolean)
            .join(' ');
          // The tooltip carries the whole message; the drawn lines carry the same words.
          expect(unescape(title!)).toBe(`${event.from} → ${event.to}: ${words}`);
          const text = unescape(textOf(/<text[^>]*>.*?<\/text>/.exec(body!)![0]));
          expect(text.replace(/\s+/g, ' ')).toBe(
            (event.from === event.to ? event.label : words).replace(/\s+/g, ' '),
          );
          // Each line fits between the two lifelines (200 px apart per column) with 10 px either
          // side, at a generous 6.4 px per 11 px character.
          const span = Math.max(1, Math.abs(actors.indexOf(event.from) - actors.indexOf(event.to))) * 200;
          const room = event.from === event.to ? 200 - 36 : span - 20;
          for (const [, line] of body!.matchAll(
            /<tspan x="[^"]*" dy="[^"]*">(.*?)<\/tspan>(?=<tspan x=|<\/text>)/g,
          ))
            expect(unescape(line!.replace(/<[^>]+>/g, '')).length * 6.4).toBeLessThanOrEqual(room);
        });
      }
    },
  );

  it('keeps the verdict, the credential and the server that QA found cut off', async () => {
    const stolen = toSequenceSvg(await run('stolen-credential'), 'jwt');
    const scale = toSequenceSvg(await run('scale-out'), 'session');
    const words = (svg: string) =>
      unescape([...svg.matchAll(/<text[^>]*>.*?<\/text>/g)].map(([t]) => textOf(t)).join(' | '));
    expect(words(stolen)).toContain('verify HS256 signature + exp: valid');
    expect(words(stolen)).toContain('GET /api/profile + Bearer token (492 B)');
    expect(words(scale)).toMatch(/forward to app-1 \(round robin\) \(\d+ B\)/);
  });
});

describe('the comparison table counts what this run keeps', () => {
  it('expiry-refresh: the refresh-token families are state on the server', async () => {
    const state = await row('expiry-refresh', 'State storage');
    expect(state.jwt).not.toContain('nothing on the server');
    expect(state.jwt).toContain('1 refresh-token family (token-store)');
    // Two credentials, each with its own size: the refresh cookie and the access token.
    const r = await run('expiry-refresh');
    const rt = r.events.flatMap((e) => e.credentials ?? []).find((c) => c.kind === 'refresh-token')!;
    const access = r.events.flatMap((e) => e.credentials ?? []).find((c) => c.kind === 'access-token')!;
    expect(state.jwt).toContain(
      `rt ${Buffer.byteLength(rt.value)} B (cookie for auth.example.com/auth/refresh)`,
    );
    expect(state.jwt).toContain(`access_token ${Buffer.byteLength(access.value)} B (localStorage)`);
    const size = await row('expiry-refresh', 'Size');
    expect(size.jwt).toContain(`rt ${Buffer.byteLength(rt.value)} B`);
    expect(size.jwt).toContain(`access_token ${Buffer.byteLength(access.value)} B`);
  });

  it('hybrid: the JWT lane keeps a session in the shared store', async () => {
    const state = await row('hybrid', 'State storage');
    expect(state.jwt).toContain('1 session (session-store)');
    expect(state.jwt).toMatch(/sid 43 B .*access_token \d+ B \(page memory\)/);
  });

  it('login: a stateless JWT keeps nothing on the server; sessions one record', async () => {
    const state = await row('login', 'State storage');
    expect(state.jwt).toMatch(
      /^nothing on the server; the browser holds access_token \d+ B \(localStorage\)$/,
    );
    expect(state.session).toMatch(
      /^the server keeps 1 session \(session-store\); the browser holds sid 43 B/,
    );
  });

  it('says 1 server, 1 lookup, 1 request: never "1 servers"', async () => {
    for (const id of scenarioIds) {
      const rows = compareFlows(await run(id));
      for (const cell of rows.flatMap((r) => [r.session, r.jwt]))
        expect(cell, `${id}: ${cell}`).not.toMatch(
          /\b1 (servers|store lookups|lookups|requests|signature checks|attacker requests|checkouts|CORS preflights)\b/,
        );
    }
    expect((await row('blocklist', 'Scalability')).jwt).toContain('across 1 server ');
  });

  it('stolen-credential: the injected script’s request from Ada’s tab counts as the attacker’s', async () => {
    const r = await run('stolen-credential');
    const rideAlong = of(r, 'session').filter((e) => e.attackerDriven && e.outcome);
    expect(rideAlong.map((e) => [e.to, e.outcome])).toEqual([
      ['browser', 'accepted'],
      ['evil-page', 'rejected'],
    ]);
    // Answers to the attacker itself (2, both refused: no cookie) plus the two above.
    expect((await row('stolen-credential', 'Attack surface')).session).toBe('1/4 attacker requests accepted');
  });
});

describe('the narration says what happens in this scenario', () => {
  it('blocklist: the revoke step does not claim the token stays valid until exp', async () => {
    const r = await run('blocklist');
    const revoke = of(r, 'jwt').find((e) => e.label.startsWith('revoke'))!;
    expect(revoke.narration).not.toMatch(/stays valid until exp|nothing to delete/);
    expect(revoke.label).toContain('blocklist');
    expect(revoke.narration).toContain('blocklist');
    // The next answer to the attacker proves it: refused at once.
    const answer = of(r, 'jwt').find((e) => e.to === 'attacker' && e.outcome)!;
    expect(answer.outcome).toBe('rejected');
  });

  it('logout-revocation: logging out deletes the session, but only the browser’s copy of a JWT', async () => {
    const r = await run('logout-revocation');
    const session = of(r, 'session');
    const jwt = of(r, 'jwt');
    // Sessions: POST /logout, the server deletes the record, the browser drops the cookie.
    const logout = session.findIndex((e) => e.label.startsWith('POST /logout'));
    expect(logout).toBeGreaterThan(0);
    const after = session.slice(logout);
    const del = after.findIndex((e) => e.label.startsWith('DEL sess:'));
    expect(after[del + 1]!.label).toBe(':1 (deleted)');
    expect(after.find((e) => e.from === 'app-server' && e.to === 'browser')!.wire).toMatch(
      /Set-Cookie: sid=; Max-Age=0/,
    );
    // The copied cookie dies with the record: the first attempt after logout is refused.
    const firstTry = after.find((e) => e.to === 'attacker' && e.outcome)!;
    expect(firstTry.outcome).toBe('rejected');
    expect(firstTry.snapshot.held.map((h) => h.name)).not.toContain('sid');

    // JWT: the logout is the browser forgetting the token; no request goes to any server.
    const jwtLogout = jwt.findIndex((e) => e.label.startsWith('log out'));
    expect(jwt[jwtLogout]!.from).toBe('browser');
    expect(jwt[jwtLogout]!.snapshot.held).toEqual([]);
    const next = jwt.slice(jwtLogout + 1);
    expect(next[0]!.from).toBe('attacker');
    const jwtTry = next.find((e) => e.to === 'attacker' && e.outcome)!;
    expect(jwtTry.outcome).toBe('accepted');
    expect(jwtTry.attacker).toMatch(/still works/);
    // Logging out comes before the admin's revoke in both flows.
    for (const events of [session, jwt])
      expect(events.findIndex((e) => /^(POST \/logout|log out)/.test(e.label))).toBeLessThan(
        events.findIndex((e) => e.label.startsWith('revoke')),
      );
  });

  it('the playground logs out the same way', async () => {
    const playground = await Playground.create({ seed: 2 });
    await playground.apply('login');
    await playground.apply('steal');
    await playground.apply('logout');
    const r = await playground.apply('attacker-request');
    const last = (flow: Flow) =>
      of(r, flow)
        .filter((e) => e.outcome)
        .at(-1)!;
    expect(last('session').outcome).toBe('rejected');
    expect(last('jwt').outcome).toBe('accepted');
    expect(of(r, 'session').some((e) => e.label === 'POST /logout + Cookie sid')).toBe(true);
  });

  it('cross-domain: two cookies named sid are told apart', async () => {
    const r = await run('cross-domain');
    const call = of(r, 'session').find(
      (e) => e.kind === 'request' && e.label.includes('+ Cookie') && e.to === 'api-server',
    )!;
    expect(call.narration).toContain('sid (host-only, app.example.com) belongs to app.example.com only');
    expect(call.narration).toContain('sid (Domain=example.com) matches api.example.com/v1/orders');
    // With one sid in the jar, the plain name is clear enough.
    const first = of(r, 'session').find((e) => e.kind === 'request' && e.to === 'api-server')!;
    expect(first.narration).toContain('sid belongs to app.example.com only');
  });

  it('scale-out: the load balancer’s relay says it relays, instead of repeating the server', async () => {
    const r = await run('scale-out');
    const events = of(r, 'session');
    const relays = events.filter((e) => e.from === 'load-balancer' && e.kind === 'response');
    expect(relays.length).toBeGreaterThan(5);
    for (const relay of relays) {
      const i = events.indexOf(relay);
      const fromServer = events
        .slice(0, i)
        .reverse()
        .find((e: SimEvent) => e.to === 'load-balancer' && e.kind === 'response')!;
      expect(relay.narration).not.toBe(fromServer.narration);
      expect(relay.narration).toContain(`relays ${fromServer.from}\u2019s answer (${relay.label})`);
    }
  });
});

/*
 * A JOSE/OAuth expert's review of what the simulator teaches: each test names the error it
 * guards against. Expected values come from the Fetch standard (CORS protocol, preflight cache),
 * RFC 6265bis (Domain cookies) and the seeds, not from the simulator's own output.
 */
describe('the expert review: cross-domain follows the Fetch standard', () => {
  const apiAnswers = (r: SimulationRun, flow: Flow) =>
    of(r, flow).filter((e) => e.from === 'api-server' && e.kind === 'response');
  const header = (wire: string | undefined, name: string) =>
    new RegExp(`\\r\\n${name}: ([^\\r]*)\\r\\n`, 'i').exec(wire ?? '')?.[1];

  it('partner.example.org uses a token issued to it, never Ada’s token from app.example.com’s localStorage', async () => {
    const r = await run('cross-domain');
    const jwt = of(r, 'jwt');
    const partnerCall = jwt.find(
      (e) => e.from === 'partner-page' && e.to === 'api-server' && e.wire?.startsWith('GET '),
    )!;
    const partnerToken = partnerCall.credentials![0]!.value;
    const appTokens = jwt
      .filter((e) => e.from === 'browser' && e.to === 'api-server' && e.wire?.startsWith('GET '))
      .map((e) => e.credentials![0]!.value);
    expect(appTokens).toHaveLength(2);
    expect(appTokens).not.toContain(partnerToken);
    // localStorage is per origin: the partner got its token from the auth server itself.
    const issued = jwt.find(
      (e) => e.from === 'auth-server' && e.to === 'partner-page' && e.wire?.includes(partnerToken),
    );
    expect(issued).toBeDefined();
    expect(jwt.indexOf(issued!)).toBeLessThan(jwt.indexOf(partnerCall));
    const claims = JSON.parse(Buffer.from(partnerToken.split('.')[1]!, 'base64url').toString()) as {
      aud: string;
      client_id: string;
    };
    expect(claims.aud).toBe('https://api.example.com');
    expect(claims.client_id).toBe('partner.example.org');
    expect(partnerCall.narration).not.toMatch(/attaches the token itself/);
    expect(partnerCall.narration).toContain('its own token');
    // Both tokens are held in Ada's browser, each by its own origin, and both count in the table.
    expect((await row('cross-domain', 'State storage')).jwt).toBe(
      `nothing on the server; the browser holds access_token ${appTokens[0]!.length} B (localStorage), access_token ${partnerToken.length} B (partner.example.org page memory)`,
    );
  });

  it('a cached preflight (Access-Control-Max-Age: 600) is reused by the same origin a second later', async () => {
    const r = await run('cross-domain');
    const jwt = of(r, 'jwt');
    const preflights = jwt.filter((e) => e.wire?.startsWith('OPTIONS '));
    // One per origin: app.example.com's first call and partner.example.org's call.
    expect(preflights.map((e) => header(e.wire, 'Origin'))).toEqual([
      'https://app.example.com',
      'https://partner.example.org',
    ]);
    const calls = jwt.filter((e) => e.to === 'api-server' && e.wire?.startsWith('GET '));
    expect(calls).toHaveLength(3);
    const second = jwt.indexOf(calls[1]!);
    expect(jwt[second - 1]!.from).toBe('browser');
    expect(jwt[second - 1]!.label).toMatch(/cached preflight/);
    expect((await row('cross-domain', 'Cross-domain')).jwt).toBe(
      '3/3 calls to api.example.com accepted (+2 CORS preflights)',
    );
  });

  it('every cross-origin answer names the origin; the cookie answers also allow credentials', async () => {
    const r = await run('cross-domain');
    for (const flow of ['session', 'jwt'] as const) {
      const answers = apiAnswers(r, flow);
      expect(answers.length).toBeGreaterThanOrEqual(3);
      for (const answer of answers) {
        const events = of(r, flow);
        const request = events
          .slice(0, events.indexOf(answer))
          .reverse()
          .find((e) => e.to === 'api-server' && e.kind === 'request')!;
        const origin = header(request.wire, 'Origin');
        expect(origin).toMatch(/^https:\/\//);
        // A credentialed response must name the origin: `*` is refused with credentials.
        expect(header(answer.wire, 'Access-Control-Allow-Origin')).toBe(origin);
        expect(header(answer.wire, 'Vary')).toBe('Origin');
        if (flow === 'session' || answer.wire?.startsWith('HTTP/1.1 204'))
          expect(header(answer.wire, 'Access-Control-Allow-Credentials') ?? null).toBe(
            flow === 'session' ? 'true' : null,
          );
      }
    }
    const sessionCall = of(r, 'session').find((e) => e.to === 'api-server' && e.kind === 'request')!;
    expect(sessionCall.narration).toContain("credentials: 'include'");
    const widen = of(r, 'session').find((e) => e.label.startsWith('widen the cookie'))!;
    expect(widen.narration).toMatch(/CORS/);
    expect((await row('cross-domain', 'Cross-domain')).claim).toContain(
      'anywhere whose CORS policy allows it',
    );
  });

  it('a Domain=example.com cookie is labelled for example.com and its subdomains', async () => {
    const r = await run('cross-domain');
    const held = of(r, 'session').flatMap((e) => e.snapshot.held.map((h) => h.where));
    expect(held).toContain('cookie for example.com and its subdomains');
    expect(held.join(' ')).not.toContain('*.');
  });
});

describe('the expert review: narration and table cells say what happened', () => {
  it('scale-out: after the restart, app-1 lost the session; round robin misses were made elsewhere', async () => {
    const r = await run('scale-out');
    const session = of(r, 'session');
    const restart = session.findIndex((e) => e.label.startsWith('app-1 restarts'));
    const misses = session.filter((e) => /memory: not found/.test(e.label));
    const before = misses.filter((e) => session.indexOf(e) < restart);
    const after = misses.filter((e) => session.indexOf(e) > restart);
    expect(before.length).toBeGreaterThan(0);
    for (const miss of before) expect(miss.narration).toContain('it was created on another server');
    expect(after.map((e) => e.narration)).toEqual([
      'app-1 no longer has this session: it was lost when app-1 restarted.',
    ]);
    const answer = session.slice(session.indexOf(after[0]!)).find((e) => e.kind === 'response')!;
    expect(answer.narration).toBe('app-1: this session was lost when the server restarted');
  });

  it('attacks: two different apps are not a scaled-out pool', async () => {
    const scalability = await row('attacks', 'Scalability');
    expect(scalability.session).toBe('not exercised here (see scale-out)');
    expect(scalability.jwt).toBe('not exercised here (see scale-out)');
    expect((await row('scale-out', 'Scalability')).jwt).toContain('across 4 servers');
  });

  it('expiry-refresh: sessions time out too (seed 000: "session timeouts")', async () => {
    const { description } = await run('expiry-refresh');
    expect(description).not.toContain('simply stays valid until deleted');
    expect(description).toContain('idle and absolute timeouts');
  });

  it('blocklist: the session lane copies a session ID, not a token', async () => {
    const r = await run('blocklist');
    const copy = of(r, 'session').find((e) => e.from === 'attacker' && e.label.startsWith('copies'))!;
    expect(copy.label).toContain('session ID');
    expect(`${copy.label} ${copy.narration}`).not.toMatch(/\btoken\b/);
    const jwtCopy = of(r, 'jwt').find((e) => e.from === 'attacker' && e.label.startsWith('copies'))!;
    expect(jwtCopy.label).toContain('token');
  });
});
