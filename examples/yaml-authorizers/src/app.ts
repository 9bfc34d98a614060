import { Chalice } from '@chalice-ts/runtime';

// Routes only: which authorizer protects each one is declared in chalice.yaml.
export const app = new Chalice({ appName: 'yaml-authorizers' });

app.route('/iam-auth', { methods: ['GET'] }, () => ({ success: true }));
app.route('/user-pools', { methods: ['GET'] }, () => ({ success: true }));
app.route('/user-pools/admin', { methods: ['GET'] }, () => ({ admin: true }));
app.route('/custom-auth', { methods: ['GET'] }, () => ({ success: true }));
app.route('/me', {}, (request) => ({ authorizer: request.context.authorizer }));
app.route('/reports', { methods: ['GET'] }, () => ({ reports: ['q1', 'q2'] }));
app.route('/reports', { methods: ['POST'] }, (request) => ({ created: request.json }));
app.route('/partners/{name}', {}, (request) => ({
  partner: request.params.name,
  authorizer: request.context.authorizer,
}));
app.route('/health', {}, () => ({ ok: true }));
