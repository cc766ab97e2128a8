import { render } from 'preact';
import { App } from '@/components/popup/app';
import { takeOpening } from '@/components/popup/opening';
import { applyTheme } from '@/components/popup/theme';
import { t, uiLanguage } from '@/utils/i18n/t';
import './style.css';

// The language the messages are in, for screen readers, hyphenation and fonts (CJK glyphs).
document.documentElement.lang = uiLanguage();
document.title = t('extName');

const root = document.getElementById('app')!;
// "Opening…" until the background answers; usually it already has, and the first frame painted
// is the answer (the callback runs before the browser paints).
render(<App key="waiting" opening={null} />, root);
void takeOpening().then((opening) => {
  if (opening.ok) applyTheme(opening.value.theme);
  render(<App key="opened" opening={opening} />, root);
});
