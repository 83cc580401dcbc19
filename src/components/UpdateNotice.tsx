import { useSyncExternalStore } from 'react';
import { offlineState, reloadToUpdate, subscribeOffline } from '../data/offline';

/**
 * "A new version is available — reload": shown when the service worker has a new version waiting.
 * Nothing changes until the person chooses "Reload" (so no work in progress is lost unasked).
 */
export function UpdateNotice() {
  const { updateWaiting } = useSyncExternalStore(subscribeOffline, offlineState);
  return (
    <section aria-label="App update" className="update-notice no-print" style={updateWaiting ? BOX : HIDDEN}>
      <p role="status" style={{ margin: 0 }}>
        {updateWaiting ? 'A new version is available — reload' : ''}
      </p>
      {updateWaiting ? (
        <button type="button" onClick={() => void reloadToUpdate()} style={BUTTON}>
          Reload
        </button>
      ) : null}
    </section>
  );
}

const BOX = {
  position: 'fixed',
  zIndex: 20,
  left: '50%',
  bottom: '1rem',
  transform: 'translateX(-50%)',
  display: 'flex',
  gap: '0.8rem',
  alignItems: 'center',
  maxWidth: 'calc(100vw - 2rem)',
  padding: '0.6rem 0.8rem',
  background: '#0b0c0c',
  color: '#fff',
  border: '2px solid #fff',
  boxShadow: '0 2px 8px rgba(0,0,0,0.4)',
} as const;

const HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' } as const;

const BUTTON = { font: 'inherit', fontWeight: 700, padding: '0.3rem 0.8rem', background: '#fff', color: '#0b0c0c', border: '2px solid #fff', cursor: 'pointer' } as const;
