import { useCallback, useRef, useState } from 'react';
import { useStore } from '../store';
import './notices.css';

/** A message for the person: an error (something failed or a file was refused) or information (progress, success). */
export interface Notice {
  text: string;
  kind: 'error' | 'info';
  /** Bumped on every new notice, so the same text said twice is announced twice. */
  seq?: number;
}

let noticeSeq = 0;

/** Local notice state for a panel: `say(text, 'error')` or `say(text)` (information); `say(null)` clears. */
export function useNotice(): [Notice | null, (text: string | null, kind?: Notice['kind']) => void] {
  const [notice, setNotice] = useState<Notice | null>(null);
  const say = useCallback((text: string | null, kind: Notice['kind'] = 'info') => {
    setNotice(text ? { text, kind, seq: ++noticeSeq } : null);
  }, []);
  return [notice, say];
}

/**
 * Where a panel's notice appears. Both live regions are always in the page, so screen readers announce
 * what arrives: errors at once (role="alert"), information politely (role="status").
 */
export function NoticeLine({ notice, className }: { notice: Notice | null; className?: string }) {
  const error = notice?.kind === 'error' ? notice : null;
  const info = notice?.kind === 'info' ? notice : null;
  return (
    <div className={`notice-line${className ? ` ${className}` : ''}`}>
      <p role="alert" className="notice notice-error">
        {error ? <span key={error.seq}>{error.text}</span> : null}
      </p>
      <p role="status" className="notice notice-info">
        {info ? <span key={info.seq}>{info.text}</span> : null}
      </p>
    </div>
  );
}

/** Notices about things that were ignored or went wrong; nothing is lost silently. */
export function Messages() {
  const messages = useStore((s) => s.messages);
  const dismiss = useStore((s) => s.dismissMessage);
  const box = useRef<HTMLDivElement>(null);
  const onDismiss = (i: number) => {
    dismiss(i);
    // Keep the keyboard in the list: the next message's button, else the list itself.
    requestAnimationFrame(() => {
      const buttons = box.current?.querySelectorAll<HTMLButtonElement>('button');
      const next = buttons?.[Math.min(i, buttons.length - 1)];
      if (next) next.focus();
      else box.current?.focus();
    });
  };
  return (
    <div ref={box} role="status" aria-live="polite" className={`messages${messages.length ? ' has-messages' : ''}`} tabIndex={-1}>
      {messages.map((m, i) => (
        <p key={m} className="message">
          <span id={`message-${i}`} className="message-text">
            {m}
          </span>
          <button type="button" className="message-dismiss" onClick={() => onDismiss(i)} aria-label="Dismiss message" aria-describedby={`message-${i}`}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
