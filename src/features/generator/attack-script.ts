/**
 * "Copy all as a shell script": every attack preset's token sent to the person's own endpoint
 * with curl, after the valid token, each checked against the status a correct server answers.
 * A POSIX sh script (dash, bash and zsh run it, and it can be pasted) that needs only curl and
 * no editing. Pure: the presets are built by `collectAttackCases`, the text by `attackScript`;
 * nothing here runs or fetches.
 */
import { base64url } from 'jose';
import type { AttackInput, AttackPreset } from '../../core/attacks/index';
import { shellQuote } from './commands';

/** What the valid token must get: exactly 200, or any success. */
export type ValidExpectation = '200' | '2xx';
/**
 * What every attack token must get: exactly 401, the status RFC 6750 §3.1 gives invalid_token,
 * or any client error (a server may answer 400 or 403 and still refuse the token).
 */
export type RejectExpectation = '401' | '4xx';

/** One request of the script: a name for its output line and the token it sends. */
export interface AttackCase {
  title: string;
  token: string;
  /** For a variant: when it is the one to try (written in the script's header). */
  when?: string;
}

/** A preset the script cannot include, and why (written in the header, never dropped silently). */
export interface LeftOutCase {
  title: string;
  reason: string;
}

/**
 * Builds every preset (and its variants) into cases; a preset that cannot be built with what
 * the person has provided (`inputFor` or `build` throws) is left out with the reason.
 */
export async function collectAttackCases(
  presets: readonly AttackPreset[],
  inputFor: (preset: AttackPreset) => AttackInput | Promise<AttackInput>,
): Promise<{ cases: AttackCase[]; leftOut: LeftOutCase[] }> {
  const built = await Promise.allSettled(presets.map(async (preset) => preset.build(await inputFor(preset))));
  const cases: AttackCase[] = [];
  const leftOut: LeftOutCase[] = [];
  built.forEach((outcome, index) => {
    const { title } = presets[index]!;
    if (outcome.status === 'rejected') {
      leftOut.push({ title, reason: (outcome.reason as Error)?.message ?? String(outcome.reason) });
      return;
    }
    cases.push({ title, token: outcome.value.token });
    outcome.value.variants?.forEach((variant, number) =>
      cases.push({ title: `${title}, variant ${number + 1}`, token: variant.token, when: variant.when }),
    );
  });
  return { cases, leftOut };
}

export interface AttackScriptInput {
  /** The endpoint, as checked by `checkEndpoint` (any text is quoted safely all the same). */
  url: string;
  /** The Generator's signed token: sent first, to show the endpoint accepts a good token. */
  validToken: string;
  expectValid?: ValidExpectation;
  expectRejected?: RejectExpectation;
  cases: readonly AttackCase[];
  leftOut?: readonly LeftOutCase[];
  /** Epoch seconds, for what the valid token's "exp" and "nbf" mean; defaults to the real clock. */
  now?: number;
}

/**
 * Text for the script's header, on one line. The header is a quoted here-document, where nothing
 * is special (not even to an interactive shell) but a line that is only its delimiter.
 */
const headerText = (text: string) => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/** The valid token's time claims, when they are numbers a date can hold. */
function timeClaimsOf(token: string): { exp?: number; nbf?: number } {
  try {
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? '')));
    const time = (value: unknown) =>
      typeof value === 'number' && Number.isFinite(new Date(value * 1000).getTime()) ? value : undefined;
    return { exp: time(claims?.exp), nbf: time(claims?.nbf) };
  } catch {
    return {};
  }
}

const isoTime = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/** What the valid token's "exp" and "nbf" mean for its case, as header lines. */
function timeLines(token: string, now: number): string[] {
  const { exp, nbf } = timeClaimsOf(token);
  const lines: string[] = [];
  if (exp !== undefined)
    lines.push(
      exp <= now
        ? `The valid token expired at ${isoTime(exp)} (its "exp"), so its case fails: set a new "exp" and copy the script again.`
        : `The valid token expires at ${isoTime(exp)} (its "exp"): after that its case fails; copy a fresh script.`,
    );
  // RFC 7519 §4.1.5: before "nbf" a correct server refuses the token, the valid one included.
  if (nbf !== undefined && nbf > now)
    lines.push(
      `The valid token is not valid before ${isoTime(nbf)} (its "nbf"), so its case fails until then.`,
    );
  return lines;
}

