// First: the map's code (preloaded by the page) is asked for before the rest of the app runs.
import './map/early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { UpdateNotice } from './components/UpdateNotice';
import { startOffline } from './data/offline';
import './styles.css';

// An error an error boundary catches (e.g. the map failing) is handled and shown in words: a warning
// in the console, not an error (React would otherwise log every caught error as console.error).
createRoot(document.getElementById('root')!, {
  onCaughtError: (error) => console.warn('Handled by an error boundary:', error instanceof Error ? error.message : error),
}).render(
  <StrictMode>
    <App />
    <UpdateNotice />
  </StrictMode>,
);

// Offline after the first visit (production builds only).
startOffline();
