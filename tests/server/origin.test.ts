import { describe, expect, it } from 'vitest';
import { originAllowed } from '../../src/server/origin.ts';

const SITE = 'https://alongside.example.org';
const TRUSTED = ['https://training.example.org'];

const request = (method: string, headers: Record<string, string> = {}): Request =>
  new Request(`${SITE}/api/attempts`, { method, headers });

describe('originAllowed: the CSRF check on every state-changing request', () => {
  it('accepts a request from the site itself', () => {
    expect(originAllowed(request('POST', { origin: SITE }), [])).toBe(true);
  });

  it('accepts a configured trusted origin, and only that one', () => {
    expect(originAllowed(request('POST', { origin: 'https://training.example.org' }), TRUSTED)).toBe(true);
    expect(originAllowed(request('POST', { origin: 'https://training.example.org.evil.test' }), TRUSTED)).toBe(false);
  });

  it('refuses another site, including the same host on another scheme or port', () => {
    for (const origin of ['https://evil.example.com', 'http://alongside.example.org', `${SITE}:8443`, 'null'])
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
        expect(originAllowed(request(method, { origin }), TRUSTED), `${method} from ${origin}`).toBe(false);
  });

  it('without an Origin header, accepts only a same-origin Fetch Metadata header', () => {
    expect(originAllowed(request('POST'), TRUSTED)).toBe(false);
    expect(originAllowed(request('POST', { 'sec-fetch-site': 'same-origin' }), TRUSTED)).toBe(true);
    expect(originAllowed(request('POST', { 'sec-fetch-site': 'same-site' }), TRUSTED)).toBe(false);
    expect(originAllowed(request('POST', { 'sec-fetch-site': 'cross-site' }), TRUSTED)).toBe(false);
    expect(originAllowed(request('DELETE', { 'sec-fetch-site': 'none' }), TRUSTED)).toBe(false);
  });

  it('lets reads through whatever their origin: they change nothing', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(originAllowed(request(method, { origin: 'https://evil.example.com' }), [])).toBe(true);
  });
});