const validWords = { '200': '200', '2xx': 'a 2xx status (200 to 299)' } as const;
const rejectedWords = {
  '401': '401 (RFC 6750 section 3.1: invalid_token)',
  '4xx': 'a 4xx status (400 to 499)',
} as const;

/**
 * check EXPECTED NAME TOKEN: sends TOKEN as a Bearer token; prints PASS or FAIL, the status
 * received and NAME. The status goes in "code": "status" is read-only in zsh (zshparam), which
 * would refuse every case; none of the script's names is special in sh, bash or zsh.
 */
const checkFunction = `check() {
  code=$(curl --silent --show-error --globoff --max-time 20 --output /dev/null \\
    --write-out '%{http_code}' --header "Authorization: Bearer $3" "$url")
  case "$1:$code" in
    200:200 | 2xx:2[0-9][0-9] | 401:401 | 4xx:4[0-9][0-9])
      printf 'PASS  %s  %s\\n' "$code" "$2" ;;
    *)
      failed=$((failed + 1))
      [ "$code" = 000 ] && code='no response'
      printf 'FAIL  %s  %s: expected %s\\n' "$code" "$2" "$1" ;;
  esac
}`;

/**
 * The script that sends the valid token, then every attack token, to `url`. It can be saved and
 * run with sh, bash or zsh, or pasted into a terminal, where it must neither close the terminal
 * nor run anything of its text:
 * - Its body is one subshell, `( … )`: its `exit` leaves the subshell, whose status is the
 *   script's (a pasted `exit 1` would close the person's terminal exactly when a case fails).
 * - No "#" line: an interactive zsh reads "#" as a comment only with interactive_comments, off
 *   by default (macOS's shell): "# … $(…)" would run, and an apostrophe would open a quote. So
 *   no "#!/bin/sh" either (sh runs the file without it), and the header is a quoted
 *   here-document, which no shell expands.
 * - No "!" outside single quotes or the here-document: zsh's history expansion reads a whole
 *   pasted text at once, and one "event not found" drops all of it.
 */
export function attackScript(input: AttackScriptInput): string {
  // Checked, not trusted: each is written into the script unquoted.
  const expectValid = input.expectValid === '2xx' ? '2xx' : '200';
  const expectRejected = input.expectRejected === '4xx' ? '4xx' : '401';
  const total = input.cases.length + 1;
  const now = input.now ?? Math.floor(Date.now() / 1000);
  // Every header line starts with fixed words, so none can be the delimiter, ABOUT, alone.
  const header = [
    'Tokenscope: attack tokens against your own endpoint.',
    `Sends ${total} real tokens to ${headerText(input.url)} with curl, one request each:`,
    `first the token signed with your key, which must get ${validWords[expectValid]},`,
    `then ${input.cases.length} deliberately bad tokens, each of which must get ${rejectedWords[expectRejected]}.`,
    'These are real tokens, the valid one included: send them only to a server you own or may test.',
    ...timeLines(input.validToken, now),
    'Needs only sh and curl. Save it as attack.sh and run: sh attack.sh',
    'Or paste it into a terminal: it runs in a subshell, so its exit closes nothing.',
    'Prints PASS or FAIL for each case; exits 1 if any case failed.',
    ...input.cases.flatMap((entry) =>
      entry.when ? [`${headerText(entry.title)}: ${headerText(entry.when)}.`] : [],
    ),
    ...(input.leftOut ?? []).map(
      (entry) => `Left out: ${headerText(entry.title)}: ${headerText(entry.reason)}`,
    ),
  ];
  const lines = [
    ": <<'ABOUT'",
    ...header,
    'ABOUT',
    '(',
    'command -v curl >/dev/null 2>&1 || { echo "This script needs curl." >&2; exit 2; }',
    `url=${shellQuote(input.url)}`,
    'failed=0',
    '',
    checkFunction,
    '',
    `printf 'Sending ${total} tokens to %s\\n' "$url"`,
    `check ${expectValid} ${shellQuote('valid token, signed with your key')} ${shellQuote(input.validToken)}`,
    ...input.cases.map(
      (entry) => `check ${expectRejected} ${shellQuote(entry.title)} ${shellQuote(entry.token)}`,
    ),
    '',
    'if [ "$failed" -gt 0 ]; then',
    `  echo "$failed of ${total} cases failed."`,
    '  exit 1',
    'fi',
    `echo 'All ${total} cases passed.'`,
    ')',
    '',
  ];
  return lines.join('\n');
}
