import { describe, expect, it } from 'vitest';
import { secureResponse } from './response-headers';

describe('secureResponse', () => {
  it('adds HSTS over HTTPS only', () => {
    expect(secureResponse(new Response('x'), { https: true }).headers.get('strict-transport-security')).toMatch(
      /^max-age=\d{8,}/,
    );
    expect(secureResponse(new Response('x'), { https: false }).headers.has('strict-transport-security')).toBe(false);
  });

  it('puts the page policy on pages', () => {
    expect(
      secureResponse(new Response('x'), { https: false, csp: "script-src 'nonce-a'" }).headers.get(
        'content-security-policy',
      ),
    ).toBe("script-src 'nonce-a'");
  });
});
