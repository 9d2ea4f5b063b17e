/**
 * Runs `task` once the next frame has painted: a task queued from the frame's animation callback runs after that
 * frame. A window that paints no frame (hidden, minimised) still runs it after `fallbackMs`.
 */
export function afterNextPaint(task: () => void, fallbackMs = 100): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    task();
  };
  const fallback = setTimeout(once, fallbackMs);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
}
