import { Component, h, type FunctionComponent } from 'preact';

/**
 * `Inner`, rendered again only when `equal(previous, next)` is false. (The same idea as
 * preact/compat's `memo`, without pulling compat and its global option hooks into the popup.)
 */
export function memo<P extends object>(Inner: FunctionComponent<P>, equal: (previous: P, next: P) => boolean): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !equal(this.props as P, next);
    }
    override render() {
      return h(Inner, this.props as P);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
