/**
 * What each name means: the IANA "JSON Web Token Claims" registry, the OpenID Connect
 * claims, and the IANA "JSON Web Signature and Encryption Header Parameters" registry.
 * One line each, in words a person reading a token needs.
 */

export interface NameInfo {
  /** The short human title. */
  title: string;
  /** One line of explanation. */
  description: string;
  /** Where it is defined. */
  source: string;
}

const jwt = 'RFC 7519 §4.1';
const oidc = 'OpenID Connect Core §5.1';
const oidcId = 'OpenID Connect Core §2';

export const claimRegistry: Record<string, NameInfo> = {
  iss: { title: 'Issuer', description: 'Who created and signed the token.', source: `${jwt}.1` },
  sub: { title: 'Subject', description: 'Whom the token is about, usually the user ID.', source: `${jwt}.2` },
  aud: {
    title: 'Audience',
    description: 'Who the token is meant for; a recipient not listed must reject it.',
    source: `${jwt}.3`,
  },
  exp: {
    title: 'Expiration time',
    description: 'On or after this moment the token must be rejected.',
    source: `${jwt}.4`,
  },
  nbf: {
    title: 'Not before',
    description: 'Before this moment the token must be rejected.',
    source: `${jwt}.5`,
  },
  iat: { title: 'Issued at', description: 'When the token was created.', source: `${jwt}.6` },
  jti: {
    title: 'JWT ID',
    description: 'A unique identifier, used to detect replays and to revoke one token.',
    source: `${jwt}.7`,
  },
  name: { title: 'Full name', description: "The user's full name for display.", source: oidc },
  given_name: { title: 'Given name', description: "The user's first name.", source: oidc },
  family_name: { title: 'Family name', description: "The user's surname.", source: oidc },
  middle_name: { title: 'Middle name', description: "The user's middle name.", source: oidc },
  nickname: { title: 'Nickname', description: 'A casual name the user goes by.', source: oidc },
  preferred_username: {
    title: 'Preferred username',
    description: 'The name the user wants to be called by; not unique.',
    source: oidc,
  },
  profile: { title: 'Profile page', description: "URL of the user's profile page.", source: oidc },
  picture: { title: 'Picture', description: "URL of the user's profile picture.", source: oidc },
  website: { title: 'Website', description: "URL of the user's web page or blog.", source: oidc },
  email: { title: 'Email', description: "The user's preferred email address.", source: oidc },
  email_verified: {
    title: 'Email verified',
    description: 'Whether the issuer verified the email address.',
    source: oidc,
  },
  gender: { title: 'Gender', description: "The user's gender.", source: oidc },
  birthdate: { title: 'Birthdate', description: "The user's birthday (YYYY-MM-DD).", source: oidc },
  zoneinfo: { title: 'Time zone', description: "The user's time zone, e.g. Europe/Paris.", source: oidc },
  locale: { title: 'Locale', description: "The user's locale, e.g. en-US.", source: oidc },
  phone_number: { title: 'Phone number', description: "The user's preferred phone number.", source: oidc },
  phone_number_verified: {
    title: 'Phone verified',
    description: 'Whether the issuer verified the phone number.',
    source: oidc,
  },
  address: { title: 'Address', description: "The user's postal address.", source: oidc },
  updated_at: { title: 'Updated at', description: "When the user's profile was last changed.", source: oidc },
  azp: {
    title: 'Authorized party',
    description:
      'The client the token was issued to: defined for ID tokens, and put in access tokens by many providers too.',
    source: oidcId,
  },
  nonce: {
    title: 'Nonce',
    description: 'Ties an ID token to the client session that asked for it, against replay.',
    source: oidcId,
  },
  auth_time: {
    title: 'Authentication time',
    description: 'When the user last actively authenticated.',
    source: oidcId,
  },
  at_hash: {
    title: 'Access token hash',
    description: 'Half of a hash of the access token issued with this ID token.',
    source: 'OpenID Connect Core §3.1.3.6',
  },
  c_hash: {
    title: 'Code hash',
    description: 'Half of a hash of the authorization code issued with this ID token.',
    source: 'OpenID Connect Core §3.3.2.11',
  },
  acr: {
    title: 'Authentication context',
    description: 'How strongly the user was authenticated (a level or policy).',
    source: oidcId,
  },
  amr: {
    title: 'Authentication methods',
    description: 'How the user authenticated: pwd, otp, mfa, hwk...',
    source: 'OpenID Connect Core §2; values RFC 8176',
  },
  sub_jwk: {
    title: 'Subject public key',
    description: 'The public key of a self-issued ID token.',
    source: 'OpenID Connect Core §7.4',
  },
  sid: {
    title: 'Session ID',
    description: 'The login session at the issuer; used for logout.',
    source: 'OpenID Connect Front-Channel Logout §3',
  },
  cnf: {
    title: 'Confirmation',
    description: 'The key the presenter must prove it holds (proof of possession).',
    source: 'RFC 7800 §3.1',
  },
  scope: {
    title: 'Scope',
    description: 'The permissions granted, separated by spaces.',
    source: 'RFC 8693 §4.2',
  },
  scp: {
    title: 'Scopes',
    description: 'The permissions granted (a common non-standard spelling of scope).',
    source: 'Microsoft identity platform',
  },
  client_id: {
    title: 'Client ID',
    description: 'The OAuth client the token was issued to.',
    source: 'RFC 8693 §4.3',
  },
  act: {
    title: 'Actor',
    description: 'Who is acting on behalf of the subject (delegation).',
    source: 'RFC 8693 §4.1',
  },
  may_act: {
    title: 'May act',
    description: 'Who is allowed to act on behalf of the subject.',
    source: 'RFC 8693 §4.4',
  },
  events: {
    title: 'Security events',
    description: 'The security events this Security Event Token reports.',
    source: 'RFC 8417 §2.2',
  },
  toe: { title: 'Time of event', description: 'When the reported event happened.', source: 'RFC 8417 §2.2' },
  txn: {
    title: 'Transaction ID',
    description: 'Ties the token to one transaction across systems.',
    source: 'RFC 8417 §2.2',
  },
  roles: {
    title: 'Roles',
    description: 'Roles granted to the subject.',
    source: 'RFC 7643 §4.1.2 / RFC 9068',
  },
  groups: {
    title: 'Groups',
    description: 'Groups the subject belongs to.',
    source: 'RFC 7643 §4.1.2 / RFC 9068',
  },
  entitlements: {
    title: 'Entitlements',
    description: 'Entitlements of the subject.',
    source: 'RFC 7643 §4.1.2 / RFC 9068',
  },
  vc: {
    title: 'Verifiable credential',
    description: 'A W3C verifiable credential carried in the token.',
    source: 'W3C VC Data Model',
  },
  vp: {
    title: 'Verifiable presentation',
    description: 'A W3C verifiable presentation carried in the token.',
    source: 'W3C VC Data Model',
  },
  orig: { title: 'Originator', description: 'Who placed the call (SIP PASSporT).', source: 'RFC 8225' },
  dest: { title: 'Destination', description: 'Who the call is to (SIP PASSporT).', source: 'RFC 8225' },
  attest: {
    title: 'Attestation',
    description: 'How strongly the caller ID was attested (SHAKEN).',
    source: 'RFC 8588',
  },
  origid: {
    title: 'Origination ID',
    description: 'An opaque ID of where the call entered the network (SHAKEN).',
    source: 'RFC 8588',
  },
  tid: {
    title: 'Tenant ID',
    description: 'The directory tenant the user belongs to (Microsoft).',
    source: 'Microsoft identity platform',
  },
  oid: {
    title: 'Object ID',
    description: "The user's immutable ID in the directory (Microsoft).",
    source: 'Microsoft identity platform',
  },
  ver: {
    title: 'Version',
    description: 'The version of the token format (Microsoft).',
    source: 'Microsoft identity platform',
  },
};

