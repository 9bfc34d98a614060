import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from '@chalice-ts/core/config';
import { type GatewayLogger, LocalGateway, type LoggerInput } from '@chalice-ts/local';
import type { Chalice } from '@chalice-ts/runtime';
import { bindConfig, type EffectiveModel } from '@chalice-ts/runtime/binding';
import { VirtualClock } from '../clock/virtual-clock.js';
import { HttpClient } from '../http/http-client.js';
import { IamSigner } from '../iam/iam-signer.js';
import { LambdaClient } from '../lambda/lambda-client.js';
import { TokenIssuer } from '../tokens/cognito-tokens.js';
import { configError, resolveConfig } from './resolve-config.js';
import { testSetup } from './test-setup.js';

/** Options of {@link TestClient.create}. */
export interface TestClientOptions {
  /** Project folder: `chalice.yaml` is read from here; YAML `path#export` handlers are relative to it. */
  projectDir?: string;
  /** Stage to resolve; default `dev`. */
  stage?: string;
  /** A chalice.yaml document as an object (same keys as the file); wins over the project's file. */
  config?: object;
  /** Emulate API Gateway's authorizer TTL cache; default `local.authorizer_cache` (true). */
  authorizerCache?: boolean;
  /** Also receives the gateway's request lines, warnings and errors. */
  logger?: LoggerInput;
  /** Start of the virtual clock (epoch ms or a Date); default the real now. */
  now?: number | Date;
}

const MAX_LOG_LINES = 500;

/**
 * An in-process client for a chalice-ts app: the same `LocalGateway` as `chalice-ts local`, with
 * no sockets. Requests go through routing and every kind of authorizer (built-in, custom, Cognito,
 * IAM) with the TTL cache, on a virtual clock.
 *
 * @example
 * ```ts
 * const client = await TestClient.create(app, { projectDir: process.cwd() });
 * const res = await client.http.get('/', { headers: { Authorization: 'allow' } });
 * expect(res.statusCode).toBe(200);
 * client.clock.advance(301);
 * expect(client.authorizerCalls('demo_auth')).toBe(1);
 * ```
 */
export class TestClient {
  readonly http: HttpClient;
  readonly lambda: LambdaClient;
  readonly tokens: TokenIssuer;
  readonly iam: IamSigner;
  readonly clock: VirtualClock;
  /** The gateway requests go through. */
  readonly gateway: LocalGateway;
  /** The app bound to its config: every route with its effective authorizer. */
  readonly model: EffectiveModel;
  /** The resolved config the gateway runs with (including what the client added to `local`). */
  readonly config: ResolvedConfig;
  /** Warnings and errors the gateway logged (most recent last), e.g. a cached policy not covering a route. */
  readonly logs: readonly string[];

  private constructor(parts: {
    gateway: LocalGateway;
    model: EffectiveModel;
    config: ResolvedConfig;
    clock: VirtualClock;
    logs: string[];
    http: HttpClient;
    lambda: LambdaClient;
    tokens: TokenIssuer;
    iam: IamSigner;
  }) {
    this.gateway = parts.gateway;
    this.model = parts.model;
    this.config = parts.config;
    this.clock = parts.clock;
    this.logs = parts.logs;
    this.http = parts.http;
    this.lambda = parts.lambda;
    this.tokens = parts.tokens;
    this.iam = parts.iam;
  }

  /**
   * Binds the app to its config and starts a gateway for it.
   * @throws {TestingError} `CONFIG_INVALID` listing every config issue with its position.
   */
  static async create(app: Chalice, options: TestClientOptions = {}): Promise<TestClient> {
    const projectDir = options.projectDir === undefined ? undefined : resolve(options.projectDir);
    const baseDir = projectDir ?? process.cwd();
    const { resolved, file } = await resolveConfig({
      appName: app.appName,
      stage: options.stage,
      config: options.config,
      projectDir,
    });
    const bound = await bindConfig(app, resolved, {
      projectDir: baseDir,
      configFile: file,
      // Plain import(): vitest transforms .ts sources, node loads .js.
      loadModule: (path) => import(pathToFileURL(isAbsolute(path) ? path : resolve(baseDir, path)).href),
    });
    if (!bound.ok) throw configError(bound.errors);
    const model = bound.model;
    const setup = await testSetup(resolved, model, projectDir);
    const config: ResolvedConfig = { ...resolved, local: setup.local };
    const clock = new VirtualClock(options.now === undefined ? Date.now() : Number(options.now));
    const logs: string[] = [];
    const gateway = await LocalGateway.create(app, {
      model,
      resolved: config,
      projectDir: baseDir,
      clock,
      logger: collector(logs, options.logger),
      ...(setup.jwks !== undefined && { cognitoJwks: setup.jwks }),
      ...(options.authorizerCache !== undefined && { authorizerCache: options.authorizerCache }),
    });
    const place = {
      region: config.local.region ?? 'us-east-1',
      accountId: config.local.account_id ?? '123456789012',
      apiId: config.local.api_id ?? 'local',
      apiGatewayStage: model.apiGatewayStage,
    };
    return new TestClient({
      gateway,
      model,
      config,
      clock,
      logs,
      http: new HttpClient(gateway),
      lambda: new LambdaClient({ ...place, app, authorizers: model.authorizers, stage: model.stage }),
      tokens: new TokenIssuer({
        authorizers: model.authorizers,
        clock,
        key: setup.key,
        noKeyReason: setup.noKeyReason,
      }),
      iam: new IamSigner({ credential: setup.credential, region: place.region, clock }),
    });
  }

  /** How many times the named Lambda authorizer ran through the gateway (cache hits do not count). */
  authorizerCalls(name: string): number {
    return this.gateway.authorizerCalls(name);
  }

  /** Forgets every cached authorizer policy. */
  clearCache(): void {
    this.gateway.clearCache();
  }
}

function collector(logs: string[], user: LoggerInput | undefined): GatewayLogger {
  const keep = (line: string) => {
    logs.push(line);
    if (logs.length > MAX_LOG_LINES) logs.shift();
  };
  const forward: GatewayLogger | undefined =
    typeof user === 'function' ? { info: user, warn: user, error: user } : user;
  return {
    info: (line) => forward?.info(line),
    warn: (line) => {
      keep(line);
      forward?.warn(line);
    },
    error: (line) => {
      keep(line);
      forward?.error(line);
    },
  };
}
