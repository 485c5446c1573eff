// Scheduler.whenIdle(): resolves once no VM has a ready task and no timer is
// due on the emulated clock, so tests can assert that something did not run.
import { describe, expect, it } from 'vitest';
import { Scheduler, VmLoop } from '../../src/emulator/imp/loop.js';

describe('Scheduler.whenIdle', () => {
  it('waits for chains of ready tasks and due timers, not for timers still in the future', async () => {
    let now = 1_000;
    const s = new Scheduler(() => now);
    const loop = new VmLoop(s, 'device');
    const ran: string[] = [];
    const chain = (k: number) => () => {
      ran.push(`task ${k}`);
      if (k < 50) loop.post(chain(k + 1));
    };
    loop.post(chain(1));
    loop.setTimer(0, () => ran.push('due now'));
    loop.setTimer(60_000, () => ran.push('a minute later'));
    await s.whenIdle();
    expect(ran).toHaveLength(51);
    expect(ran).toContain('task 50');
    expect(ran).toContain('due now');
    now += 59_999;
    s.wake();
    await s.whenIdle();
    expect(ran).not.toContain('a minute later');
    now += 1;
    s.wake();
    await s.whenIdle();
    expect(ran.at(-1)).toBe('a minute later');
    s.close();
    await s.whenIdle(); // a closed scheduler is idle
  });
});
