import { describe, expect, it } from 'vitest';
import { minimalProxyEvent, proxyEvent } from '../fixtures/aws-events.js';
import { Request } from './request.js';

describe('Request', () => {
  it('reads headers case-insensitively, keeping every value of a repeated header', () => {
    const request = new Request(proxyEvent());
    expect(request.headers.get('HEADER2')).toBe('value2');
    expect(request.headers.getAll('header2')).toEqual(['value1', 'value2']);
    expect(request.headers.has('Header1')).toBe(true);
    expect(request.headers.get('missing')).toBeUndefined();
  });

  it('falls back to single-value maps when multi-value maps are absent', () => {
    const event = minimalProxyEvent('/', '/');
    event.headers = { Authorization: 'allow' };
    event.queryStringParameters = { q: 'x' };
    const request = new Request(event);
    expect(request.headers.get('authorization')).toBe('allow');
    expect(request.query.getAll('q')).toEqual(['x']);
  });

  it('keeps query names case-sensitive', () => {
    const request = new Request(proxyEvent());
    expect(request.query.get('parameter1')).toBe('value2');
    expect(request.query.get('PARAMETER1')).toBeUndefined();
  });

  it('decodes base64 bodies to bytes and text', () => {
    const event = minimalProxyEvent('/', '/', 'POST');
    event.body = Buffer.from([0xff, 0x00, 0x41]).toString('base64');
    event.isBase64Encoded = true;
    const request = new Request(event);
    expect([...request.rawBody]).toEqual([0xff, 0x00, 0x41]);
  });

  it('leaves json undefined for an empty body or a non-JSON content type', () => {
    expect(new Request(minimalProxyEvent('/', '/')).json).toBeUndefined();
    const form = {
      ...minimalProxyEvent('/', '/'),
      headers: { 'Content-Type': 'text/plain' },
      body: '{"a":1}',
    };
    expect(new Request(form).json).toBeUndefined();
    const vendor = {
      ...minimalProxyEvent('/', '/'),
      headers: { 'Content-Type': 'application/vnd.api+json' },
      body: '{"a":1}',
    };
    expect(new Request(vendor).json).toEqual({ a: 1 });
  });

  it('keeps a malformed percent-escape in a path parameter as sent', () => {
    const request = new Request({ ...minimalProxyEvent('/{id}', '/%'), pathParameters: { id: '%' } });
    expect(request.params).toEqual({ id: '%' });
  });

  it('exposes stage variables, an empty map when there are none', () => {
    expect(new Request(minimalProxyEvent('/', '/')).stageVars).toEqual({});
    expect(new Request({ ...minimalProxyEvent('/', '/'), stageVariables: { env: 'dev' } }).stageVars).toEqual(
      { env: 'dev' },
    );
  });

  it('serialises to its parsed fields', () => {
    const json = JSON.parse(JSON.stringify(new Request(proxyEvent())));
    expect(json).toMatchObject({
      method: 'GET',
      path: '/my/path',
      headers: { header1: 'value1', header2: 'value2' },
    });
  });

  it.each([
    ['application/json', true],
    ['Application/JSON; charset=utf-8', true],
    ['application/vnd.api+json', true],
    ['application/problem+json;q=1', true],
    ['application/json-patch', true],
    ['text/json', true],
    ['application/jsonx', false],
    ['application/json5', false],
    ['application/x-json', false],
    ['application/xjson', false],
    ['json', false],
    ['text/plain', false],
  ])('treats %s as JSON: %s (what /[/+]json\\b/i decides, without a regular expression)', (type, isJson) => {
    const event = proxyEvent({ headers: { 'Content-Type': type }, body: '{"a":1}' });
    expect(new Request(event).json).toEqual(isJson ? { a: 1 } : undefined);
    expect(/[/+]json\b/i.test(type)).toBe(isJson);
  });
});
