import { GatewayError } from '../../src/platform/errors';
import { isLockConflict, lockConflictError, retryOnDeadlock } from '../../src/platform/retry';

/** Lock conflicts of both databases are retried, then answered CONFLICT with retryable: true. */
const driverError = (code: string) => Object.assign(new Error(code), { code });
const typeormError = (code: string) => Object.assign(new Error('query failed'), { driverError: { code } });

describe('isLockConflict', () => {
  it.each([
    ['ER_LOCK_DEADLOCK'],
    ['ER_LOCK_WAIT_TIMEOUT'],
    ['SQLITE_BUSY'],
    ['SQLITE_BUSY_SNAPSHOT'],
    ['SQLITE_BUSY_TIMEOUT'],
    ['SQLITE_BUSY_RECOVERY'],
    ['SQLITE_LOCKED'],
    ['SQLITE_LOCKED_SHAREDCACHE'],
  ])('%s is a lock conflict, bare or wrapped by TypeORM', (code) => {
    expect([isLockConflict(driverError(code)), isLockConflict(typeormError(code))]).toEqual([true, true]);
  });

  it.each([['SQLITE_CONSTRAINT_UNIQUE'], ['ER_DUP_ENTRY'], ['SQLITE_BUSYNESS'], ['SQLITE_ERROR']])('%s is not', (code) => {
    expect(isLockConflict(driverError(code))).toBe(false);
  });

  it('nor is an error without a code', () => {
    expect([isLockConflict(new Error('x')), isLockConflict(undefined), isLockConflict({ code: 5 })]).toEqual([false, false, false]);
  });
});

describe('retryOnDeadlock', () => {
  it('runs the work again after lock conflicts and returns its result', async () => {
    let calls = 0;
    const result = await retryOnDeadlock(async () => {
      calls++;
      if (calls < 3) throw typeormError(calls === 1 ? 'SQLITE_BUSY_SNAPSHOT' : 'ER_LOCK_DEADLOCK');
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('gives up after the bounded number of attempts with CONFLICT, retryable', async () => {
    let calls = 0;
    const error = await retryOnDeadlock(async () => {
      calls++;
      throw driverError('SQLITE_BUSY');
    }, 4).catch((e) => e);
    expect(calls).toBe(4);
    expect(error).toBeInstanceOf(GatewayError);
    expect(error.extensions).toEqual({ code: 'CONFLICT', retryable: true });
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const other = driverError('SQLITE_CONSTRAINT_UNIQUE');
    await expect(
      retryOnDeadlock(async () => {
        calls++;
        throw other;
      }),
    ).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});

describe('lockConflictError', () => {
  it('answers a lock conflict as CONFLICT (retryable) and nothing else', () => {
    expect(lockConflictError(typeormError('SQLITE_BUSY'))?.extensions).toEqual({ code: 'CONFLICT', retryable: true });
    expect(lockConflictError(new Error('boom'))).toBeUndefined();
    expect(lockConflictError(new GatewayError('NOT_FOUND', 'x'))).toBeUndefined();
  });
});

describe('retryOnDeadlock inside another (a service transaction joining a mutation operation)', () => {
  it('runs the inner work once and leaves the retry to the outermost call, which runs it all again', async () => {
    let outer = 0;
    let inner = 0;
    const result = await retryOnDeadlock(async () => {
      outer++;
      return retryOnDeadlock(async () => {
        inner++;
        if (inner === 1) throw driverError('ER_LOCK_DEADLOCK');
        return 'done';
      });
    });
    // The inner call did not retry on its own: the conflict reached the outer one (2 runs each).
    expect({ result, outer, inner }).toEqual({ result: 'done', outer: 2, inner: 2 });
  });

  it('retries on its own again once the outer call has returned', async () => {
    await retryOnDeadlock(async () => 'first');
    let calls = 0;
    await retryOnDeadlock(async () => {
      if (++calls === 1) throw driverError('SQLITE_BUSY');
    });
    expect(calls).toBe(2);
  });
});
