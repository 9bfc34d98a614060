import type {
  ApiGatewayProxyEvent,
  ApiGatewayProxyResult,
  IamPolicy,
  LambdaContext,
} from '@chalice-ts/runtime';
import type { EffectiveAuthorizer } from '@chalice-ts/runtime/binding';
import { findAuthorizer } from '../client/find-authorizer.js';
import { TestingError } from '../errors.js';
import { type ApiPlace, type AuthorizerInput, authorizerEvent, methodArnFor } from './authorizer-input.js';
import { lambdaContext } from './lambda-context.js';

/** The app as the Lambda client needs it. */
export interface InvokableApp {
  readonly appName: string;
  handler(event: never, context: never): unknown;
}

/** Where the Lambda client runs functions. */
export interface LambdaClientDeps extends ApiPlace {
  app: InvokableApp;
  authorizers: ReadonlyMap<string, EffectiveAuthorizer>;
  stage: string;
}

/**
 * Calls the app's Lambda functions directly, with the events API Gateway would send — no routing,
 * no gateway authorization: `invoke` runs `app.handler`; `invokeAuthorizer` runs a Lambda
 * authorizer (built-in from code or chalice.yaml, or a custom one's local handler) and returns the
 * policy it returns.
 *
 * @example
 * ```ts
 * const policy = await client.lambda.invokeAuthorizer('demo_auth', { token: 'allow' });
 * policy.policyDocument.Statement; // [{ Effect: 'Allow', Resource: ['arn:…/api/GET/'], … }]
 * const result = await client.lambda.invoke(events.restProxy({ path: '/open', resource: '/open' }));
 * ```
 */
export class LambdaClient {
  readonly #deps: LambdaClientDeps;

  constructor(deps: LambdaClientDeps) {
    this.#deps = deps;
  }

  /** Runs `app.handler` with a REST proxy event (see `events.restProxy`). */
  async invoke(event: ApiGatewayProxyEvent, context?: LambdaContext): Promise<ApiGatewayProxyResult> {
    const d = this.#deps;
    const ctx = context ?? lambdaContext({ ...d, functionName: `${d.app.appName}-${d.stage}` });
    const handler = d.app.handler as (event: ApiGatewayProxyEvent, context: LambdaContext) => unknown;
    return (await handler(event, ctx)) as ApiGatewayProxyResult;
  }

  /**
   * Runs the named Lambda authorizer as API Gateway would for `input` (a token, or the headers,
   * query, path parameters and stage variables of a request) and returns its policy. The method
   * ARN defaults to `GET /` of the client's API. Errors the authorizer throws (e.g.
   * `UnauthorizedError`) reject the promise. Cognito and IAM authorizers have no Lambda to run.
   */
  async invokeAuthorizer(name: string, input: AuthorizerInput, methodArn?: string): Promise<IamPolicy> {
    const d = this.#deps;
    const authorizer = findAuthorizer(d.authorizers, name, ['builtin', 'request', 'custom']);
    const arn = methodArn ?? input.methodArn ?? methodArnFor(d, 'GET', '/');
    const context = lambdaContext({ ...d, functionName: `${d.app.appName}-${d.stage}-${name}` });
    if (authorizer.builtin !== undefined) {
      const event = authorizerEvent(authorizer, authorizer.builtin.type, input, arn, d);
      return authorizer.builtin.handler(event, context);
    }
    const handler = authorizer.localHandler;
    if (handler === undefined) {
      throw new TestingError(
        'NO_LOCAL_HANDLER',
        `custom authorizer '${name}' has no local handler: add local_handler (chalice.yaml) or ` +
          'localHandler (new CustomAuthorizer(...)) to run it locally',
      );
    }
    return (await handler(authorizerEvent(authorizer, 'token', input, arn, d), context)) as IamPolicy;
  }
}
