#!/usr/bin/env node
// Generates hardening/corpus.jsonl (one case per line): adversarial requests against the fixed corpus app
// (packages/local/src/hardening/corpus-app.ts) with the outcome API Gateway (REST API) would give.
//
//   node hardening/gen-corpus.mjs          # rewrite corpus.jsonl
//   node hardening/gen-corpus.mjs --check  # exit 1 when corpus.jsonl is stale
//
// Expected outcomes come from the rules in RULES (each case names the rule it follows), applied
// by a small model of API Gateway written here, independently of packages/local. Deterministic:
// no randomness, no clock.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('./corpus.jsonl', import.meta.url));

/** The rules the expected outcomes follow; `confidence` says how we know. */
const RULES = {
  route: {
    text: 'REST API routing: the raw (still percent-encoded) path is matched segment by segment against resources, literal > {param} > {proxy+}; a {param} needs a non-empty segment; no resource, or no method on it, is 403 MissingAuthenticationTokenException.',
    confidence: 'documented',
  },
  methodCase: {
    text: 'HTTP method tokens are case-sensitive (RFC 9110 §9.1); API Gateway methods are upper-case, so `get` names no method: 403 MissingAuthenticationTokenException. No HEAD-for-GET fallback.',
    confidence: 'inferred',
  },
  pathCase: {
    text: 'Resource paths are case-sensitive: /Health is not /health (403 MissingAuthenticationToken).',
    confidence: 'documented',
  },
  trailingSlash: {
    text: 'A single trailing slash is ignored when routing (/items/1/ routes like /items/1).',
    confidence: 'observed',
  },
  emptySegment: {
    text: 'Slashes are not merged: an empty segment from `//` matches no literal and no {param} (403 MissingAuthenticationToken); a {proxy+} takes any non-empty remainder.',
    confidence: 'inferred',
  },
  encodedSlash: {
    text: 'Routing uses the raw path: %2F / %2f / %5C do not split segments and are not decoded before routing; a {param} receives the segment still encoded.',
    confidence: 'observed',
  },
  dotSegment: {
    text: 'No RFC 3986 dot-segment removal: `.` and `..` (raw or %2E-encoded) are ordinary segment values.',
    confidence: 'inferred',
  },
  query: {
    text: 'The query string is not part of the route or of the method ARN; only the path before the first `?` is routed. A `?` encoded as %3F stays in the path.',
    confidence: 'documented',
  },
  tokenMissing: {
    text: 'TOKEN authorizer: the identity source header missing or empty -> 401 UnauthorizedException without invoking the authorizer.',
    confidence: 'documented',
  },
  tokenRaw: {
    text: 'TOKEN authorizer: the authorizer receives the header value as sent (a `Bearer ` prefix is not stripped); the app decides.',
    confidence: 'documented',
  },
  headerName: {
    text: 'Header names are case-insensitive (RFC 9110 §5.1); the identity source header matches in any case.',
    confidence: 'documented',
  },
  ows: {
    text: 'Leading/trailing OWS (SP, HTAB) is not part of a field value (RFC 9112 §5.1); other whitespace (NBSP, inner spaces) is.',
    confidence: 'documented',
  },
  duplicate: {
    text: 'A repeated header: the single-value view (and the identity source) holds the last value; all values go to multiValueHeaders.',
    confidence: 'inferred',
  },
  fold: {
    text: 'obs-fold (RFC 9112 §5.2): a server rejects it with 400 or replaces it by SP; node rejects (400), API Gateway is modelled as replacing.',
    confidence: 'documented',
  },
  override: {
    text: 'API Gateway never honours X-HTTP-Method-Override / X-HTTP-Method / X-Method-Override: the method on the wire routes and goes into the method ARN.',
    confidence: 'documented',
  },
  policy: {
    text: 'The returned policy is evaluated against arn:...:<api>/<stage>/<METHOD>/<path>; no matching Allow -> 403 AccessDeniedException; IAM `*` matches any run including `/`.',
    confidence: 'documented',
  },
  unauthorized: {
    text: 'The authorizer failing with "Unauthorized" -> 401 UnauthorizedException.',
    confidence: 'documented',
  },
  requestSources: {
    text: 'REQUEST authorizer: every identity source (header:X-Api-Key, query:token) must be present and non-empty, else 401 without invoking; query values are URL-decoded, names case-sensitive, last value wins.',
    confidence: 'documented',
  },
  nonUtf8: {
    text: 'Percent-encoded bytes that are not UTF-8 are routed raw like any other segment; they must never crash the gateway or skip authorization.',
    confidence: 'inferred',
  },
  limits: {
    text: 'Oversized request lines/headers are refused before routing (API Gateway: 10 KB header quota; node: 16 KB -> 431). They never reach an authorizer or a handler.',
    confidence: 'documented',
  },
  cors: {
    text: 'OPTIONS on a route with CORS is answered by the gateway (mock integration) without authorization; the handler is not invoked.',
    confidence: 'documented',
  },
  wire: {
    text: 'Malformed HTTP (invalid method token, whitespace before a colon, control characters) is rejected by the HTTP front end with 400 before routing.',
    confidence: 'documented',
  },
  absoluteForm: {
    text: 'An absolute-form request target (GET http://host/path) must be accepted by an HTTP/1.1 server (RFC 9112 §3.2.2) and routes by its path.',
    confidence: 'documented',
  },
};

