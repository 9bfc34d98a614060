import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalError } from '../errors.js';
import { GATEWAY_ERRORS } from '../gateway/error-responses.js';
import { errorResponse } from '../gateway/integration.js';
import { type GatewayResponse, LocalGateway, type LocalGatewayOptions } from '../gateway/local-gateway.js';
import type { GatewayApp } from '../gateway/model.js';
import { consoleLogger } from '../log/request-log.js';
import { gatewayRequestOf, readBody, writeResponse } from './node-adapter.js';

const MAX_HEADER_BYTES = 10 * 1024;

/** Options of {@link serve}; gateway options apply when an app (not a gateway) is given. */
export interface ServeOptions extends LocalGatewayOptions {
  /** Default 8000; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1` (the dev server is not meant to be reachable from elsewhere). */
  host?: string;
}

/** A running dev server. */
export interface LocalServer {
  /** Base URL, e.g. `http://127.0.0.1:8000`; routes are served at `/` (no stage prefix, as Chalice local). */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly gateway: LocalGateway;
  readonly server: Server;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves an app (or a gateway) over HTTP on 127.0.0.1. Paths are served at `/`, without the
 * `/<api_gateway_stage>` prefix of the deployed URL (as `chalice local` does); the stage still
 * appears in `requestContext.path` and the method ARN.
 *
 * @example
 * ```ts
 * const server = await serve(app, { port: 0 });
 * await fetch(`${server.url}/`, { headers: { Authorization: 'allow' } });
 * await server.close();
 * ```
 */
export async function serve(
  target: GatewayApp | LocalGateway,
  options: ServeOptions = {},
): Promise<LocalServer> {
  const gateway =
    target instanceof LocalGateway ? target : new LocalGateway(target, { logger: consoleLogger, ...options });
  await gateway.ready();
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8000;

  // API Gateway's quota: request line plus headers at most 10 KB; node answers 431 beyond it. Count is
  // unlimited so the size decides: node's default count cut-off would silently drop later headers
  // (e.g. a second Authorization), letting the gateway see a different request than was sent.
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    gateway.logger.error(
      `${req.method} ${req.url?.split('?', 1)[0]}: ${error instanceof Error ? error.message : String(error)}`,
    );
    if (res.headersSent) return res.destroy();
    const answer = errorResponse(GATEWAY_ERRORS.badGateway, 'local');
    res.writeHead(answer.statusCode, answer.multiValueHeaders);
    res.end(answer.body);
  };
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    let pending: Promise<GatewayResponse>;
    try {
      const { request, hasBody } = gatewayRequestOf(req);
      // Bodiless requests (most) go straight to the gateway, without a stream round-trip.
      pending = hasBody
        ? readBody(req).then((body) => {
            request.body = body;
            return gateway.handleRequest(request);
          })
        : gateway.handleRequest(request);
    } catch (error) {
      fail(req, res, error);
      return;
    }
    pending.then(
      (response) => writeResponse(res, response),
      (error: unknown) => fail(req, res, error),
    );
  });
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 0;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new LocalError('PORT_IN_USE', `port ${port} is in use on ${host}; pass --port`, { cause: error }),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new LocalError(
            'PORT_IN_USE',
            `not allowed to listen on ${host}:${port}; pass --port with a port above 1023`,
            { cause: error },
          ),
        );
      } else {
        reject(
          new LocalError('SERVER_FAILED', `could not listen on ${host}:${port}: ${error.message}`, {
            cause: error,
          }),
        );
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });

  const actual = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actual}`,
    port: actual,
    host,
    gateway,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
