import { render } from 'preact';
import { App } from '@/components/popup/app';
import './style.css';

render(<App />, document.getElementById('app')!);