// ---- the corpus app, as API Gateway sees it (mirror of corpus-app.ts) ----------------------------
const ROUTES = [
  { path: '/', methods: ['GET'], auth: 'demo_auth', name: 'root' },
  { path: '/health', methods: ['GET'], auth: null, name: 'health' },
  { path: '/items/{id}', methods: ['GET', 'PUT'], auth: 'demo_auth', name: 'item' },
  { path: '/items/{id}/secret', methods: ['GET'], auth: 'demo_auth', name: 'item-secret' },
  { path: '/admin', methods: ['GET', 'POST'], auth: 'demo_auth', name: 'admin' },
  { path: '/files/{proxy+}', methods: ['GET'], auth: 'demo_auth', name: 'files' },
  { path: '/public/{name}', methods: ['GET'], auth: null, name: 'public' },
  { path: '/reports/{id}', methods: ['GET'], auth: 'key_auth', name: 'report' },
  { path: '/cors', methods: ['GET'], auth: 'demo_auth', name: 'cors', cors: true },
];

/** Resource patterns (after the `<api>/<stage>/` prefix) each demo_auth token is granted. */
const DEMO_POLICY = { allow: ['GET/', 'GET/items/*'], admin: ['*/*'], deny: [] };

function segmentsOf(template) {
  return template === '/' ? [] : template.slice(1).split('/');
}

/** The resource a raw path routes to, or null (rules: route, trailingSlash, emptySegment). */
function findResource(rawPath) {
  if (!rawPath.startsWith('/')) return null;
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  const parts = path === '/' ? [] : path.slice(1).split('/');
  // Every resource the path fits, ranked segment by segment: literal (2) > {param} (1) > {proxy+} (0).
  const fits = [];
  for (const route of ROUTES) {
    const t = segmentsOf(route.path);
    const rank = [];
    let ok = true;
    let greedy = false;
    for (let i = 0; i < t.length && ok; i++) {
      const seg = t[i];
      if (seg.endsWith('+}')) {
        ok = parts.slice(i).join('/') !== '';
        greedy = true;
        rank.push(0);
      } else if (seg.startsWith('{')) {
        ok = parts[i] !== undefined && parts[i] !== '';
        rank.push(1);
      } else {
        ok = parts[i] === seg;
        rank.push(2);
      }
    }
    if (ok && (greedy || t.length === parts.length)) fits.push({ route, rank });
  }
  fits.sort((a, b) => {
    for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
      const d = (b.rank[i] ?? -1) - (a.rank[i] ?? -1);
      if (d !== 0) return d;
    }
    return 0;
  });
  return fits[0]?.route ?? null;
}

function glob(pattern, value) {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((s) => s.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
  );
  return re.test(value);
}

/** The last value of a header, OWS-trimmed and obs-fold replaced by SP (rules: headerName, ows, duplicate, fold). */
function headerOf(headers, name) {
  let value;
  for (const [n, v] of headers) if (n.toLowerCase() === name) value = v;
  return value === undefined ? undefined : value.replace(/\r\n[ \t]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, '');
}

