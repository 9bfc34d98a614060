// Policy building (AuthResponse#toPolicy) and evaluation (evaluatePolicy) with 1, 10 and 100
// routes/statements/resources, each against a naive peer measured in the same run:
// - building: a line-by-line port of Chalice's AuthResponse._generate_arn (re-splits the method
//   ARN for every resource);
// - evaluation: a regular expression compiled per resource per evaluation, as serverless-offline's
//   authMatchPolicyResource does (with proper escaping, so both give the same answers).
import { AuthResponse, AuthRoute, evaluatePolicy } from '../packages/core/dist/index.js';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/r0/42';
const PREFIX = 'arn:aws:execute-api:us-east-1:123456789012:abc123/api';
const SIZES = [1, 10, 100];

// --- naive peers -----------------------------------------------------------------------------

function chaliceGenerateArn(route, methodArn, method) {
  const parts = methodArn.split(':');
  const head = parts.slice(0, 5);
  const last = parts.slice(5).join(':');
  const allowed = last.split('/').slice(0, 2);
  allowed.push(method, route.slice(1));
  let segment = allowed.join('/');
  if (route === '*') segment += route;
  return [...head, segment].join(':');
}

function chalicePortToPolicy(routes, principalId, context, methodArn) {
  const resources = [];
  for (const route of routes) {
    if (route instanceof AuthRoute)
      for (const m of route.methods) resources.push(chaliceGenerateArn(route.path, methodArn, m));
    else if (route === '*') resources.push(chaliceGenerateArn('*', methodArn, '*'));
    else resources.push(chaliceGenerateArn(route, methodArn, '*'));
  }
  return {
    context,
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resources }],
    },
  };
}

function regexMatch(pattern, arn) {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(arn);
}

function regexEvaluate(policy, methodArn) {
  const raw = policy.policyDocument.Statement;
  const statements = Array.isArray(raw) ? raw : [raw];
  const hits = (effect) =>
    statements.some((s) => {
      const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
      return s.Effect === effect && resources.some((r) => regexMatch(r, methodArn));
    });
  if (hits('Deny')) return 'explicit-deny';
  return hits('Allow') ? 'allow' : 'deny';
}

// --- inputs ----------------------------------------------------------------------------------

/** `n` routes; the one matching METHOD_ARN (`/r0/{id}`) comes last, so every entry is scanned. */
function routes(n) {
  return Array.from({ length: n }, (_, i) => new AuthRoute(`/r${n - 1 - i}/{id}`, ['GET']));
}

function nStatements(n) {
  const Statement = Array.from({ length: n }, (_, i) => ({
    Action: 'execute-api:Invoke',
    Effect: 'Allow',
    Resource: `${PREFIX}/GET/r${n - 1 - i}/*`,
  }));
  return {
    principalId: 'user',
    context: { team: 'a' },
    policyDocument: { Version: '2012-10-17', Statement },
  };
}

function nResources(n, { match = true } = {}) {
  const Resource = Array.from({ length: n }, (_, i) => `${PREFIX}/GET/r${n - 1 - i + (match ? 0 : 1000)}/*`);
  return {
    principalId: 'user',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource }],
    },
  };
}

function agree(policy, expected) {
  return () => {
    const ours = evaluatePolicy(policy, METHOD_ARN).outcome;
    const peer = regexEvaluate(policy, METHOD_ARN);
    if (ours !== expected || peer !== expected)
      throw new Error(`disagreement: ours=${ours} peer=${peer} expected=${expected}`);
  };
}

export default {
  title: 'IAM policy building and evaluation',
  suites: [
    {
      name: 'build: AuthResponse#toPolicy, n AuthRoutes with a {param}',
      peerName: 'Chalice port',
      cases: SIZES.map((n) => {
        const response = new AuthResponse({ routes: routes(n), principalId: 'user', context: { team: 'a' } });
        const r = routes(n);
        return {
          label: `${n} route${n === 1 ? '' : 's'}`,
          ours: () => response.toPolicy(METHOD_ARN),
          peer: () => chalicePortToPolicy(r, 'user', { team: 'a' }, METHOD_ARN),
        };
      }),
    },
    ...[
      ['evaluate: n Allow statements, match in the last', nStatements, 'allow', 'statement'],
      [
        'evaluate: one statement with n resources, match in the last',
        (n) => nResources(n),
        'allow',
        'resource',
      ],
      [
        'evaluate: one statement with n resources, no match (deny)',
        (n) => nResources(n, { match: false }),
        'deny',
        'resource',
      ],
    ].map(([name, make, expected, unit]) => ({
      name,
      peerName: 'regex per evaluation',
      cases: SIZES.map((n) => {
        const policy = make(n);
        return {
          label: `${n} ${unit}${n === 1 ? '' : 's'}`,
          check: agree(policy, expected),
          ours: () => evaluatePolicy(policy, METHOD_ARN),
          peer: () => regexEvaluate(policy, METHOD_ARN),
        };
      }),
    })),
  ],
};
