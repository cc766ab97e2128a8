import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { defineItem, isSameStoredValue, setItems } from './storage-item';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('isSameStoredValue', () => {
  it.each([
    { a: 1, b: 1, expected: true },
    { a: 'x', b: 'x', expected: true },
    { a: null, b: null, expected: true },
    { a: 1, b: '1', expected: false },
    { a: null, b: {}, expected: false },
    { a: { count: 0, lastAt: 0 }, b: { lastAt: 0, count: 0 }, expected: true },
    { a: { count: 0 }, b: { count: 0, lastAt: 0 }, expected: false },
    { a: { count: 0, lastAt: 1 }, b: { count: 0, other: 1 }, expected: false },
    { a: [1, 2], b: [1, 2], expected: true },
    { a: [1, 2], b: [2, 1], expected: false },
    { a: [], b: {}, expected: false },
    { a: { sites: ['amazon.com'], nested: { deep: [{ x: 1 }] } }, b: { sites: ['amazon.com'], nested: { deep: [{ x: 1 }] } }, expected: true },
    { a: { nested: { deep: [{ x: 1 }] } }, b: { nested: { deep: [{ x: 2 }] } }, expected: false },
  ])('$a and $b: $expected', ({ a, b, expected }) => {
    expect(isSameStoredValue(a, b)).toBe(expected);
    expect(isSameStoredValue(b, a)).toBe(expected);
  });
});

describe('defineItem', () => {
  it('reads nothing when it is declared, only when asked', async () => {
    const localGet = vi.spyOn(browser.storage.local, 'get');
    const sessionGet = vi.spyOn(browser.storage.session, 'get');
    const item = defineItem<string>('local:vault');
    defineItem<string>('session:dataKey');
    expect(localGet).not.toHaveBeenCalled();
    expect(sessionGet).not.toHaveBeenCalled();
    await item.getValue();
    expect(localGet).toHaveBeenCalledTimes(1);
    expect(sessionGet).not.toHaveBeenCalled();
  });

  it('keeps its value under its own name, in its own area', async () => {
    const item = defineItem<string>('session:dataKey');
    expect(item.key).toBe('session:dataKey');
    expect(await item.getValue()).toBeNull();
    await item.setValue('a2V5');
    expect(await item.getValue()).toBe('a2V5');
    expect(await browser.storage.session.get('dataKey')).toEqual({ dataKey: 'a2V5' });
    expect(await browser.storage.local.get('dataKey')).toEqual({});
    await item.removeValue();
    expect(await item.getValue()).toBeNull();
  });

  it('gives its fallback when nothing is stored, and removes the key when set to null', async () => {
    const item = defineItem('local:unlockFailures', { fallback: { count: 0, lastAt: 0 } });
    expect(await item.getValue()).toEqual({ count: 0, lastAt: 0 });
    await item.setValue({ count: 2, lastAt: 5 });
    expect(await item.getValue()).toEqual({ count: 2, lastAt: 5 });
    await item.setValue(null);
    expect(await browser.storage.local.get('unlockFailures')).toEqual({});
    expect(await item.getValue()).toEqual({ count: 0, lastAt: 0 });
  });

  it('tells its watchers of real changes to its own key only, with the fallback for a removed value', async () => {
    const item = defineItem('local:settings', { fallback: { theme: 'system' } });
    const other = defineItem<string>('local:other');
    const seen: [unknown, unknown][] = [];
    const unwatch = item.watch((newValue, oldValue) => seen.push([newValue, oldValue]));
    await item.setValue({ theme: 'dark' });
    await item.setValue({ theme: 'dark' }); // the same value again: no change
    await other.setValue('x');
    await browser.storage.session.set({ settings: { theme: 'light' } }); // same name, other area
    await item.removeValue();
    unwatch();
    await item.setValue({ theme: 'light' });
    expect(seen).toEqual([
      [{ theme: 'dark' }, { theme: 'system' }],
      [{ theme: 'system' }, { theme: 'dark' }],
    ]);
  });
});

describe('setItems', () => {
  it('stores several values of one area in one write, and each area apart', async () => {
    const vault = defineItem<string>('local:vault');
    const ops = defineItem<string[]>('local:vaultOps');
    const key = defineItem<string>('session:dataKey');
    const localSet = vi.spyOn(browser.storage.local, 'set');
    await setItems([{ item: vault, value: 'file' }, { item: ops, value: ['op-1'] }, { item: key, value: 'a2V5' }]);
    expect(localSet).toHaveBeenCalledTimes(1);
    expect(localSet).toHaveBeenCalledWith({ vault: 'file', vaultOps: ['op-1'] });
    expect(await vault.getValue()).toBe('file');
    expect(await ops.getValue()).toEqual(['op-1']);
    expect(await key.getValue()).toBe('a2V5');
  });
});
