import { createElement, useEffect, useSyncExternalStore, type ComponentProps, type ComponentType } from 'react';
import type * as DeferredPanels from './deferred-panels';

/*
 * Panels that show only with a step's results load as their own chunk (deferred-panels.ts): the window's start
 * parses and runs none of them, nor the schemas they read details with (docs/testing.md "Benchmarks"). The chunk
 * loads once the window is idle after its first paint (main.tsx), or as soon as such a panel mounts; results
 * take longer to arrive, so a panel has its code before it has anything to show.
 */

type DeferredModule = typeof DeferredPanels;

let loaded: DeferredModule | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Loads the deferred panels' chunk (once); resolves when its components render synchronously. */
export function loadDeferredPanels(): Promise<void> {
  loading ??= import('./deferred-panels').then((module) => {
    loaded = module;
    for (const listener of listeners) listener();
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A stand-in for one component of the deferred chunk: nothing until the chunk is there, then the component. */
export function deferred<K extends keyof DeferredModule>(name: K): ComponentType<ComponentProps<DeferredModule[K]>> {
  type Props = ComponentProps<DeferredModule[K]>;
  function Deferred(props: Props) {
    const module = useSyncExternalStore(subscribe, () => loaded);
    useEffect(() => {
      if (!module) void loadDeferredPanels();
    }, [module]);
    if (!module) return null;
    // One of the chunk's components with its own props (the stand-in's type is that component's).
    return createElement(module[name] as ComponentType<object>, props);
  }
  Deferred.displayName = `Deferred(${name})`;
  return Deferred;
}
