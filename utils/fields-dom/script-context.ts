/**
 * The lifetime of one content-script instance, in refined-github's shape: a `main(ctx)` registers
 * its listeners, timers and observers through `ctx`, and all of them stop when the context dies
 * (the extension was reloaded or updated, or a newer copy of the same script took over the frame).
 *
 * A small stand-in for WXT's `ContentScriptContext`, which pulls in the whole
 * webextension-polyfill (~10 KB) and would alone exceed the content script's size budget.
 */
export class ScriptContext {
  private readonly controller = new AbortController();

  /**
   * @param name the script's name; a newer instance with the same name stops this one
   * @param isAlive whether the extension is still there (e.g. `() => Boolean(browser.runtime?.id)`)
   */
  constructor(
    readonly name: string,
    private readonly isAlive: () => boolean,
  ) {}

  /** Aborted when the context dies. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** False once the context died; checks the extension too, and dies if it is gone. */
  get isValid(): boolean {
    if (this.controller.signal.aborted) return false;
    let alive = false;
    try {
      alive = this.isAlive();
    } catch {
      alive = false;
    }
    if (!alive) this.abort();
    return alive;
  }

  /** Ends the context: every listener, timer and observer registered through it stops. */
  abort(): void {
    this.controller.abort();
  }

  /** Runs `callback` when the context dies. */
  onInvalidated(callback: () => void): void {
    this.controller.signal.addEventListener('abort', callback, { once: true });
  }

  /** `target.addEventListener`, removed when the context dies. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options: AddEventListenerOptions = {}): void {
    target.addEventListener(type, handler, { ...options, signal: this.controller.signal });
  }

  /** `setTimeout` that never fires after the context died. */
  setTimeout(handler: () => void, ms: number): number {
    const id = window.setTimeout(() => {
      if (this.isValid) handler();
    }, ms);
    this.onInvalidated(() => window.clearTimeout(id));
    return id;
  }

  /** A `MutationObserver` on `target`, disconnected when the context dies. */
  observe(target: Node, options: MutationObserverInit, callback: MutationCallback): MutationObserver {
    const observer = new MutationObserver((records, self) => {
      if (this.isValid) callback(records, self);
      else self.disconnect();
    });
    observer.observe(target, options);
    this.onInvalidated(() => observer.disconnect());
    return observer;
  }

  /**
   * Stops older instances of this script in the frame and lets newer ones stop this one.
   *
   * Within one world (the same extension instance) the current instance is kept on the world's
   * global object, which page scripts cannot reach, and replaced outright. After an extension
   * reload or update the old instance lives in another world: a DOM event on the window, which
   * every world sees, tells it to check on itself. Pages see and can send that event too, so it
   * carries nothing and decides nothing: an instance only stops when its own extension is gone
   * (`isValid`), which no page can fake.
   */
  takeOver(): void {
    const slot = `__twofold:${this.name}`;
    const world = globalThis as unknown as Record<string, ScriptContext | undefined>;
    const previous = world[slot];
    if (previous !== undefined && previous !== this) previous.abort();
    world[slot] = this;
    this.onInvalidated(() => {
      if (world[slot] === this) delete world[slot];
    });
    const type = `twofold:started:${this.name}`;
    window.dispatchEvent(new Event(type));
    this.addEventListener(window, type, () => void this.isValid);
  }
}