function queryOf(rawPath, name) {
  const q = rawPath.indexOf('?');
  if (q === -1) return undefined;
  let value;
  for (const pair of rawPath.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    const k = eq === -1 ? pair : pair.slice(0, eq);
    if (safeDecode(k) === name) value = safeDecode(eq === -1 ? '' : pair.slice(eq + 1));
  }
  return value;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const E = {
  mat: { status: 403, errorType: 'MissingAuthenticationTokenException', reachesHandler: false },
  unauthorized: { status: 401, errorType: 'UnauthorizedException', reachesHandler: false },
  denied: { status: 403, errorType: 'AccessDeniedException', reachesHandler: false },
};

/** The expected outcome of a well-formed request under the rules above. */
function expectFor(method, rawPath, headers) {
  const q = rawPath.indexOf('?');
  const path = q === -1 ? rawPath : rawPath.slice(0, q);
  const route = findResource(path);
  if (route === null) return E.mat;
  if (!route.methods.includes(method)) {
    if (method === 'OPTIONS' && route.cors) return { status: 200, reachesHandler: false };
    return E.mat;
  }
  const arnPath = (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path).slice(1);
  const arnTail = `${method}/${arnPath}`;
  const reached = { status: 200, reachesHandler: true, handlerMethod: method };
  if (route.auth === null) return reached;
  if (route.auth === 'demo_auth') {
    const token = headerOf(headers, 'authorization');
    if (token === undefined || token === '') return E.unauthorized;
    const policy = DEMO_POLICY[token];
    if (policy === undefined || !Object.hasOwn(DEMO_POLICY, token)) return E.unauthorized;
    return policy.some((p) => glob(p, arnTail)) ? reached : E.denied;
  }
  const key = headerOf(headers, 'x-api-key');
  const token = queryOf(rawPath, 'token');
  if (!key || !token) return E.unauthorized;
  if (key !== 'k1') return E.unauthorized;
  return token === 't1' && glob('*/reports/*', arnTail) ? reached : E.denied;
}

// ---- cases ----------------------------------------------------------------------------------------
const cases = [];
const ids = new Set();

/**
 * Adds a case. `expect` defaults to the model's answer; `http` overrides the dev server's expected
 * status when node's HTTP parser refuses the request first; `only` limits it to one transport.
 */
function add(category, description, request, rule, extra = {}) {
  const headers = request.headers ?? [];
  const expect = extra.expect ?? expectFor(request.method, request.path, headers);
  const n = String(cases.filter((c) => c.category === category).length + 1).padStart(3, '0');
  const id = `${category}-${n}`;
  if (ids.has(id)) throw new Error(`duplicate id ${id}`);
  ids.add(id);
  const r = RULES[rule];
  if (!r) throw new Error(`unknown rule ${rule}`);
  cases.push({
    id,
    category,
    description,
    request: { method: request.method, path: request.path, headers },
    expect: { ...expect, ...(extra.http && { http: extra.http }) },
    ...(extra.only && { transports: [extra.only] }),
    rule: r.text,
    confidence: r.confidence,
  });
}

const AUTH = {
  none: [],
  allow: [['Authorization', 'allow']],
  admin: [['Authorization', 'admin']],
  deny: [['Authorization', 'deny']],
  bogus: [['Authorization', 'bogus']],
};
const TOKENS = Object.keys(AUTH);

// baseline: every route and method with every token, so the app itself is pinned down.
const CONCRETE = {
  '/': '/',
  '/health': '/health',
  '/items/{id}': '/items/1',
  '/items/{id}/secret': '/items/1/secret',
  '/admin': '/admin',
  '/files/{proxy+}': '/files/a/b.txt',
  '/public/{name}': '/public/x',
  '/reports/{id}': '/reports/7',
  '/cors': '/cors',
};
for (const route of ROUTES) {
  for (const token of TOKENS) {
    add(
      'baseline',
      `GET ${CONCRETE[route.path]} with ${token} token`,
      { method: 'GET', path: CONCRETE[route.path], headers: AUTH[token] },
      route.auth === 'key_auth' ? 'requestSources' : 'policy',
    );
  }
}
for (const path of ['/items/1', '/admin', '/health', '/']) {
  for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
    for (const token of ['allow', 'admin']) {
      add(
        'baseline',
        `${method} ${path} with ${token} token`,
        { method, path, headers: AUTH[token] },
        'policy',
      );
    }
  }
}

// percent-encoded slashes, backslashes and dots
const ENCODED = [
  '/items%2F1',
  '/items%2f1',
  '/items/1%2Fsecret',
  '/items/1%2fsecret',
  '/items/a%2Fb',
  '/items/%2F',
  '/items/%2F%2F',
  '/admin%2F',
  '/%2Fadmin',
  '/%2fhealth',
  '/health%2F',
  '/items%252F1',
  '/items/1%252Fsecret',
  '/items%5C1',
  '/items/1%5Csecret',
  '/items\\1',
  '/items/a\\b',
  '/files%2Fa',
  '/files/a%2Fb',
  '/files/%2E%2E%2Fadmin',
  '/%68ealth',
  '/he%61lth',
  '/%61dmin',
  '/items/%31',
  '/public/a%2Fb',
  '/public/%2E%2E',
  '/reports%2F7',
];
for (const path of ENCODED) {
  for (const token of ['none', 'allow'])
    add(
      'encoded',
      `${path} with ${token} token`,
      { method: 'GET', path, headers: AUTH[token] },
      'encodedSlash',
    );
}

