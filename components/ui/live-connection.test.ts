import { describe, expect, it } from 'vitest';
import { keepLiveConnection, RESYNC_TOPIC, type LiveChange } from './live-connection';

/** A stand-in EventSource: the test plays the server (`emit`) and sees whether it is open. */
class FakeSource {
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data = '{}') {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
}

function harness({ hidden = false, catchUp = false } = {}) {
  const sources: FakeSource[] = [];
  const changes: string[] = [];
  let onVisibility: () => void = () => {};
  const doc = {
    hidden,
    addEventListener: (_type: 'visibilitychange', listener: () => void) => void (onVisibility = listener),
    removeEventListener: () => void (onVisibility = () => {}),
  };
  const stop = keepLiveConnection('/api/live?topics=order:1', (change: LiveChange) => changes.push(change.topic), {
    doc,
    catchUpOnOpen: () => catchUp,
    createSource: () => {
      const source = new FakeSource();
      sources.push(source);
      return source;
    },
  });
  const setHidden = (value: boolean) => {
    doc.hidden = value;
    onVisibility();
  };
  return { sources, changes, setHidden, stop, last: () => sources.at(-1)! };
}

describe('the live connection', () => {
  it('passes changes on; the first open re-reads nothing (the page was just rendered)', () => {
    const h = harness();
    h.last().emit('ready');
    h.last().emit('change', JSON.stringify({ topic: 'order:1' }));
    h.last().emit('change', 'not json');
    expect(h.changes).toEqual(['order:1']);
  });

  it('closes in a hidden tab, opens again when shown and re-reads once the stream is ready', () => {
    const h = harness();
    h.last().emit('ready');
    h.setHidden(true);
    expect(h.sources).toHaveLength(1);
    expect(h.sources[0].closed).toBe(true);
    h.setHidden(false);
    expect(h.sources).toHaveLength(2);
    expect(h.changes).toEqual([]); // not before the server says ready: an event could still slip between
    h.last().emit('ready');
    h.last().emit('ready'); // a later reconnect without a gap re-reads nothing more
    expect(h.changes).toEqual([RESYNC_TOPIC]);
  });

  it('a tab opened hidden connects only when shown, then catches up', () => {
    const h = harness({ hidden: true });
    expect(h.sources).toHaveLength(0);
    h.setHidden(false);
    h.last().emit('ready');
    expect(h.changes).toEqual([RESYNC_TOPIC]);
  });

  it('after a connection error (EventSource reconnects by itself) it re-reads once the stream is ready again', () => {
    const h = harness();
    h.last().emit('ready');
    h.last().emit('error');
    h.last().emit('ready');
    expect(h.sources).toHaveLength(1);
    expect(h.changes).toEqual([RESYNC_TOPIC]);
  });

  it('with catchUpOnOpen it re-reads on the first open too; stopping closes the stream', () => {
    const h = harness({ catchUp: true });
    h.last().emit('ready');
    expect(h.changes).toEqual([RESYNC_TOPIC]);
    h.stop();
    expect(h.last().closed).toBe(true);
    h.setHidden(false);
    expect(h.sources).toHaveLength(1);
  });
});
