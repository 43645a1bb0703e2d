import { describe, expect, it } from 'vitest';
import { refuseMalformedRequest } from './request-sanity';

const ORIGIN = 'http://127.0.0.1:3210';

function check(method: string, rawPath: string): Response | null {
  // `new Request` keeps the path as given; the proxy sees Next's pathname, which may be decoded.
  const request = new Request(`${ORIGIN}${rawPath}`, { method: method === 'TRACE' ? 'GET' : method });
  Object.defineProperty(request, 'method', { value: method });
  return refuseMalformedRequest(request, new URL(request.url).pathname);
}

describe('refuseMalformedRequest', () => {
  it.each(['/api/routers/%c0%ae%c0%ae%2fx', '/api/routers/%ff', '/api/routers/%E0%A4%A', '/routers/%c0%ae'])(
    'answers 400 for a path that does not decode: %s',
    async (path) => {
      const response = check('GET', path);
      expect(response?.status).toBe(400);
      expect(await response?.json()).toMatchObject({ error: { code: 'bad_request' } });
    },
  );

  it.each([
    ['TRACE', '/api/groups', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/routers/1', 'GET, PATCH, HEAD, OPTIONS'],
    ['PUT', '/api/routers/1', 'GET, PATCH, HEAD, OPTIONS'],
    ['GET', '/api/ncm-webhook', 'POST, OPTIONS'],
    ['TRACE', '/routers', 'GET, HEAD, POST'],
    ['DELETE', '/login', 'GET, HEAD, POST'],
  ])('answers 405 with Allow for %s %s', (method, path, allow) => {
    const response = check(method, path);
    expect(response?.status).toBe(405);
    expect(response?.headers.get('allow')).toBe(allow);
  });

  it.each([
    ['GET', '/api/groups'],
    ['PATCH', '/api/routers/1'],
    ['HEAD', '/api/routers'],
    ['POST', '/api/auth/callback/credentials'],
    ['GET', '/api/unknown-route'],
    ['GET', '/routers/%E2%9C%93'],
    ['POST', '/login'],
  ])('lets %s %s through', (method, path) => {
    expect(check(method, path)).toBeNull();
  });
});
