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
  private readonly token = Math.random().toString(36).slice(2);

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
   * Instances live in separate worlds after an extension reload, so they meet through a DOM
   * event on the window, which every world sees.
   */
  takeOver(): void {
    const type = `twofold:started:${this.name}`;
    window.dispatchEvent(new CustomEvent(type, { detail: this.token }));
    this.addEventListener(window, type, (event) => {
      if ((event as CustomEvent<unknown>).detail !== this.token) this.abort();
    });
  }
}
