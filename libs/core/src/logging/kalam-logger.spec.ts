import { colorsWanted, KalamLogger } from './kalam-logger';

describe(KalamLogger.name, () => {
  it('colours only for a terminal, and never with NO_COLOR', () => {
    expect(colorsWanted({ isTTY: true }, {})).toBe(true);
    expect(colorsWanted({ isTTY: false }, {})).toBe(false);
    expect(colorsWanted({}, {})).toBe(false);
    expect(colorsWanted({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
  });

  it('writes plain lines when its output is not a terminal', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const tty = process.stdout.isTTY;
    try {
      process.stdout.isTTY = false;
      new KalamLogger('kalam').log('ready in 1.2 s');
    } finally {
      process.stdout.isTTY = tty;
      spy.mockRestore();
    }
    expect(written.join('')).toContain('[kalam] ready in 1.2 s');
    expect(written.join('')).not.toContain('\u001b[');
  });
});
