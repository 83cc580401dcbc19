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
      {children}
    </div>
  );
}
