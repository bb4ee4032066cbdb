import { afterEach, describe, expect, it } from 'vitest';
import { isShuttingDown, onShutdown, resetShutdownForTests, runShutdownHooks } from './shutdown';

afterEach(() => resetShutdownForTests());

describe('shutdown hooks', () => {
  it('runs work hooks (job claims) before resources (the pool), each once', async () => {
    const order: string[] = [];
    onShutdown('database', () => void order.push('database'), { phase: 'resources' });
    onShutdown('jobs', async () => {
      await Promise.resolve();
      order.push('jobs: claims released');
    });
    const first = runShutdownHooks();
    const second = runShutdownHooks();
    expect(isShuttingDown()).toBe(true);
    const outcomes = await first;
    expect(await second).toBe(outcomes);
    expect(order).toEqual(['jobs: claims released', 'database']);
    expect(outcomes.map(({ name, phase, ok }) => ({ name, phase, ok }))).toEqual([
      { name: 'jobs', phase: 'work', ok: true },
      { name: 'database', phase: 'resources', ok: true },
    ]);
  });

  it('keeps going past a hook that fails or hangs, within the deadline', async () => {
    const ran: string[] = [];
    onShutdown('fails', () => {
      throw new Error('claim release failed');
    });
    onShutdown('hangs', () => new Promise(() => {}));
    onShutdown('database', () => void ran.push('database'), { phase: 'resources' });
    const started = Date.now();
    const outcomes = await runShutdownHooks(100);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(outcomes.map(({ name, ok }) => [name, ok])).toEqual([
      ['fails', false],
      ['hangs', false],
      ['database', true],
    ]);
    expect(ran).toEqual(['database']);
  });

  it('forgets a hook that unregistered itself (a job runner that stopped on its own)', async () => {
    const ran: string[] = [];
    const off = onShutdown('jobs', () => void ran.push('jobs'));
    off();
    expect(await runShutdownHooks()).toEqual([]);
    expect(ran).toEqual([]);
  });
});
