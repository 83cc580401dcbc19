import { useStore } from '../store';

/** Notices about things that were ignored or went wrong; nothing is lost silently. */
export function Messages() {
  const messages = useStore((s) => s.messages);
  const dismiss = useStore((s) => s.dismissMessage);
  return (
    <div role="status" aria-live="polite" className="messages">
      {messages.map((m, i) => (
        <p key={m} className="message" id={`message-${i}`}>
          {m}{' '}
          <button type="button" className="link-button" onClick={() => dismiss(i)} aria-describedby={`message-${i}`}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