// dot segments, raw and encoded
const DOTS = [
  '/items/..',
  '/items/.',
  '/items/1/..',
  '/items/1/../../admin',
  '/health/../admin',
  '/./admin',
  '/../admin',
  '/admin/.',
  '/admin/..',
  '/items/%2E%2E',
  '/items/%2e',
  '/%2E%2E/admin',
  '/items/1/%2E%2E/secret',
  '/items/.../secret',
  '/files/../admin',
  '/files/./../admin',
  '/files/%2E%2E/%2E%2E/admin',
  '/public/..',
  '/public/.',
  '/./',
  '/..',
];
for (const path of DOTS) {
  for (const token of ['none', 'allow'])
    add('dots', `${path} with ${token} token`, { method: 'GET', path, headers: AUTH[token] }, 'dotSegment');
}

// doubled and trailing slashes
const SLASHES = [
  ['/items/1/', 'trailingSlash'],
  ['/admin/', 'trailingSlash'],
  ['/health/', 'trailingSlash'],
  ['/items/1/secret/', 'trailingSlash'],
  ['/cors/', 'trailingSlash'],
  ['/items//1', 'emptySegment'],
  ['//items/1', 'emptySegment'],
  ['//admin', 'emptySegment'],
  ['/admin//', 'emptySegment'],
  ['/health//', 'emptySegment'],
  ['//', 'emptySegment'],
  ['///', 'emptySegment'],
  ['/items/1//secret', 'emptySegment'],
  ['/items//', 'emptySegment'],
  ['/files//a', 'emptySegment'],
  ['/files/a//b', 'emptySegment'],
  ['/files//', 'emptySegment'],
  ['/public//', 'emptySegment'],
  ['//health', 'emptySegment'],
];
for (const [path, rule] of SLASHES) {
  for (const token of ['none', 'allow', 'admin'])
    add('slashes', `${path} with ${token} token`, { method: 'GET', path, headers: AUTH[token] }, rule);
}

// case variants of paths and methods
for (const path of [
  '/Health',
  '/HEALTH',
  '/Items/1',
  '/ITEMS/1',
  '/Admin',
  '/ADMIN',
  '/items/1/Secret',
  '/Files/a',
  '/Public/x',
  '/Reports/7',
  '/Cors',
]) {
  for (const token of ['none', 'admin'])
    add('case', `${path} with ${token} token`, { method: 'GET', path, headers: AUTH[token] }, 'pathCase');
}
for (const method of ['get', 'Get', 'gET', 'put', 'post']) {
  for (const [path, token] of [
    ['/health', 'none'],
    ['/items/1', 'allow'],
    ['/admin', 'admin'],
  ]) {
    add(
      'case',
      `${method} ${path} with ${token} token`,
      { method, path, headers: AUTH[token] },
      'methodCase',
      { http: { status: 400, reachesHandler: false } },
    );
  }
}
for (const method of ['HEAD', 'OPTIONS', 'TRACE', 'PROPFIND']) {
  for (const [path, token] of [
    ['/health', 'none'],
    ['/items/1', 'allow'],
    ['/admin', 'admin'],
  ]) {
    add(
      'case',
      `${method} ${path} with ${token} token`,
      { method, path, headers: AUTH[token] },
      'methodCase',
    );
  }
}
for (const token of ['none', 'bogus']) {
  add(
    'case',
    `OPTIONS /cors (CORS preflight) with ${token} token`,
    { method: 'OPTIONS', path: '/cors', headers: AUTH[token] },
    'cors',
  );
}
add(
  'case',
  'an unknown method token FOO on /health',
  { method: 'FOO', path: '/health', headers: [] },
  'methodCase',
  { http: { status: 400, reachesHandler: false } },
);

