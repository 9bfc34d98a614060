import { describe, expect, it } from 'vitest';
import { proxyResponse } from './integration.js';

describe('proxyResponse (the Lambda proxy result as API Gateway returns it)', () => {
  it('merges headers and multiValueHeaders, keeping a pair present in both once (the multiValueHeaders one)', () => {
    const response = proxyResponse(
      {
        statusCode: 200,
        headers: { 'Set-Cookie': 'a=1', 'X-Single': 'one' },
        multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'], 'X-Multi': ['x', 'x'] },
        body: '',
      },
      'req-1',
    );
    expect(response?.multiValueHeaders).toMatchObject({
      'Set-Cookie': ['a=1', 'b=2'],
      'X-Single': ['one'],
      'X-Multi': ['x', 'x'],
    });
  });

  it('keeps a headers value that multiValueHeaders does not repeat, before the multi values', () => {
    const response = proxyResponse(
      { statusCode: 200, headers: { Vary: 'Origin' }, multiValueHeaders: { Vary: ['Accept'] }, body: '' },
      'req-2',
    );
    expect(response?.multiValueHeaders['Vary']).toEqual(['Origin', 'Accept']);
    expect(response?.headers['Vary']).toBe('Accept');
  });
});
