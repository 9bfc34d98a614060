import {
  AuthResponse,
  AuthRoute,
  Chalice,
  type Request,
  Response,
  UnauthorizedError,
} from '@chalice-ts/runtime';

/** Response header every handler sets: proof that a request reached the integration. */
export const HANDLER_HEADER = 'x-corpus-handler';
/** Response header with the method the handler saw (method-override cases check it). */
export const METHOD_HEADER = 'x-corpus-method';

/**
 * The fixed app the adversarial corpus (`hardening/corpus.jsonl`) is written against. Its routes
 * and authorizers are mirrored in `hardening/gen-corpus.mjs`; change both together.
 *
 * - `demo_auth` (TOKEN, header `Authorization`, TTL 300): `allow` may GET `/` and `/items/{id}`,
 *   `admin` may do anything, `deny` gets an empty policy (403), any other token is Unauthorized (401).
 *   Its answer depends on the token only, so the TTL cache cannot change an outcome.
 * - `key_auth` (REQUEST, identity sources `header:X-Api-Key` + `query:token`): key `k1` with token
 *   `t1` may call `/reports/{id}`; key `k1` with another token gets an empty policy; else 401.
 *
 * @example
 * ```ts
 * const gateway = new LocalGateway(corpusApp());
 * await gateway.handleRequest({ method: 'GET', path: '/items/1', headers: { Authorization: 'allow' } });
 * ```
 */
export function corpusApp(): Chalice {
  const app = new Chalice({ appName: 'hardening' });
  const demoAuth = app.authorizer({ name: 'demo_auth', ttlSeconds: 300 }, (authRequest) => {
    switch (authRequest.token) {
      case 'allow':
        return new AuthResponse({
          routes: [new AuthRoute('/', ['GET']), new AuthRoute('/items/{id}', ['GET'])],
          principalId: 'user',
        });
      case 'admin':
        return new AuthResponse({ routes: ['*'], principalId: 'admin' });
      case 'deny':
        return new AuthResponse({ routes: [], principalId: 'user' });
      default:
        throw new UnauthorizedError('unknown token');
    }
  });
  const keyAuth = app.authorizer(
    {
      name: 'key_auth',
      type: 'request',
      identitySources: ['header:X-Api-Key', 'query:token'],
      ttlSeconds: 300,
    },
    (authRequest) => {
      const key = headerValue(authRequest.headers, 'x-api-key');
      const token = authRequest.queryStringParameters?.token;
      if (key !== 'k1') throw new UnauthorizedError('unknown key');
      return new AuthResponse({ routes: token === 't1' ? ['/reports/{id}'] : [], principalId: 'key-user' });
    },
  );

  const reached = (name: string) => (request: Request) =>
    new Response({
      body: { handler: name, method: request.method, path: request.path, params: request.params },
      headers: { [HANDLER_HEADER]: name, [METHOD_HEADER]: request.method },
    });

  app.route('/', { authorizer: demoAuth }, reached('root'));
  app.route('/health', reached('health'));
  app.route('/items/{id}', { methods: ['GET', 'PUT'], authorizer: demoAuth }, reached('item'));
  app.route('/items/{id}/secret', { authorizer: demoAuth }, reached('item-secret'));
  app.route('/admin', { methods: ['GET', 'POST'], authorizer: demoAuth }, reached('admin'));
  app.route('/files/{proxy+}', { authorizer: demoAuth }, reached('files'));
  app.route('/public/{name}', reached('public'));
  app.route('/reports/{id}', { authorizer: keyAuth }, reached('report'));
  app.route('/cors', { authorizer: demoAuth, cors: true }, reached('cors'));
  return app;
}

// REQUEST authorizer events carry header names as sent; look the key up case-insensitively.
function headerValue(
  headers: Readonly<Record<string, string>> | null | undefined,
  name: string,
): string | undefined {
  if (!headers) return undefined;
  let found: string | undefined;
  for (const key in headers) if (key.toLowerCase() === name) found = headers[key];
  return found;
}
