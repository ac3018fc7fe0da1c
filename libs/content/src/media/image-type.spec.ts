import { inspectImage } from './image-type';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('inspectImage', () => {
  it('recognises a PNG by its bytes', () => {
    expect(inspectImage(PNG_1X1)).toEqual({ mime: 'image/png', extension: 'png', width: 1, height: 1 });
  });

  it('refuses SVG, text and empty input', () => {
    expect(inspectImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></svg>'))).toBeNull();
    expect(inspectImage(Buffer.from('%PDF-1.7 not an image'))).toBeNull();
    expect(inspectImage(Buffer.alloc(0))).toBeNull();
  });
});
