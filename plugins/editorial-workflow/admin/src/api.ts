import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';

export type Requirement = 'note' | 'assignee' | 'reasons' | 'scheduledAt' | 'publicNote' | 'withdrawal';

export interface EventOption {
  name: string;
  to: string;
  requires: Requirement[];
}

export interface TimelineEntry {
  id: number;
  event: string;
  fromState: string | null;
  toState: string | null;
  actorName: string;
  at: string;
  reasons: string[] | null;
  note: string | null;
}

export interface DocumentCase {
  case: { id: number; state: string; publicNote: string | null; scheduledAt: string | null } | null;
  state: string;
  timeline: TimelineEntry[];
  events: EventOption[];
}

export interface RefusalBody {
  error?: { message?: string; details?: { refusals?: string[] } };
}

/** Loads a resource of the plugin's admin API and reloads it on demand. */
export function usePluginResource<T>(path: string | null) {
  const { get } = useFetchClient();
  const [data, setData] = useState<T | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) return undefined;
    let cancelled = false;
    get(path)
      .then((response: { data: { data: T } }) => {
        if (!cancelled) setData(response.data.data);
      })
      .catch(() => {
        if (!cancelled) setData(null);
      });
    return () => {
      cancelled = true;
    };
  }, [get, path, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, reload };
}

let workflowTypes: Promise<string[]> | null = null;

/**
 * Returns the content types under the workflow. The list is fetched once per page load and
 * shared, because every edit view renders the side panel and several wrapped actions.
 */
export function useWorkflowTypes(): string[] | null {
  const { get } = useFetchClient();
  const [types, setTypes] = useState<string[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    workflowTypes ??= get('/editorial-workflow/content-types').then((response: { data: { data: string[] } }) => response.data.data);
    workflowTypes
      .then((data) => {
        if (!cancelled) setTypes(data);
      })
      .catch(() => {
        // Clearing the cache makes the next component that mounts send the request again.
        workflowTypes = null;
      });
    return () => {
      cancelled = true;
    };
  }, [get]);

  return types;
}

/** Returns the message of a refused request, as the server wrote it. */
export const refusalMessage = (error: unknown) => {
  const body = (error as { response?: { data?: RefusalBody } })?.response?.data;
  return body?.error?.details?.refusals?.join(' ') ?? body?.error?.message ?? null;
};
