import { describe, expect, it } from 'vitest';
import type { Request } from '../request/request.js';
import { createRequestScope } from './request-scope.js';

const request = (id: string) => ({ id }) as unknown as Request;
const idOf = (r: Request | undefined) => (r as unknown as { id: string } | undefined)?.id;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createRequestScope', () => {
  it('has no current request outside an invocation', () => {
    expect(createRequestScope().current()).toBeUndefined();
  });

  it('gives each sequential invocation its own request, before and after an await', async () => {
    const scope = createRequestScope();
    for (const id of ['a', 'b']) {
      const seen = await scope.run(request(id), async () => {
        const before = idOf(scope.current());
        await tick();
        return [before, idOf(scope.current())];
      });
      expect(seen).toEqual([id, id]);
      expect(scope.current()).toBeUndefined();
    }
  });

  it('keeps concurrent invocations apart, including the one that started alone', async () => {
    const scope = createRequestScope();
    const ids = ['1', '2', '3', '4'];
    const seen = await Promise.all(
      ids.map((id) =>
        scope.run(request(id), async () => {
          const before = idOf(scope.current());
          await tick();
          await tick();
          return [before, idOf(scope.current())];
        }),
      ),
    );
    expect(seen).toEqual(ids.map((id) => [id, id]));
    // Later invocations, alone or not, still see their own request.
    const later = await scope.run(request('5'), async () => {
      await tick();
      return idOf(scope.current());
    });
    expect(later).toBe('5');
    expect(scope.current()).toBeUndefined();
  });

  it('gives a nested invocation its own request and restores the outer one', async () => {
    const scope = createRequestScope();
    const seen = await scope.run(request('outer'), async () => {
      const inner = await scope.run(request('inner'), async () => {
        await tick();
        return idOf(scope.current());
      });
      await tick();
      return [inner, idOf(scope.current())];
    });
    expect(seen).toEqual(['inner', 'outer']);
  });

  it('clears the request when the invocation throws', async () => {
    const scope = createRequestScope();
    await expect(
      scope.run(request('x'), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(scope.current()).toBeUndefined();
  });
});
