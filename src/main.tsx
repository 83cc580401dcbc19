// First: the map's code (preloaded by the page) is asked for before the rest of the app runs.
import './map/early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { App } from './App';
import { UpdateNotice } from './components/UpdateNotice';
import { startOffline } from './data/offline';
import './styles.css';

// An error an error boundary catches (e.g. the map failing) is handled and shown in words: a warning
// in the console, not an error (React would otherwise log every caught error as console.error).
const root = createRoot(document.getElementById('root')!, {
  onCaughtError: (error) => console.warn('Handled by an error boundary:', error instanceof Error ? error.message : error),
});
// The first render at once (flushSync), not in a later task: its effects, which start loading the data, then run
// straight after it rather than after the browser has painted the loading status.
flushSync(() =>
  root.render(
    <StrictMode>
      <App />
      <UpdateNotice />
    </StrictMode>,
  ),
);

// Offline after the first visit (production builds only).
startOffline();
