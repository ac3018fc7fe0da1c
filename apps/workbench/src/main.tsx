import { render } from 'preact';
import { App } from './app';
// Stylesheets by concern; Vite bundles them into one file. Layouts hold from 360 px up.
import './styles/base.css';
import './styles/layout.css';
import './styles/job.css';
import './styles/review.css';
import './styles/login.css';
import './styles/media.css';

render(<App />, document.getElementById('app')!);
