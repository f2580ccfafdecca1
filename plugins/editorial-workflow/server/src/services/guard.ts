import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage<{ event: string }>();

/**
 * Marks the code that a workflow transition runs, so that the publication gate lets its publish
 * and unpublish calls through. Everything else that tries to publish a workflow type is rejected.
 */
export const publicationGuard = {
  run<T>(event: string, work: () => Promise<T>): Promise<T> {
    return storage.run({ event }, work);
  },
  activeEvent(): string | undefined {
    return storage.getStore()?.event;
  },
};
