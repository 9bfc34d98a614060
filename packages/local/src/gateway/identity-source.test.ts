import { describe, expect, it } from 'vitest';
import { compileIdentitySources, readIdentitySources } from './identity-source.js';
import { buildRequestContext, type RequestFacts } from './proxy-event.js';
import { eventBody, normalizeHeaders, parseQuery } from './request-parts.js';

function facts(
  headers: Record<string, string>,
  search: string,
  stageVariables: Record<string, string> | null = null,
) {
  const value: RequestFacts = {
    method: 'GET',
    path: '/',
    resourcePath: '/',
    pathParameters: null,
    headers: normalizeHeaders(headers),
    query: parseQuery(search),
    stageVariables,
    body: eventBody(undefined, undefined),
    requestContext: buildRequestContext({
      accountId: '123456789012',
      apiId: 'api',
      resourceId: 'r',
      stage: 'api',
      requestId: 'req-1',
      resourcePath: '/',
      httpMethod: 'GET',
      path: '/',
      sourceIp: '10.1.2.3',
      userAgent: null,
      host: null,
      nowMs: 0,
    }),
  };
  return value;
}

describe('readIdentitySources', () => {
  it.each([
    [['header:X-Api-Key'], { 'x-api-key': 'k' }, '', null, ['k']],
    [['query:token'], {}, 'token=t', null, ['t']],
    [['stage:tenant'], {}, '', { tenant: 'acme' }, ['acme']],
    [['context:identity.sourceIp'], {}, '', null, ['10.1.2.3']],
    [['header:X-Api-Key', 'query:token'], { 'X-API-KEY': 'k' }, 'token=t', null, ['k', 't']],
  ])('reads %j', (sources, headers, search, stage, expected) => {
    expect(readIdentitySources(compileIdentitySources(sources), facts(headers, search, stage))).toEqual(
      expected,
    );
  });

  it.each([
    [['header:X-Api-Key'], {}, ''],
    [['header:X-Api-Key'], { 'X-Api-Key': '' }, ''],
    [['header:X-Api-Key', 'query:token'], { 'X-Api-Key': 'k' }, ''],
    [['query:token'], {}, 'token='],
    [['stage:tenant'], {}, ''],
    [['context:nope'], {}, ''],
  ])('returns null (401, authorizer not invoked) when %j is missing or empty', (sources, headers, search) => {
    expect(readIdentitySources(compileIdentitySources(sources), facts(headers, search))).toBeNull();
  });
});
