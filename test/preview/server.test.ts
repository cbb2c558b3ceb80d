// Issue 8, 3.7: the preview server answers malformed requests with 400, never 500, and serves one person
// at a time (README). Needs `npm run build` first (the server loads dist/).
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { MAX_BODY_BYTES, startPreview, type PreviewServer } from '../../preview/server';

jest.setTimeout(60_000);

let preview: PreviewServer;
beforeAll(async () => {
  preview = await startPreview({ port: 0 });
});
afterAll(async () => {
  await preview?.close();
});

const post = (path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(new URL(path, preview.url), { method: 'POST', headers, body });

/** The status line's code of a raw request written as it is (fetch would refuse to send it). */
function rawStatus(requestText: string): Promise<number> {
  const { hostname, port } = new URL(preview.url);
  return new Promise((answered, failed) => {
    const socket = connect(Number(port), hostname, () => socket.write(requestText));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (match) {
        answered(Number(match[1]));
        socket.destroy();
      }
    });
    socket.on('error', failed);
    socket.on('end', () => failed(new Error(`no status line: ${JSON.stringify(data)}`)));
  });
}

describe('the preview server refuses malformed requests with 400, never with 500', () => {
  test('deeply nested JSON within the body limit', async () => {
    for (const depth of [10_000, 200_000]) {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      expect(nested.length).toBeLessThan(MAX_BODY_BYTES - 64);
      for (const path of ['/api/run', '/api/edit', '/api/reset']) {
        const answer = await post(path, `{"name":"getSidebarContext","args":${nested}}`);
        expect([path, depth, answer.status]).toEqual([path, depth, 400]);
      }
    }
    // An import chunk's depth (the envelope, the arguments, a request, its rows) is still fine.
    expect((await post('/api/run', JSON.stringify({ name: 'getSidebarContext', args: [] }))).status).toBe(200);
  });

  test('a request line whose target is not a valid URL', async () => {
    const { port } = new URL(preview.url);
    for (const target of ['http://[', 'http://[::1', '//[']) {
      expect(await rawStatus(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toBe(400);
    }
  });

  // Refused (400) as any other media type than JSON is, not accepted as JSON.
  test('a content type that only starts like application/json', async () => {
    const body = JSON.stringify({ name: 'getSidebarContext', args: [] });
    for (const type of ['application/jsonx', 'application/json-patch+json', 'application/jsonp; charset=utf-8']) {
      expect([type, (await post('/api/run', body, { 'Content-Type': type })).status]).toEqual([type, 400]);
    }
    // application/json with parameters, in any case, is JSON.
    for (const type of ['application/json; charset=utf-8', 'Application/JSON']) {
      expect([type, (await post('/api/run', body, { 'Content-Type': type })).status]).toEqual([type, 200]);
    }
  });
});

test('the README says the preview serves one person at a time', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
  expect(readme).toMatch(/The preview serves one person: /);
});
