import { describe, expect, test } from 'vitest'
import { createSseParser } from './createSseParser.js'

const STREAM =
  ': connected\n\nid: 1\nevent: indexed\ndata: {"seq":1}\n\nretry: 2500\nid: 2\nevent: delivered\ndata: first\ndata: second\n\n'

describe('createSseParser', () => {
  test('events, ids, types, multi-line data and retry, with comments skipped', () => {
    const parser = createSseParser()
    expect(parser.feed(STREAM)).toEqual([
      { event: 'indexed', data: '{"seq":1}', id: '1' },
      { event: 'delivered', data: 'first\nsecond', id: '2' },
    ])
    expect(parser.lastEventId).toBe('2')
    expect(parser.retryMs).toBe(2500)
  })

  test('the same events whatever the chunk boundaries', () => {
    for (let size = 1; size <= 7; size++) {
      const parser = createSseParser()
      const events = []
      for (let i = 0; i < STREAM.length; i += size)
        events.push(...parser.feed(STREAM.slice(i, i + size)))
      expect(events).toEqual(createSseParser().feed(STREAM))
    }
  })

  test('CRLF and CR line ends, a CRLF split across chunks, a BOM', () => {
    const parser = createSseParser()
    expect(parser.feed('\uFEFFdata: a\r')).toEqual([])
    expect(parser.feed('\n\r\ndata: b\r\rdata:c\n')).toEqual([
      { event: 'message', data: 'a', id: undefined },
      { event: 'message', data: 'b', id: undefined },
    ])
    expect(parser.feed('\n')).toEqual([{ event: 'message', data: 'c', id: undefined }])
  })

  test('an event without data is dropped; an id persists; bad retry and NUL ids are ignored', () => {
    const parser = createSseParser()
    expect(parser.feed('id: 5\nevent: ping\n\nretry: 1s\nid: a\0b\ndata\n\n')).toEqual([
      { event: 'message', data: '', id: '5' },
    ])
    expect(parser.retryMs).toBeUndefined()
    expect(parser.feed(':heartbeat\n\ndata:x\n\n')).toEqual([
      { event: 'message', data: 'x', id: '5' },
    ])
  })

  test('an unfinished event is held until its blank line', () => {
    const parser = createSseParser()
    expect(parser.feed('id: 9\ndata: half')).toEqual([])
    expect(parser.feed('\n\n')).toEqual([{ event: 'message', data: 'half', id: '9' }])
  })
})
