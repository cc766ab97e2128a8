import { render } from 'preact';
import { OptionsApp } from '@/components/options/options-app';
import { t, uiLanguage } from '@/utils/i18n/t';
import './style.css';

// The language the messages are in, for screen readers, hyphenation and fonts (CJK glyphs);
// index.html's English title is only seen until this runs.
document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');

render(<OptionsApp />, document.getElementById('app')!);