// method-override headers never change the method
const OVERRIDES = ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override', 'x-http-method-override'];
for (const name of OVERRIDES) {
  add(
    'override',
    `POST /health with ${name}: GET`,
    { method: 'POST', path: '/health', headers: [[name, 'GET']] },
    'override',
  );
  add(
    'override',
    `POST /items/1 with allow token and ${name}: GET`,
    { method: 'POST', path: '/items/1', headers: [...AUTH.allow, [name, 'GET']] },
    'override',
  );
  add(
    'override',
    `PUT /items/1 with allow token and ${name}: GET`,
    { method: 'PUT', path: '/items/1', headers: [...AUTH.allow, [name, 'GET']] },
    'override',
  );
  add(
    'override',
    `GET /items/1 with allow token and ${name}: DELETE`,
    { method: 'GET', path: '/items/1', headers: [...AUTH.allow, [name, 'DELETE']] },
    'override',
  );
  add(
    'override',
    `POST /admin with allow token and ${name}: GET`,
    { method: 'POST', path: '/admin', headers: [...AUTH.allow, [name, 'GET']] },
    'override',
  );
  add(
    'override',
    `OPTIONS /cors with ${name}: GET`,
    { method: 'OPTIONS', path: '/cors', headers: [[name, 'GET']] },
    'override',
  );
}

// duplicate, case-variant and folded headers
const DUPLICATES = [
  [['allow', 'allow'], '/items/1'],
  [['bogus', 'allow'], '/items/1'],
  [['allow', 'bogus'], '/items/1'],
  [['admin', 'allow'], '/admin'],
  [['allow', 'admin'], '/admin'],
  [['', 'allow'], '/items/1'],
  [['allow', ''], '/items/1'],
  [['deny', 'admin'], '/admin'],
  [['admin', 'deny'], '/admin'],
  [['admin', 'admin', 'bogus'], '/admin'],
];
for (const [values, path] of DUPLICATES) {
  add(
    'headers',
    `Authorization sent ${values.length} times (${values.map((v) => JSON.stringify(v)).join(', ')}) on ${path}`,
    { method: 'GET', path, headers: values.map((v) => ['Authorization', v]) },
    'duplicate',
  );
}
add(
  'headers',
  'Authorization and authorization (admin then allow) on /admin',
  {
    method: 'GET',
    path: '/admin',
    headers: [
      ['Authorization', 'admin'],
      ['authorization', 'allow'],
    ],
  },
  'duplicate',
);
add(
  'headers',
  'authorization and AUTHORIZATION (allow then admin) on /admin',
  {
    method: 'GET',
    path: '/admin',
    headers: [
      ['authorization', 'allow'],
      ['AUTHORIZATION', 'admin'],
    ],
  },
  'duplicate',
);
add(
  'headers',
  'a comma-joined Authorization value "allow, admin"',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'allow, admin']] },
  'tokenRaw',
);
for (const name of ['authorization', 'AUTHORIZATION', 'aUtHoRiZaTiOn']) {
  add(
    'headers',
    `${name}: allow on /items/1`,
    { method: 'GET', path: '/items/1', headers: [[name, 'allow']] },
    'headerName',
  );
}
add(
  'headers',
  'X-Authorization: admin is not the identity source',
  { method: 'GET', path: '/admin', headers: [['X-Authorization', 'admin']] },
  'tokenMissing',
);
add(
  'headers',
  'Authorization-Token: admin is not the identity source',
  { method: 'GET', path: '/admin', headers: [['Authorization-Token', 'admin']] },
  'tokenMissing',
);
add(
  'headers',
  'a folded Authorization value "al" + fold + "low"',
  { method: 'GET', path: '/items/1', headers: [['Authorization', 'al\r\n low']] },
  'fold',
  { http: { status: 400, reachesHandler: false } },
);
add(
  'headers',
  'a folded Authorization value "admin" + fold + "" on /admin',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'admin\r\n \t']] },
  'fold',
  { http: { status: 400, reachesHandler: false } },
);
add(
  'headers',
  'a folded X-Pad header hiding "Authorization: admin"',
  { method: 'GET', path: '/admin', headers: [['X-Pad', 'a\r\n Authorization: admin']] },
  'fold',
  { http: { status: 400, reachesHandler: false } },
);
add(
  'headers',
  'a folded header before a real Authorization: allow',
  {
    method: 'GET',
    path: '/items/1',
    headers: [
      ['X-Pad', 'a\r\n b'],
      ['Authorization', 'allow'],
    ],
  },
  'fold',
  { http: { status: 400, reachesHandler: false } },
);
add(
  'headers',
  'whitespace before the colon: "Authorization : admin"',
  { method: 'GET', path: '/admin', headers: [['Authorization ', 'admin']] },
  'wire',
  { only: 'http', expect: { status: 400, reachesHandler: false } },
);
add(
  'headers',
  'a CR/LF inside the token value (in-process only)',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'admin\r\nX-Injected: 1']] },
  'tokenRaw',
  { only: 'gateway', expect: E.unauthorized },
);

