import { AuthResponse, Chalice } from '@chalice-ts/runtime';

export const app = new Chalice({ appName: 'demoauth1' });

export const demoAuth = app.authorizer({ name: 'demo_auth' }, (authRequest) => {
  const token = authRequest.token;
  // This is just for demo purposes as shown in the API Gateway docs.
  // Normally you'd call an oauth provider, validate the
  // jwt token, etc.
  // In this example, the token is treated as the status for demo
  // purposes.
  if (token === 'allow') {
    return new AuthResponse({ routes: ['/'], principalId: 'user' });
  }
  // By specifying an empty list of routes,
  // we're saying this user is not authorized
  // for any URLs, which will result in an
  // Unauthorized response.
  return new AuthResponse({ routes: [], principalId: 'user' });
});

app.route('/', { authorizer: demoAuth }, (request) => ({ context: request.context }));
