/**
 * "Copy all as a shell script": every attack preset's token sent to the person's own endpoint
 * with curl, after the valid token, each checked against the status a correct server answers.
 * A POSIX sh script (dash runs it) that needs only curl and no editing. Pure: the presets are
 * built by `collectAttackCases`, the text by `attackScript`; nothing here runs or fetches.
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
  /** For a variant: when it is the one to try (written as a comment above its request). */
  when?: string;
}

/** A preset the script cannot include, and why (written as a comment, never dropped silently). */
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
}

/** A comment's text on one line: a line break in it would end the comment and start a command. */
const commentText = (text: string) => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ').trim();

/** The valid token's "exp" as an ISO time, when it has one a date can hold. */
function expiryOf(token: string): string | undefined {
  try {
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1] ?? '')));
    return typeof claims?.exp === 'number'
      ? new Date(claims.exp * 1000).toISOString().replace('.000Z', 'Z')
      : undefined;
  } catch {
    return undefined;
  }
}

const validWords = { '200': '200', '2xx': 'a 2xx status (200 to 299)' } as const;
const rejectedWords = {
  '401': '401 (RFC 6750 section 3.1: invalid_token)',
  '4xx': 'a 4xx status (400 to 499)',
} as const;

/** The script's fixed part: one request per call, PASS or FAIL by its status. */
const checkFunction = `# check EXPECTED NAME TOKEN: sends TOKEN as a Bearer token; prints PASS or FAIL,
# the status received and NAME.
check() {
  status=$(curl --silent --show-error --globoff --max-time 20 --output /dev/null \\
    --write-out '%{http_code}' --header "Authorization: Bearer $3" "$url")
  case "$1:$status" in
    200:200 | 2xx:2[0-9][0-9] | 401:401 | 4xx:4[0-9][0-9])
      printf 'PASS  %s  %s\\n' "$status" "$2" ;;
    *)
      failed=$((failed + 1))
      [ "$status" = 000 ] && status='no response'
      printf 'FAIL  %s  %s: expected %s\\n' "$status" "$2" "$1" ;;
  esac
}`;

/** The POSIX sh script that sends the valid token, then every attack token, to `url`. */
export function attackScript(input: AttackScriptInput): string {
  // Checked, not trusted: each is written into the script unquoted.
  const expectValid = input.expectValid === '2xx' ? '2xx' : '200';
  const expectRejected = input.expectRejected === '4xx' ? '4xx' : '401';
  const total = input.cases.length + 1;
  const expiry = expiryOf(input.validToken);
  const lines = [
    '#!/bin/sh',
    '# Tokenscope: attack tokens against your own endpoint.',
    `# Sends ${total} real tokens to ${commentText(input.url)} with curl, one request each:`,
    `# first the token signed with your key, which must get ${validWords[expectValid]},`,
    `# then ${input.cases.length} deliberately bad tokens, each of which must get ${rejectedWords[expectRejected]}.`,
    '# These are real tokens, the valid one included: send them only to a server you own or may test.',
    ...(expiry
      ? [
          `# The valid token expires at ${expiry} (its "exp"): after that its case fails; copy a fresh script.`,
        ]
      : []),
    '# Needs only sh and curl.',
    '# Prints PASS or FAIL for each case; exits 1 if any case failed.',
    ...(input.leftOut ?? []).map(
      (entry) => `# Left out: ${commentText(entry.title)}: ${commentText(entry.reason)}`,
    ),
    '',
    'command -v curl >/dev/null 2>&1 || { echo "This script needs curl." >&2; exit 2; }',
    `url=${shellQuote(input.url)}`,
    'failed=0',
    '',
    checkFunction,
    '',
    `printf 'Sending ${total} tokens to %s\\n' "$url"`,
    `check ${expectValid} ${shellQuote('valid token, signed with your key')} ${shellQuote(input.validToken)}`,
    ...input.cases.flatMap((entry) => [
      ...(entry.when ? [`# ${commentText(entry.when)}:`] : []),
      `check ${expectRejected} ${shellQuote(entry.title)} ${shellQuote(entry.token)}`,
    ]),
    '',
    'if [ "$failed" -gt 0 ]; then',
    `  echo "$failed of ${total} cases failed."`,
    '  exit 1',
    'fi',
    `echo 'All ${total} cases passed.'`,
    '',
  ];
  return lines.join('\n');
}