// whitespace around tokens
const WHITESPACE = [
  [' allow', 'ows'],
  ['allow ', 'ows'],
  ['  allow  ', 'ows'],
  ['\tallow\t', 'ows'],
  [' \t allow \t ', 'ows'],
  ['al low', 'tokenRaw'],
  ['allow\u00a0', 'ows'],
  ['\u00a0allow', 'ows'],
  ['allow\u200b', 'ows'],
  ['   ', 'tokenMissing'],
  ['\t', 'tokenMissing'],
  ['"allow"', 'tokenRaw'],
  ["'allow'", 'tokenRaw'],
  ['allow;', 'tokenRaw'],
  ['allow,', 'tokenRaw'],
];
for (const [value, rule] of WHITESPACE) {
  add(
    'whitespace',
    `Authorization ${JSON.stringify(value)} on /items/1`,
    { method: 'GET', path: '/items/1', headers: [['Authorization', value]] },
    rule,
  );
  add(
    'whitespace',
    `Authorization ${JSON.stringify(value.replace('allow', 'admin'))} on /admin`,
    { method: 'GET', path: '/admin', headers: [['Authorization', value.replace('allow', 'admin')]] },
    rule,
  );
}
add(
  'whitespace',
  'a vertical tab after the token',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'admin\x0b']] },
  'wire',
  { http: { status: 400, reachesHandler: false } },
);
add(
  'whitespace',
  'a NUL byte after the token',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'admin\x00']] },
  'wire',
  { http: { status: 400, reachesHandler: false } },
);

// Bearer prefixes: the built-in authorizer sees the raw value
for (const value of [
  'Bearer allow',
  'bearer allow',
  'BEARER allow',
  'Bearer  allow',
  'Bearer\tallow',
  'Bearer',
  'Bearer ',
  'Basic allow',
  'allow Bearer',
  'Bearer admin',
  'Token admin',
]) {
  const path = value.includes('admin') ? '/admin' : '/items/1';
  add(
    'bearer',
    `Authorization ${JSON.stringify(value)} on ${path}`,
    { method: 'GET', path, headers: [['Authorization', value]] },
    'tokenRaw',
  );
}
for (const value of ['ALLOW', 'Allow', 'Admin', 'admin2', 'adm', 'allowx', 'xallow', 'a\u0300dmin']) {
  add(
    'bearer',
    `token ${JSON.stringify(value)} is not a known token`,
    { method: 'GET', path: '/admin', headers: [['Authorization', value]] },
    'unauthorized',
  );
}

