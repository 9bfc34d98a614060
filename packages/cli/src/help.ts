/** `--help` texts, one per command, each with examples (docs/reference/cli.md is checked against them). */
export const HELP: Record<string, string> = {
  main: `chalice-ts — authorization in front of serverless APIs on AWS, the Chalice way, in TypeScript

Usage: chalice-ts <command> [options]

Commands:
  new NAME          create a project with a built-in authorizer, a test and chalice.yaml
  local             run the app on 127.0.0.1 with API Gateway's authorization emulated
  routes            list every route with its effective authorizer
  validate          check chalice.yaml and the app without running anything
  token AUTHORIZER  mint a dev Cognito token that 'chalice-ts local' accepts
  package OUT_DIR   write template.json, openapi.json and deployment.zip
  deploy            deploy with a CloudFormation change set
  delete            delete the deployed stack
  schema            print the JSON Schema of chalice.yaml

Options:
  --project-dir DIR  the project folder (default: the current folder)
  -h, --help         help for a command
  -v, --version      the version

Exit status: 0 ok, 1 failure, 2 usage or configuration error.

Examples:
  chalice-ts new demoauth && cd demoauth && chalice-ts local
  chalice-ts routes --json
`,
  new: `Usage: chalice-ts new NAME

Creates NAME/ with chalice.yaml (with a schema comment for editors), src/app.ts holding the
seed's built-in authorizer, test/app.test.ts using @chalice-ts/testing, package.json and .gitignore.

Examples:
  chalice-ts new demoauth
`,
  local: `Usage: chalice-ts local [--host 127.0.0.1] [--port 8000] [--stage dev] [--watch] [--no-authorizer-cache]

Serves the app over HTTP with API Gateway's authorization emulated: built-in and custom
authorizers run, Cognito JWTs and SigV4 signatures are verified, policies are evaluated against
the method ARN (Deny wins) and cached for ttl_seconds exactly as API Gateway does.

Options:
  --host HOST              address to listen on (default 127.0.0.1)
  --port PORT              port (default 8000; 0 picks a free one)
  --stage STAGE            chalice.yaml stage (default dev)
  --watch                  reload the app when files under the project change (clears the cache)
  --no-authorizer-cache    evaluate the authorizer on every request

Examples:
  chalice-ts local --port 8000
  curl -H 'Authorization: allow' http://127.0.0.1:8000/
`,
  routes: `Usage: chalice-ts routes [--stage dev] [--json]

Lists every route with its effective authorizer, where it was declared (code, chalice.yaml
routes:, default_authorizer), scopes, cache TTL and how it is emulated locally.

Examples:
  chalice-ts routes
  chalice-ts routes --json | jq '.[] | select(.authorizer == null)'
`,
  validate: `Usage: chalice-ts validate [--stage dev]

Checks chalice.yaml against its schema, loads the app, and binds the two (unknown authorizer
names, routes bound twice, missing handler modules). Exit 0 when valid, 2 otherwise.

Examples:
  chalice-ts validate --stage prod
`,
  token: `Usage: chalice-ts token AUTHORIZER [--username jane] [--scope read] [--token-use id|access] [--expires-in 3600]

Prints a JWT signed with the project's dev keys (.chalice-ts/), for the Cognito user pool
authorizer AUTHORIZER; 'chalice-ts local' accepts it.

Examples:
  curl -H "Authorization: $(chalice-ts token MyPool --username jane)" http://127.0.0.1:8000/user-pools
`,
  package: `Usage: chalice-ts package [--stage dev] [--format cloudformation|sam] OUT_DIR

Writes OUT_DIR/template.json, OUT_DIR/openapi.json and OUT_DIR/deployment.zip (byte-identical
for the same input).

Examples:
  chalice-ts package --format sam out/
`,
  deploy: `Usage: chalice-ts deploy [--stage dev] [--profile NAME] [--region REGION] [--json]

Uploads the bundle, creates a CloudFormation change set, executes it and streams the stack's
events; records the outputs in .chalice-ts/deployed/<stage>.json.

Examples:
  chalice-ts deploy --stage prod --region us-west-2
`,
  delete: `Usage: chalice-ts delete [--stage dev] [--profile NAME] [--region REGION]

Deletes the stage's stack and its deployed record.

Examples:
  chalice-ts delete --stage dev
`,
  schema: `Usage: chalice-ts schema

Prints the JSON Schema of chalice.yaml.

Examples:
  chalice-ts schema > chalice.schema.json
`,
};
