import { useStore } from '../store';
import { NEAR_DEFAULT_LAYERS, pickShare, serialise, type TaskId } from '../lib/share/url';
import { TASKS } from '../ui/tasks';

/**
 * The four tasks as links: each is a real URL (open in a new tab works), and a click changes the
 * task in the store, which pushes a history entry, so the back button returns to the last task.
 */
export function TaskNav() {
  const task = useStore((s) => s.task);
  // The link for each task is this view's link with the task changed, so "open in new tab" keeps the rest.
  const query = useStore((s) => serialise(pickShare(s)));
  const hrefFor = (id: TaskId) => {
    const p = new URLSearchParams(query);
    if (id === 'explore') p.delete('task');
    else p.set('task', id);
    return `?${p.toString()}`;
  };
  return (
    <nav aria-label="Tasks" className="task-nav no-print">
      <ul>
        {TASKS.map((t) => (
          <li key={t.id} className={t.id === task ? 'current' : undefined}>
            <a
              href={hrefFor(t.id)}
              aria-current={t.id === task ? 'page' : undefined}
              aria-describedby={`task-blurb-${t.id}`}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                const st = useStore.getState();
                const noServices = !st.layers.some((l) => l !== 'qof');
                st.setShare({ task: t.id, ...(t.id === 'near' && noServices ? { layers: [...st.layers, ...NEAR_DEFAULT_LAYERS] } : {}) });
              }}
            >
              {t.name}
            </a>
            <span id={`task-blurb-${t.id}`} className="task-blurb">
              {t.blurb}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
