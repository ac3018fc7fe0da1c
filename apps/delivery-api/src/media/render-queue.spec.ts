import { RenderQueue } from './render-queue';

/** A promise the test resolves when it wants a job to finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('RenderQueue', () => {
  it('runs each key once for every caller that asks while it is pending', async () => {
    const queue = new RenderQueue<string>(2);
    let made = 0;
    const { open, opened } = gate();
    const answers = Array.from({ length: 20 }, () =>
      queue.once('320.webp', async () => {
        made += 1;
        await opened;
        return 'bytes';
      }),
    );
    open();
    expect(await Promise.all(answers)).toEqual(Array(20).fill('bytes'));
    expect(made).toBe(1);
    // Once finished, the key is forgotten: the caller checks its disk cache before asking again.
    await queue.once('320.webp', () => {
      made += 1;
      return Promise.resolve('again');
    });
    expect(made).toBe(2);
  });

  it('never runs more than the limit at once, and starts waiting jobs in order', async () => {
    const queue = new RenderQueue<number>(2);
    const gates = Array.from({ length: 5 }, gate);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const jobs = gates.map((g, i) =>
      queue.once(`job-${i}`, async () => {
        started.push(i);
        running += 1;
        most = Math.max(most, running);
        await g.opened;
        running -= 1;
        return i;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    expect(queue.load).toEqual({ running: 2, waiting: 3 });
    gates[1].open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    // A newcomer queues behind those already waiting.
    const late = queue.once('late', () => {
      started.push(99);
      return Promise.resolve(99);
    });
    gates[0].open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
    for (const g of gates) g.open();
    expect(await Promise.all([...jobs, late])).toEqual([0, 1, 2, 3, 4, 99]);
    expect(started).toEqual([0, 1, 2, 3, 4, 99]);
    expect(most).toBe(2);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('passes a failure to every caller of the key, frees the slot, and lets the key be tried again', async () => {
    const queue = new RenderQueue<string>(1);
    const failing = () => queue.once('bad', () => Promise.reject(new Error('corrupt')));
    const results = await Promise.allSettled([failing(), failing()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await queue.once('bad', () => Promise.resolve('fixed'))).toBe('fixed');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new RenderQueue(0)).toThrow(RangeError);
    expect(() => new RenderQueue(1.5)).toThrow(RangeError);
  });
});
