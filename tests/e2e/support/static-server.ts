import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A plain static server on 127.0.0.1 and a free port: a second origin for the embed test, or a
 * private copy of the built site for the update test. Routes map a path to fixed HTML.
 */
export async function serveStatic(
  directory: string,
  routes: Record<string, string> = {},
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    requests.push(request.url ?? '');
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (routes[path] !== undefined) {
      response.writeHead(200, { 'content-type': types['.html']! });
      response.end(routes[path]);
      return;
    }
    const file = normalize(join(directory, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(directory))) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
