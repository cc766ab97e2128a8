/** Styles of the region-select overlay (inside its closed shadow root), light and dark. */
export const overlayStyles = `
:host { all: initial; }
* { box-sizing: border-box; font: 14px/1.4 system-ui, sans-serif; }
.layer { position: fixed; inset: 0; cursor: crosshair; background: rgba(10, 12, 20, 0.35); outline: none; }
.box { position: fixed; border: 2px solid #8c9eff; background: rgba(140, 158, 255, 0.15); box-shadow: 0 0 0 9999px rgba(10, 12, 20, 0.25); }
.bar { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); display: flex; gap: 12px; align-items: center;
  padding: 8px 12px; border-radius: 8px; background: #ffffff; color: #1c1e26; box-shadow: 0 4px 16px rgba(0,0,0,0.3); }
button { font-weight: 600; border: 1px solid #c5cae9; background: #f3f4f8; color: inherit; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:focus-visible { outline: 2px solid #2f6bff; outline-offset: 2px; }
.toast { display: flex; gap: 12px; align-items: center; max-width: 420px; padding: 10px 12px; border-radius: 8px;
  background: #ffffff; color: #1c1e26; box-shadow: 0 4px 16px rgba(0,0,0,0.3); border-left: 4px solid #1e6b3a; }
.toast.fail { border-left-color: #b3261e; }
@media (prefers-color-scheme: dark) {
  .bar, .toast { background: #20232c; color: #e8e9ee; }
  button { background: #16181f; border-color: #343846; }
}
`;
