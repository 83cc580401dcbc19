import type { ReactNode } from 'react';
import { TASKS } from '../../ui/tasks';
import type { TaskId } from '../../lib/share/url';

/** One task's panel: its name (focused when the person switches task), its one-line purpose, then its sections. */
export function TaskPanel({ id, children }: { id: TaskId; children: ReactNode }) {
  const t = TASKS.find((x) => x.id === id)!;
  return (
    <div className={`task task-${id}`} data-task={id}>
      <h2 className="task-title" tabIndex={-1} id="task-title">
        {t.name}
      </h2>
      <p className="task-lead sub">{t.blurb}</p>
      {id === 'explore' ? (
        // Phones show the tabs without their purpose lines; the first screen says what each is for.
        <ul className="task-intro sub">
          {TASKS.filter((x) => x.id !== 'explore').map((x) => (
            <li key={x.id}>
              <strong>{x.name}:</strong> {x.blurb.charAt(0).toLowerCase() + x.blurb.slice(1)}
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </div>
  );
}
