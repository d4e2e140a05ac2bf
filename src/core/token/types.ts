import type { JsonPath } from './json';
import type { Finding } from '../audit/types';

export type TokenFormat = 'jws-compact' | 'jwe-compact' | 'jws-json' | 'jwe-json';

export type PartName =
  'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag' | 'aad' | 'json';

export interface TokenPart {
  name: PartName;
  /** The part as it appears in the token (base64url, or JSON for JSON serialization). */
  text: string;
  /** Decoded size in bytes (for base64url parts), or the text's UTF-8 size. */
  bytes: number;
  /** Why this part could not be decoded, when it could not. */
  error?: string;
  /** Where in `text` (1-based) the damage is, when one character is to blame. */
  errorPosition?: number;
}

export type ErrorCode =
  | 'empty'
  | 'part-count'
  | 'base64url'
  | 'utf8'
  | 'json'
  | 'not-an-object'
  | 'json-serialization'
  | 'unexpected';

export interface InspectionError {
  code: ErrorCode;
  message: string;
  /** 1-based index of the part at fault (1 = header). */
  part?: number;
  /** 1-based character position in that part (or byte position for UTF-8 errors). */
  position?: number;
}

/**
 * What decoding found, before any rule looked at it. Audit rules read this, not raw text.
 */
export interface DecodedToken {
  format: TokenFormat;
  /** The token after trimming, as it would be sent. */
  token: string;
  header: Record<string, unknown>;
  /** Parsed JSON payload, its text when it is not JSON, or undefined for an encrypted payload. */
  payload: unknown;
  parts: TokenPart[];
  duplicates: { part: PartName; path: JsonPath; name: string }[];
  noncanonical: { part: PartName; reason: string }[];
  /** What the decoder forgave in the input ("a leading Bearer was dropped"). */
  notes: string[];
}

export type Inspection =
  | ({ ok: true; findings: Finding[] } & DecodedToken)
  | {
      ok: false;
      error: InspectionError;
      findings: Finding[];
      /** Whatever could still be decoded, so a damaged token is never a blank panel. */
      format?: TokenFormat;
      header?: Record<string, unknown>;
      payload?: unknown;
      parts: TokenPart[];
      notes: string[];
    };
