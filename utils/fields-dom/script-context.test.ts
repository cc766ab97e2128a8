import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScriptContext } from './script-context';

// The frame's window, as every world of the frame (and the page) sees it.
let frameWindow: EventTarget;

beforeEach(() => {
  frameWindow = new EventTarget();
  vi.stubGlobal('window', frameWindow);
});

afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)['__twofold:fill-agent'];
});

describe('ScriptContext.takeOver', () => {
  it.each([
    { forged: () => new Event('twofold:started:fill-agent') },
    { forged: () => new CustomEvent('twofold:started:fill-agent', { detail: 'someone else' }) },
    { forged: () => new CustomEvent('twofold:started:fill-agent', { detail: undefined }) },
    { forged: () => new CustomEvent('twofold:started:fill-agent', { detail: { token: 1 } }) },
  ])('a live instance survives a page dispatching $forged', ({ forged }) => {
    const ctx = new ScriptContext('fill-agent', () => true);
    ctx.takeOver();
    frameWindow.dispatchEvent(forged());
    expect(ctx.isValid).toBe(true);
    expect(ctx.signal.aborted).toBe(false);
  });

  it('an instance whose extension is gone stops when a newer copy starts in another world', () => {
    let alive = true;
    const old = new ScriptContext('fill-agent', () => alive);
    old.takeOver();
    alive = false; // the extension was reloaded: the old world lost its runtime
    // The newer copy runs in a fresh world: its own global object, the same window.
    delete (globalThis as Record<string, unknown>)['__twofold:fill-agent'];
    const fresh = new ScriptContext('fill-agent', () => true);
    fresh.takeOver();
    expect(old.signal.aborted).toBe(true);
    expect(fresh.signal.aborted).toBe(false);
  });

  it('a second copy in the same world replaces the first', () => {
    const first = new ScriptContext('fill-agent', () => true);
    first.takeOver();
    const second = new ScriptContext('fill-agent', () => true);
    second.takeOver();
    expect(first.signal.aborted).toBe(true);
    expect(second.isValid).toBe(true);
  });

  it('scripts with other names are left alone', () => {
    const agent = new ScriptContext('fill-agent', () => true);
    agent.takeOver();
    const detector = new ScriptContext('autofill', () => true);
    detector.takeOver();
    expect(agent.isValid).toBe(true);
    detector.abort();
  });
});