// the REQUEST authorizer's identity sources
const REPORTS = [
  ['/reports/7?token=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1', [['x-api-key', 'k1']]],
  ['/reports/7?token=t1', []],
  ['/reports/7', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1', [['X-Api-Key', '']]],
  ['/reports/7?Token=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?TOKEN=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t2', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1', [['X-Api-Key', 'k2']]],
  ['/reports/7?token=t%31', [['X-Api-Key', 'k1']]],
  ['/reports/7?%74oken=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t2&token=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1&token=t2', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1%00', [['X-Api-Key', 'k1']]],
  ['/reports/7?token=t1/../admin', [['X-Api-Key', 'k1']]],
  [
    '/reports/7?token=t1',
    [
      ['X-Api-Key', 'k2'],
      ['X-Api-Key', 'k1'],
    ],
  ],
  [
    '/reports/7?token=t1',
    [
      ['X-Api-Key', 'k1'],
      ['X-Api-Key', 'k2'],
    ],
  ],
  ['/reports/7?token=t1', [['X-Api-Key', 'k1, k1']]],
  ['/reports/7?token=t1', [['X-Api-Key', ' k1 ']]],
  ['/reports/7?token=t1', [['Authorization', 'admin']]],
  ['/reports/7?token=%20', [['X-Api-Key', 'k1']]],
  ['/reports/7?x=1&token=t1&y=2', [['X-Api-Key', 'k1']]],
  ['/reports/7/?token=t1', [['X-Api-Key', 'k1']]],
  ['/reports/7?token', [['X-Api-Key', 'k1']]],
  ['/reports/a%2Fb?token=t1', [['X-Api-Key', 'k1']]],
  ['/reports/..?token=t1', [['X-Api-Key', 'k1']]],
];
for (const [path, headers] of REPORTS) {
  add(
    'request-auth',
    `${path} with ${headers.map(([n, v]) => `${n}: ${JSON.stringify(v)}`).join(', ') || 'no key'}`,
    { method: 'GET', path, headers },
    'requestSources',
  );
}

// non-UTF-8 and other odd bytes, percent-encoded
const BYTES = [
  '%FF',
  '%C0%AE',
  '%C0%AE%C0%AE',
  '%C3%28',
  '%ED%A0%80',
  '%F8%88%80%80%80',
  '%00',
  '%0D%0A',
  '%E2%80%AE',
  '%',
  '%G1',
  '%2',
  '%%32%46',
];
for (const bytes of BYTES) {
  add(
    'bytes',
    `/items/${bytes} with allow token`,
    { method: 'GET', path: `/items/${bytes}`, headers: AUTH.allow },
    'nonUtf8',
  );
  add(
    'bytes',
    `/items/${bytes} with no token`,
    { method: 'GET', path: `/items/${bytes}`, headers: [] },
    'nonUtf8',
  );
  add(
    'bytes',
    `/admin${bytes} with allow token`,
    { method: 'GET', path: `/admin${bytes}`, headers: AUTH.allow },
    'nonUtf8',
  );
}
for (const bytes of ['%FF', '%C0%AE%C0%AE', '%00']) {
  add(
    'bytes',
    `/public/${bytes} (open route)`,
    { method: 'GET', path: `/public/${bytes}`, headers: [] },
    'nonUtf8',
  );
  add(
    'bytes',
    `/files/${bytes}/x with allow token`,
    { method: 'GET', path: `/files/${bytes}/x`, headers: AUTH.allow },
    'nonUtf8',
  );
}

// query strings that look like paths
const QUERIES = [
  ['/health?/admin', 'none'],
  ['/health?../admin', 'none'],
  ['/?/admin', 'allow'],
  ['/admin?/', 'allow'],
  ['/admin?x=/items/1', 'allow'],
  ['/items/1?/../../admin', 'allow'],
  ['/items/1?redirect=/admin', 'allow'],
  ['/admin?/items/1', 'allow'],
  ['/admin%3F/items/1', 'allow'],
  ['/items/1%3F/admin', 'allow'],
  ['/admin%3f', 'allow'],
  ['/items/1?', 'allow'],
  ['/admin?', 'allow'],
  ['/?', 'allow'],
  ['/admin??', 'admin'],
  ['/health?%2F..%2Fadmin', 'none'],
  ['/files/a?../../admin', 'allow'],
  ['/admin#/items/1', 'allow'],
  ['/items/1#/../admin', 'allow'],
  ['/health#', 'none'],
  ['/admin?#', 'allow'],
  ['/items/1?a=1&a=2&b=%2F', 'allow'],
];
for (const [path, token] of QUERIES)
  add('query', `${path} with ${token} token`, { method: 'GET', path, headers: AUTH[token] }, 'query');

// very long tokens, paths and header sets
const LONG = 'x'.repeat(5_000);
add(
  'limits',
  'a 5,000-character unknown token',
  { method: 'GET', path: '/admin', headers: [['Authorization', LONG]] },
  'unauthorized',
);
add(
  'limits',
  '"admin" followed by 5,000 characters',
  { method: 'GET', path: '/admin', headers: [['Authorization', `admin${LONG}`]] },
  'unauthorized',
);
add(
  'limits',
  '"Bearer " followed by 8,000 characters',
  { method: 'GET', path: '/items/1', headers: [['Authorization', `Bearer ${'y'.repeat(8_000)}`]] },
  'tokenRaw',
);
add(
  'limits',
  'a 20,000-character token (over the header limits)',
  { method: 'GET', path: '/admin', headers: [['Authorization', 'z'.repeat(20_000)]] },
  'limits',
  { http: { status: 431, reachesHandler: false } },
);
add(
  'limits',
  'a 5,000-character {id} with allow token',
  { method: 'GET', path: `/items/${LONG}`, headers: AUTH.allow },
  'route',
);
add(
  'limits',
  'a 5,000-character {id} with no token',
  { method: 'GET', path: `/items/${LONG}`, headers: [] },
  'route',
);
add(
  'limits',
  'a 2,000-segment path under /files with allow token',
  { method: 'GET', path: `/files${'/a'.repeat(2_000)}`, headers: AUTH.allow },
  'policy',
);
add(
  'limits',
  'a 2,000-segment path under /files with admin token',
  { method: 'GET', path: `/files${'/a'.repeat(2_000)}`, headers: AUTH.admin },
  'policy',
);
add(
  'limits',
  'a 20,000-character path (over the request-line limits)',
  { method: 'GET', path: `/items/${'p'.repeat(20_000)}`, headers: [] },
  'limits',
  { http: { status: 431, reachesHandler: false } },
);
add(
  'limits',
  '1,000 ".." segments before /admin',
  { method: 'GET', path: `${'/..'.repeat(1_000)}/admin`, headers: AUTH.admin },
  'dotSegment',
);
const pads = (n) => Array.from({ length: n }, (_, i) => [`X-Pad-${i}`, 'v']);
add(
  'limits',
  '300 extra headers, then Authorization: allow',
  { method: 'GET', path: '/items/1', headers: [...pads(300), ...AUTH.allow] },
  'route',
);
add(
  'limits',
  '300 extra headers, then no Authorization',
  { method: 'GET', path: '/items/1', headers: pads(300) },
  'tokenMissing',
);
add(
  'limits',
  'Authorization: allow, then 300 headers named authorization-ish',
  {
    method: 'GET',
    path: '/items/1',
    headers: [...AUTH.allow, ...Array.from({ length: 300 }, (_, i) => [`Authorization-${i}`, 'admin'])],
  },
  'headerName',
);
add(
  'limits',
  '1,500 extra headers (over the header limits), then Authorization: admin',
  { method: 'GET', path: '/admin', headers: [...pads(1_500), ...AUTH.admin] },
  'limits',
  { http: { status: 431, reachesHandler: false } },
);
add(
  'limits',
  "Authorization: admin, 1,100 headers, then Authorization: bogus (past node's 1,000-pair cut-off)",
  { method: 'GET', path: '/admin', headers: [...AUTH.admin, ...pads(1_100), ...AUTH.bogus] },
  'limits',
  { http: { status: 431, reachesHandler: false } },
);
add(
  'limits',
  "X-Api-Key: k1, 1,100 headers, then X-Api-Key: k2 (past node's 1,000-pair cut-off)",
  {
    method: 'GET',
    path: '/reports/7?token=t1',
    headers: [['X-Api-Key', 'k1'], ...pads(1_100), ['X-Api-Key', 'k2']],
  },
  'limits',
  { http: { status: 431, reachesHandler: false } },
);
add(
  'limits',
  '50 Authorization headers, the last one admin',
  {
    method: 'GET',
    path: '/admin',
    headers: [...Array.from({ length: 49 }, () => ['Authorization', 'bogus']), ...AUTH.admin],
  },
  'duplicate',
);
add(
  'limits',
  '50 Authorization headers, the last one bogus',
  {
    method: 'GET',
    path: '/admin',
    headers: [...Array.from({ length: 49 }, () => ['Authorization', 'admin']), ...AUTH.bogus],
  },
  'duplicate',
);

// documented over-grants (AWS does the same): the IAM `*` from {id} spans `/`
add(
  'overgrant',
  'allow token on /items/1/secret: GET/items/* also matches items/1/secret',
  { method: 'GET', path: '/items/1/secret', headers: AUTH.allow },
  'policy',
);
add(
  'overgrant',
  'allow token on /items/../secret-ish paths stays within items/*',
  { method: 'GET', path: '/items/x/secret', headers: AUTH.allow },
  'policy',
);

// absolute-form request targets (HTTP only: the in-process API takes a path)
add(
  'wire',
  'absolute-form GET http://localhost/health',
  { method: 'GET', path: 'http://localhost/health', headers: [] },
  'absoluteForm',
  { only: 'http', expect: { status: 200, reachesHandler: true, handlerMethod: 'GET' } },
);
add(
  'wire',
  'absolute-form GET http://localhost/admin with no token',
  { method: 'GET', path: 'http://localhost/admin', headers: [] },
  'absoluteForm',
  { only: 'http', expect: E.unauthorized },
);
add(
  'wire',
  'absolute-form GET http://localhost/admin with allow token',
  { method: 'GET', path: 'http://localhost/admin', headers: AUTH.allow },
  'absoluteForm',
  { only: 'http', expect: E.denied },
);
add('wire', 'a raw tab inside the path', { method: 'GET', path: '/admin\tx', headers: AUTH.admin }, 'wire', {
  only: 'http',
  expect: { status: 400, reachesHandler: false },
});

// ---- output ---------------------------------------------------------------------------------------
const text = `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) {
    console.error('hardening/corpus.jsonl is stale: run node hardening/gen-corpus.mjs');
    process.exit(1);
  }
  console.log(`hardening/corpus.jsonl is up to date (${cases.length} cases)`);
} else {
  writeFileSync(OUT, text);
  const by = {};
  for (const c of cases) by[c.category] = (by[c.category] ?? 0) + 1;
  console.log(`wrote ${cases.length} cases to hardening/corpus.jsonl`, by);
}
