import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from '../../web-widget/src/sse.js';

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const push = createSseParser((event) => events.push(event));
  chunks.forEach(push);
  return events;
}

describe('SSE parser of the widget', () => {
  it('joins events split at any point across chunks', () => {
    const stream =
      'event: sources\ndata: {"a":1}\n\nevent: text-delta\ndata: {"delta":"Hal"}\n\nevent: end\ndata: {}\n\n';
    for (let cut = 1; cut < stream.length; cut++) {
      expect(parseAll([stream.slice(0, cut), stream.slice(cut)])).toEqual([
        { event: 'sources', data: '{"a":1}' },
        { event: 'text-delta', data: '{"delta":"Hal"}' },
        { event: 'end', data: '{}' },
      ]);
    }
  });

  it('accepts CRLF and CR line endings, comments and multi-line data', () => {
    expect(parseAll([': ping\r\n', 'event: x\r', '\ndata: 1\r\ndata: 2\r\n\r\n', 'data:3\r\r\n'])).toEqual([
      { event: 'x', data: '1\n2' },
      { event: 'message', data: '3' },
    ]);
  });

  it('does not dispatch an event before its blank line arrives', () => {
    expect(parseAll(['event: end\ndata: {}\n'])).toEqual([]);
  });
});
