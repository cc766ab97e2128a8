import { render } from 'preact';
import { App } from '@/components/popup/app';
import { prefetchAccounts } from '@/components/popup/prefetch';
import { t, uiLanguage } from '@/utils/i18n/t';
import './style.css';

prefetchAccounts();

// The language the messages are in, for screen readers, hyphenation and fonts (CJK glyphs).
document.documentElement.lang = uiLanguage();
document.title = t('extName');

render(<App />, document.getElementById('app')!);
