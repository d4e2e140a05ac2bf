/**
 * HTTP/1.1 messages (RFC 9112) and Redis commands (RESP) as text, so every event's size is
 * the size of bytes that would really cross the wire.
 */

export interface HttpRequest {
  method: string;
  host: string;
  path: string;
  scheme?: 'https' | 'http';
  headers?: [string, string][];
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers?: [string, string][];
  body?: string;
}

const reasons: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  302: 'Found',
  401: 'Unauthorized',
  403: 'Forbidden',
  503: 'Service Unavailable',
};

export const byteLength = (text: string): number => new TextEncoder().encode(text).length;

function headerLines(headers: [string, string][], body: string | undefined): string {
  const all = [...headers];
  if (body !== undefined) all.push(['Content-Length', String(byteLength(body))]);
  return all.map(([name, value]) => `${name}: ${value}\r\n`).join('');
}

export function serializeRequest(request: HttpRequest): string {
  const headers: [string, string][] = [['Host', request.host], ...(request.headers ?? [])];
  return `${request.method} ${request.path} HTTP/1.1\r\n${headerLines(headers, request.body)}\r\n${request.body ?? ''}`;
}

export function serializeResponse(response: HttpResponse): string {
  const reason = reasons[response.status] ?? '';
  return `HTTP/1.1 ${response.status} ${reason}\r\n${headerLines(response.headers ?? [], response.body)}\r\n${response.body ?? ''}`;
}

/** A command in the Redis serialization protocol: `*2\r\n$3\r\nGET\r\n$…`. */
export function respCommand(...parts: string[]): string {
  return `*${parts.length}\r\n${parts.map((part) => `$${byteLength(part)}\r\n${part}\r\n`).join('')}`;
}

/** A Redis reply: a bulk string, or the null bulk string when the key is absent. */
export function respReply(value: string | null | number): string {
  if (value === null) return '$-1\r\n';
  if (typeof value === 'number') return `:${value}\r\n`;
  return `$${byteLength(value)}\r\n${value}\r\n`;
}
