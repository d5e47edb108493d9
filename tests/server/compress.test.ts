import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressed } from '../../src/server/compress.ts';

const page = '<tr><th>Learner</th><td>Done</td></tr>'.repeat(200);
const request = (encoding?: string) =>
  new Request('http://127.0.0.1/trainer/', { headers: encoding ? { 'accept-encoding': encoding } : {} });
const html = () => new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } });

describe('gzip for on-demand responses', () => {
  it('gzips a large HTML page for a browser that accepts gzip, and the page reads the same', async () => {
    const response = compressed(request('gzip, deflate, br'), html());
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(page.length / 10);
    expect(gunzipSync(body).toString('utf8')).toBe(page);
  });

  it('leaves alone clients without gzip, small bodies, redirects and other types', () => {
    expect(compressed(request(), html()).headers.get('content-encoding')).toBeNull();
    const small = new Response('{"ok":true}', {
      headers: { 'content-type': 'application/json', 'content-length': '11' },
    });
    expect(compressed(request('gzip'), small)).toBe(small);
    const redirect = new Response(null, { status: 303, headers: { location: '/account/' } });
    expect(compressed(request('gzip'), redirect)).toBe(redirect);
    const image = new Response(page, { headers: { 'content-type': 'image/svg+xml' } });
    expect(compressed(request('gzip'), image)).toBe(image);
  });
});