const jws = 'RFC 7515 §4.1';
const jwe = 'RFC 7516 §4.1';
const jwa = 'RFC 7518 §4';

export const headerRegistry: Record<string, NameInfo> = {
  alg: {
    title: 'Algorithm',
    description: 'How the token is signed or its key is encrypted. "none" means not signed at all.',
    source: `${jws}.1`,
  },
  jku: {
    title: 'JWK Set URL',
    description:
      'A URL the token claims its key set lives at. Fetch keys only from URLs on your own allow-list.',
    source: `${jws}.2`,
  },
  jwk: {
    title: 'JSON Web Key',
    description: 'A key the token carries about itself. Trusting it lets anyone sign.',
    source: `${jws}.3`,
  },
  kid: { title: 'Key ID', description: 'Which key was used, to pick it from a key set.', source: `${jws}.4` },
  x5u: {
    title: 'X.509 URL',
    description: 'A URL the token claims its certificate lives at.',
    source: `${jws}.5`,
  },
  x5c: {
    title: 'X.509 chain',
    description: 'The certificate chain of the signing key, carried in the token.',
    source: `${jws}.6`,
  },
  x5t: {
    title: 'X.509 SHA-1 thumbprint',
    description: 'A SHA-1 thumbprint of the signing certificate.',
    source: `${jws}.7`,
  },
  'x5t#S256': {
    title: 'X.509 SHA-256 thumbprint',
    description: 'A SHA-256 thumbprint of the signing certificate.',
    source: `${jws}.8`,
  },
  typ: {
    title: 'Type',
    description: 'The media type of the whole token, e.g. JWT or at+jwt.',
    source: `${jws}.9`,
  },
  cty: {
    title: 'Content type',
    description: 'The type of the payload; "JWT" means a nested token.',
    source: `${jws}.10`,
  },
  crit: {
    title: 'Critical',
    description: 'Extensions a recipient must understand, or reject the token.',
    source: `${jws}.11`,
  },
  enc: { title: 'Encryption', description: 'How the content is encrypted (JWE).', source: `${jwe}.2` },
  zip: {
    title: 'Compression',
    description: 'The plaintext was compressed (DEF = DEFLATE) before encryption.',
    source: `${jwe}.3`,
  },
  epk: {
    title: 'Ephemeral public key',
    description: "The sender's one-time public key for ECDH-ES.",
    source: `${jwa}.6.1.1`,
  },
  apu: {
    title: 'Agreement PartyUInfo',
    description: 'Information about the producer, mixed into ECDH key derivation.',
    source: `${jwa}.6.1.2`,
  },
  apv: {
    title: 'Agreement PartyVInfo',
    description: 'Information about the recipient, mixed into ECDH key derivation.',
    source: `${jwa}.6.1.3`,
  },
  iv: {
    title: 'Initialization vector',
    description: 'The IV used for AES-GCM key wrapping.',
    source: `${jwa}.7.1.1`,
  },
  tag: {
    title: 'Authentication tag',
    description: 'The tag of AES-GCM key wrapping.',
    source: `${jwa}.7.1.2`,
  },
  p2s: {
    title: 'PBES2 salt',
    description: 'The salt of password-based key encryption.',
    source: `${jwa}.8.1.1`,
  },
  p2c: {
    title: 'PBES2 count',
    description: 'The iteration count of password-based key encryption.',
    source: `${jwa}.8.1.2`,
  },
  b64: {
    title: 'Base64url-encode payload',
    description: 'false means the payload is not encoded (RFC 7797).',
    source: 'RFC 7797 §3',
  },
  ppt: {
    title: 'PASSporT extension',
    description: 'Which PASSporT extension the token uses.',
    source: 'RFC 8225 §8.1',
  },
  url: { title: 'URL', description: 'The URL the request is for (ACME).', source: 'RFC 8555 §6.4.1' },
  nonce: {
    title: 'Nonce',
    description: 'A server-issued nonce against replay (ACME).',
    source: 'RFC 8555 §6.5.2',
  },
};
