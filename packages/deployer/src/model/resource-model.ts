import type { CorsInput } from './input.js';

/** The IAM role a function runs as. */
export type RoleModel =
  | { readonly kind: 'managed'; readonly cfnName: 'DefaultRole' }
  | { readonly kind: 'existing'; readonly arn: string };

/** What the bundle must export for a built-in authorizer and where its function comes from. */
export interface AuthorizerSourceModel {
  readonly name: string;
  /** `code`: `app.builtinAuthorizers.get(name)`; `yaml`: a plain function at `module#exportName`. */
  readonly source: 'code' | 'yaml';
  readonly module?: string;
  readonly exportName?: string;
  readonly type: 'token' | 'request';
  readonly header: string;
  readonly identitySources: readonly string[];
  readonly ttlSeconds?: number;
}

/** One Lambda function of the stack. */
export interface FunctionModel {
  /** Logical id: `APIHandler` or the authorizer's CfnName. */
  readonly cfnName: string;
  /** `<app>-<stage>` or `<app>-<stage>-<authorizer>`. */
  readonly functionName: string;
  /** The bundle's export serving this function; the handler is `index.<exportName>`. */
  readonly exportName: string;
  readonly handler: string;
  readonly runtime: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly tags: Readonly<Record<string, string>>;
  readonly role: RoleModel;
  readonly authorizer?: AuthorizerSourceModel;
}

/** A built-in authorizer as API Gateway sees it (rendered into `securityDefinitions`). */
export interface BuiltinAuthorizerModel {
  readonly cfnName: string;
  readonly type: 'token' | 'request';
  readonly header: string;
  readonly identitySources: readonly string[];
  readonly ttlSeconds: number | undefined;
  readonly executionRole: string | undefined;
}

/** An authorizer referenced by at least one route. */
export interface ApiAuthorizerModel {
  readonly name: string;
  readonly kind: string;
  /** Set for function-backed authorizers; otherwise `definition` is Chalice's `toSwagger()`. */
  readonly builtin?: BuiltinAuthorizerModel;
  readonly definition?: object;
}

/** One (path, method) of the REST API. */
export interface ApiRouteModel {
  readonly path: string;
  readonly method: string;
  readonly contentTypes: readonly string[];
  readonly apiKeyRequired: boolean;
  readonly cors: CorsInput | null;
  readonly authorizer: { readonly name: string; readonly scopes: readonly string[] } | null;
}

/** Everything the stack contains, decided before any template is written (pure data). */
export interface ResourceModel {
  readonly appName: string;
  readonly stage: string;
  readonly apiGatewayStage: string;
  readonly apiHandler: FunctionModel;
  readonly authorizerFunctions: readonly FunctionModel[];
  /** Whether `DefaultRole` is part of the stack (some function uses the managed role). */
  readonly managedRole: boolean;
  readonly api: {
    readonly routes: readonly ApiRouteModel[];
    readonly authorizers: ReadonlyMap<string, ApiAuthorizerModel>;
    readonly binaryTypes: readonly string[];
  };
}
