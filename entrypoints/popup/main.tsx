import { render } from 'preact';

render(<main>Twofold</main>, document.getElementById('app')!);
